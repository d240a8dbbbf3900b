import { beforeAll, describe, expect, it } from "vitest";
import { eraseCandidate } from "~/data/candidate-erasure.server";
import { RefusalError as ClosedLoopRefusal, RefusalError as LoopRefusal } from "~/domain/refusal";
import { recordDecision } from "~/data/committee.server";
import { prisma } from "~/data/db.server";
import { addInterview, createLoop, findLoop } from "~/data/loops.server";
import { createBuilderFromHire } from "~/data/onboarding.server";
import { openScorecard, submitScorecard } from "~/data/scorecards.server";
import type { Role } from "~/domain/roles";
import type { Rubric } from "~/domain/rubric/schema";
import type { SubmittedContent } from "~/domain/scorecard/schema";
import * as home from "~/routes/_index/route";
import * as candidatePage from "~/routes/candidates.$candidateId._index/route";
import * as list from "~/routes/candidates._index/route";
import * as committeePage from "~/routes/committee._index/route";
import * as loopPage from "~/routes/loops.$loopId._index/route";
import { actorOf } from "../helpers/actor";
import { loopWithInterviews, publishShippedRubrics } from "../helpers/loops";
import { call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

type CandidatePage = Awaited<ReturnType<typeof candidatePage.loader>>;
type LoopPage = Awaited<ReturnType<typeof loopPage.loader>>;
type Home = Awaited<ReturnType<typeof home.loader>>;
type Committee = Awaited<ReturnType<typeof committeePage.loader>>;
type List = Awaited<ReturnType<typeof list.loader>>;
type Failure = { ok: false; fieldErrors: Record<string, string[] | undefined>; formErrors: string[] };

const HOUR = 3_600_000;
const REASON = "Not the right fit for the platform team";

let recruiter: { id: string; cookie: string };
let committee: { id: string; cookie: string };
let people: Record<"ada" | "ben" | "cai" | "dee" | "eve" | "fay" | "gus", { id: string; cookie: string }>;

async function person(roles: Role[], name = "Test User") {
  const user = await createUser(roles, { name });
  return { id: user.id, cookie: await sessionCookieFor(user.id) };
}

beforeAll(async () => {
  await publishShippedRubrics();
  recruiter = await person(["recruiter"], "Rita Recruiter");
  committee = await person(["hiring_committee"], "Cora Committee");
  const names = ["ada", "ben", "cai", "dee", "eve", "fay", "gus"] as const;
  people = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await person(["interviewer"], `${n} Interviewer`)] as const))) as typeof people;
});

/** A submitted scorecard rating every criterion of the stage 4, recommending yes. */
function content(rubric: Rubric, stageId: string): SubmittedContent {
  const stage = rubric.stages.find((s) => s.id === stageId)!;
  return {
    ratings: stage.criteria.map((c) => ({ criterionId: c.id, rating: 4, evidence: `Specific evidence for ${c.id}.` })),
    signals: rubric.signals.map((s) => ({ signalId: s.id, observed: false, note: "" })),
    redFlags: rubric.red_flags.map((f) => ({ flagId: f.id, raised: false, evidence: "" })),
    recommendation: "yes",
    takeaways: "Take-aways.",
  } as SubmittedContent;
}

/**
 * A candidate with two loops: one complete (every stage's scorecards submitted: in the committee's
 * queue), and one where Fay has an interview ahead and Gus owes a scorecard on an interview held.
 */
async function candidateWithTwoLoops(name: string) {
  const stages = { initial_screen: ["ada"], technical_deep_dive: ["ben", "cai"], product_assessment: ["dee", "eve"] } as const;
  const complete = await loopWithInterviews(Object.entries(stages).map(([stageId, who]) => ({ stageId, interviewerIds: who.map((w) => people[w].id) })));
  await prisma.candidate.update({ where: { id: complete.candidate.id }, data: { name, email: `${complete.candidate.id}@mail.example` } });
  const loop = (await findLoop(complete.loopId))!;
  const now = new Date();
  for (const [index, [stageId, who]] of Object.entries(stages).entries()) {
    const stage = loop.rubric.stages.find((s) => s.id === stageId)!;
    const competencyOf = (id: string) => stage.criteria.find((c) => c.id === id)!.competency;
    for (const w of who) {
      const card = await openScorecard({ id: complete.interviewIds[index]!, loopId: complete.loopId, stageId }, people[w].id, actorOf(people[w].id), now);
      await submitScorecard(card, content(loop.rubric, stageId), competencyOf, actorOf(people[w].id), now);
    }
  }
  const second = await createLoop({ candidateId: complete.candidate.id, track: "builder", targetLevel: "L5", actor: actorOf(recruiter.id), now });
  await addInterview({ loopId: second, stageId: "initial_screen", startsAt: new Date(now.getTime() + 48 * HOUR), durationMinutes: 60, interviewerIds: [people.fay.id], actor: actorOf(recruiter.id), now });
  await addInterview({ loopId: second, stageId: "technical_deep_dive", startsAt: new Date(now.getTime() - 3 * HOUR), durationMinutes: 60, interviewerIds: [people.gus.id], actor: actorOf(recruiter.id), now });
  return { candidateId: complete.candidate.id, inReview: complete.loopId, ongoing: second };
}

