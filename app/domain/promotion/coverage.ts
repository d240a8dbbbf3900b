import { isLevel, LEVELS, type Level } from "../levels";
import type { Rubric } from "../rubric/schema";

/**
 * Promotion packet coverage: how far a packet's evidence meets what the pinned rubric asks of
 * the target level, computed only from the rubric's numbers (`decision_rules.promotion_evidence`).
 *
 * Rules (also in product.md, "Promotion" and "Aggregation rules"):
 * - Targets: a packet targets L5, L6 or L7 (the level above L4, L5 or L6); anything else throws.
 * - Entries: every advancement criterion the target's `promotion_evidence.criteria` names, then
 *   every competency its `promotion_evidence.competencies` names, each with `required` = that
 *   count. Criteria carry the target level's advancement text as `requirement`.
 * - Count = the number of distinct evidence items (by id) tagged with the entry's id. A tag
 *   repeated on one item, or an id repeated across items, counts once.
 * - Status: met when count ≥ required (so a requirement of 0 is always met); partial when
 *   0 < count < required; missing when count = 0 and required > 0.
 * - Order: gaps first (missing, then partial, then met); within a status, rubric order
 *   (advancement criteria in file order, then competencies in file order). `evidenceIds` are
 *   sorted, so the result never depends on the order of items or of tags within them.
 * - Tags the rubric does not define are ignored and listed in `unknownTags`. Tags the rubric
 *   defines but the target level does not require are ignored silently.
 * - Summary: how many entries are met, partial and missing; ready when none is missing or partial.
 *
 * Consequences (property-tested): adding evidence never lowers a count, a status
 * (missing < partial < met), the met total or readiness, nor raises the missing total; an empty
 * packet has every entry with required > 0 missing.
 */
export const COVERAGE_STATUSES = ["missing", "partial", "met"] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];
export type CoverageKind = "criterion" | "competency";

export type PacketEvidence = { id: string; criteria: readonly string[]; competencies: readonly string[] };

export type CoverageEntry = {
  kind: CoverageKind;
  id: string;
  name: string;
  required: number;
  count: number;
  status: CoverageStatus;
  /** For a criterion: what the target level's advancement text asks. */
  requirement?: string;
  evidenceIds: string[];
};

export type UnknownTag = { kind: CoverageKind; id: string; evidenceIds: string[] };

export type PacketCoverage = {
  targetLevel: Level;
  entries: CoverageEntry[];
  summary: { met: number; partial: number; missing: number; ready: boolean };
  unknownTags: UnknownTag[];
};

/** The levels a promotion packet may target: every level but the first. */
export const PROMOTION_TARGETS: readonly Level[] = LEVELS.slice(1);

/** missing = 0 < partial = 1 < met = 2. */
export const coverageStatusRank = (s: CoverageStatus): number => COVERAGE_STATUSES.indexOf(s);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What a target level asks of a packet, in rubric order, and which tags the rubric defines: the
 * rubric-derived half of coverage. Plain data, so the packet editor can send it to the browser and
 * compute coverage live from unsaved evidence with `coverageOf` (the same code the server runs).
 */
export type CoverageRequirements = {
  targetLevel: Level;
  requirements: Array<{ kind: CoverageKind; id: string; name: string; required: number; requirement?: string }>;
  defined: { criterion: string[]; competency: string[] };
};

export function coverageRequirements(rubric: Rubric, targetLevel: string): CoverageRequirements {
  if (!isLevel(targetLevel) || !PROMOTION_TARGETS.includes(targetLevel)) {
    throw new Error(`A promotion packet targets ${PROMOTION_TARGETS.join(", ")}; "${targetLevel}" is not a promotion target.`);
  }
  const needs = rubric.decision_rules.promotion_evidence[targetLevel];
  if (!needs) throw new Error(`Rubric ${rubric.track} v${rubric.version} sets no promotion evidence for ${targetLevel}.`);
  const advancement = rubric.levels.find((l) => l.id === targetLevel)?.advancement ?? {};
  const requirement = (id: string) => (advancement[id] === undefined ? {} : { requirement: advancement[id] });
  return {
    targetLevel,
    requirements: [
      ...rubric.advancement_criteria
        .filter((c) => c.id in needs.criteria)
        .map((c) => ({ kind: "criterion" as const, id: c.id, name: c.name, required: needs.criteria[c.id]!, ...requirement(c.id) })),
      ...rubric.competencies
        .filter((c) => c.id in needs.competencies)
        .map((c) => ({ kind: "competency" as const, id: c.id, name: c.name, required: needs.competencies[c.id]! })),
    ],
    defined: { criterion: rubric.advancement_criteria.map((c) => c.id), competency: rubric.competencies.map((c) => c.id) },
  };
}

export function packetCoverage(rubric: Rubric, targetLevel: string, evidence: readonly PacketEvidence[]): PacketCoverage {
  return coverageOf(coverageRequirements(rubric, targetLevel), evidence);
}

export function coverageOf(needs: CoverageRequirements, evidence: readonly PacketEvidence[]): PacketCoverage {
  // Distinct evidence ids per tag, for each kind.
  const tagged = { criterion: new Map<string, Set<string>>(), competency: new Map<string, Set<string>>() };
  for (const item of evidence) {
    for (const [kind, tags] of [["criterion", item.criteria], ["competency", item.competencies]] as const) {
      for (const tag of tags) {
        const ids = tagged[kind].get(tag) ?? new Set<string>();
        ids.add(item.id);
        tagged[kind].set(tag, ids);
      }
    }
  }
  const idsOf = (kind: CoverageKind, id: string) => [...(tagged[kind].get(id) ?? [])].sort(compare);

  const inRubricOrder: CoverageEntry[] = needs.requirements.map(({ kind, id, name, required, requirement }) => {
    const evidenceIds = idsOf(kind, id);
    const count = evidenceIds.length;
    const status: CoverageStatus = count >= required ? "met" : count > 0 ? "partial" : "missing";
    return { kind, id, name, required, count, status, ...(requirement === undefined ? {} : { requirement }), evidenceIds };
  });
  // Stable sort: rubric order is kept within a status.
  const entries = [...inRubricOrder].sort((a, b) => coverageStatusRank(a.status) - coverageStatusRank(b.status));

  const defined = { criterion: new Set(needs.defined.criterion), competency: new Set(needs.defined.competency) };
  const unknownTags: UnknownTag[] = (["criterion", "competency"] as const).flatMap((kind) =>
    [...tagged[kind].keys()]
      .filter((id) => !defined[kind].has(id))
      .sort(compare)
      .map((id) => ({ kind, id, evidenceIds: idsOf(kind, id) })),
  );

  const tally = (s: CoverageStatus) => entries.filter((e) => e.status === s).length;
  const summary = { met: tally("met"), partial: tally("partial"), missing: tally("missing"), ready: false };
  summary.ready = summary.partial === 0 && summary.missing === 0;
  return { targetLevel: needs.targetLevel, entries, summary, unknownTags };
}
