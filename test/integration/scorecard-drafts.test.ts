// Two tabs on one scorecard: a save or a submission based on an old draft version is refused, never silently applied.
import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import * as draft from "~/routes/scorecards.$scorecardId.draft";
import * as scorecardPage from "~/routes/interviews.$interviewId.scorecard/route";
import { postJson } from "../helpers/json";
import { call } from "../helpers/route";
import { loopWithInterviews, stage2Content } from "../helpers/loops";
import { createUser, sessionCookieFor } from "../helpers/users";

type Page = Awaited<ReturnType<typeof scorecardPage.loader>>;

async function setup() {
  const user = await createUser(["interviewer"], { name: "Two Tabs" });
  const cookie = await sessionCookieFor(user.id);
  const { interviewIds } = await loopWithInterviews([{ stageId: "technical_deep_dive", interviewerIds: [user.id] }]);
  const interviewId = interviewIds[0]!;
  const open = async () => {
    const page = await call(scorecardPage.loader, { url: `/interviews/${interviewId}/scorecard`, cookie, params: { interviewId } });
    expect(page.status).toBe(200);
    return page.body as Page;
  };
  const { scorecardId } = await open();
  const save = (body: unknown) => postJson(draft.action, `/scorecards/${scorecardId}/draft`, cookie, { scorecardId }, body);
  const submit = (body: unknown) => postJson(scorecardPage.action, `/interviews/${interviewId}/scorecard`, cookie, { interviewId }, body);
  const stored = async () => {
    const row = await prisma.scorecard.findUniqueOrThrow({ where: { id: scorecardId } });
    return { draft: row.draft === "{}" ? null : JSON.parse(row.draft), version: row.draftVersion, status: row.status, savedAt: row.draftSavedAt };
  };
  return { open, save, submit, stored, scorecardId };
}

/** The same draft typed differently in two tabs. */
const tabA = () => stage2Content([3, 3, 3, 3], { takeaways: "Tab A: careful, measured builder." });
const tabB = () => stage2Content([2, 2, 2, 2], { takeaways: "Tab B: rushed the design." });

describe("two saves based on the same draft version", () => {
  it("exactly one is stored; the other gets 409 with the stored draft, and nothing of it is written", async () => {
    const { save, stored } = await setup();
    const answers = await Promise.all([save({ version: 0, content: tabA() }), save({ version: 0, content: tabB() })]);

    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.findIndex((a) => a.status === 200);
    const winnerContent = [tabA(), tabB()][winner]!;
    const loser = answers[1 - winner]!;
    expect(answers[winner]!.body).toMatchObject({ ok: true, version: 1, savedAt: expect.any(String) });
    expect(loser.body).toMatchObject({
      ok: false,
      reason: "stale",
      formErrors: [expect.stringContaining("saved in another tab or window")],
      current: { version: 1, content: winnerContent, savedAt: expect.any(String) },
    });
    const now = await stored();
    expect(now.version).toBe(1);
    expect(now.draft).toEqual(winnerContent);
  });

  it("one after the other, the second tab is told, and saving on the newer version overwrites it on purpose", async () => {
    const { save, stored, open } = await setup();
    expect((await save({ version: 0, content: tabA() })).status).toBe(200);
    const stale = await save({ version: 0, content: tabB() });
    expect(stale.status).toBe(409);
    const current = (stale.body as { current: { version: number; content: unknown } }).current;
    expect(current).toMatchObject({ version: 1, content: tabA() });
    expect((await stored()).draft).toEqual(tabA());

    // "Keep my version": the same text, now naming the version it replaces.
    const kept = await save({ version: current.version, content: tabB() });
    expect(kept).toMatchObject({ status: 200, body: { ok: true, version: 2 } });
    expect(await stored()).toMatchObject({ version: 2, draft: tabB() });
    const page = await open();
    expect(page.draftVersion).toBe(2);
    expect(page.content.takeaways).toBe("Tab B: rushed the design.");
  });

  it("a save from a version the server never reached is refused too", async () => {
    const { save, stored } = await setup();
    expect((await save({ version: 7, content: tabA() })).status).toBe(409);
    expect(await stored()).toMatchObject({ version: 0, draft: null, savedAt: null });
  });
});

describe("submitting from a stale page", () => {
  it("is refused with 409 and the current draft, and writes nothing", async () => {
    const { save, submit, stored, scorecardId } = await setup();
    expect((await save({ version: 0, content: tabA() })).status).toBe(200);
    const answer = await submit({ intent: "submit", version: 0, content: tabB() });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ ok: false, reason: "stale", current: { version: 1, content: tabA() } });
    expect(await stored()).toMatchObject({ status: "draft", version: 1, draft: tabA() });
    expect(await prisma.scorecardRevision.count({ where: { scorecardId } })).toBe(0);
    expect(await prisma.criterionRating.count({ where: { scorecardId } })).toBe(0);

    // From the current version it goes through.
    const submitted = await submit({ intent: "submit", version: 1, content: tabB() });
    expect(submitted.status).toBe(302);
    expect(await stored()).toMatchObject({ status: "submitted", draft: tabB() });
    expect(await prisma.criterionRating.count({ where: { scorecardId, rating: 2 } })).toBe(4);
  });

  it("a draft save after the submission is refused as locked", async () => {
    const { save, submit, stored } = await setup();
    expect((await submit({ intent: "submit", version: 0, content: tabA() })).status).toBe(302);
    const late = await save({ version: 1, content: tabB() });
    expect(late).toMatchObject({ status: 409, body: { ok: false, reason: "locked" } });
    expect((await stored()).draft).toEqual(tabA());
  });
});

