import { z } from "zod";
import { DECISION_OVERRIDES, overridesFor, overrideStatement, type DecisionSituation } from "./decision-overrides";
import { LEVELS } from "./levels";
import { conflict, stale, type WordedRefusal } from "./refusal";
import { formatMoneyRange } from "./money";
import type { Rubric } from "./rubric/schema";

/**
 * The hiring committee's decision form, built from the pinned rubric's bands: hire or not; for a
 * hire, the level and a base salary (outside that level's band only with a written
 * justification); always a rationale. Shared by the form (react-hook-form) and the action.
 * Given where the loop stands (`situation`), a decision before every stage is complete or against
 * the recommendation needs each of those overrides confirmed and a written justification
 * (decision-overrides.ts); the action passes the situation read afresh.
 */
export const DECISION_OUTCOMES = ["hire", "no_hire"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

// A lone checked box arrives as a string, several as an array, none as nothing.
const overrideList = z.preprocess(
  (v) => (v === undefined || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(DECISION_OVERRIDES, { error: "Confirm only what the form lists" })).max(DECISION_OVERRIDES.length),
);

export function decisionSchema(bands: Rubric["bands"], situation?: DecisionSituation) {
  return z
    .object({
      outcome: z.enum(DECISION_OUTCOMES, { error: "Choose hire or no hire" }),
      level: z.enum(LEVELS).optional().or(z.literal("").transform(() => undefined)),
      baseSalary: z
        .union([z.literal("").transform(() => undefined), z.coerce.number({ error: "Enter the base salary as a number" }).int("Enter whole units").positive("Enter a positive amount")])
        .optional(),
      bandJustification: z.string().trim().max(2000).optional().default(""),
      rationale: z.string().trim().min(1, "Write the committee's rationale").max(5000),
      confirmedOverrides: overrideList.optional().default([]),
      overrideJustification: z.string().trim().max(2000, "At most 2,000 characters").optional().default(""),
      // An empty hidden field means "not a correction".
      correctsId: z
        .string()
        .optional()
        .transform((v) => v || undefined),
    })
    .superRefine((value, ctx) => {
      if (situation) {
        const required = overridesFor(value.outcome, situation);
        const missing = required.filter((o) => !value.confirmedOverrides.includes(o));
        if (missing.length > 0) {
          ctx.addIssue({ code: "custom", path: ["confirmedOverrides"], message: `Confirm it to record this decision: ${missing.map((o) => overrideStatement(o, value.outcome, situation)).join("; ")}` });
        }
        if (required.length > 0 && !value.overrideJustification) {
          ctx.addIssue({ code: "custom", path: ["overrideJustification"], message: "Write why the committee decides this now: it stays with the decision" });
        }
      }
      if (value.outcome === "no_hire") {
        if (value.level) ctx.addIssue({ code: "custom", path: ["level"], message: "A no-hire decision has no level" });
        if (value.baseSalary !== undefined) ctx.addIssue({ code: "custom", path: ["baseSalary"], message: "A no-hire decision has no salary" });
        return;
      }
      if (!value.level) {
        ctx.addIssue({ code: "custom", path: ["level"], message: "Choose the level of the hire" });
        return;
      }
      if (value.baseSalary === undefined) {
        ctx.addIssue({ code: "custom", path: ["baseSalary"], message: "Enter the base salary" });
        return;
      }
      const band = bands.levels[value.level];
      if (band && !withinBand(value.baseSalary, band.base) && !value.bandJustification) {
        ctx.addIssue({
          code: "custom",
          path: ["bandJustification"],
          message: `The base is outside the ${value.level} band (${formatMoneyRange(band.base, bands.currency)}): justify it in writing`,
        });
      }
    });
}

export type DecisionInput = z.output<ReturnType<typeof decisionSchema>>;

export function withinBand(base: number, band: { min: number; max: number }): boolean {
  return base >= band.min && base <= band.max;
}

export type DecisionEntry = { id: string; correctsId: string | null; decidedAt: Date };

/** The decision in force: the entry that no later entry corrects (null before any decision). */
export function currentDecision<T extends DecisionEntry>(entries: readonly T[]): T | null {
  const corrected = new Set(entries.map((e) => e.correctsId).filter(Boolean));
  const heads = entries.filter((e) => !corrected.has(e.id));
  return heads.sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime())[0] ?? null;
}

/**
 * A new entry must correct the decision in force, if there is one: the history stays a single
 * chain and nobody decides over a decision they have not seen.
 */
export function checkDecisionChain(entries: readonly DecisionEntry[], correctsId: string | undefined): WordedRefusal | null {
  const current = currentDecision(entries);
  if (!current && correctsId) return conflict("There is no decision to correct yet.");
  if (current && correctsId !== current.id) {
    // Someone recorded (or corrected) a decision after this page was read: the two-tabs case.
    return stale("A decision is already recorded: record a correction of the current decision instead.");
  }
  return null;
}
