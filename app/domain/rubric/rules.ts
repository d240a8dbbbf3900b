import { LEVELS } from "../levels";
import { normaliseHeading } from "../project/process";
import type { Rubric } from "./schema";

export type RubricIssue = { path: ReadonlyArray<string | number>; message: string };

/**
 * Rules that relate one part of a rubric to another. The schema has already checked each
 * part's shape; these check that ids are unique, every reference resolves, levels are L4–L7
 * in order, bars never fall as the level rises, bands are ordered, and the decision rules
 * cover what they must.
 */
export function checkRubricRules(rubric: Rubric): RubricIssue[] {
  const issues: RubricIssue[] = [];
  const add = (path: ReadonlyArray<string | number>, message: string) => issues.push({ path, message });

  const scaleValues = rubric.scale.map((p) => p.value);
  const competencyIds = new Set(rubric.competencies.map((c) => c.id));
  const required = rubric.competencies.filter((c) => !c.bonus).map((c) => c.id);
  const criterionIds = new Set(rubric.advancement_criteria.map((c) => c.id));
  const stageIds = rubric.stages.map((s) => s.id);
  const minScale = Math.min(...scaleValues);
  const maxScale = Math.max(...scaleValues);

  // Unique ids within each list (criteria across all stages, since scorecards name them alone).
  uniqueIds(rubric.scale.map((p) => String(p.value)), ["scale"], "value", add);
  uniqueIds(rubric.competencies.map((c) => c.id), ["competencies"], "id", add);
  uniqueIds(rubric.characteristics.map((c) => c.id), ["characteristics"], "id", add);
  uniqueIds(rubric.signals.map((s) => s.id), ["signals"], "id", add);
  uniqueIds(rubric.red_flags.map((f) => f.id), ["red_flags"], "id", add);
  uniqueIds(stageIds, ["stages"], "id", add);
  uniqueIds(rubric.advancement_criteria.map((c) => c.id), ["advancement_criteria"], "id", add);
  const seenCriteria = new Map<string, string>();
  rubric.stages.forEach((stage, s) =>
    stage.criteria.forEach((criterion, c) => {
      const first = seenCriteria.get(criterion.id);
      if (first) add(["stages", s, "criteria", c, "id"], `"${criterion.id}" is already used in ${first}`);
      else seenCriteria.set(criterion.id, `stages[${s}].criteria[${c}]`);
    }),
  );

  // The scale ascends, and every competency anchors every value on it.
  rubric.scale.forEach((point, i) => {
    if (i > 0 && point.value <= rubric.scale[i - 1]!.value) {
      add(["scale", i, "value"], `must be greater than the previous value (${rubric.scale[i - 1]!.value})`);
    }
  });
  rubric.competencies.forEach((competency, i) => {
    for (const value of scaleValues) {
      if (!(String(value) in competency.anchors)) {
        add(["competencies", i, "anchors", String(value)], `needs an anchor for rating ${value}`);
      }
    }
    for (const key of Object.keys(competency.anchors)) {
      if (!scaleValues.map(String).includes(key)) {
        add(["competencies", i, "anchors", key], `is not a value on the rating scale (${scaleValues.join(", ")})`);
      }
    }
  });

  // Criteria evidence known competencies; every required competency is scored somewhere.
  const scored = new Set<string>();
  rubric.stages.forEach((stage, s) =>
    stage.criteria.forEach((criterion, c) => {
      if (!competencyIds.has(criterion.competency)) {
        add(["stages", s, "criteria", c, "competency"], `"${criterion.competency}" is not a competency of this rubric`);
      }
      scored.add(criterion.competency);
    }),
  );
  rubric.competencies.forEach((competency, i) => {
    if (!competency.bonus && !scored.has(competency.id)) {
      add(["competencies", i], `"${competency.id}" is not bonus, so some stage must have a criterion that evidences it`);
    }
  });

  // Levels: exactly L4–L7 in order; bars on the scale, never falling; advancement complete.
  if (rubric.levels.length !== LEVELS.length) {
    add(["levels"], `must list the ${LEVELS.length} levels ${LEVELS.join(", ")}`);
  }
  rubric.levels.forEach((level, i) => {
    const expected = LEVELS[i];
    if (expected && level.id !== expected) add(["levels", i, "id"], `must be ${expected} (levels are listed L4 to L7 in order)`);
    for (const competency of required) {
      if (!(competency in level.bars)) add(["levels", i, "bars", competency], `needs a bar for ${competency}`);
    }
    for (const [competency, bar] of Object.entries(level.bars)) {
      const path = ["levels", i, "bars", competency];
      if (!competencyIds.has(competency)) {
        add(path, `"${competency}" is not a competency of this rubric`);
        continue;
      }
      if (bar < minScale || bar > maxScale) add(path, `must be on the rating scale (${minScale} to ${maxScale})`);
      const previous = rubric.levels[i - 1];
      const previousBar = previous?.bars[competency];
      if (previous && previousBar !== undefined && bar < previousBar) {
        add(path, `must be >= the ${previous.id} bar (${previousBar})`);
      }
    }
    for (const criterion of criterionIds) {
      if (!(criterion in level.advancement)) add(["levels", i, "advancement", criterion], `needs a requirement for ${criterion}`);
    }
    for (const criterion of Object.keys(level.advancement)) {
      if (!criterionIds.has(criterion)) {
        add(["levels", i, "advancement", criterion], `"${criterion}" is not an advancement criterion of this rubric`);
      }
    }
  });

  // Bands: one per level, figures ordered, never lower than the level below.
  let previousMin: { level: string; min: number } | null = null;
  for (const levelId of LEVELS) {
    const band = rubric.bands.levels[levelId];
    if (!band) {
      add(["bands", "levels", levelId], `needs a band for ${levelId}`);
      continue;
    }
    const path = ["bands", "levels", levelId];
    if (band.base.min > band.base.mid) add([...path, "base", "mid"], `must be >= base.min (${band.base.min})`);
    if (band.base.mid > band.base.max) add([...path, "base", "max"], `must be >= base.mid (${band.base.mid})`);
    if (band.equity.min > band.equity.max) add([...path, "equity", "max"], `must be >= equity.min (${band.equity.min})`);
    if (previousMin && band.base.min < previousMin.min) {
      add([...path, "base", "min"], `must be >= the ${previousMin.level} base.min (${previousMin.min})`);
    }
    previousMin = { level: levelId, min: band.base.min };
  }
  for (const key of Object.keys(rubric.bands.levels)) {
    if (!(LEVELS as readonly string[]).includes(key)) add(["bands", "levels", key], `is not a level (${LEVELS.join(", ")})`);
  }

  // Decision rules cover every stage, name real flags, and agree with the flags' severities.
  const rules = rubric.decision_rules;
  for (const stage of stageIds) {
    if (!(stage in rules.scorecards_per_stage)) {
      add(["decision_rules", "scorecards_per_stage", stage], `needs the number of scorecards for stage ${stage}`);
    }
  }
  for (const key of Object.keys(rules.scorecards_per_stage)) {
    if (!stageIds.includes(key)) add(["decision_rules", "scorecards_per_stage", key], `"${key}" is not a stage of this rubric`);
  }
  rules.evidence_required_for_ratings.forEach((value, i) => {
    if (!scaleValues.includes(value)) {
      add(["decision_rules", "evidence_required_for_ratings", i], `${value} is not a value on the rating scale`);
    }
  });
  const flagsById = new Map(rubric.red_flags.map((f) => [f.id, f]));
  const blocking = new Set<string>();
  rules.blocking_red_flags.forEach((rule, i) => {
    const flag = flagsById.get(rule.flag);
    if (!flag) add(["decision_rules", "blocking_red_flags", i, "flag"], `"${rule.flag}" is not a red flag of this rubric`);
    else if (flag.severity !== "blocker") {
      add(["decision_rules", "blocking_red_flags", i, "flag"], `"${rule.flag}" blocks a hire, so its severity must be blocker (it is ${flag.severity})`);
    }
    blocking.add(rule.flag);
  });
  rubric.red_flags.forEach((flag, i) => {
    if (flag.severity === "blocker" && !blocking.has(flag.id)) {
      add(["red_flags", i, "severity"], `"${flag.id}" is a blocker, so decision_rules.blocking_red_flags must say how many interviewers must raise it`);
    }
  });
  if (rules.recommendation.strong_hire_max_major_flags > rules.recommendation.hire_max_major_flags) {
    add(["decision_rules", "recommendation", "strong_hire_max_major_flags"], "must be <= hire_max_major_flags");
  }
  const promotionTargets = LEVELS.slice(1);
  for (const target of promotionTargets) {
    const evidence = rules.promotion_evidence[target];
    const path = ["decision_rules", "promotion_evidence", target];
    if (!evidence) {
      add(path, `needs the evidence a packet for ${target} requires`);
      continue;
    }
    for (const criterion of criterionIds) {
      if (!(criterion in evidence.criteria)) add([...path, "criteria", criterion], `needs a count for ${criterion}`);
    }
    for (const key of Object.keys(evidence.criteria)) {
      if (!criterionIds.has(key)) add([...path, "criteria", key], `"${key}" is not an advancement criterion of this rubric`);
    }
    for (const key of Object.keys(evidence.competencies)) {
      if (!competencyIds.has(key)) add([...path, "competencies", key], `"${key}" is not a competency of this rubric`);
    }
  }
  for (const key of Object.keys(rules.promotion_evidence)) {
    if (!(promotionTargets as readonly string[]).includes(key)) {
      add(["decision_rules", "promotion_evidence", key], `must be a promotion target level (${promotionTargets.join(", ")})`);
    }
  }
  checkProjectProcess(rubric, add);
  return issues;
}

