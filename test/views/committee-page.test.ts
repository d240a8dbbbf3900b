import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateLoop } from "~/domain/aggregation";
import type { CommitteeAudience } from "~/domain/committee";
import type { InterviewState } from "~/domain/loop";
import { RubricSchema } from "~/domain/rubric/schema";
import {
  committeePageView,
  decisionSituation,
  type CommitteeDecisionRecord,
  type CommitteeRecords,
  type CommitteeScorecardRecord,
  type CommitteeViewer,
} from "~/views/committee-page";
import { builderV1 } from "../helpers/rubrics";

const rubric = RubricSchema.parse(builderV1());
const NOW = new Date("2027-03-10T12:00:00Z");
const HOURS_AGO = (h: number) => new Date(NOW.getTime() - h * 3600_000);
const DEEP_DIVE = rubric.stages.find((s) => s.id === "technical_deep_dive")!;
const SCREEN = rubric.stages.find((s) => s.id === "initial_screen")!;

function interview(id: string, stageId: string, scorecards: Record<string, "draft" | "submitted">): InterviewState {
  return { id, stageId, startsAt: HOURS_AGO(48), durationMinutes: 60, interviewerIds: Object.keys(scorecards), scorecards };
}

function scorecard(id: string, interviewerId: string, interviewerName: string, stage: typeof DEEP_DIVE, ratings: number[]): CommitteeScorecardRecord {
  return {
    id,
    interviewerId,
    interviewerName,
    stageId: stage.id,
    recommendation: "yes",
    ratings: stage.criteria.map((c, i) => ({ criterionId: c.id, rating: ratings[i] ?? 3 })),
    redFlags: [],
    signals: [{ signalId: "business_terms", note: "Tied the cache to churn." }],
    submittedAt: HOURS_AGO(24),
    interviewerRemoved: false,
  };
}

function decision(id: string, correctsId: string | null, over: Partial<CommitteeDecisionRecord> = {}): CommitteeDecisionRecord {
  return {
    id,
    loopId: "loop-1",
    outcome: "hire",
    level: "L5",
    baseSalary: 187_000,
    currency: "USD",
    bandJustification: "Above the middle: ships end to end.",
    rationale: "Strong evidence across the deep dive.",
    overrides: [],
    overrideJustification: null,
    decidedById: "u-cm",
    decidedByName: "Cleo Committee",
    decidedAt: HOURS_AGO(2),
    correctsId,
    ...over,
  };
}

const SCORECARDS = [
  scorecard("sc-ben", "u-ben", "Ben", DEEP_DIVE, [4, 3, 2, 3]),
  scorecard("sc-ada", "u-ada", "Ada", DEEP_DIVE, [4, 3, 3, 3]),
  scorecard("sc-sam", "u-sam", "Sam", SCREEN, [3, 3, 3, 3, 3]),
];

function records(decisions: CommitteeDecisionRecord[] = [decision("d1", null), decision("d2", "d1", { baseSalary: 192_000, decidedAt: HOURS_AGO(1) })]): CommitteeRecords {
  return {
    loop: {
      id: "loop-1",
      candidate: { id: "cand-1", name: "Cora Candidate" },
      targetLevel: "L5",
      createdAt: HOURS_AGO(24 * 7),
      rubricVersion: { id: "rv-1", track: "builder", version: 1, name: "Builder" },
      rubric,
      interviews: [interview("i-screen", SCREEN.id, { "u-sam": "submitted" }), interview("i-deep", DEEP_DIVE.id, { "u-ada": "submitted", "u-ben": "submitted" })],
    },
    decisions,
    evidence: {
      scorecards: SCORECARDS,
      ratings: SCORECARDS.flatMap((s) => s.ratings.map((r) => ({ interviewerId: s.interviewerId, criterionId: r.criterionId, rating: r.rating }))),
      leniency: [{ interviewerId: "u-ada", comparisons: 12, meanDifference: 0.25, label: "in line", smallSample: false }],
    },
  };
}

const viewer = (audience: CommitteeAudience, over: Partial<CommitteeViewer> = {}): CommitteeViewer => ({
  audience,
  owesScorecards: false,
  canDecide: audience === "committee",
  now: NOW,
  ...over,
});

