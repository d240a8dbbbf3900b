// The audit trail of the hiring side and the accounts: each change through a route writes exactly
// one entry with who, from where and about whom; a refused one writes none; sensitive pages and
// exports write a read entry when their data was returned, and none on a 403 or 404.
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditTrail } from "~/data/audit.server";
import { prisma } from "~/data/db.server";
import type { Role } from "~/domain/roles";
import * as password from "~/routes/account.password/route";
import * as everywhere from "~/routes/account.sign-out-everywhere";
import * as users from "~/routes/admin.users/route";
import * as candidatePage from "~/routes/candidates.$candidateId._index/route";
import * as editCandidate from "~/routes/candidates.$candidateId.edit/route";
import * as newLoop from "~/routes/candidates.$candidateId.loops.new/route";
import * as onboard from "~/routes/candidates.$candidateId.onboard/route";
import * as newCandidate from "~/routes/candidates.new/route";
import * as committeeList from "~/routes/committee._index/route";
import * as loopsCsv from "~/routes/committee.loops[.]csv";
import * as scorecardsJson from "~/routes/committee.scorecards[.]json";
import * as scorecardPage from "~/routes/interviews.$interviewId.scorecard/route";
import * as login from "~/routes/login/route";
import * as logout from "~/routes/logout";
import * as loopPage from "~/routes/loops.$loopId._index/route";
import * as committee from "~/routes/loops.$loopId.committee/route";
import * as rubricVersion from "~/routes/rubrics.$track.$version._index/route";
import * as readScorecard from "~/routes/scorecards.$scorecardId._index/route";
import * as draft from "~/routes/scorecards.$scorecardId.draft";
import { postJson } from "../helpers/json";
import { loopWithInterviews, publishShippedRubrics, stage2Content } from "../helpers/loops";
import { call, cookieFrom } from "../helpers/route";
import { createUser, sessionCookieFor, TEST_PASSWORD } from "../helpers/users";

/** The address `call` sends from, and the one `postJson` sends from. */
const ADDRESS = "203.0.113.7";
const JSON_ADDRESS = "203.0.113.1";

type Entry = Awaited<ReturnType<typeof prisma.auditEntry.findMany>>[number];

