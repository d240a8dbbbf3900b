import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import * as draft from "~/routes/scorecards.$scorecardId.draft";
import * as readPage from "~/routes/scorecards.$scorecardId._index/route";
import * as scorecardPage from "~/routes/interviews.$interviewId.scorecard/route";
import * as loopPage from "~/routes/loops.$loopId._index/route";
import { postJson } from "../helpers/json";
import { call } from "../helpers/route";
import { loopWithInterviews, stage2Content } from "../helpers/loops";
import { createUser, sessionCookieFor } from "../helpers/users";

async function interviewer(name = "Interviewer") {
  const user = await createUser(["interviewer"], { name });
  return { user, cookie: await sessionCookieFor(user.id) };
}

async function setup() {
  const a = await interviewer("Ada Interviewer");
  const b = await interviewer("Ben Interviewer");
  const { loopId, interviewIds } = await loopWithInterviews([{ stageId: "technical_deep_dive", interviewerIds: [a.user.id, b.user.id] }]);
  const interviewId = interviewIds[0]!;
  const open = async (who: typeof a) => {
    const page = await call(scorecardPage.loader, { url: `/interviews/${interviewId}/scorecard`, cookie: who.cookie, params: { interviewId } });
    expect(page.status).toBe(200);
    return page.body as Awaited<ReturnType<typeof scorecardPage.loader>>;
  };
  const submit = (who: typeof a, content: unknown, version = 0) =>
    postJson(scorecardPage.action, `/interviews/${interviewId}/scorecard`, who.cookie, { interviewId }, { intent: "submit", version, content });
  return { a, b, loopId, interviewId, open, submit };
}

const rowsOf = async (scorecardId: string) => ({
  ratings: await prisma.criterionRating.count({ where: { scorecardId } }),
  revisions: await prisma.scorecardRevision.count({ where: { scorecardId } }),
  status: (await prisma.scorecard.findUniqueOrThrow({ where: { id: scorecardId } })).status,
});

describe("writing a scorecard", () => {
  it("opens an empty draft shaped by the pinned rubric's stage", async () => {
    const { a, open } = await setup();
    const page = await open(a);
    expect(page.status).toBe("draft");
    expect(page.content.ratings.map((r) => r.criterionId)).toEqual(["live_build", "system_design", "product_considerations", "debugging_and_review"]);
    expect(page.stage.stage.name).toBe("Stage 2: Technical deep dive");
  });

  it("saves drafts as the interviewer types, and the draft comes back on reload", async () => {
    const { a, open } = await setup();
    const { scorecardId, content } = await open(a);
    content.ratings[0]!.rating = 4;
    content.ratings[0]!.evidence = "Half-way through my notes";
    const saved = await postJson(draft.action, `/scorecards/${scorecardId}/draft`, a.cookie, { scorecardId }, { version: 0, content });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ok: true, savedAt: expect.any(String), version: 1 });
    const again = await open(a);
    expect(again.content.ratings[0]).toEqual({ criterionId: "live_build", rating: 4, evidence: "Half-way through my notes" });
    expect(again.draftSavedAt).not.toBeNull();
    expect(again.draftVersion).toBe(1);
  });

  it("submits a complete scorecard: locked, revision 1, one rating row per criterion, raised flags recorded", async () => {
    const { a, open, submit } = await setup();
    const { scorecardId } = await open(a);
    const content = stage2Content([4, 3, 2, 3]);
    content.redFlags[2] = { flagId: "over_engineer", raised: true, evidence: "Proposed Kafka for 10 events a day." };
    const answer = await submit(a, content);
    expect(answer.status).toBe(302);
    expect(await rowsOf(scorecardId)).toEqual({ ratings: 4, revisions: 1, status: "submitted" });
    const flags = await prisma.redFlagRecord.findMany({ where: { scorecardId } });
    expect(flags).toMatchObject([{ flagId: "over_engineer", stageId: "technical_deep_dive", interviewerId: a.user.id }]);
    const ratings = await prisma.criterionRating.findMany({ where: { scorecardId }, orderBy: { criterionId: "asc" } });
    expect(ratings.map((r) => [r.criterionId, r.competencyId, r.rating])).toEqual([
      ["debugging_and_review", "technical_depth", 3],
      ["live_build", "shipping_excellence", 4],
      ["product_considerations", "product_sense", 2],
      ["system_design", "technical_depth", 3],
    ]);
  });
});

