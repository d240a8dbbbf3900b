import { z } from "zod";
import { isCalendarDate } from "./calendar-date";
import { currentDecision } from "./decision";
import { isLevel, type Level } from "./levels";

/**
 * Turning a hire into a builder: when a loop's decision in force is "hire", an admin creates the
 * person's account and builder record from it. The record starts at the decision's level and base,
 * pinned to the rubric version the loop was read against, and its history starts with "hired"
 * linked to that decision, so a later promotion packet reads against the same bar.
 */
export const onboardBuilderSchema = z.object({
  loopId: z.string({ error: "Choose the loop whose hire decision applies" }).min(1, "Choose the loop whose hire decision applies"),
  managerId: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  startDate: z.string({ error: "Enter the start date" }).refine(isCalendarDate, "Enter the start date"),
});
export type OnboardBuilderInput = z.output<typeof onboardBuilderSchema>;

type Entry = { id: string; correctsId: string | null; decidedAt: Date; outcome: string; level: string | null; baseSalary: number | null; currency: string | null };

export type HireTerms = { decisionId: string; level: Level; baseSalary: number | null; currency: string | null };

/** The terms of the hire in force on a loop, or why there is none. */
export function hireTerms(entries: readonly Entry[]): { ok: true; terms: HireTerms } | { ok: false; message: string } {
  const current = currentDecision(entries);
  if (!current) return { ok: false, message: "This loop has no decision yet." };
  if (current.outcome !== "hire") return { ok: false, message: "The decision in force on this loop is not a hire." };
  if (!current.level || !isLevel(current.level)) return { ok: false, message: "The hire decision names no level." };
  return { ok: true, terms: { decisionId: current.id, level: current.level, baseSalary: current.baseSalary, currency: current.currency } };
}