const candidateUrl = (id: string) => ({ url: `/candidates/${id}`, params: { candidateId: id } });
const loopUrl = (id: string) => ({ url: `/loops/${id}`, params: { loopId: id } });

async function pageOf(candidateId: string, cookie = recruiter.cookie) {
  const answer = await call(candidatePage.loader, { ...candidateUrl(candidateId), cookie });
  expect(answer.status).toBe(200);
  return answer.body as CandidatePage;
}

/** Sends the status form, based on the version the candidate's page shows now unless told otherwise. */
async function setStatus(candidateId: string, fields: { status: string; reason?: string; statusChangedAt?: string }, cookie = recruiter.cookie) {
  const version = fields.statusChangedAt ?? (await pageOf(candidateId)).pipeline.version;
  return call(candidatePage.action, { ...candidateUrl(candidateId), cookie, form: { intent: "set-status", status: fields.status, reason: fields.reason ?? "", statusChangedAt: version } });
}

async function committeeRows(query = "") {
  const answer = await call(committeePage.loader, { url: `/committee${query}`, cookie: committee.cookie });
  expect(answer.status).toBe(200);
  return (answer.body as Committee).rows;
}

async function homeOf(cookie: string) {
  const answer = await call(home.loader, { url: "/", cookie });
  expect(answer.status).toBe(200);
  return answer.body as Home;
}
const queueLoops = (data: Home) => Object.values(data.queue ?? {}).flatMap((entries) => entries.map((e) => e.loopId));

/** The rows a pipeline change could write, to prove a refused one wrote nothing. */
async function snapshot() {
  const [candidates, loops, interviews, decisions, audit] = await Promise.all([
    prisma.candidate.findMany({ orderBy: { id: "asc" } }),
    prisma.loop.findMany({ orderBy: { id: "asc" } }),
    prisma.interview.count(),
    prisma.hiringDecision.count(),
    // Reads are recorded too (opening a candidate's page): only changes count here.
    prisma.auditEntry.count({ where: { kind: "change" } }),
  ]);
  return JSON.stringify({ candidates, loops, interviews, decisions, audit });
}

