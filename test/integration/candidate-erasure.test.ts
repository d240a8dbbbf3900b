import { beforeAll, describe, expect, it, vi } from "vitest";
import { recordChange, verifyAuditTrail } from "~/data/audit.server";
import { eraseCandidate } from "~/data/candidate-erasure.server";
import { recordDecision } from "~/data/committee.server";
import { committeeRows } from "~/data/committee-rows.server";
import { prisma } from "~/data/db.server";
import { tableContent, tableNames } from "../security/fingerprint";
import { RefusalError as CandidateChangeRefusal, RefusalError as LoopRefusal } from "~/domain/refusal";
import { addInterview, createLoop } from "~/data/loops.server";
import { createBuilderFromHire } from "~/data/onboarding.server";
import { leniencyUnits, loopRatings, ratingsForLeniency } from "~/data/rater-quality.server";
import { amendScorecard, openScorecard, saveDraft, submitScorecard } from "~/data/scorecards.server";
import { ERASED_TEXT } from "~/domain/candidate-erasure";
import type { SubmittedContent } from "~/domain/scorecard/schema";
import * as candidatePage from "~/routes/candidates.$candidateId._index/route";
import * as dataPage from "~/routes/candidates.$candidateId.data/route";
import * as dataJson from "~/routes/candidates.$candidateId.data[.]json";
import * as edit from "~/routes/candidates.$candidateId.edit/route";
import * as newLoop from "~/routes/candidates.$candidateId.loops.new/route";
import * as onboard from "~/routes/candidates.$candidateId.onboard/route";
import * as draftRoute from "~/routes/scorecards.$scorecardId.draft";
import { actorOf } from "../helpers/actor";
import { loopWithInterviews, stage2Content } from "../helpers/loops";
import { call } from "../helpers/route";
import { invoke } from "../security/invoke";
import type { Handler } from "../security/routes";
import { createUser, sessionCookieFor } from "../helpers/users";

// Makes the erasure's own audit entry fail on demand: the last write of the transaction.
const failures = vi.hoisted(() => ({ eraseEntry: false }));
vi.mock("~/data/audit.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/data/audit.server")>();
  return {
    ...original,
    recordChange: (...args: Parameters<typeof original.recordChange>) => {
      if (failures.eraseEntry && args[2].action === "candidate.erase") throw new Error("disk full");
      return original.recordChange(...args);
    },
  };
});

const STAGE = "technical_deep_dive";
const COMPETENCY: Record<string, string> = {
  live_build: "shipping_excellence",
  system_design: "technical_depth",
  product_considerations: "product_sense",
  debugging_and_review: "technical_depth",
};
const competencyOf = (c: string) => COMPETENCY[c]!;
const now = new Date("2026-11-30T10:00:00Z");

type Person = { id: string; name: string };
type Subject = { candidateId: string; loopId: string; name: string; email: string; secrets: string[] };

let admin: Person;
let adminCookie: string;
let interviewerCookie: string;
let decider: Person;
let raters: Person[];

/**
 * A candidate with a decided loop: two submitted scorecards (one amended, with a raised red flag),
 * a draft, a no-hire decision with an override justification, and an audit entry holding text.
 * Every string a person typed about them is a "secret" the erasure must remove.
 */