/** Runs `work` and returns what it answered and every audit entry it wrote, in order. */
async function audited<T>(work: () => Promise<T>): Promise<{ answer: T; entries: Entry[] }> {
  const head = (await prisma.auditEntry.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
  const answer = await work();
  return { answer, entries: await prisma.auditEntry.findMany({ where: { seq: { gt: head } }, orderBy: { seq: "asc" } }) };
}

const detailOf = (entry: Entry) => (entry.detail ? (JSON.parse(entry.detail) as Record<string, unknown>) : null);

async function person(roles: Role[], name?: string) {
  const user = await createUser(roles, name ? { name } : {});
  return { ...user, cookie: await sessionCookieFor(user.id) };
}

const CANDIDATE = { name: "Grace Hopper", email: "grace.audit@mail.example", source: "product_engineer", targetLevel: "L6", links: "", notes: "Met at a conference." };
/** Every override confirmed: these loops are decided before they are complete. */
const CONFIRMED = { confirmedOverrides: ["incomplete_loop", "against_recommendation"], overrideJustification: "The committee decides now on purpose." };

let recruiter: Awaited<ReturnType<typeof person>>;
let member: Awaited<ReturnType<typeof person>>;
let admin: Awaited<ReturnType<typeof person>>;
let outsider: Awaited<ReturnType<typeof person>>;

beforeAll(async () => {
  await publishShippedRubrics();
  recruiter = await person(["recruiter"]);
  member = await person(["hiring_committee"]);
  admin = await person(["admin"]);
  outsider = await person(["builder"]);
});

describe("changes to candidates and loops", () => {
  it("creating a candidate writes one entry about them; bad input and a forbidden request write none", async () => {
    const { answer, entries } = await audited(() => call(newCandidate.action, { url: "/candidates/new", cookie: recruiter.cookie, form: CANDIDATE }));
    expect(answer.status).toBe(302);
    const stored = await prisma.candidate.findFirstOrThrow({ where: { email: CANDIDATE.email } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "change", action: "candidate.create", recordType: "candidate", recordId: stored.id, candidateId: stored.id, actorId: recruiter.id, address: ADDRESS });
    // Nothing personal in the entry: the name and email stay in the candidate's row.
    expect(JSON.stringify(entries[0])).not.toContain("Grace");

    const bad = await audited(() => call(newCandidate.action, { url: "/candidates/new", cookie: recruiter.cookie, form: { ...CANDIDATE, name: "" } }));
    expect(bad.answer.status).toBe(400);
    expect(bad.entries).toEqual([]);
    const forbidden = await audited(() => call(newCandidate.action, { url: "/candidates/new", cookie: outsider.cookie, form: CANDIDATE }));
    expect(forbidden.answer.status).toBe(403);
    expect(forbidden.entries).toEqual([]);
  });

  it("editing a candidate names the fields changed, not their values; an unknown candidate writes none", async () => {
    const stored = await prisma.candidate.create({ data: { name: "Ada Byron", email: "ada.audit@mail.example", source: "founder", targetLevel: "L5" } });
    const form = { name: "Ada Lovelace", email: "ada.audit@mail.example", source: "founder", targetLevel: "L5", links: "", notes: "" };
    const { answer, entries } = await audited(() => call(editCandidate.action, { url: "/", cookie: recruiter.cookie, params: { candidateId: stored.id }, form }));
    expect(answer.status).toBe(302);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "candidate.update", candidateId: stored.id, actorId: recruiter.id, address: ADDRESS });
    expect(detailOf(entries[0]!)).toEqual({ fields: ["name"] });
    expect(JSON.stringify(entries[0])).not.toContain("Lovelace");

    const missing = await audited(() => call(editCandidate.action, { url: "/", cookie: recruiter.cookie, params: { candidateId: "nobody" }, form }));
    expect(missing.answer.status).toBe(404);
    expect(missing.entries).toEqual([]);
  });

  it("starting a loop and adding an interview each write one entry with the candidate; refusals write none", async () => {
    const candidate = await prisma.candidate.create({ data: { name: "Rosa Lind", email: "rosa.audit@mail.example", source: "founder", targetLevel: "L5" } });
    const params = { candidateId: candidate.id };
    const refused = await audited(() => call(newLoop.action, { url: "/", cookie: recruiter.cookie, params, form: { track: "no-such-track", targetLevel: "L5" } }));
    expect(refused.answer.status).toBe(400);
    expect(refused.entries).toEqual([]);

    const started = await audited(() => call(newLoop.action, { url: "/", cookie: recruiter.cookie, params, form: { track: "builder", targetLevel: "L5" } }));
    expect(started.answer.status).toBe(302);
    const loop = await prisma.loop.findFirstOrThrow({ where: { candidateId: candidate.id } });
    expect(started.entries).toHaveLength(1);
    expect(started.entries[0]).toMatchObject({ action: "loop.create", recordType: "loop", recordId: loop.id, candidateId: candidate.id, actorId: recruiter.id, address: ADDRESS });
    expect(detailOf(started.entries[0]!)).toMatchObject({ track: "builder", targetLevel: "L5" });

    const interviewer = await createUser(["interviewer"]);
    const form = (stageId: string) => ({ intent: "add-interview", stageId, startsAtLocal: "2026-12-01T14:30", timeZone: "Europe/Berlin", durationMinutes: "60", interviewerIds: [interviewer.id] });
    const badStage = await audited(() => call(loopPage.action, { url: "/", cookie: recruiter.cookie, params: { loopId: loop.id }, form: form("no_such_stage") }));
    expect(badStage.answer.status).toBe(400);
    expect(badStage.entries).toEqual([]);
    const asInterviewer = await audited(async () => call(loopPage.action, { url: "/", cookie: await sessionCookieFor(interviewer.id), params: { loopId: loop.id }, form: form("initial_screen") }));
    expect(asInterviewer.answer.status).toBe(403);
    expect(asInterviewer.entries).toEqual([]);

    const added = await audited(() => call(loopPage.action, { url: "/", cookie: recruiter.cookie, params: { loopId: loop.id }, form: form("initial_screen") }));
    expect(added.answer.status).toBe(200);
    const interview = await prisma.interview.findFirstOrThrow({ where: { loopId: loop.id } });
    expect(added.entries).toHaveLength(1);
    expect(added.entries[0]).toMatchObject({ action: "interview.add", recordType: "interview", recordId: interview.id, candidateId: candidate.id, actorId: recruiter.id });
    expect(detailOf(added.entries[0]!)).toMatchObject({ loopId: loop.id, stageId: "initial_screen", interviewerIds: [interviewer.id] });
  });
});