const BASE_KEYS = ["audience", "complete", "decision", "evidence", "loop", "owesScorecards", "pay", "stages"];
const EVIDENCE_KEYS = ["aggregate", "agreement", "chart", "criteria", "decisions", "leniency", "rules", "scorecards"];
const PAY_KEYS = ["band", "bands", "canDecide", "currentDecisionId", "decisions", "situation"];
const PAY_FIELDS = ["baseSalary", "bandJustification", "currency"];
const PAY = /"base"|suggestedBase|baseSalary|"bands"|bandJustification|"currency"/;
const keys = (o: object) => Object.keys(o).sort();

describe("the committee page, per audience", () => {
  it("gives the committee the evidence and pay", () => {
    const page = committeePageView(records(), viewer("committee"));
    expect(keys(page)).toEqual(BASE_KEYS);
    expect(keys(page.evidence!)).toEqual(EVIDENCE_KEYS);
    expect(keys(page.pay!)).toEqual(PAY_KEYS);
    expect(page.evidence!.aggregate).not.toHaveProperty("band");
    for (const d of page.pay!.decisions) for (const field of PAY_FIELDS) expect(d).toHaveProperty(field);
    expect(page.pay!.decisions.map((d) => d.baseSalary)).toEqual([187_000, 192_000]);
    expect(page.pay!.currentDecisionId).toBe("d2");
    expect(page.pay!.canDecide).toBe(true);
    expect(page.pay!.bands).toEqual(rubric.bands);
    const aggregate = aggregateLoop(rubric, "L5", SCORECARDS);
    expect(page.pay!.band).toEqual(aggregate.band);
    expect(page.pay!.situation).toEqual({ stagesComplete: 2, stagesTotal: 3, recommendation: aggregate.recommendation.value });
  });

  it("gives the panel the evidence without pay", () => {
    const page = committeePageView(records(), viewer("panel"));
    expect(keys(page)).toEqual(BASE_KEYS);
    expect(keys(page.evidence!)).toEqual(EVIDENCE_KEYS);
    expect(page.pay).toBeNull();
    expect(page.evidence!.aggregate).not.toHaveProperty("band");
    for (const d of page.evidence!.decisions) for (const field of PAY_FIELDS) expect(d).not.toHaveProperty(field);
    expect(JSON.stringify(page)).not.toMatch(PAY);
  });

  it("gives recruiters completion and the decision's outcome: no ratings, evidence or pay, even when handed them", () => {
    const page = committeePageView(records(), viewer("recruiter"));
    expect(keys(page)).toEqual(BASE_KEYS);
    expect(page.evidence).toBeNull();
    expect(page.pay).toBeNull();
    expect(page.decision).toEqual({ outcome: "hire", level: "L5", decidedByName: "Cleo Committee", decidedAt: HOURS_AGO(1) });
    const json = JSON.stringify(page);
    expect(json).not.toMatch(PAY);
    expect(json).not.toMatch(/rating|leniency|agreement|recommendation|"Ada"|"Ben"|Tied the cache|rationale/);
  });

  it("gives every audience the same loop, stages and decision line", () => {
    const [committee, panel, recruiter] = (["committee", "panel", "recruiter"] as const).map((a) => committeePageView(records(), viewer(a)));
    for (const page of [panel, recruiter]) {
      const { audience: _a, evidence: _e, pay: _p, ...rest } = page!;
      const { audience: _ca, evidence: _ce, pay: _cp, ...committeeRest } = committee!;
      expect(rest).toEqual(committeeRest);
    }
    expect(recruiter!.loop).toEqual({
      id: "loop-1",
      candidate: { id: "cand-1", name: "Cora Candidate" },
      targetLevel: "L5",
      rubricVersion: { id: "rv-1", track: "builder", version: 1, name: "Builder" },
      createdAt: HOURS_AGO(24 * 7),
    });
    expect(recruiter!.stages.map((s) => [s.name, s.status, s.submitted, s.needed])).toEqual([
      [SCREEN.name, "complete", 1, 1],
      [DEEP_DIVE.name, "complete", 2, 2],
      [rubric.stages[2]!.name, "not_scheduled", 0, 2],
    ]);
    expect(recruiter!.complete).toBe(false);
  });

  it("lists scorecards by the rubric's stage order, then by interviewer", () => {
    const page = committeePageView(records(), viewer("panel"));
    expect(page.evidence!.scorecards.map((s) => [s.stageName, s.interviewerName])).toEqual([
      [SCREEN.name, "Sam"],
      [DEEP_DIVE.name, "Ada"],
      [DEEP_DIVE.name, "Ben"],
    ]);
    expect(page.evidence!.rules).toEqual({ disagreementSpread: 2, minRatings: 2 });
    expect(page.evidence!.leniency).toEqual(records().evidence!.leniency);
  });

  it("says whether the reader still owes scorecards, and lets only the committee's canDecide through", () => {
    expect(committeePageView(records(), viewer("recruiter", { owesScorecards: true })).owesScorecards).toBe(true);
    expect(committeePageView(records(), viewer("committee", { canDecide: false })).pay!.canDecide).toBe(false);
    expect(committeePageView(records(), viewer("panel", { canDecide: true })).pay).toBeNull();
  });

  it("has no decision and no current decision before the first one", () => {
    const page = committeePageView(records([]), viewer("committee"));
    expect(page.decision).toBeNull();
    expect(page.pay!.currentDecisionId).toBeNull();
    expect(page.evidence!.decisions).toEqual([]);
  });

  it("refuses to build an evidence page without the evidence records", () => {
    expect(() => committeePageView({ ...records(), evidence: null }, viewer("panel"))).toThrow(/evidence/);
    expect(committeePageView({ ...records(), evidence: null }, viewer("recruiter")).evidence).toBeNull();
  });

  it("computes the situation a decision is checked against as the page shows it", () => {
    const page = committeePageView(records(), viewer("committee"));
    expect(decisionSituation(records().loop, SCORECARDS, NOW)).toEqual(page.pay!.situation);
  });
});