async function decidedCandidate(label: string, outcome: "hire" | "no_hire" = "no_hire"): Promise<Subject> {
  const { loopId, interviewIds, candidate, recruiter } = await loopWithInterviews([{ stageId: STAGE, interviewerIds: raters.map((r) => r.id) }]);
  const name = `Zelda ${label} Quist`;
  const email = `zelda.${label.toLowerCase()}@private.example`;
  const secrets = [
    name,
    email,
    `https://zelda-${label}.example/portfolio`,
    `Met ${label} at the meetup`,
    `Referred by Oskar ${label}`,
    `${label} built the billing engine`,
    `${label} knows Postgres`,
    `${label} blamed the team`,
    `${label} is a careful engineer`,
    `${label} amended after the debrief`,
    `${label} drafted this`,
    `${label} lacked customer focus`,
    `${label} withdrew early`,
    `${label} asked about salary`,
  ];
  await prisma.candidate.update({
    where: { id: candidate.id },
    data: {
      name,
      email,
      links: secrets[2]!,
      notes: secrets[3]!,
      dataOrigin: "referral",
      dataOriginDetail: secrets[4]!,
      legalBasis: "consent",
      consentGivenOn: new Date("2026-11-01T00:00:00Z"),
    },
  });
  const interview = { id: interviewIds[0]!, loopId, stageId: STAGE };
  const [a, b, c] = raters as [Person, Person, Person];

  const base = stage2Content([4, 3, 3, 4]);
  const first: SubmittedContent = {
    ...base,
    ratings: base.ratings.map((r, i) => ({ ...r, evidence: i === 0 ? secrets[5]! : `${secrets[6]} (${r.criterionId})` })),
    redFlags: base.redFlags.map((f, i) => (i === 0 ? { ...f, raised: true, evidence: secrets[7]! } : f)),
    takeaways: secrets[8]!,
    recommendation: "no",
  } as SubmittedContent;
  const cardA = await openScorecard(interview, a.id, actorOf(a), now);
  expect(await submitScorecard({ ...cardA, interviewerId: a.id }, first, competencyOf, actorOf(a), now)).toEqual({ ok: true });
  const amended = { ...first, ratings: first.ratings.map((r, i) => (i === 1 ? { ...r, rating: 2 } : r)) } as SubmittedContent;
  expect(
    await amendScorecard(
      { id: cardA.id, loopId, stageId: STAGE, interviewerId: a.id },
      amended,
      { reason: secrets[9]!, basedOn: 1 },
      actorOf(a),
      competencyOf,
      now
    )
  ).toMatchObject({ ok: true });

  const cardB = await openScorecard(interview, b.id, actorOf(b), now);
  expect(await submitScorecard({ ...cardB, interviewerId: b.id }, stage2Content([3, 3, 2, 3]) as SubmittedContent, competencyOf, actorOf(b), now)).toEqual({
    ok: true,
  });

  const cardC = await openScorecard(interview, c.id, actorOf(c), now);
  const draft = stage2Content([2, 2, 2, 2]);
  expect(await saveDraft(cardC.id, cardC.draftVersion, { ...draft, takeaways: secrets[10]! }, actorOf(c), now)).toMatchObject({ ok: true });

  const decision = await recordDecision({
    loopId,
    outcome,
    ...(outcome === "hire" ? { level: "L5" as const, baseSalary: 150_000 } : {}),
    bandJustification: "",
    rationale: secrets[11]!,
    correctsId: undefined,
    currency: "EUR",
    overrides: ["incomplete_loop"],
    overrideJustification: secrets[12]!,
    actor: actorOf(decider.id),
    now,
  });
  expect(decision).toMatchObject({ ok: true });
  // An entry about them with free text: erasure clears it.
  await prisma.$transaction((tx) =>
    recordChange(
      tx,
      actorOf(recruiter),
      {
        action: "candidate.update",
        recordType: "candidate",
        recordId: candidate.id,
        candidateId: candidate.id,
        reason: secrets[13]!,
        detail: { fields: ["notes"] },
      },
      now
    )
  );
  return { candidateId: candidate.id, loopId, name, email, secrets };
}

/** Every row of every table, as text: what a copy of the database would hold. */
async function wholeDatabase(): Promise<string> {
  const parts: string[] = [];
  for (const name of (await tableNames()).filter((n) => !n.startsWith("_prisma"))) parts.push(await tableContent(name));
  return parts.join("\n");
}

async function figures(loopId: string) {
  const rows = await committeeRows(new Date(now.getTime() + 3600_000));
  const row = rows.find((r) => r.loopId === loopId)!;
  const { candidateName: _name, ...counted } = row as typeof row & { candidateName: string };
  return {
    row: counted,
    loopRatings: await loopRatings(loopId),
    leniency: await ratingsForLeniency(),
    units: await leniencyUnits(),
    ratingRows: await prisma.criterionRating.findMany({
      where: { scorecard: { loopId } },
      select: { scorecardId: true, criterionId: true, competencyId: true, rating: true },
      orderBy: [{ scorecardId: "asc" }, { criterionId: "asc" }],
    }),
    flags: await prisma.redFlagRecord.findMany({ where: { loopId }, select: { flagId: true, interviewerId: true, stageId: true }, orderBy: { flagId: "asc" } }),
    decisions: await prisma.hiringDecision.findMany({
      where: { loopId },
      select: { id: true, outcome: true, level: true, baseSalary: true, overrides: true, decidedById: true, decidedAt: true },
    }),
    scorecards: await prisma.scorecard.findMany({
      where: { loopId },
      select: { id: true, status: true, recommendation: true, interviewerId: true, submittedAt: true },
      orderBy: { id: "asc" },
    }),
    revisions: await prisma.scorecardRevision.count({ where: { scorecard: { loopId } } }),
  };
}