describe("invalid scorecard payloads get 400 with field errors and write nothing", () => {
  const cases: Array<[string, (c: ReturnType<typeof stage2Content>) => unknown, string]> = [
    ["a 4 without evidence", (c) => ((c.ratings[0]!.evidence = ""), c), "ratings.0.evidence"],
    ["a missing rating", (c) => ((c.ratings[1]!.rating = null), c), "ratings.1.rating"],
    ["a rating off the scale", (c) => ((c.ratings[1]!.rating = 7), c), "ratings.1.rating"],
    ["a criterion not in the pinned version", (c) => ((c.ratings[3]!.criterionId = "growth_plan"), c), "ratings.3.criterionId"],
    ["a raised flag without evidence", (c) => ((c.redFlags[0] = { flagId: "perfectionist", raised: true, evidence: " " }), c), "redFlags.0.evidence"],
    ["an unknown red flag", (c) => ((c.redFlags[0] = { flagId: "rudeness", raised: true, evidence: "x" }), c), "redFlags.0.flagId"],
    ["no recommendation", (c) => ((c.recommendation = null), c), "recommendation"],
    ["an unknown recommendation", (c) => ({ ...c, recommendation: "maybe" }), "recommendation"],
    ["no take-aways", (c) => ((c.takeaways = ""), c), "takeaways"],
    ["a wrong type", (c) => ({ ...c, ratings: "all fours" }), "ratings"],
  ];

  it.each(cases)("submit with %s", async (_label, mutate, field) => {
    const { a, open, submit } = await setup();
    const { scorecardId } = await open(a);
    const answer = await submit(a, mutate(stage2Content([4, 3, 3, 3])));
    expect(answer.status).toBe(400);
    expect((answer.body as { fieldErrors: Record<string, string[]> }).fieldErrors[field]).toBeDefined();
    expect(await rowsOf(scorecardId)).toEqual({ ratings: 0, revisions: 0, status: "draft" });
  });

  it("a draft save with a criterion that is not in the pinned version", async () => {
    const { a, open } = await setup();
    const { scorecardId } = await open(a);
    const content = stage2Content();
    content.ratings[0]!.criterionId = "growth_plan";
    const answer = await postJson(draft.action, `/scorecards/${scorecardId}/draft`, a.cookie, { scorecardId }, { version: 0, content });
    expect(answer.status).toBe(400);
    expect((answer.body as { fieldErrors: Record<string, string[]> }).fieldErrors["ratings.0.criterionId"]).toBeDefined();
    expect((await prisma.scorecard.findUniqueOrThrow({ where: { id: scorecardId } })).draft).toBe("{}");
  });

  it("a body that is not JSON, and an unknown intent", async () => {
    const { a, interviewId, open } = await setup();
    const { scorecardId } = await open(a);
    const url = `/interviews/${interviewId}/scorecard`;
    expect((await postJson(scorecardPage.action, url, a.cookie, { interviewId }, "{not json")).status).toBe(400);
    expect((await postJson(scorecardPage.action, url, a.cookie, { interviewId }, { intent: "publish" })).status).toBe(400);
    expect((await postJson(draft.action, `/scorecards/${scorecardId}/draft`, a.cookie, { scorecardId }, "nope")).status).toBe(400);
    expect(await rowsOf(scorecardId)).toEqual({ ratings: 0, revisions: 0, status: "draft" });
  });
});

describe("who may write", () => {
  it("refuses an interviewer who is not assigned to the interview", async () => {
    const { interviewId } = await setup();
    const outsider = await interviewer("Outsider");
    const page = await call(scorecardPage.loader, { url: "/", cookie: outsider.cookie, params: { interviewId } });
    expect(page.status).toBe(403);
    const write = await postJson(scorecardPage.action, "/", outsider.cookie, { interviewId }, { intent: "submit", version: 0, content: stage2Content() });
    expect(write.status).toBe(403);
    expect(await prisma.scorecard.count({ where: { interviewId, interviewerId: outsider.user.id } })).toBe(0);
  });

  it("refuses another interviewer's draft autosave", async () => {
    const { a, b, open } = await setup();
    const { scorecardId } = await open(a);
    const answer = await postJson(draft.action, "/", b.cookie, { scorecardId }, { version: 0, content: stage2Content() });
    expect(answer.status).toBe(403);
  });

  it("refuses someone without the interviewer role, even a recruiter", async () => {
    const { interviewId } = await setup();
    const recruiter = await createUser(["recruiter"]);
    const page = await call(scorecardPage.loader, { url: "/", cookie: await sessionCookieFor(recruiter.id), params: { interviewId } });
    expect(page.status).toBe(403);
  });
});