describe("rejecting a candidate", () => {
  it("closes every open loop with the reason in the same change; the loops leave the committee queue, the interviewers' to-do lists and the recruiters' chase list", async () => {
    const { candidateId, inReview, ongoing } = await candidateWithTwoLoops("Rejected Rosa");
    // Before: the complete loop awaits the committee; Fay has an interview ahead, Gus owes a scorecard.
    expect((await committeeRows()).map((r) => r.loopId)).toContain(inReview);
    expect(queueLoops(await homeOf(people.fay.cookie))).toContain(ongoing);
    expect(queueLoops(await homeOf(people.gus.cookie))).toContain(ongoing);
    expect((await homeOf(recruiter.cookie)).owed?.map((l) => l.loopId)).toContain(ongoing);

    const answer = await setStatus(candidateId, { status: "rejected", reason: `  ${REASON}  ` });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true });

    const stored = await prisma.candidate.findUniqueOrThrow({ where: { id: candidateId } });
    expect(stored).toMatchObject({ status: "rejected", statusReason: REASON, statusChangedAt: expect.any(Date) });
    for (const id of [inReview, ongoing]) {
      expect(await prisma.loop.findUniqueOrThrow({ where: { id } })).toMatchObject({ closedAt: stored.statusChangedAt, closeReason: REASON });
    }
    // One entry for the status and one per loop closed, each by the recruiter, with the reason.
    const entries = await prisma.auditEntry.findMany({ where: { candidateId, action: { in: ["candidate.status", "loop.close"] } }, orderBy: { seq: "asc" } });
    expect(entries.map((e) => [e.action, e.recordId, e.actorId, e.reason])).toEqual([
      ["loop.close", inReview, recruiter.id, REASON],
      ["loop.close", ongoing, recruiter.id, REASON],
      ["candidate.status", candidateId, recruiter.id, REASON],
    ]);
    expect(JSON.parse(entries[2]!.detail!)).toEqual({ from: "active", to: "rejected", closedLoops: [inReview, ongoing] });

    // After: out of the queue (the revision-keyed cache saw it), listed as closed; off every to-do list.
    expect((await committeeRows()).map((r) => r.loopId)).not.toContain(inReview);
    const closed = await committeeRows("?status=closed");
    expect(closed.filter((r) => r.candidateId === candidateId).map((r) => [r.loopId, r.status]).sort()).toEqual(
      [
        [inReview, "closed"],
        [ongoing, "closed"],
      ].sort(),
    );
    expect(queueLoops(await homeOf(people.fay.cookie))).not.toContain(ongoing);
    expect(queueLoops(await homeOf(people.gus.cookie))).not.toContain(ongoing);
    expect((await homeOf(recruiter.cookie)).owed?.map((l) => l.loopId)).not.toContain(ongoing);
    expect((await homeOf(committee.cookie)).inReview?.loops.map((l) => l.loopId)).not.toContain(inReview);

    // The candidate's page and the loop's page say so; no new loop is offered.
    const page = await pageOf(candidateId);
    expect(page.pipeline).toMatchObject({ status: "rejected", reason: REASON, moves: ["active"], openLoops: 0 });
    expect(page.canStartLoop).toBe(false);
    expect(page.loops.every((l) => l.closedAt !== null && l.closeReason === REASON)).toBe(true);
    // (Gus: his interview was held. Fay's was still ahead, so closing cancelled it and the loop is no longer hers to open.)
    const loop = (await call(loopPage.loader, { ...loopUrl(ongoing), cookie: people.gus.cookie })).body as LoopPage;
    expect(loop.closure).toMatchObject({ closedAt: expect.any(Date), closeReason: REASON });

    // A closed loop takes no interview (409 from the page) and no decision; nothing is written.
    const before = await snapshot();
    const added = await call(loopPage.action, {
      ...loopUrl(ongoing),
      cookie: recruiter.cookie,
      form: { intent: "add-interview", stageId: "product_assessment", startsAtLocal: "2027-01-05T10:00", timeZone: "Europe/Berlin", durationMinutes: "60", interviewerIds: people.fay.id },
    });
    expect(added.status).toBe(409);
    await expect(
      recordDecision({ loopId: inReview, outcome: "hire", level: "L5", baseSalary: 150_000, bandJustification: "", rationale: "Strong.", correctsId: undefined, currency: "EUR", actor: actorOf(committee.id), now: new Date() }),
    ).rejects.toBeInstanceOf(ClosedLoopRefusal);
    // Nor a new loop while they are rejected.
    await expect(createLoop({ candidateId, track: "builder", targetLevel: "L5", actor: actorOf(recruiter.id), now: new Date() })).rejects.toBeInstanceOf(LoopRefusal);
    expect(await snapshot()).toBe(before);

    // Back to active: the loops stay closed until one is reopened, which puts it back in the queue.
    expect((await call(loopPage.action, { ...loopUrl(inReview), cookie: recruiter.cookie, form: { intent: "reopen-loop" } })).status).toBe(409);
    expect((await setStatus(candidateId, { status: "active", reason: "Reconsidered after the references" })).status).toBe(200);
    expect(await prisma.loop.count({ where: { candidateId, closedAt: null } })).toBe(0);
    const reopened = await call(loopPage.action, { ...loopUrl(inReview), cookie: recruiter.cookie, form: { intent: "reopen-loop" } });
    expect(reopened.status).toBe(200);
    expect(await prisma.loop.findUniqueOrThrow({ where: { id: inReview } })).toMatchObject({ closedAt: null, closeReason: null });
    expect((await committeeRows()).map((r) => r.loopId)).toContain(inReview);
    expect(await prisma.auditEntry.count({ where: { action: "loop.reopen", recordId: inReview, actorId: recruiter.id } })).toBe(1);
  });

  it("cancels the interviews still ahead on the loops it closes, telling their interviewers' calendars; those already held stay", async () => {
    const { candidateId, ongoing } = await candidateWithTwoLoops("Noor Ahead");
    const before = await prisma.interview.findMany({ where: { loopId: ongoing }, orderBy: { startsAt: "asc" } });
    const [held, ahead] = before;
    expect(await setStatus(candidateId, { status: "rejected", reason: REASON })).toMatchObject({ status: 200 });
    const after = new Map((await prisma.interview.findMany({ where: { loopId: ongoing } })).map((i) => [i.id, i]));
    expect(after.get(ahead!.id)).toMatchObject({ sequence: ahead!.sequence + 1, cancelReason: REASON });
    expect(after.get(ahead!.id)!.cancelledAt).not.toBeNull();
    expect(after.get(held!.id)).toMatchObject({ sequence: held!.sequence, cancelledAt: null });
    // Fay's calendar is told to drop it (the same UID, METHOD:CANCEL); Gus, whose interview was held, hears nothing.
    const fay = await prisma.user.findUniqueOrThrow({ where: { id: people.fay.id } });
    const mails = await prisma.outboxMessage.findMany({ where: { recipientEmail: fay.email, subject: { startsWith: "Interview cancelled" }, ics: { contains: ahead!.id } } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.ics).toContain("METHOD:CANCEL");
    expect(mails[0]!.ics).toContain(`UID:interview-${ahead!.id}@builder-ladder`);
    const gus = await prisma.user.findUniqueOrThrow({ where: { id: people.gus.id } });
    expect(await prisma.outboxMessage.count({ where: { recipientEmail: gus.email, subject: { startsWith: "Interview cancelled" }, ics: { contains: held!.id } } })).toBe(0);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "interview.cancel", recordId: ahead!.id } });
    expect(JSON.parse(entry.detail!)).toMatchObject({ cause: "loop.close" });
  });

  it("withdrawing needs a reason too, and closes the loops the same way", async () => {
    const { candidateId, ongoing } = await candidateWithTwoLoops("Withdrawn Wanda");
    const before = await snapshot();
    const refused = await setStatus(candidateId, { status: "withdrawn", reason: "   " });
    expect(refused.status).toBe(400);
    expect((refused.body as Failure).fieldErrors.reason).toEqual(["Write why the candidate is withdrawn"]);
    expect(await snapshot()).toBe(before);
    expect((await setStatus(candidateId, { status: "withdrawn", reason: "Accepted another offer" })).status).toBe(200);
    expect(await prisma.loop.findUniqueOrThrow({ where: { id: ongoing } })).toMatchObject({ closeReason: "Accepted another offer" });
  });

  it("putting a candidate on hold keeps their loops open", async () => {
    const { candidateId, inReview } = await candidateWithTwoLoops("Held Hana");
    expect((await setStatus(candidateId, { status: "on_hold" })).status).toBe(200);
    expect(await prisma.candidate.findUniqueOrThrow({ where: { id: candidateId } })).toMatchObject({ status: "on_hold", statusReason: "" });
    expect(await prisma.loop.count({ where: { candidateId, closedAt: null } })).toBe(2);
    expect((await committeeRows()).map((r) => r.loopId)).toContain(inReview);
  });
});

