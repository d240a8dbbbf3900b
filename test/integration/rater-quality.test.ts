import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { leniencyUnits, loopRatings, ratingsForLeniency } from "~/data/rater-quality.server";
import { openScorecard, saveDraft, submitScorecard } from "~/data/scorecards.server";
import { loopAgreement, raterLeniency, raterLeniencyFromUnits } from "~/domain/rater-quality";
import type { SubmittedContent } from "~/domain/scorecard/schema";
import { loopWithInterviews, stage2Content } from "../helpers/loops";
import { createUser } from "../helpers/users";
import { actorOf } from "../helpers/actor";

const STAGE = "technical_deep_dive";
const COMPETENCY: Record<string, string> = {
  live_build: "shipping_excellence",
  system_design: "technical_depth",
  product_considerations: "product_sense",
  debugging_and_review: "technical_depth",
};
const CRITERIA = Object.keys(COMPETENCY);
const now = new Date();

async function submit(interview: { id: string; loopId: string; stageId: string }, interviewerId: string, ratings: number[]) {
  const scorecard = await openScorecard(interview, interviewerId, actorOf(interviewerId), now);
  const content = stage2Content(ratings) as SubmittedContent;
  expect(await submitScorecard({ ...scorecard, interviewerId }, content, (c) => COMPETENCY[c]!, actorOf(interviewerId), now)).toEqual({ ok: true });
}

/**
 * Loop 1: a submits [4,4,3,4], b submits [3,3,2,3]; d only has a draft (with rating rows
 * written directly, which the real flow never does, to prove the status filter).
 * Loop 2: a submits [3,4,3,4], c submits [2,3,2,3].
 * So a always rates exactly 1 above the rest of the panel; b and c 1 below.
 */
let ids: { a: string; b: string; c: string; d: string; loop1: string; loop2: string };

beforeAll(async () => {
  const [a, b, c, d] = await Promise.all(["Ada", "Ben", "Cleo", "Dev"].map((name) => createUser(["interviewer"], { name })));
  const loop1 = await loopWithInterviews([{ stageId: STAGE, interviewerIds: [a!.id, b!.id, d!.id] }]);
  const loop2 = await loopWithInterviews([{ stageId: STAGE, interviewerIds: [a!.id, c!.id] }]);
  const i1 = { id: loop1.interviewIds[0]!, loopId: loop1.loopId, stageId: STAGE };
  const i2 = { id: loop2.interviewIds[0]!, loopId: loop2.loopId, stageId: STAGE };
  await submit(i1, a!.id, [4, 4, 3, 4]);
  await submit(i1, b!.id, [3, 3, 2, 3]);
  await submit(i2, a!.id, [3, 4, 3, 4]);
  await submit(i2, c!.id, [2, 3, 2, 3]);
  const draft = await openScorecard(i1, d!.id, actorOf(d!), now);
  expect(await saveDraft(draft.id, draft.draftVersion, stage2Content([1, 1, 1, 1]), actorOf(d!), now)).toEqual({ ok: true, version: 1 });
  await prisma.criterionRating.createMany({
    data: CRITERIA.map((criterionId) => ({ scorecardId: draft.id, criterionId, competencyId: COMPETENCY[criterionId]!, rating: 1, evidence: "draft" })),
  });
  ids = { a: a!.id, b: b!.id, c: c!.id, d: d!.id, loop1: loop1.loopId, loop2: loop2.loopId };
});

const byKey = <T extends { interviewerId: string; criterionId: string }>(rows: T[]) =>
  [...rows].sort((x, y) => `${x.interviewerId}/${x.criterionId}`.localeCompare(`${y.interviewerId}/${y.criterionId}`));

