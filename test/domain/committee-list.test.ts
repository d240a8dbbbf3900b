import fs from "node:fs";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { HIRING_RECOMMENDATIONS, type SubmittedScorecard } from "~/domain/aggregation";
import {
  COMMITTEE_SORTS,
  committeeList,
  committeeRow,
  committeeExportFileName,
  committeeExportSearch,
  committeeSearch,
  DEFAULT_COMMITTEE_QUERY,
  describeCommitteeQuery,
  filterCommitteeRows,
  parseCommitteeQuery,
  sortCommitteeRows,
  statusCounts,
  STATUS_FILTERS,
  type CommitteeLoopInput,
  type CommitteeQuery,
  type CommitteeRow,
} from "~/domain/committee-list";
import { LEVELS } from "~/domain/levels";
import type { InterviewState } from "~/domain/loop";
import { RubricSchema, type Rubric } from "~/domain/rubric/schema";

const v2: Rubric = RubricSchema.parse(parse(fs.readFileSync("rubrics/builder/v2.yaml", "utf8")));
const now = new Date("2026-11-21T12:00:00Z");
const past = new Date(now.getTime() - 48 * 3600_000);

type Card = { by: string; rating: number; flags?: string[] };

/** A loop on builder v2 with, per stage, the interviewers' submitted scorecards (every criterion rated the same). */
function loop(stages: Record<string, Card[]>, over: Partial<CommitteeLoopInput> = {}): CommitteeLoopInput {
  const interviews: InterviewState[] = [];
  const scorecards: SubmittedScorecard[] = [];
  for (const [stageId, cards] of Object.entries(stages)) {
    const stage = v2.stages.find((s) => s.id === stageId)!;
    interviews.push({
      id: `i-${stageId}`,
      stageId,
      startsAt: past,
      durationMinutes: 60,
      interviewerIds: cards.map((c) => c.by),
      scorecards: Object.fromEntries(cards.map((c) => [c.by, "submitted" as const])),
    });
    cards.forEach((c) =>
      scorecards.push({
        id: `sc-${stageId}-${c.by}`,
        interviewerId: c.by,
        stageId,
        recommendation: c.rating >= 3 ? "yes" : "no",
        ratings: stage.criteria.map((cr) => ({ criterionId: cr.id, rating: c.rating })),
        redFlags: c.flags ?? [],
        signals: [],
      }),
    );
  }
  return {
    loopId: "loop-1",
    candidateId: "cand-1",
    candidateName: "Jonas Weber",
    track: "builder",
    version: 2,
    targetLevel: "L5",
    rubric: v2,
    interviews,
    scorecards,
    decision: null,
    ...over,
  };
}

const complete = (rating: number, flags: Record<string, string[]> = {}) =>
  loop({
    initial_screen: [{ by: "ada", rating, flags: flags.ada }],
    technical_deep_dive: [
      { by: "ben", rating, flags: flags.ben },
      { by: "cai", rating, flags: flags.cai },
    ],
    product_assessment: [
      { by: "dee", rating, flags: flags.dee },
      { by: "eve", rating, flags: flags.eve },
    ],
  });