describe("a stale status form", () => {
  it("is refused with 409 and writes nothing, when someone changed the status since the page was read", async () => {
    const candidate = await prisma.candidate.create({ data: { name: "Stale Stan", email: "stale@mail.example", source: "other", targetLevel: "L4" } });
    const read = (await pageOf(candidate.id)).pipeline.version;
    expect(read).toBe("");
    // Someone else puts them on hold first.
    expect((await setStatus(candidate.id, { status: "on_hold", reason: "Hiring freeze", statusChangedAt: read })).status).toBe(200);
    const before = await snapshot();
    const stale = await setStatus(candidate.id, { status: "rejected", reason: REASON, statusChangedAt: read });
    expect(stale.status).toBe(409);
    expect((stale.body as Failure).formErrors[0]).toMatch(/changed this candidate's status .* now on hold/);
    // A version no page ever showed is stale too.
    expect((await setStatus(candidate.id, { status: "rejected", reason: REASON, statusChangedAt: "2020-01-01T00:00:00.000Z" })).status).toBe(409);
    expect(await snapshot()).toBe(before);
    // With the version read now, it goes through.
    expect((await setStatus(candidate.id, { status: "rejected", reason: REASON })).status).toBe(200);
  });
});

describe("moves the rules refuse", () => {
  it("never sets hired by hand (400), refuses a move the status does not allow or the same status (409), and writes nothing", async () => {
    const candidate = await prisma.candidate.create({ data: { name: "Moved Mo", email: "moved@mail.example", source: "other", targetLevel: "L4" } });
    const before = await snapshot();
    const hired = await setStatus(candidate.id, { status: "hired", reason: "Offer signed" });
    expect(hired.status).toBe(400);
    expect((hired.body as Failure).fieldErrors.status).toBeDefined();
    expect((await setStatus(candidate.id, { status: "active" })).status).toBe(409);
    expect(await snapshot()).toBe(before);
    expect((await setStatus(candidate.id, { status: "rejected", reason: REASON })).status).toBe(200);
    const again = await snapshot();
    const held = await setStatus(candidate.id, { status: "on_hold" });
    expect(held.status).toBe(409);
    expect((held.body as Failure).formErrors).toEqual(["A rejected candidate cannot be moved to on hold."]);
    expect(await snapshot()).toBe(again);
  });

  it("is for recruiters and admins: 403 for others, 404 for an unknown candidate, sign-in when signed out", async () => {
    const candidate = await prisma.candidate.create({ data: { name: "Gated Gil", email: "gated@mail.example", source: "other", targetLevel: "L4" } });
    const before = await snapshot();
    for (const roles of [["hiring_committee"], ["interviewer"], ["builder"], ["manager"]] as Role[][]) {
      const other = await person(roles);
      expect((await setStatus(candidate.id, { status: "on_hold", statusChangedAt: "" }, other.cookie)).status, roles.join()).toBe(403);
    }
    expect((await setStatus(candidate.id, { status: "on_hold", statusChangedAt: "" }, "")).status).toBe(302);
    expect(await snapshot()).toBe(before);
    const admin = await person(["admin"]);
    expect((await setStatus(candidate.id, { status: "on_hold", statusChangedAt: "" }, admin.cookie)).status).toBe(200);
    const unknown = await call(candidatePage.action, { ...candidateUrl("no-such-candidate"), cookie: recruiter.cookie, form: { intent: "set-status", status: "on_hold", reason: "", statusChangedAt: "" } });
    expect(unknown.status).toBe(404);
  });
});

describe("hired follows the committee", () => {
  it("a hire decision makes the candidate hired, a correction to no hire takes it back, onboarding keeps it, and an onboarded builder's status is fixed", async () => {
    const { candidateId, inReview, ongoing } = await candidateWithTwoLoops("Hired Hugo");
    const decide = (outcome: "hire" | "no_hire", correctsId?: string) =>
      recordDecision({
        loopId: inReview,
        outcome,
        ...(outcome === "hire" ? { level: "L5" as const, baseSalary: 150_000 } : {}),
        bandJustification: "",
        rationale: "Decided on the evidence.",
        correctsId,
        currency: "EUR",
        actor: actorOf(committee.id),
        now: new Date(),
      });
    const hire = await decide("hire");
    expect(hire.ok).toBe(true);
    expect((await pageOf(candidateId)).pipeline).toMatchObject({ status: "hired", moves: ["withdrawn", "rejected"] });
    const correction = await decide("no_hire", hire.ok ? hire.id : undefined);
    expect(correction.ok).toBe(true);
    expect((await prisma.candidate.findUniqueOrThrow({ where: { id: candidateId } })).status).toBe("active");
    const entries = await prisma.auditEntry.findMany({ where: { candidateId, action: "candidate.status" }, orderBy: { seq: "asc" } });
    expect(entries.map((e) => [JSON.parse(e.detail!).to, JSON.parse(e.detail!).cause, e.actorId])).toEqual([
      ["hired", "decision", committee.id],
      ["active", "decision", committee.id],
    ]);

    // Hired again, then onboarded: the status can no longer change, and stays hired.
    const rehire = await decide("hire", correction.ok ? correction.id : undefined);
    expect(rehire.ok).toBe(true);
    const candidate = await prisma.candidate.findUniqueOrThrow({ where: { id: candidateId } });
    const created = await createBuilderFromHire({
      candidate: { id: candidateId, name: candidate.name, email: candidate.email },
      loop: { rubricVersionId: (await prisma.loop.findUniqueOrThrow({ where: { id: inReview } })).rubricVersionId, track: "builder" },
      terms: { decisionId: rehire.ok ? rehire.id : "", level: "L5", baseSalary: 150_000, currency: "EUR" },
      managerId: undefined,
      startedAt: new Date(),
      passwordHash: "not-a-real-hash",
      actor: actorOf(recruiter.id),
      now: new Date(),
    });
    expect(created.ok).toBe(true);
    expect((await pageOf(candidateId)).pipeline).toMatchObject({ status: "hired", moves: [] });
    const fixed = await setStatus(candidateId, { status: "withdrawn", reason: "Declined" });
    expect(fixed.status).toBe(409);
    expect(await prisma.loop.findUniqueOrThrow({ where: { id: ongoing } })).toMatchObject({ closedAt: null });
  });

  it("a hire that falls through (offer declined) is withdrawn by hand, closing the loops still open", async () => {
    const { candidateId, inReview, ongoing } = await candidateWithTwoLoops("Declined Dora");
    await recordDecision({ loopId: inReview, outcome: "hire", level: "L5", baseSalary: 150_000, bandJustification: "", rationale: "Strong.", correctsId: undefined, currency: "EUR", actor: actorOf(committee.id), now: new Date() });
    expect((await setStatus(candidateId, { status: "withdrawn", reason: "Declined the offer" })).status).toBe(200);
    expect(await prisma.loop.findUniqueOrThrow({ where: { id: ongoing } })).toMatchObject({ closeReason: "Declined the offer" });
    // The decided loop stays "decided" in the committee's history, with its decision.
    expect((await committeeRows("?status=decided")).map((r) => r.loopId)).toContain(inReview);
  });
});

describe("closing one loop by hand", () => {
  it("needs a reason (400), takes the loop out of the queue and the to-do lists, refuses a second close (409), and is for those who manage loops", async () => {
    const { inReview, ongoing } = await candidateWithTwoLoops("Closed Carla");
    const close = (loopId: string, reason: string, cookie = recruiter.cookie) => call(loopPage.action, { ...loopUrl(loopId), cookie, form: { intent: "close-loop", reason } });
    const before = await snapshot();
    const blank = await close(ongoing, "  ");
    expect(blank.status).toBe(400);
    expect((blank.body as Failure).fieldErrors.reason).toEqual(["Write why the loop is closed"]);
    expect((await close(ongoing, "Role filled", committee.cookie)).status).toBe(403);
    expect((await close(ongoing, "Role filled", people.fay.cookie)).status).toBe(403);
    expect(await snapshot()).toBe(before);

    expect((await close(ongoing, "Moved to the design loop")).status).toBe(200);
    expect(queueLoops(await homeOf(people.fay.cookie))).not.toContain(ongoing);
    expect((await close(inReview, "Role filled internally")).status).toBe(200);
    expect((await committeeRows()).map((r) => r.loopId)).not.toContain(inReview);
    const again = await snapshot();
    expect((await close(inReview, "Twice")).status).toBe(409);
    expect(await snapshot()).toBe(again);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "loop.close", recordId: inReview } });
    expect(entry).toMatchObject({ actorId: recruiter.id, reason: "Role filled internally" });
    // The loop page shows the closure, and offers reopening (not scheduling) to the recruiter.
    const page = (await call(loopPage.loader, { ...loopUrl(inReview), cookie: recruiter.cookie })).body as LoopPage;
    expect(page.closure.closeReason).toBe("Role filled internally");
  });
});