describe("a submitted scorecard changes only by amendment", () => {
  it("refuses a second submission and further draft saves", async () => {
    const { a, open, submit } = await setup();
    const { scorecardId } = await open(a);
    expect((await submit(a, stage2Content([3, 3, 3, 3]))).status).toBe(302);
    expect((await submit(a, stage2Content([2, 2, 2, 2]))).status).toBe(409);
    const save = await postJson(draft.action, "/", a.cookie, { scorecardId }, { version: 1, content: stage2Content([1, 1, 1, 1]) });
    expect(save.status).toBe(409);
    expect(save.body).toMatchObject({ ok: false, reason: "locked" });
    const ratings = await prisma.criterionRating.findMany({ where: { scorecardId } });
    expect(ratings.every((r) => r.rating === 3)).toBe(true);
  });

  it("amends with a required reason, keeping the original readable", async () => {
    const { a, interviewId, open, submit } = await setup();
    const { scorecardId } = await open(a);
    await submit(a, stage2Content([3, 3, 3, 3]));
    const url = `/interviews/${interviewId}/scorecard`;

    const noReason = await postJson(scorecardPage.action, url, a.cookie, { interviewId }, { intent: "amend", revision: 1, reason: "  ", content: stage2Content([3, 4, 3, 3]) });
    expect(noReason.status).toBe(400);
    expect((noReason.body as { fieldErrors: Record<string, string[]> }).fieldErrors.reason).toBeDefined();
    expect(await rowsOf(scorecardId)).toMatchObject({ revisions: 1 });

    const badContent = await postJson(scorecardPage.action, url, a.cookie, { interviewId }, { intent: "amend", revision: 1, reason: "typo", content: stage2Content([3, 9, 3, 3]) });
    expect(badContent.status).toBe(400);
    expect((badContent.body as { fieldErrors: Record<string, string[]> }).fieldErrors["ratings.1.rating"]).toBeDefined();

    const amended = await postJson(scorecardPage.action, url, a.cookie, { interviewId }, { intent: "amend", revision: 1, reason: "Re-read my notes on system design", content: stage2Content([3, 4, 3, 3]) });
    expect(amended.status).toBe(302);
    const page = await open(a);
    expect(page.revisions.map((r) => [r.number, r.reason])).toEqual([[1, null], [2, "Re-read my notes on system design"]]);
    expect(page.revisions[0]!.content.ratings[1]!.rating).toBe(3);
    expect(page.content.ratings[1]!.rating).toBe(4);
    const current = await prisma.criterionRating.findUniqueOrThrow({ where: { scorecardId_criterionId: { scorecardId, criterionId: "system_design" } } });
    expect(current.rating).toBe(4);
  });

  it("refuses an amendment to a draft", async () => {
    const { a, interviewId, open } = await setup();
    await open(a);
    const answer = await postJson(scorecardPage.action, "/", a.cookie, { interviewId }, { intent: "amend", revision: 1, reason: "x", content: stage2Content() });
    expect(answer.status).toBe(409);
  });
});

describe("independence", () => {
  it("hides the others' scorecards until the viewer has submitted all of theirs, in every loader", async () => {
    const { a, b, loopId, open, submit } = await setup();
    const { scorecardId: bId } = await open(b);
    await submit(b, stage2Content([2, 2, 2, 2]));
    await open(a);

    const before = await call(readPage.loader, { url: "/", cookie: a.cookie, params: { scorecardId: bId } });
    expect(before.status).toBe(403);
    const loopBefore = await call(loopPage.loader, { url: "/", cookie: a.cookie, params: { loopId } });
    expect(loopBefore.status).toBe(200);
    expect(JSON.stringify(loopBefore.body)).not.toContain(bId);
    expect((loopBefore.body as { access: { canSeePanel: boolean } }).access.canSeePanel).toBe(false);

    await submit(a, stage2Content([3, 3, 3, 3]));
    const after = await call(readPage.loader, { url: "/", cookie: a.cookie, params: { scorecardId: bId } });
    expect(after.status).toBe(200);
    expect((after.body as { content: { ratings: Array<{ rating: number }> } }).content.ratings[0]!.rating).toBe(2);
    const loopAfter = await call(loopPage.loader, { url: "/", cookie: a.cookie, params: { loopId } });
    expect(JSON.stringify(loopAfter.body)).toContain(bId);
  });

  it("counts every interview the viewer sits on the loop: one submitted of two is not enough", async () => {
    const a = await interviewer("Two-stage");
    const b = await interviewer("Other");
    const { interviewIds } = await loopWithInterviews([
      { stageId: "initial_screen", interviewerIds: [a.user.id] },
      { stageId: "technical_deep_dive", interviewerIds: [a.user.id, b.user.id] },
    ]);
    const [screen, deepDive] = interviewIds as [string, string];
    const bPage = await call(scorecardPage.loader, { url: "/", cookie: b.cookie, params: { interviewId: deepDive } });
    const bId = (bPage.body as { scorecardId: string }).scorecardId;
    await postJson(scorecardPage.action, "/", b.cookie, { interviewId: deepDive }, { intent: "submit", version: 0, content: stage2Content() });

    await call(scorecardPage.loader, { url: "/", cookie: a.cookie, params: { interviewId: screen } });
    const stage1 = {
      ratings: ["end_to_end_ownership", "builder_motivation", "technical_depth_screen", "business_and_product_thinking", "customer_contact"].map((criterionId) => ({ criterionId, rating: 3, evidence: "" })),
      signals: stage2Content().signals,
      redFlags: stage2Content().redFlags,
      recommendation: "yes",
      takeaways: "Good screen.",
    };
    expect((await postJson(scorecardPage.action, "/", a.cookie, { interviewId: screen }, { intent: "submit", version: 0, content: stage1 })).status).toBe(302);
    expect((await call(readPage.loader, { url: "/", cookie: a.cookie, params: { scorecardId: bId } })).status).toBe(403);
  });

  it("never shows a draft to anyone but its author, committees included", async () => {
    const { a, open } = await setup();
    const { scorecardId } = await open(a);
    const committee = await createUser(["hiring_committee"]);
    const answer = await call(readPage.loader, { url: "/", cookie: await sessionCookieFor(committee.id), params: { scorecardId } });
    expect(answer.status).toBe(403);
  });

  it("lets the hiring committee read submitted scorecards, and keeps recruiters to completion", async () => {
    const { b, loopId, open, submit } = await setup();
    const { scorecardId } = await open(b);
    await submit(b, stage2Content());
    const committee = await createUser(["hiring_committee"]);
    expect((await call(readPage.loader, { url: "/", cookie: await sessionCookieFor(committee.id), params: { scorecardId } })).status).toBe(200);

    const recruiter = await createUser(["recruiter"]);
    const cookie = await sessionCookieFor(recruiter.id);
    expect((await call(readPage.loader, { url: "/", cookie, params: { scorecardId } })).status).toBe(403);
    const loop = await call(loopPage.loader, { url: "/", cookie, params: { loopId } });
    expect(loop.status).toBe(200);
    const body = loop.body as Awaited<ReturnType<typeof loopPage.loader>>;
    expect(body.stages.find((s) => s.id === "technical_deep_dive")).toMatchObject({ submitted: 1, needed: 2, status: "awaiting_scorecards" });
    expect(JSON.stringify(body)).not.toContain(scorecardId);
  });
});