/** A chain of decisions, each correcting the one before, with generated salaries and justifications. */
const decisionsArb = fc
  .array(
    fc.record({
      outcome: fc.constantFrom("hire" as const, "no_hire" as const),
      baseSalary: fc.option(fc.integer({ min: 40_000, max: 900_000 }), { nil: null }),
      currency: fc.constantFrom("USD", "EUR", "GBP"),
      justification: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }),
    }),
    { maxLength: 6 },
  )
  .map((entries) =>
    entries.map((e, i) =>
      decision(`d${i}`, i === 0 ? null : `d${i - 1}`, {
        outcome: e.outcome,
        baseSalary: e.baseSalary,
        currency: e.currency,
        bandJustification: e.justification === null ? null : `PAY-JUSTIFICATION ${e.justification}`,
        decidedAt: HOURS_AGO(10 - i),
      }),
    ),
  );

describe("pay never reaches the panel or recruiters (generated decisions)", () => {
  it("leaves no salary, currency or band justification in their page's JSON", () => {
    fc.assert(
      fc.property(decisionsArb, fc.constantFrom<CommitteeAudience>("panel", "recruiter"), (decisions, audience) => {
        const json = JSON.stringify(committeePageView(records(decisions), viewer(audience)));
        for (const d of decisions) {
          if (d.baseSalary !== null) expect(json).not.toMatch(new RegExp(`(?<![\\d.])${d.baseSalary}(?![\\d.])`));
        }
        expect(json).not.toContain("PAY-JUSTIFICATION");
        expect(json).not.toMatch(PAY);
      }),
    );
  });

  it("while the committee's page carries every one of them", () => {
    fc.assert(
      fc.property(decisionsArb, (decisions) => {
        const page = committeePageView(records(decisions), viewer("committee"));
        expect(page.pay!.decisions.map((d) => d.baseSalary)).toEqual(decisions.map((d) => d.baseSalary));
        expect(page.pay!.currentDecisionId).toBe(decisions.at(-1)?.id ?? null);
      }),
    );
  });
});