describe("an erased candidate", () => {
  it("takes no status change or loop closure (409), and erasure blanks the status reason and every loop's close reason", async () => {
    const { candidateId, inReview, ongoing } = await candidateWithTwoLoops("Erased Erin");
    const secret = "Erin said her manager at Initech was impossible";
    expect((await setStatus(candidateId, { status: "rejected", reason: secret })).status).toBe(200);
    const admin = await createUser(["admin"]);
    expect(await eraseCandidate(candidateId, { reason: "Asked to be forgotten", actor: actorOf(admin.id), now: new Date() })).toMatchObject({ ok: true });
    const stored = await prisma.candidate.findUniqueOrThrow({ where: { id: candidateId } });
    expect(stored).toMatchObject({ status: "rejected", statusReason: "" });
    for (const id of [inReview, ongoing]) expect((await prisma.loop.findUniqueOrThrow({ where: { id } })).closeReason).toBe("(erased)");
    const trail = JSON.stringify(await prisma.auditEntry.findMany({ where: { candidateId } }));
    expect(trail).not.toContain(secret);

    const before = await snapshot();
    expect((await setStatus(candidateId, { status: "active" })).status).toBe(409);
    expect((await call(loopPage.action, { ...loopUrl(inReview), cookie: recruiter.cookie, form: { intent: "reopen-loop" } })).status).toBe(409);
    expect(await snapshot()).toBe(before);
  });
});