describe("scorecards", () => {
  it("opening, saving, submitting and amending each write one entry; stale and forbidden writes write none; every view is a read", async () => {
    const interviewer = await person(["interviewer"]);
    const { interviewIds, loopId, candidate } = await loopWithInterviews([{ stageId: "technical_deep_dive", interviewerIds: [interviewer.id] }]);
    const interviewId = interviewIds[0]!;
    const open = () => call(scorecardPage.loader, { url: "/", cookie: interviewer.cookie, params: { interviewId } });

    const first = await audited(open);
    expect(first.answer.status).toBe(200);
    const scorecardId = (first.answer.body as { scorecardId: string }).scorecardId;
    const about = { recordType: "scorecard", recordId: scorecardId, candidateId: candidate.id, actorId: interviewer.id, address: ADDRESS };
    expect(first.entries.map((e) => [e.kind, e.action])).toEqual([
      ["change", "scorecard.open"],
      ["read", "scorecard.read"],
    ]);
    for (const entry of first.entries) expect(entry).toMatchObject(about);
    // Opened once: the next view is a read only.
    expect((await audited(open)).entries.map((e) => e.action)).toEqual(["scorecard.read"]);

    const save = (cookie: string, version: number) => postJson(draft.action, "/", cookie, { scorecardId }, { version, content: stage2Content([3, 3, 3, 3]) });
    const saved = await audited(() => save(interviewer.cookie, 0));
    expect(saved.answer.status).toBe(200);
    expect(saved.entries).toHaveLength(1);
    expect(saved.entries[0]).toMatchObject({ ...about, address: JSON_ADDRESS, kind: "change", action: "scorecard.draft_save" });
    expect(detailOf(saved.entries[0]!)).toEqual({ loopId, version: 1 });
    const stale = await audited(() => save(interviewer.cookie, 0));
    expect(stale.answer.status).toBe(409);
    expect(stale.entries).toEqual([]);
    const someoneElse = await person(["interviewer"]);
    const notTheirs = await audited(() => save(someoneElse.cookie, 1));
    expect(notTheirs.answer.status).toBe(403);
    expect(notTheirs.entries).toEqual([]);

    const post = (body: unknown) => postJson(scorecardPage.action, "/", interviewer.cookie, { interviewId }, body);
    const staleSubmit = await audited(() => post({ intent: "submit", version: 0, content: stage2Content() }));
    expect(staleSubmit.answer.status).toBe(409);
    expect(staleSubmit.entries).toEqual([]);
    const submitted = await audited(() => post({ intent: "submit", version: 1, content: stage2Content() }));
    expect(submitted.answer.status).toBe(302);
    expect(submitted.entries).toHaveLength(1);
    expect(submitted.entries[0]).toMatchObject({ ...about, address: JSON_ADDRESS, action: "scorecard.submit", reason: null });

    const amend = (revision: number) => post({ intent: "amend", revision, reason: "Re-read my notes on the schema.", content: stage2Content([4, 3, 3, 3]) });
    const amended = await audited(() => amend(1));
    expect(amended.answer.status).toBe(302);
    expect(amended.entries).toHaveLength(1);
    expect(amended.entries[0]).toMatchObject({ ...about, address: JSON_ADDRESS, action: "scorecard.amend", reason: "Re-read my notes on the schema." });
    expect(detailOf(amended.entries[0]!)).toEqual({ loopId, revision: 2 });
    const staleAmend = await audited(() => amend(1));
    expect(staleAmend.answer.status).toBe(409);
    expect(staleAmend.entries).toEqual([]);

    // Read by the committee: one read entry; by a co-interviewer who still owes theirs: 403, none.
    const read = await audited(() => call(readScorecard.loader, { url: "/", cookie: member.cookie, params: { scorecardId } }));
    expect(read.answer.status).toBe(200);
    expect(read.entries).toHaveLength(1);
    expect(read.entries[0]).toMatchObject({ ...about, kind: "read", action: "scorecard.read", actorId: member.id });
    expect(detailOf(read.entries[0]!)).toMatchObject({ whose: "other", status: "submitted" });
    const owing = await person(["interviewer"]);
    await prisma.interviewAssignment.create({ data: { interviewId, interviewerId: owing.id } });
    const refused = await audited(() => call(readScorecard.loader, { url: "/", cookie: owing.cookie, params: { scorecardId } }));
    expect(refused.answer.status).toBe(403);
    expect(refused.entries).toEqual([]);
  });
});