describe("a committee row", () => {
  it("a complete loop without a decision is in review, with the aggregate's level and recommendation", () => {
    const row = committeeRow(complete(4), now);
    expect(row).toMatchObject({
      loopId: "loop-1",
      candidateName: "Jonas Weber",
      track: "builder",
      version: 2,
      targetLevel: "L5",
      supportedLevel: "L7",
      recommendation: "strong_hire",
      ats: "STRONG_YES",
      redFlags: 0,
      blockingFlags: [],
      stagesComplete: 3,
      stagesTotal: 3,
      status: "in_review",
      decision: null,
      decidedAt: null,
    });
  });

  it("a blocker raised by two interviewers makes a definite no, and counts distinct flags", () => {
    const row = committeeRow(
      complete(4, { ben: ["lack_of_customer_empathy"], dee: ["lack_of_customer_empathy", "over_engineer"], eve: ["over_engineer"] }),
      now,
    );
    expect(row).toMatchObject({ recommendation: "no_hire", ats: "DEFINITELY_NO", redFlags: 2, blockingFlags: ["Lack of customer empathy"] });
  });

  it("a blocker raised by one interviewer does not block", () => {
    const row = committeeRow(complete(4, { ben: ["lack_of_customer_empathy"] }), now);
    expect(row.blockingFlags).toEqual([]);
    expect(row.redFlags).toBe(1);
    expect(row.ats).not.toBe("DEFINITELY_NO");
  });

  it("a no hire without a blocker is a plain NO", () => {
    const row = committeeRow(complete(1), now);
    expect(row).toMatchObject({ recommendation: "no_hire", ats: "NO", supportedLevel: null, blockingFlags: [] });
  });

  it("too little evidence is NO_DECISION, and a loop with stages to go is in progress", () => {
    const row = committeeRow(loop({ technical_deep_dive: [{ by: "ben", rating: 3 }] }), now);
    expect(row).toMatchObject({ recommendation: "not_enough_evidence", ats: "NO_DECISION", stagesComplete: 0, stagesTotal: 3, status: "in_progress" });
    expect(committeeRow(loop({}), now)).toMatchObject({ recommendation: "not_enough_evidence", status: "in_progress", stagesComplete: 0 });
  });

  it("counts the stages that are complete", () => {
    const row = committeeRow(loop({ initial_screen: [{ by: "ada", rating: 3 }], technical_deep_dive: [{ by: "ben", rating: 3 }] }), now);
    expect(row).toMatchObject({ stagesComplete: 1, stagesTotal: 3, status: "in_progress" });
  });

  it("a decision in force makes the loop decided, complete or not", () => {
    const decidedAt = new Date("2026-11-20T10:00:00Z");
    expect(committeeRow({ ...complete(3), decision: { outcome: "hire", decidedAt, level: "L6" } }, now)).toMatchObject({
      status: "decided",
      decision: "hire",
      hiredLevel: "L6",
      decidedAt,
    });
    expect(committeeRow({ ...loop({}), decision: { outcome: "no_hire", decidedAt, level: null } }, now)).toMatchObject({
      status: "decided",
      decision: "no_hire",
      hiredLevel: null,
    });
    expect(committeeRow(complete(3), now).hiredLevel).toBeNull();
  });

  it("keeps a target level off the ladder as written (aggregated against L4, as the committee page does)", () => {
    expect(committeeRow({ ...complete(3), targetLevel: "L9" }, now).targetLevel).toBe("L9");
  });
});

// ---- Sorting and filtering on generated rows ---------------------------------------------------

const rowArb: fc.Arbitrary<CommitteeRow> = fc
  .record({
    loopId: fc.uuid(),
    candidateName: fc.constantFrom("Ana Souza", "Chloé Dubois", "chloe dubois", "Jonas Weber", "Ravi Menon", "Zoë"),
    track: fc.constantFrom("builder", "design"),
    targetLevel: fc.constantFrom(...LEVELS, "L9"),
    supportedLevel: fc.constantFrom(...LEVELS, null),
    recommendation: fc.constantFrom(...HIRING_RECOMMENDATIONS),
    blocked: fc.boolean(),
    redFlags: fc.nat({ max: 4 }),
    stagesTotal: fc.integer({ min: 1, max: 4 }),
    stagesComplete: fc.nat({ max: 4 }),
    status: fc.constantFrom("in_review" as const, "in_progress" as const, "decided" as const),
  })
  .map(({ blocked, stagesComplete, ...r }) => ({
    ...r,
    candidateId: `c-${r.candidateName}`,
    version: 2,
    ats: "NO" as const,
    blockingFlags: blocked && r.recommendation === "no_hire" ? ["Lack of customer empathy"] : [],
    stagesComplete: Math.min(stagesComplete, r.stagesTotal),
    decision: null,
    hiredLevel: null,
    decidedAt: null,
  }));

const rowsArb = fc.array(rowArb, { maxLength: 12 });
const sortArb = fc.constantFrom(...COMMITTEE_SORTS);
const dirArb = fc.constantFrom("asc" as const, "desc" as const);

const row = (over: Partial<CommitteeRow>): CommitteeRow => ({
  loopId: "l",
  candidateId: "c",
  candidateName: "X",
  track: "builder",
  version: 2,
  targetLevel: "L5",
  supportedLevel: null,
  recommendation: "hire",
  ats: "YES",
  redFlags: 0,
  blockingFlags: [],
  stagesComplete: 0,
  stagesTotal: 3,
  status: "in_review",
  decision: null,
  hiredLevel: null,
  decidedAt: null,
  ...over,
});