describe("a scorecard never opened", () => {
  it("is not created by a refused submission; a valid one from version 0 creates and submits it", async () => {
    const user = await createUser(["interviewer"], { name: "Straight To Submit" });
    const cookie = await sessionCookieFor(user.id);
    const { interviewIds } = await loopWithInterviews([{ stageId: "technical_deep_dive", interviewerIds: [user.id] }]);
    const interviewId = interviewIds[0]!;
    const submit = (body: unknown) => postJson(scorecardPage.action, `/interviews/${interviewId}/scorecard`, cookie, { interviewId }, body);
    const rows = () => prisma.scorecard.count({ where: { interviewId } });

    expect((await submit({ intent: "submit", version: 0, content: { ...tabA(), recommendation: null } })).status).toBe(400);
    expect((await submit({ intent: "amend", reason: "x", content: tabA() })).status).toBe(409);
    const stale = await submit({ intent: "submit", version: 2, content: tabA() });
    expect(stale).toMatchObject({ status: 409, body: { reason: "stale", current: { version: 0, savedAt: null } } });
    expect(await rows()).toBe(0);

    expect((await submit({ intent: "submit", version: 0, content: tabA() })).status).toBe(302);
    expect(await prisma.scorecard.findFirstOrThrow({ where: { interviewId } })).toMatchObject({ status: "submitted", draftVersion: 1 });
  });
});

describe("a bad draft body gets 400 and writes nothing", () => {
  const cases: Array<[string, unknown]> = [
    ["not JSON", "{not json"],
    ["the old shape (content without a version)", tabA()],
    ["no content", { version: 0 }],
    ["a version that is not a whole number", { version: 0.5, content: tabA() }],
    ["a negative version", { version: -1, content: tabA() }],
    ["a version as text", { version: "0", content: tabA() }],
    ["content that does not fit the pinned rubric", { version: 0, content: { ...tabA(), recommendation: "maybe" } }],
    ["an array", [0, tabA()]],
  ];
  it.each(cases)("%s", async (_label, body) => {
    const { save, stored } = await setup();
    const answer = await save(body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ ok: false });
    expect(await stored()).toMatchObject({ version: 0, draft: null, savedAt: null });
  });

  it("reports content errors at the form's own field names", async () => {
    const { save } = await setup();
    const content = tabA();
    content.ratings[0]!.criterionId = "growth_plan";
    const answer = await save({ version: 0, content });
    expect((answer.body as { fieldErrors: Record<string, string[]> }).fieldErrors["ratings.0.criterionId"]).toBeDefined();
  });

  it("a submission without a version is refused with 400", async () => {
    const { submit, stored } = await setup();
    const answer = await submit({ intent: "submit", content: tabA() });
    expect(answer.status).toBe(400);
    expect(await stored()).toMatchObject({ status: "draft", version: 0 });
  });
});

describe("two amendments written over the same revision", () => {
  it("keeps the first; the second gets 409 naming who amended, and writes nothing", async () => {
    const { submit, scorecardId } = await setup();
    expect((await submit({ intent: "submit", version: 0, content: tabA() })).status).toBe(302);
    const revisions = () => prisma.scorecardRevision.findMany({ where: { scorecardId }, orderBy: { number: "asc" } });
    expect(await revisions()).toHaveLength(1);

    const [first, second] = await Promise.all([
      submit({ intent: "amend", revision: 1, reason: "Tab A re-read the notes", content: tabA() }),
      submit({ intent: "amend", revision: 1, reason: "Tab B changed its mind", content: tabB() }),
    ]);
    const answers = [first, second].map((a) => a.status).sort();
    expect(answers).toEqual([302, 409]);
    const refused = first.status === 409 ? first : second;
    expect(refused.body).toMatchObject({ reason: "amended", revision: 2 });
    expect((refused.body as { formErrors: string[] }).formErrors[0]).toMatch(/^Two Tabs amended this scorecard at .* \(revision 2\)/);

    const stored = await revisions();
    expect(stored.map((r) => r.number)).toEqual([1, 2]);
    const winner = first.status === 302 ? "Tab A re-read the notes" : "Tab B changed its mind";
    expect(stored[1]!.reason).toBe(winner);
    // Written over the newest revision, the amendment goes through.
    expect((await submit({ intent: "amend", revision: 2, reason: "On purpose, after reading it", content: tabB() })).status).toBe(302);
  });
});