describe("decisions and onboarding", () => {
  const decide = (loopId: string, cookie: string, form: Record<string, string>) =>
    call(committee.action, { url: "/", cookie, params: { loopId }, form: { ...CONFIRMED, ...form } });
  const HIRE = { outcome: "hire", level: "L5", baseSalary: "230000", rationale: "Kwame ships end to end; a clear hire." };

  it("a decision records its outcome and level only; bad input, a stale decision and a recruiter write none", async () => {
    const { loopId, candidate } = await loopWithInterviews([]);
    const bad = await audited(() => decide(loopId, member.cookie, { ...HIRE, rationale: "" }));
    expect(bad.answer.status).toBe(400);
    expect(bad.entries).toEqual([]);
    const forbidden = await audited(() => decide(loopId, recruiter.cookie, HIRE));
    expect(forbidden.answer.status).toBe(403);
    expect(forbidden.entries).toEqual([]);

    const { answer, entries } = await audited(() => decide(loopId, member.cookie, HIRE));
    expect(answer.status).toBe(200);
    const decision = await prisma.hiringDecision.findFirstOrThrow({ where: { loopId } });
    // The decision, then the candidate's status it sets (a hire makes them hired), by the same person.
    expect(entries.map((e) => e.action)).toEqual(["decision.record", "candidate.status"]);
    expect(entries[1]).toMatchObject({ recordId: candidate.id, actorId: member.id, reason: null });
    expect(detailOf(entries[1]!)).toMatchObject({ from: "active", to: "hired", cause: "decision", decisionId: decision.id });
    expect(entries[0]).toMatchObject({ kind: "change", action: "decision.record", recordType: "decision", recordId: decision.id, candidateId: candidate.id, actorId: member.id, address: ADDRESS, reason: null });
    expect(detailOf(entries[0]!)).toMatchObject({ loopId, outcome: "hire", level: "L5" });
    // Neither the rationale (free text about the candidate) nor the pay.
    expect(JSON.stringify(entries)).not.toMatch(/Kwame|230000/);

    // A second decision that does not name the one in force is refused: nothing recorded.
    const stale = await audited(() => decide(loopId, member.cookie, HIRE));
    expect(stale.answer.status).toBe(409);
    expect(stale.entries).toEqual([]);
  });

  it("onboarding a hire is about the candidate and the new builder; a second attempt writes none", async () => {
    const { loopId, candidate } = await loopWithInterviews([]);
    await prisma.candidate.update({ where: { id: candidate.id }, data: { email: `hire-${loopId}@mail.example` } });
    expect((await decide(loopId, member.cookie, HIRE)).status).toBe(200);
    const form = { loopId, startDate: "2026-12-01" };
    const post = () => call(onboard.action, { url: "/", cookie: admin.cookie, params: { candidateId: candidate.id }, form });
    const { answer, entries } = await audited(post);
    expect(answer.status).toBe(200);
    const { userId, temporaryPassword } = answer.body as { userId: string; temporaryPassword: string };
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "candidate.onboard", recordType: "candidate", recordId: candidate.id, candidateId: candidate.id, subjectUserId: userId, actorId: admin.id, address: ADDRESS });
    expect(JSON.stringify(entries[0])).not.toContain(temporaryPassword);
    expect(JSON.stringify(entries[0])).not.toContain("230000");

    const again = await audited(post);
    expect(again.answer.status).toBe(409);
    expect(again.entries).toEqual([]);
  });
});