const erase = (subject: Subject, form: Record<string, string>, cookie = adminCookie) =>
  call(dataPage.action, { url: `/candidates/${subject.candidateId}/data`, cookie, params: { candidateId: subject.candidateId }, form });

beforeAll(async () => {
  const adminUser = await createUser(["admin"], { name: "Ada Admin" });
  admin = { id: adminUser.id, name: "Ada Admin" };
  adminCookie = await sessionCookieFor(admin.id);
  interviewerCookie = await sessionCookieFor((await createUser(["interviewer"])).id);
  const d = await createUser(["hiring_committee"], { name: "Dora Decider" });
  decider = { id: d.id, name: "Dora Decider" };
  raters = await Promise.all(["Rae", "Sol", "Tam"].map(async (name) => ({ id: (await createUser(["interviewer"], { name })).id, name })));
});

describe("the candidate's data export", () => {
  it("holds their details, data-protection facts, loops, every scorecard revision, the draft, red flags, the decision and the audit entries with actor names", async () => {
    const subject = await decidedCandidate("Export");
    const page = await call(dataPage.loader, {
      url: `/candidates/${subject.candidateId}/data`,
      cookie: adminCookie,
      params: { candidateId: subject.candidateId },
    });
    expect(page.status).toBe(200);
    const { exported } = page.body as Awaited<ReturnType<typeof dataPage.loader>>;
    expect(exported.candidate).toMatchObject({
      name: subject.name,
      email: subject.email,
      dataOrigin: "referral",
      dataOriginDetail: subject.secrets[4],
      legalBasis: "consent",
      consentGivenOn: "2026-11-01",
      noticeSentOn: null,
      erasedAt: null,
    });
    const cards = exported.loops[0]!.interviews[0]!.scorecards;
    expect(cards).toHaveLength(3);
    const amended = cards.find((c) => c.revisions.length === 2)!;
    expect(amended.revisions[1]).toMatchObject({ number: 2, reason: subject.secrets[9], author: { name: "Rae" } });
    expect(amended.redFlags).toEqual([{ flagId: "perfectionist", evidence: subject.secrets[7] }]);
    // Only its interviewer reads a draft, here as everywhere: the export says it left it out.
    expect(cards.find((c) => c.status === "draft")).toMatchObject({ contentWithheld: true, draft: null, interviewer: { name: "Tam" } });
    expect(exported.withheld).toEqual(["drafts (only their interviewer reads a draft)"]);
    expect(exported.loops[0]!.decisions[0]).toMatchObject({
      outcome: "no_hire",
      rationale: subject.secrets[11],
      overrideJustification: subject.secrets[12],
      decidedBy: { name: "Dora Decider" },
    });
    expect(exported.auditEntries.some((e) => e.reason === subject.secrets[13])).toBe(true);
    // The JSON file: everything the page shows, as an attachment.
    const file = await call(dataJson.loader, {
      url: `/candidates/${subject.candidateId}/data.json`,
      cookie: adminCookie,
      params: { candidateId: subject.candidateId },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toBe(`attachment; filename="candidate-${subject.candidateId}.json"`);
    const json = JSON.parse(file.body as string) as typeof exported;
    for (const secret of subject.secrets.filter((s) => s !== subject.secrets[10])) expect(file.body as string).toContain(JSON.stringify(secret).slice(1, -1));
    // Each view is a read entry about the candidate, naming who read it.
    expect(json.auditEntries.filter((e) => e.action === "candidate.export").map((e) => e.actor?.name)).toEqual(["Ada Admin"]);
    expect(await prisma.auditEntry.count({ where: { candidateId: subject.candidateId, action: "candidate.export", kind: "read" } })).toBe(2);
  });

  it("is for admins and recruiters only, and 404 for an unknown candidate", async () => {
    const subject = await decidedCandidate("Gate");
    expect(
      (await call(dataPage.loader, { url: `/candidates/${subject.candidateId}/data`, cookie: interviewerCookie, params: { candidateId: subject.candidateId } }))
        .status
    ).toBe(403);
    expect((await call(dataJson.loader, { url: `/candidates/nope/data.json`, cookie: adminCookie, params: { candidateId: "nope" } })).status).toBe(404);
    const recruiter = await sessionCookieFor((await createUser(["recruiter"])).id);
    const file = await call(dataJson.loader, {
      url: `/candidates/${subject.candidateId}/data.json`,
      cookie: recruiter,
      params: { candidateId: subject.candidateId },
    });
    expect(file.status).toBe(200);
    // A recruiter reads no scorecard and no decision rationale anywhere else: nor here.
    const json = JSON.parse(file.body as string) as Awaited<ReturnType<typeof dataPage.loader>>["exported"];
    expect(json.candidate.email).toBe(subject.email);
    for (const secret of subject.secrets.slice(5, 13)) expect(file.body as string).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(json.loops[0]!.interviews[0]!.scorecards.every((c) => c.contentWithheld && c.ratings.length === 0)).toBe(true);
    expect(json.loops[0]!.decisions[0]).toMatchObject({ outcome: "no_hire", rationale: null, pay: null });
    expect(json.withheld).toEqual(
      expect.arrayContaining(["scorecards you may not read", "the terms (pay) of hiring decisions", "the rationale of hiring decisions"])
    );
  });
});

describe("erasing a candidate", () => {
  it("removes their name, email and every typed text from every table and from the export, and keeps every figure", async () => {
    const subject = await decidedCandidate("Erase");
    const before = await figures(subject.loopId);
    const beforeDb = await wholeDatabase();
    for (const secret of subject.secrets) expect(beforeDb).toContain(JSON.stringify(secret).slice(1, -1));

    const answer = await erase(subject, { reason: "Erasure requested by the candidate (ticket 4411)", confirmation: subject.name });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/candidates/${subject.candidateId}`);

    const afterDb = await wholeDatabase();
    for (const secret of subject.secrets) expect(afterDb, secret).not.toContain(JSON.stringify(secret).slice(1, -1));
    const stored = await prisma.candidate.findUniqueOrThrow({ where: { id: subject.candidateId } });
    expect(stored).toMatchObject({ links: "", notes: "", dataOriginDetail: "", erasedAt: expect.any(Date) });
    expect(stored.name).toMatch(/^Erased candidate [A-Z0-9]{6}$/);
    expect(stored.email).not.toContain("@");
    expect((await prisma.hiringDecision.findFirstOrThrow({ where: { loopId: subject.loopId } })).rationale).toBe(ERASED_TEXT);

    // Ratings, recommendations, red flags, decisions, the committee row and the rater statistics are unchanged.
    expect(await figures(subject.loopId)).toEqual(before);
    const rows = await committeeRows(new Date(now.getTime() + 3600_000));
    expect(rows.find((r) => r.loopId === subject.loopId)!.candidateName).toBe(stored.name);

    // The export says the same: nothing of them is left.
    const file = await call(dataJson.loader, {
      url: `/candidates/${subject.candidateId}/data.json`,
      cookie: adminCookie,
      params: { candidateId: subject.candidateId },
    });
    for (const secret of subject.secrets) expect(file.body as string).not.toContain(JSON.stringify(secret).slice(1, -1));

    // Audit entries about them lost their text, the chain still verifies, and the erasure is recorded with who, when and why.
    const entries = await prisma.auditEntry.findMany({ where: { candidateId: subject.candidateId }, orderBy: { seq: "asc" } });
    const erasure = entries.find((e) => e.action === "candidate.erase")!;
    expect(erasure).toMatchObject({
      actorId: admin.id,
      kind: "change",
      reason: "Erasure requested by the candidate (ticket 4411)",
      redactedAt: null,
      at: expect.any(Date),
    });
    expect(JSON.parse(erasure.detail!)).toMatchObject({ loops: 1, scorecards: 3, revisions: 3, decisions: 1 });
    const earlier = entries.filter((e) => e.seq < erasure.seq);
    expect(earlier.length).toBeGreaterThan(5);
    expect(earlier.every((e) => e.redactedAt !== null && e.reason === null && e.detail === null)).toBe(true);
    expect(JSON.parse(erasure.detail!).entriesRedacted).toBe(earlier.length);
    expect((await verifyAuditTrail()).broken).toBeNull();
  });

  it("after erasure: the page shows the anonymised candidate, and editing or a new loop is refused with 409", async () => {
    const subject = await decidedCandidate("After");
    expect((await erase(subject, { reason: "Requested", confirmation: "ERASE" })).status).toBe(302);
    const params = { candidateId: subject.candidateId };
    const page = await call(candidatePage.loader, { url: `/candidates/${subject.candidateId}`, cookie: adminCookie, params });
    const shown = page.body as Awaited<ReturnType<typeof candidatePage.loader>>;
    expect(shown.candidate.erasedAt).toBeInstanceOf(Date);
    expect(shown).toMatchObject({ canEdit: false, canStartLoop: false, canOnboard: false, canRequestData: true });

    const form = { name: "Zelda Back", email: "zelda@private.example", source: "founder", targetLevel: "L5" };
    expect((await call(edit.loader, { url: `/candidates/${subject.candidateId}/edit`, cookie: adminCookie, params })).status).toBe(409);
    expect((await call(edit.action, { url: `/candidates/${subject.candidateId}/edit`, cookie: adminCookie, params, form })).status).toBe(409);
    expect((await call(newLoop.loader, { url: `/candidates/${subject.candidateId}/loops/new`, cookie: adminCookie, params })).status).toBe(409);
    expect(
      (
        await call(newLoop.action, {
          url: `/candidates/${subject.candidateId}/loops/new`,
          cookie: adminCookie,
          params,
          form: { track: "builder", targetLevel: "L5" },
        })
      ).status
    ).toBe(409);
    expect((await call(onboard.loader, { url: `/candidates/${subject.candidateId}/onboard`, cookie: adminCookie, params })).status).toBe(409);
    // The data layer refuses too, whoever calls it.
    await expect(createLoop({ candidateId: subject.candidateId, track: "builder", targetLevel: "L5", actor: actorOf(admin.id), now })).rejects.toBeInstanceOf(
      LoopRefusal
    );
    expect(await prisma.loop.count({ where: { candidateId: subject.candidateId } })).toBe(1);
    expect((await prisma.candidate.findUniqueOrThrow({ where: { id: subject.candidateId } })).name).toMatch(/^Erased candidate/);

    // Erasing twice is refused, with the reason, and writes nothing.
    const entries = await prisma.auditEntry.count();
    const again = await erase(subject, { reason: "Requested", confirmation: "ERASE" });
    expect(again.status).toBe(409);
    expect((again.body as { formErrors: string[] }).formErrors).toEqual(["This candidate has already been erased."]);
    expect(await prisma.auditEntry.count()).toBe(entries);
  });

  it("after erasure: their loops take no new interview, scorecard text or decision (409), and nothing is written", async () => {
    const subject = await decidedCandidate("Closed");
    const cards = await prisma.scorecard.findMany({ where: { loopId: subject.loopId }, orderBy: { createdAt: "asc" } });
    const draft = cards.find((c) => c.status === "draft")!;
    const submitted = cards.find((c) => c.status === "submitted")!;
    const current = await prisma.hiringDecision.findFirstOrThrow({ where: { loopId: subject.loopId } });
    const interviewerCookie = await sessionCookieFor(draft.interviewerId);
    expect((await erase(subject, { reason: "Requested", confirmation: "ERASE" })).status).toBe(302);
    const before = await wholeDatabase();

    const typed = stage2Content([3, 3, 3, 3]);
    await expect(saveDraft(draft.id, draft.draftVersion, { ...typed, takeaways: "New words about them" }, actorOf(draft.interviewerId), now)).rejects.toBeInstanceOf(CandidateChangeRefusal);
    await expect(submitScorecard({ ...draft }, typed as SubmittedContent, competencyOf, actorOf(draft.interviewerId), now)).rejects.toBeInstanceOf(CandidateChangeRefusal);
    await expect(
      amendScorecard({ id: submitted.id, loopId: subject.loopId, stageId: STAGE, interviewerId: submitted.interviewerId }, typed as SubmittedContent, { reason: "More words", basedOn: 2 }, actorOf(submitted.interviewerId), competencyOf, now),
    ).rejects.toBeInstanceOf(CandidateChangeRefusal);
    await expect(
      addInterview({ loopId: subject.loopId, stageId: STAGE, startsAt: now, durationMinutes: 60, interviewerIds: [raters[0]!.id], actor: actorOf(admin.id), now }),
    ).rejects.toBeInstanceOf(CandidateChangeRefusal);
    await expect(
      recordDecision({ loopId: subject.loopId, outcome: "no_hire", bandJustification: "", rationale: "Words", correctsId: current.id, currency: "EUR", overrides: [], actor: actorOf(decider.id), now }),
    ).rejects.toBeInstanceOf(CandidateChangeRefusal);
    expect(await wholeDatabase()).toBe(before);

    // Through the page: the autosave answers 409 with the reason, not 500.
    const request = new Request(`http://localhost/scorecards/${draft.id}/draft`, {
      method: "POST",
      headers: { Cookie: interviewerCookie, "Content-Type": "application/json" },
      body: JSON.stringify({ version: draft.draftVersion, content: typed }),
    });
    const autosave = await invoke(draftRoute.action as Handler, request, { scorecardId: draft.id });
    expect(autosave.error).toBeUndefined();
    expect(autosave.status).toBe(409);
    expect(await wholeDatabase()).toBe(before);
  });

  it("refuses a candidate who became a builder (409) and writes nothing", async () => {
    const subject = await decidedCandidate("Hired", "hire");
    const decision = await prisma.hiringDecision.findFirstOrThrow({ where: { loopId: subject.loopId } });
    const loop = await prisma.loop.findUniqueOrThrow({ where: { id: subject.loopId }, include: { rubricVersion: true } });
    const hired = await createBuilderFromHire({
      candidate: { id: subject.candidateId, name: subject.name, email: subject.email },
      loop: { rubricVersionId: loop.rubricVersionId, track: loop.rubricVersion.track },
      terms: { decisionId: decision.id, level: "L5", baseSalary: 150_000, currency: "EUR" },
      managerId: undefined,
      startedAt: now,
      passwordHash: "not-a-real-hash",
      actor: actorOf(admin.id),
      now,
    });
    expect(hired.ok).toBe(true);
    const beforeDb = await wholeDatabase();
    const answer = await erase(subject, { reason: "Requested", confirmation: "ERASE" });
    expect(answer.status).toBe(409);
    expect((answer.body as { formErrors: string[] }).formErrors[0]).toMatch(/became a builder/);
    expect(await wholeDatabase()).toBe(beforeDb);
    // The page says so before anyone fills the form.
    const page = await call(dataPage.loader, {
      url: `/candidates/${subject.candidateId}/data`,
      cookie: adminCookie,
      params: { candidateId: subject.candidateId },
    });
    expect((page.body as Awaited<ReturnType<typeof dataPage.loader>>).erasureRefusal).toMatch(/became a builder/);
  });

  it("answers 400 for a bad form, 404 for an unknown candidate and 403 for an interviewer, writing nothing", async () => {
    const subject = await decidedCandidate("Bad");
    const beforeDb = await wholeDatabase();
    const noReason = await erase(subject, { reason: " ", confirmation: "ERASE" });
    expect(noReason.status).toBe(400);
    expect((noReason.body as { fieldErrors: Record<string, string[]> }).fieldErrors.reason).toEqual(["Write why the candidate is erased"]);
    const wrongName = await erase(subject, { reason: "Requested", confirmation: "Zelda" });
    expect((wrongName.body as { fieldErrors: Record<string, string[]> }).fieldErrors.confirmation).toBeDefined();
    expect(wrongName.status).toBe(400);
    expect((await erase(subject, { reason: "x".repeat(501), confirmation: "ERASE" })).status).toBe(400);
    expect((await erase(subject, { reason: "Requested", confirmation: "ERASE" }, interviewerCookie)).status).toBe(403);
    expect(
      (
        await call(dataPage.action, {
          url: "/candidates/nope/data",
          cookie: adminCookie,
          params: { candidateId: "nope" },
          form: { reason: "Requested", confirmation: "ERASE" },
        })
      ).status
    ).toBe(404);
    expect(await wholeDatabase()).toBe(beforeDb);
  });

  it("a failure part-way writes nothing", async () => {
    const subject = await decidedCandidate("Failure");
    const beforeDb = await wholeDatabase();
    failures.eraseEntry = true;
    try {
      await expect(eraseCandidate(subject.candidateId, { reason: "Requested", actor: actorOf(admin.id), now })).rejects.toThrow("disk full");
    } finally {
      failures.eraseEntry = false;
    }
    expect(await wholeDatabase()).toBe(beforeDb);
    expect(await eraseCandidate(subject.candidateId, { reason: "Requested", actor: actorOf(admin.id), now })).toMatchObject({ ok: true });
    expect(await eraseCandidate("no-such-candidate", { reason: "Requested", actor: actorOf(admin.id), now })).toEqual({
      ok: false,
      reason: "not_found",
      message: "No such candidate",
    });
  });
});