describe("sorting", () => {
  it("is a permutation and does not depend on the input order", () => {
    fc.assert(
      fc.property(rowsArb, sortArb, dirArb, fc.func(fc.integer()), (rows, sort, dir, key) => {
        const sorted = sortCommitteeRows(rows, sort, dir);
        expect([...sorted].sort((a, b) => a.loopId.localeCompare(b.loopId))).toEqual([...rows].sort((a, b) => a.loopId.localeCompare(b.loopId)));
        const shuffled = [...rows].sort((a, b) => key(a.loopId) - key(b.loopId));
        expect(sortCommitteeRows(shuffled, sort, dir).map((r) => r.loopId)).toEqual(sorted.map((r) => r.loopId));
      }),
    );
  });

  it("descending reverses ascending for rows that differ on the sorted key", () => {
    fc.assert(
      fc.property(rowsArb, sortArb, (rows, sort) => {
        const asc = sortCommitteeRows(rows, sort, "asc");
        const desc = sortCommitteeRows(rows, sort, "desc");
        const keyOf = (r: CommitteeRow) => sortKey(r, sort);
        const ascKeys = asc.map(keyOf);
        const descKeys = desc.map(keyOf);
        expect(descKeys).toEqual([...ascKeys].reverse());
      }),
    );
  });

  it("orders candidates by name, ignoring case and accents first", () => {
    const rows = [row({ loopId: "1", candidateName: "Zoë" }), row({ loopId: "2", candidateName: "Chloé Dubois" }), row({ loopId: "3", candidateName: "ana souza" })];
    expect(sortCommitteeRows(rows, "candidate", "asc").map((r) => r.candidateName)).toEqual(["ana souza", "Chloé Dubois", "Zoë"]);
  });

  it("orders recommendations worst to best, a blocked no hire first", () => {
    const rows = [
      row({ loopId: "a", candidateName: "A", recommendation: "strong_hire" }),
      row({ loopId: "b", candidateName: "B", recommendation: "no_hire" }),
      row({ loopId: "c", candidateName: "C", recommendation: "not_enough_evidence" }),
      row({ loopId: "d", candidateName: "D", recommendation: "no_hire", blockingFlags: ["Lack of customer empathy"] }),
      row({ loopId: "e", candidateName: "E", recommendation: "hire" }),
    ];
    expect(sortCommitteeRows(rows, "recommendation", "asc").map((r) => r.loopId)).toEqual(["d", "b", "c", "e", "a"]);
    expect(sortCommitteeRows(rows, "recommendation", "desc").map((r) => r.loopId)).toEqual(["a", "e", "c", "b", "d"]);
  });

  it("orders levels low to high with no supported level lowest, flags by blockers then count, completion by share", () => {
    const rows = [
      row({ loopId: "a", candidateName: "A", targetLevel: "L6", supportedLevel: "L5", redFlags: 1, stagesComplete: 3 }),
      row({ loopId: "b", candidateName: "B", targetLevel: "L4", supportedLevel: null, redFlags: 3, stagesComplete: 0 }),
      row({ loopId: "c", candidateName: "C", targetLevel: "L5", supportedLevel: "L4", redFlags: 1, blockingFlags: ["X"], stagesComplete: 2 }),
    ];
    expect(sortCommitteeRows(rows, "target", "asc").map((r) => r.loopId)).toEqual(["b", "c", "a"]);
    expect(sortCommitteeRows(rows, "supported", "asc").map((r) => r.loopId)).toEqual(["b", "c", "a"]);
    expect(sortCommitteeRows(rows, "flags", "desc").map((r) => r.loopId)).toEqual(["c", "b", "a"]);
    expect(sortCommitteeRows(rows, "completion", "asc").map((r) => r.loopId)).toEqual(["b", "c", "a"]);
  });
});

/** The value a sort compares, to check orders without restating the comparator. */
function sortKey(r: CommitteeRow, sort: (typeof COMMITTEE_SORTS)[number]): string {
  const level = (l: string | null) => (l && (LEVELS as readonly string[]).includes(l) ? LEVELS.indexOf(l as never) : -1);
  switch (sort) {
    case "candidate":
      return r.candidateName.toLocaleLowerCase("en").normalize("NFD").replace(/\p{M}/gu, "");
    case "target":
      return String(level(r.targetLevel));
    case "supported":
      return String(level(r.supportedLevel));
    case "recommendation":
      return `${HIRING_RECOMMENDATIONS.indexOf(r.recommendation)}:${r.blockingFlags.length > 0 ? 0 : 1}`;
    case "flags":
      return `${r.blockingFlags.length}:${r.redFlags}`;
    case "completion":
      return `${r.stagesComplete / r.stagesTotal}:${r.stagesComplete}`;
  }
}

describe("filtering", () => {
  it("keeps exactly the rows that match every filter", () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.constantFrom(...STATUS_FILTERS),
        fc.constantFrom(...HIRING_RECOMMENDATIONS, null),
        fc.constantFrom("builder", "design", null),
        (rows, status, recommendation, track) => {
          const kept = filterCommitteeRows(rows, { status, recommendation, track });
          for (const r of rows) {
            const matches = (status === "all" || r.status === status) && (!recommendation || r.recommendation === recommendation) && (!track || r.track === track);
            expect(kept.includes(r)).toBe(matches);
          }
        },
      ),
    );
  });

  it("the list is the filtered rows, sorted", () => {
    const rows = [
      row({ loopId: "1", candidateName: "B", status: "in_review" }),
      row({ loopId: "2", candidateName: "A", status: "in_progress" }),
      row({ loopId: "3", candidateName: "C", status: "in_review", recommendation: "no_hire" }),
    ];
    expect(committeeList(rows, DEFAULT_COMMITTEE_QUERY).map((r) => r.loopId)).toEqual(["1", "3"]);
    expect(committeeList(rows, { ...DEFAULT_COMMITTEE_QUERY, status: "all", sort: "candidate", direction: "desc" }).map((r) => r.loopId)).toEqual(["3", "1", "2"]);
    expect(committeeList(rows, { ...DEFAULT_COMMITTEE_QUERY, recommendation: "no_hire" }).map((r) => r.loopId)).toEqual(["3"]);
    expect(statusCounts(rows, { recommendation: null, track: null })).toEqual({ in_review: 2, in_progress: 1, decided: 0, closed: 0, all: 3 });
    expect(statusCounts(rows, { recommendation: "hire", track: null })).toEqual({ in_review: 1, in_progress: 1, decided: 0, closed: 0, all: 2 });
  });
});