describe("submitting before the interview has taken place", () => {
  it("keeps drafts, refuses the submission with 409 and why, writes nothing, and accepts it once the interview has begun", async () => {
    const a = await interviewer("Early Interviewer");
    const startsAt = new Date(Date.now() + 3 * 3600_000);
    const { interviewIds } = await loopWithInterviews([{ stageId: "technical_deep_dive", interviewerIds: [a.user.id], startsAt }]);
    const interviewId = interviewIds[0]!;
    const url = `/interviews/${interviewId}/scorecard`;

    // Never opened: refused, and no scorecard row is created.
    const early = await postJson(scorecardPage.action, url, a.cookie, { interviewId }, { intent: "submit", version: 0, content: stage2Content() });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ ok: false, reason: "not_begun", formErrors: [expect.stringMatching(/^This interview begins \w{3}, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC: its scorecard can be submitted once it has begun\./)] });
    expect(await prisma.scorecard.count({ where: { interviewId } })).toBe(0);

    // The page says so before anyone tries; a draft saves as usual.
    const page = (await call(scorecardPage.loader, { url, cookie: a.cookie, params: { interviewId } })).body as Awaited<ReturnType<typeof scorecardPage.loader>>;
    expect(page.begun).toBe(false);
    const saved = await postJson(draft.action, `/scorecards/${page.scorecardId}/draft`, a.cookie, { scorecardId: page.scorecardId }, { version: 0, content: stage2Content() });
    expect(saved.status).toBe(200);
    const before = await prisma.scorecard.findUniqueOrThrow({ where: { id: page.scorecardId } });
    const again = await postJson(scorecardPage.action, url, a.cookie, { interviewId }, { intent: "submit", version: 1, content: stage2Content() });
    expect(again.status).toBe(409);
    expect(await prisma.scorecard.findUniqueOrThrow({ where: { id: page.scorecardId } })).toEqual(before);
    expect(await prisma.scorecardRevision.count({ where: { scorecardId: page.scorecardId } })).toBe(0);

    // Once it has begun (here: moved to a minute ago), the same submission goes through.
    await prisma.interview.update({ where: { id: interviewId }, data: { startsAt: new Date(Date.now() - 60_000) } });
    const reopened = (await call(scorecardPage.loader, { url, cookie: a.cookie, params: { interviewId } })).body as Awaited<ReturnType<typeof scorecardPage.loader>>;
    expect(reopened.begun).toBe(true);
    expect((await postJson(scorecardPage.action, url, a.cookie, { interviewId }, { intent: "submit", version: 1, content: stage2Content() })).status).toBe(302);
  });
});