describe("accounts and administration", () => {
  it("a role change records the roles before and after, about the person changed; a refused one writes none", async () => {
    const target = await createUser(["builder"]);
    const { answer, entries } = await audited(() => call(users.action, { url: "/", cookie: admin.cookie, form: { intent: "roles", userId: target.id, roles: ["builder", "interviewer"] } }));
    expect(answer.status).toBe(200);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "user.roles_change", recordType: "user", recordId: target.id, subjectUserId: target.id, actorId: admin.id, address: ADDRESS });
    expect(detailOf(entries[0]!)).toEqual({ before: ["builder"], after: ["interviewer", "builder"] });

    const ownAdmin = await audited(() => call(users.action, { url: "/", cookie: admin.cookie, form: { intent: "roles", userId: admin.id, roles: ["recruiter"] } }));
    expect(ownAdmin.answer.status).toBe(403);
    expect(ownAdmin.entries).toEqual([]);
  });

  it("signing in, changing one's password, signing out and signing out everywhere are each recorded once; failures are not", async () => {
    const user = await createUser(["interviewer"]);
    const account = { recordType: "account", recordId: user.id, subjectUserId: user.id, actorId: user.id };

    const wrong = await audited(() => call(login.action, { url: "/login", form: { email: user.email, password: "not the password" } }));
    expect(wrong.answer.status).toBe(400);
    expect(wrong.entries).toEqual([]);
    const signedIn = await audited(() => call(login.action, { url: "/login", form: { email: user.email, password: TEST_PASSWORD }, address: "198.51.100.9" }));
    expect(signedIn.answer.status).toBe(302);
    expect(signedIn.entries).toHaveLength(1);
    expect(signedIn.entries[0]).toMatchObject({ ...account, action: "account.sign_in", address: "198.51.100.9" });
    let cookie = cookieFrom(signedIn.answer)!;

    const NEW = "a much longer passphrase 2026";
    const change = (current: string) => call(password.action, { url: "/", cookie, form: { currentPassword: current, newPassword: NEW, confirmPassword: NEW } });
    const badCurrent = await audited(() => change("not my password"));
    expect(badCurrent.answer.status).toBe(400);
    expect(badCurrent.entries).toEqual([]);
    const changed = await audited(() => change(TEST_PASSWORD));
    expect(changed.answer.status).toBe(302);
    expect(changed.entries).toHaveLength(1);
    expect(changed.entries[0]).toMatchObject({ ...account, action: "account.password_change", address: ADDRESS });
    cookie = cookieFrom(changed.answer)!;

    const out = await audited(() => call(logout.action, { url: "/logout", cookie, form: {} }));
    expect(out.answer.status).toBe(302);
    expect(out.entries).toHaveLength(1);
    expect(out.entries[0]).toMatchObject({ ...account, action: "account.sign_out" });
    // Signing out again with the ended cookie, or with none, ends nothing and records nothing.
    expect((await audited(() => call(logout.action, { url: "/logout", cookie, form: {} }))).entries).toEqual([]);
    expect((await audited(() => call(logout.action, { url: "/logout", form: {} }))).entries).toEqual([]);

    const [one] = [await sessionCookieFor(user.id), await sessionCookieFor(user.id)];
    const all = await audited(() => call(everywhere.action, { url: "/", cookie: one!, form: {} }));
    expect(all.answer.status).toBe(302);
    expect(all.entries).toHaveLength(1);
    expect(all.entries[0]).toMatchObject({ ...account, action: "account.sign_out_everywhere" });
    expect(detailOf(all.entries[0]!)).toEqual({ sessionsEnded: 2 });
  });

  it("retiring and reinstating a rubric version are recorded; a refused retirement is not", async () => {
    const params = { track: "builder", version: "v1" };
    const retire = await audited(() => call(rubricVersion.action, { url: "/", cookie: admin.cookie, params, form: { intent: "retire" } }));
    expect(retire.answer.status).toBe(200);
    const v1 = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 1 } } });
    expect(retire.entries).toHaveLength(1);
    expect(retire.entries[0]).toMatchObject({ action: "rubric.retire", recordType: "rubric", recordId: v1.id, actorId: admin.id, candidateId: null });
    const back = await audited(() => call(rubricVersion.action, { url: "/", cookie: admin.cookie, params, form: { intent: "reinstate" } }));
    expect(back.entries.map((e) => e.action)).toEqual(["rubric.unretire"]);

    const only = await audited(() => call(rubricVersion.action, { url: "/", cookie: admin.cookie, params: { track: "product-builder", version: "v1" }, form: { intent: "retire" } }));
    expect(only.answer.status).toBe(400);
    expect(only.entries).toEqual([]);
  });
});