describe("the candidate list", () => {
  const MARK = "Paginated";
  const TOTAL = 101;

  beforeAll(async () => {
    const base = Date.UTC(2025, 0, 1);
    await prisma.candidate.createMany({
      data: Array.from({ length: TOTAL }, (_, i) => ({
        name: `${MARK} Person ${String(i).padStart(3, "0")}`,
        email: `paginated.${i}@mail.example`,
        source: "technical_pm",
        targetLevel: "L7",
        // Three share each instant: the order must still be total.
        createdAt: new Date(base + Math.floor(i / 3) * 60_000),
        status: i % 10 === 0 ? "rejected" : i % 10 === 1 ? "on_hold" : "active",
      })),
    });
  });

  const listAs = async (query: string, cookie = recruiter.cookie) => {
    const answer = await call(list.loader, { url: `/candidates${query}`, cookie });
    expect(answer.status).toBe(200);
    return answer.body as List;
  };

  it.each([
    ["by filters (counted in the database)", "?source=technical_pm&level=L7&status=all"],
    ["by a search (matched in the app)", `?q=${MARK.toUpperCase()}&status=all`],
  ])("pages %s: 50 a page, every candidate exactly once, a page past the end empty", async (_label, query) => {
    const pages = await Promise.all([1, 2, 3].map((n) => listAs(`${query}&page=${n}`)));
    expect(pages.map((p) => p.candidates.length)).toEqual([50, 50, 1]);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3].map((page) => ({ page, pages: 3, total: TOTAL, pageSize: 50 })));
    const ids = pages.flatMap((p) => p.candidates.map((c) => c.id));
    expect(new Set(ids).size).toBe(TOTAL);
    // Newest first.
    const times = pages.flatMap((p) => p.candidates.map((c) => new Date(c.createdAt).getTime()));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const past = await listAs(`${query}&page=4`);
    expect(past.candidates).toEqual([]);
    expect(past.page).toMatchObject({ page: 4, pages: 3, total: TOTAL });
    expect(past.pageLinks.previous).toContain("page=3");
    expect((await listAs(`${query}&page=999999999999`)).candidates).toEqual([]);
    for (const odd of ["0", "-1", "abc", "1.5", "", "1e3", "99999999999999999999"]) {
      const answer = await listAs(`${query}&page=${encodeURIComponent(odd)}`);
      expect(answer.page.page, odd).toBe(1);
      expect(answer.candidates.map((c) => c.id)).toEqual(pages[0]!.candidates.map((c) => c.id));
    }
  });

  it("keeps the search and filters in every page link", async () => {
    const body = await listAs(`?q=${MARK}&source=technical_pm&level=L7&status=all&page=2`);
    for (const link of [body.pageLinks.previous!, body.pageLinks.next!]) {
      const params = new URL(link, "http://x").searchParams;
      expect([params.get("q"), params.get("source"), params.get("level"), params.get("status")]).toEqual([MARK, "technical_pm", "L7", "all"]);
    }
    expect(body.pageLinks.previous).not.toContain("page=");
    expect(body.pageLinks.next).toContain("page=3");
  });

  it("lists candidates in the pipeline (active or on hold) by default, one status, or all", async () => {
    const count = async (status: string) => (await listAs(`?q=${MARK}${status}`)).page.total;
    expect(await count("")).toBe(90);
    expect(await count("&status=rejected")).toBe(11);
    expect(await count("&status=on_hold")).toBe(10);
    expect(await count("&status=all")).toBe(TOTAL);
    // An unknown status reads as the default.
    expect(await count("&status=archived")).toBe(90);
    const shown = await listAs(`?q=${MARK}&status=rejected`);
    expect(shown.candidates.every((c) => c.status === "rejected")).toBe(true);
    expect(shown.filters.status).toBe("rejected");
  });
});