describe("the query string", () => {
  it("defaults to loops in review, by candidate, and ignores unknown values", () => {
    expect(parseCommitteeQuery(new URLSearchParams())).toEqual(DEFAULT_COMMITTEE_QUERY);
    expect(parseCommitteeQuery(new URLSearchParams("status=bogus&recommendation=maybe&sort=salary&dir=up&track="))).toEqual(DEFAULT_COMMITTEE_QUERY);
    expect(parseCommitteeQuery(new URLSearchParams("status=all&recommendation=no_hire&track=builder&sort=flags&dir=desc"))).toEqual({
      status: "all",
      recommendation: "no_hire",
      track: "builder",
      sort: "flags",
      direction: "desc",
    });
  });

  it("writes only what differs from the default, and reads back what it wrote", () => {
    expect(committeeSearch(DEFAULT_COMMITTEE_QUERY)).toBe("");
    const queryArb: fc.Arbitrary<CommitteeQuery> = fc.record({
      status: fc.constantFrom(...STATUS_FILTERS),
      recommendation: fc.constantFrom(...HIRING_RECOMMENDATIONS, null),
      track: fc.constantFrom("builder", "design & research", null),
      sort: sortArb,
      direction: dirArb,
    });
    fc.assert(
      fc.property(queryArb, (query) => {
        expect(parseCommitteeQuery(new URLSearchParams(committeeSearch(query)))).toEqual(query);
        // The export links read back to the same list, and always name the status.
        const exportParams = new URLSearchParams(committeeExportSearch(query));
        expect(parseCommitteeQuery(exportParams)).toEqual(query);
        expect(exportParams.get("status")).toBe(query.status);
      }),
    );
  });
});

describe("what an export holds, in words and in its file name", () => {
  const day = new Date("2026-11-30T23:59:00Z");
  const query = (over: Partial<CommitteeQuery> = {}): CommitteeQuery => ({ ...DEFAULT_COMMITTEE_QUERY, ...over });

  it("names the status filter even on the list's default view", () => {
    expect(committeeExportSearch(DEFAULT_COMMITTEE_QUERY)).toBe("?status=in_review");
    expect(committeeExportFileName("loops", query(), day, "csv")).toBe("committee-loops-in-review-2026-11-30.csv");
    expect(committeeExportFileName("scorecards", query({ status: "all" }), day, "json")).toBe("committee-scorecards-all-2026-11-30.json");
    expect(committeeExportFileName("loops", query({ status: "decided" }), day, "csv")).toBe("committee-loops-decided-2026-11-30.csv");
    expect(describeCommitteeQuery(query())).toBe("loops in review");
    expect(describeCommitteeQuery(query({ status: "all" }))).toBe("all loops");
  });

  it("adds the recommendation and the track when the list is filtered by them", () => {
    const filtered = query({ status: "all", recommendation: "not_enough_evidence", track: "product-builder" });
    expect(committeeExportFileName("loops", filtered, day, "csv")).toBe("committee-loops-all-not-enough-evidence-product-builder-2026-11-30.csv");
    expect(describeCommitteeQuery(filtered)).toBe("all loops, recommendation Not enough evidence, track product-builder");
  });

  it("keeps any track name safe in a file name and a Content-Disposition header", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.constantFrom(...STATUS_FILTERS), (track, status) => {
        const name = committeeExportFileName("scorecards", query({ status, track }), day, "csv");
        expect(name).toMatch(/^committee-scorecards-[a-z0-9-]+-2026-11-30\.csv$/);
        expect(name).not.toMatch(/--/);
      }),
    );
    expect(committeeExportFileName("loops", query({ track: 'Design "R&D" / Zoë' }), day, "csv")).toBe("committee-loops-in-review-design-r-d-zoe-2026-11-30.csv");
    expect(committeeExportFileName("loops", query({ track: "???" }), day, "csv")).toBe("committee-loops-in-review-track-2026-11-30.csv");
  });
});
