import { z } from "zod";
import { LEVELS } from "../levels";

/**
 * The shape of a rubric version file (`rubrics/<track>/v<N>.yaml`). Keys are the file's own
 * (snake_case) so that every error path names a place in the file. Rules that relate one part
 * to another (references, order, monotonic bars) are in ./rules.ts.
 */
const id = z.string().regex(/^[a-z][a-z0-9_]*$/, { error: "must be a lower_snake_case id" });
const text = z.string().trim().min(1, { error: "must not be empty" });
const money = z.number().nonnegative({ error: "must be a non-negative amount" });
const count = z.number().int({ error: "must be a whole number" }).nonnegative({ error: "must be 0 or more" });
const positiveCount = z.number().int({ error: "must be a whole number" }).min(1, { error: "must be at least 1" });
const level = z.enum(LEVELS, { error: `must be one of ${LEVELS.join(", ")}` });

export const ScalePointSchema = z.strictObject({
  value: z.number().int({ error: "must be a whole number" }),
  label: text,
  meaning: text,
});

export const CompetencySchema = z.strictObject({
  id,
  name: text,
  description: text,
  bonus: z.boolean().default(false).describe("A bonus competency is welcome but not required: no bars, need not be scored."),
  anchors: z.record(z.string(), text).describe("What each rating value looks like for this competency, keyed by the scale's values."),
});

export const CharacteristicSchema = z.strictObject({ id, name: text, description: text });

export const SignalSchema = z.strictObject({ id, text });

export const RED_FLAG_SEVERITIES = ["blocker", "major", "minor"] as const;
export const RED_FLAG_CATEGORIES = ["behavioural", "interview"] as const;

export const RedFlagSchema = z.strictObject({
  id,
  name: text,
  description: text,
  category: z.enum(RED_FLAG_CATEGORIES, { error: "must be behavioural or interview" }),
  severity: z.enum(RED_FLAG_SEVERITIES, { error: "must be blocker, major or minor" }),
});

export const CriterionSchema = z.strictObject({
  id,
  name: text,
  competency: id.describe("The competency this criterion's rating is evidence for."),
  prompts: z.array(text).min(1, { error: "needs at least one interviewer prompt" }),
});

export const StageSchema = z.strictObject({
  id,
  name: text,
  focus_areas: z.array(text).min(1, { error: "needs at least one focus area" }),
  criteria: z.array(CriterionSchema).min(1, { error: "each stage needs at least one criterion" }),
});

export const LevelSchema = z.strictObject({
  id: level,
  title: text,
  impact: text,
  bars: z.record(z.string(), z.number({ error: "must be a number on the rating scale" })).describe("Minimum competency score (on the rating scale) a person at this level shows."),
  advancement: z.record(z.string(), text).describe("What each advancement criterion asks of someone at this level."),
});

export const AdvancementCriterionSchema = z.strictObject({ id, name: text, description: text });

const RangeSchema = z.strictObject({ min: money, max: money });

export const BandSchema = z.strictObject({
  base: z.strictObject({ min: money, mid: money, max: money }),
  equity: RangeSchema.describe("Yearly equity grant value, in the band's currency."),
  learning_budget: money.describe("Yearly learning and experimentation budget."),
});

export const BandsSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, { error: "must be an ISO 4217 code such as USD" }),
  note: text,
  levels: z.record(z.string(), BandSchema),
});