/** The project process: unique PRD sections, and a review cadence that follows the checkpoint. */
function checkProjectProcess(rubric: Rubric, add: (path: ReadonlyArray<string | number>, message: string) => void) {
  const process = rubric.project_process;
  if (!process) return;
  const sections = process.prd.required_sections;
  uniqueIds(sections.map((s) => s.id), ["project_process", "prd", "required_sections"], "id", add);
  // Headings compare as a PRD's headings are matched (normaliseHeading), so two sections can never
  // be satisfied by the same heading.
  const firstHeading = new Map<string, number>();
  sections.forEach((section, i) => {
    const key = normaliseHeading(section.heading);
    const first = firstHeading.get(key);
    if (first === undefined) firstHeading.set(key, i);
    else add(["project_process", "prd", "required_sections", i, "heading"], `"${section.heading}" is the same heading as project_process.prd.required_sections[${first}] ("${sections[first]!.heading}")`);
  });
  if (process.quarterly_review_every_days <= process.checkpoint_after_days) {
    add(
      ["project_process", "quarterly_review_every_days"],
      `must be more than checkpoint_after_days (${process.checkpoint_after_days}): reviews follow the checkpoint`,
    );
  }
}

function uniqueIds(
  ids: readonly string[],
  base: ReadonlyArray<string | number>,
  field: string,
  add: (path: ReadonlyArray<string | number>, message: string) => void,
) {
  const seen = new Map<string, number>();
  ids.forEach((value, i) => {
    const first = seen.get(value);
    if (first !== undefined) add([...base, i, field], `"${value}" is already used by ${formatPath([...base, first])}`);
    else seen.set(value, i);
  });
}

/** `["levels", 2, "bars", "product_sense"]` → `levels[2].bars.product_sense` */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, "");
}