describe("sensitive reads", () => {
  it("the candidate page is a read of the candidate; a 403 or 404 writes none", async () => {
    const candidate = await prisma.candidate.create({ data: { name: "Read Me", email: "read.me@mail.example", source: "founder", targetLevel: "L5" } });
    const page = (cookie: string, candidateId = candidate.id) => call(candidatePage.loader, { url: "/", cookie, params: { candidateId } });
    const shown = await audited(() => page(recruiter.cookie));
    expect(shown.answer.status).toBe(200);
    expect(shown.entries).toHaveLength(1);
    expect(shown.entries[0]).toMatchObject({ kind: "read", action: "candidate.read", recordType: "candidate", recordId: candidate.id, candidateId: candidate.id, actorId: recruiter.id, address: ADDRESS });
    expect((await audited(() => page(outsider.cookie))).entries).toEqual([]);
    expect((await audited(() => page(recruiter.cookie, "nobody"))).entries).toEqual([]);
  });

  it("the committee page is a read of the loop's review, with pay only when pay was shown", async () => {
    const { loopId, candidate } = await loopWithInterviews([]);
    const page = (cookie: string) => call(committee.loader, { url: "/", cookie, params: { loopId } });
    const full = await audited(() => page(member.cookie));
    expect(full.answer.status).toBe(200);
    expect(full.entries).toHaveLength(1);
    expect(full.entries[0]).toMatchObject({ kind: "read", action: "committee.read", recordId: loopId, candidateId: candidate.id, actorId: member.id });
    expect(detailOf(full.entries[0]!)).toMatchObject({ pay: true });

    const completion = await audited(() => page(recruiter.cookie));
    expect(completion.answer.status).toBe(200);
    expect(detailOf(completion.entries[0]!)).toMatchObject({ audience: "recruiter", pay: false });

    const denied = await audited(() => page(outsider.cookie));
    expect(denied.answer.status).toBe(403);
    expect(denied.entries).toEqual([]);
  });

  it("each export is one read entry with how many rows it held; the list page is one too; a 403 writes none", async () => {
    const csv = await audited(() => call(loopsCsv.loader, { url: "/committee/loops.csv?status=all", cookie: member.cookie }));
    expect(csv.answer.status).toBe(200);
    const lines = String(csv.answer.body).trim().split("\r\n").length - 1;
    expect(lines).toBeGreaterThan(0);
    expect(csv.entries).toHaveLength(1);
    expect(csv.entries[0]).toMatchObject({ kind: "read", action: "committee.export", recordType: "committee", actorId: member.id, candidateId: null });
    expect(detailOf(csv.entries[0]!)).toMatchObject({ kind: "loops", format: "csv", rows: lines });

    const json = await audited(() => call(scorecardsJson.loader, { url: "/committee/scorecards.json?status=all", cookie: member.cookie }));
    expect(json.entries).toHaveLength(1);
    expect(detailOf(json.entries[0]!)).toMatchObject({ kind: "scorecards", format: "json", rows: (JSON.parse(String(json.answer.body)) as unknown[]).length });

    const list = await audited(() => call(committeeList.loader, { url: "/committee?status=all", cookie: member.cookie }));
    expect(list.entries.map((e) => [e.kind, e.action])).toEqual([["read", "committee.list"]]);

    const denied = await audited(() => call(loopsCsv.loader, { url: "/committee/loops.csv", cookie: recruiter.cookie }));
    expect(denied.answer.status).toBe(403);
    expect(denied.entries).toEqual([]);
  });

  it("leaves an unbroken chain after all of the above", async () => {
    expect((await verifyAuditTrail()).broken).toBeNull();
  });
});