export const DecisionRulesSchema = z.strictObject({
  scorecards_per_stage: z.record(z.string(), positiveCount).describe("Submitted scorecards a stage needs before it counts as complete."),
  scorecard_due_hours: positiveCount.describe("Hours after an interview when its scorecard is due."),
  evidence_required_for_ratings: z.array(z.number().int()).describe("Ratings that must come with written evidence."),
  min_ratings_per_competency: positiveCount.describe("Below this many ratings a competency has \"not enough evidence\"."),
  disagreement_spread: positiveCount.describe("Ratings that span this many scale steps or more are marked as a disagreement."),
  blocking_red_flags: z.array(z.strictObject({ flag: id, min_interviewers: positiveCount })).describe("A red flag raised by this many independent interviewers means no hire, whatever the ratings."),
  recommendation: z.strictObject({
    strong_hire_margin: z.number().positive({ error: "must be more than 0" }).describe("Strong hire needs every competency this far above the supported level's bar."),
    strong_hire_max_major_flags: count.describe("Most distinct major red flags still compatible with strong hire, and with hire."),
    hire_max_major_flags: count,
  }),
  band_placement: z.strictObject({
    margin_for_max: z.number().positive({ error: "must be more than 0" }).describe("Mean margin above the level's bars at which the suggested base reaches the band's max."),
  }),
  /** Evidence items a promotion packet needs, per target level, per criterion and competency. */
  promotion_evidence: z.record(
    z.string(),
    z.strictObject({
      criteria: z.record(z.string(), count),
      competencies: z.record(z.string(), count),
    }),
  ),
  promotion_pay: z.strictObject({
    min_raise_percent: z.number().nonnegative().describe("The smallest raise a promotion brings, in percent of current base."),
  }),
});

export const SATELLITE_APPROVERS = ["team_lead", "anyone"] as const;

/** How a track's builders run projects (the project log). A track may define none. */
export const ProjectProcessSchema = z.strictObject({
  prd: z.strictObject({
    required_sections: z
      .array(z.strictObject({ id, heading: text, guidance: text }))
      .min(1, { error: "needs at least one section a PRD must contain" })
      .describe("Sections a PRD must have (as headings) before it can be submitted."),
    satellite_approver: z
      .enum(SATELLITE_APPROVERS, { error: "must be team_lead or anyone" })
      .describe("For a team satellite: whether the approver must be the lead of its team."),
  }),
  min_success_metrics: positiveCount.describe("Success metrics a project needs before its PRD is submitted and before launch."),
  checkpoint_after_days: positiveCount.describe("Days after launch when the milestone checkpoint is due."),
  quarterly_review_every_days: positiveCount.describe("Days between project reviews once the checkpoint is recorded."),
  founder_mode: z.strictObject({
    decision_date_required: z.boolean().describe("Whether a team-founder project must name the date by which it meets its success or is deprecated."),
    max_decision_days: positiveCount.describe("Furthest a decision date may be from the day the PRD is submitted."),
  }),
  demos: z.strictObject({
    cadence_days: positiveCount.describe("How often builders demo (the highlights view groups by this period)."),
  }),
});

export const RubricSchema = z.strictObject({
  track: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: "must be a lower-case track id such as builder" }),
  version: positiveCount,
  name: text,
  also_known_as: z.array(text).default([]),
  summary: text,
  changelog: z.array(text).default([]).describe("For a revision: what changed from the previous version, and why."),
  scale: z.array(ScalePointSchema).min(2, { error: "needs at least two rating values" }),
  competencies: z.array(CompetencySchema).min(1),
  characteristics: z.array(CharacteristicSchema),
  signals: z.array(SignalSchema),
  red_flags: z.array(RedFlagSchema),
  stages: z.array(StageSchema).min(1, { error: "needs at least one interview stage" }),
  levels: z.array(LevelSchema),
  advancement_criteria: z.array(AdvancementCriterionSchema).min(1),
  bands: BandsSchema,
  decision_rules: DecisionRulesSchema,
  project_process: ProjectProcessSchema.optional().describe("The project log's process; a track without it has no project log."),
});

export type Rubric = z.output<typeof RubricSchema>;
export type RubricInput = z.input<typeof RubricSchema>;
export type Competency = Rubric["competencies"][number];
export type Stage = Rubric["stages"][number];
export type Criterion = Stage["criteria"][number];
export type RubricLevel = Rubric["levels"][number];
export type RedFlag = Rubric["red_flags"][number];
export type Band = z.output<typeof BandSchema>;
export type ProjectProcess = z.output<typeof ProjectProcessSchema>;
export type RedFlagSeverity = (typeof RED_FLAG_SEVERITIES)[number];