describe("loopRatings", () => {
  it("returns the submitted ratings of the loop only, with no draft rows", async () => {
    const rows = await loopRatings(ids.loop1);
    const expected = [
      ...CRITERIA.map((criterionId, i) => ({ interviewerId: ids.a, criterionId, rating: [4, 4, 3, 4][i]! })),
      ...CRITERIA.map((criterionId, i) => ({ interviewerId: ids.b, criterionId, rating: [3, 3, 2, 3][i]! })),
    ];
    expect(byKey(rows)).toEqual(byKey(expected));
    expect(rows.every((r) => typeof r.rating === "number")).toBe(true);
    expect(await prisma.criterionRating.count({ where: { scorecard: { loopId: ids.loop1 } } })).toBe(12);
  });

  it("feeds loopAgreement: a constant one-point offset between two raters is chance-level agreement", async () => {
    // Units (a, b): [4,3], [4,3], [3,2], [4,3]; n = 8.
    // D_o: each unit (4−3)² twice = 2, / (2−1) → 4 × 2 = 8; D_o = 8/8 = 1.
    // D_e: values 4,4,4,3,3,3,3,2, mean 3.25; Σ(v − mean)² = 3(0.75²) + 4(0.25²) + 1.25² = 3.5;
    //   Σ over ordered pairs = 2n · 3.5 = 56; D_e = 56/(8·7) = 1.  α = 1 − 1/1 = 0.
    const agreement = loopAgreement(await loopRatings(ids.loop1));
    expect(agreement.alpha).toBeCloseTo(0, 12);
    expect(agreement).toMatchObject({ units: 4, values: 8, smallSample: true, note: "Small sample: read with care" });
  });

  it("a loop nobody has submitted on has no rows", async () => {
    expect(await loopRatings("no-such-loop")).toEqual([]);
  });
});

describe("ratingsForLeniency + raterLeniency", () => {
  it("over all submitted scorecards: a lenient, b and c severe, the draft-only interviewer absent", async () => {
    const rows = await ratingsForLeniency();
    expect(rows).toHaveLength(16);
    const result = raterLeniency(rows);
    const find = (id: string) => result.find((r) => r.interviewerId === id);
    expect(find(ids.a)).toEqual({ interviewerId: ids.a, comparisons: 8, meanDifference: 1, label: "lenient", smallSample: true });
    expect(find(ids.b)).toEqual({ interviewerId: ids.b, comparisons: 4, meanDifference: -1, label: "severe", smallSample: true });
    expect(find(ids.c)).toEqual({ interviewerId: ids.c, comparisons: 4, meanDifference: -1, label: "severe", smallSample: true });
    expect(find(ids.d)).toBeUndefined();
    expect(result.map((r) => r.interviewerId)).toEqual([ids.a, ids.b, ids.c].sort());
  });

  it("for some interviewers: the rows of the loops they submitted on, panel included", async () => {
    const rows = await ratingsForLeniency([ids.b]);
    expect(new Set(rows.map((r) => r.loopId))).toEqual(new Set([ids.loop1]));
    expect(rows).toHaveLength(8);
    const result = raterLeniency(rows);
    expect(result.find((r) => r.interviewerId === ids.b)).toMatchObject({ comparisons: 4, meanDifference: -1, label: "severe" });
    expect(result.find((r) => r.interviewerId === ids.a)).toMatchObject({ comparisons: 4, meanDifference: 1, label: "lenient" });

    expect(await ratingsForLeniency([ids.a, ids.c])).toHaveLength(16);
    expect(await ratingsForLeniency([ids.d])).toEqual([]);
    expect(await ratingsForLeniency([])).toEqual([]);
  });
});

describe("leniencyUnits + raterLeniencyFromUnits (the database sums, the domain compares)", () => {
  it("gives the figures raterLeniency gives from every rating, org-wide", async () => {
    expect(raterLeniencyFromUnits(await leniencyUnits())).toEqual(raterLeniency(await ratingsForLeniency()));
  });

  it("for some interviewers: only them, still compared with everyone on their loops", async () => {
    const forB = raterLeniencyFromUnits(await leniencyUnits([ids.b]));
    expect(forB).toEqual([{ interviewerId: ids.b, comparisons: 4, meanDifference: -1, label: "severe", smallSample: true }]);
    const forAC = raterLeniencyFromUnits(await leniencyUnits([ids.a, ids.c]));
    expect(forAC).toEqual(raterLeniency(await ratingsForLeniency()).filter((r) => [ids.a, ids.c].includes(r.interviewerId)));
    expect(await leniencyUnits([ids.d])).toEqual([]);
    expect(await leniencyUnits([])).toEqual([]);
  });
});

