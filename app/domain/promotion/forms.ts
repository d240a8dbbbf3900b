import { formatMoney, formatMoneyRange } from "../money";
import { z } from "zod";
import { isCalendarDate } from "../calendar-date";
import { isWebAddress, linkLines } from "../candidate-form";
import { checkRaise } from "./pay";
import { checkDecision, PROMOTION_OUTCOMES } from "./workflow";

/**
 * The promotion packet's forms, one zod schema each, shared by react-hook-form in the browser and
 * by the packet page's action. Every edit of something that already exists names the version it
 * was based on (`version`), so a stale save can be refused instead of overwriting.
 */
export const PACKET_TEXT_MAX = 5000;
export const EVIDENCE_TITLE_MAX = 200;
export const EVIDENCE_LINKS_MAX = 10;

const version = z.coerce.number({ error: "Reload the page: the form lost track of the version it edits" }).int().min(0);
const text = (what: string, max = PACKET_TEXT_MAX) =>
  z.string({ error: `Write ${what}` }).trim().min(1, `Write ${what}`).max(max, `Keep it under ${max} characters`);

export const packetSummarySchema = z.object({
  summary: z.string().trim().max(PACKET_TEXT_MAX, `Keep the summary under ${PACKET_TEXT_MAX} characters`),
  version,
});
export type PacketSummaryInput = z.output<typeof packetSummarySchema>;


/** A checkbox group arrives as an array, a single string or nothing at all: always an array here. */
const tagList = (ids: readonly string[], kind: string) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v] : []),
    z.array(z.string().refine((id) => ids.includes(id), { message: `Not a ${kind} of this rubric` })),
  );

/**
 * An evidence item, tagged with the rubric's advancement criteria (at least one) and competencies.
 * `evidenceId` and `version` are empty for a new item.
 */
export function evidenceSchema(defined: { criterion: readonly string[]; competency: readonly string[] }) {
  return z
    .object({
      evidenceId: z.string().optional().transform((v) => v || undefined),
      version: z.union([z.literal("").transform(() => undefined), version]).optional(),
      title: text("a title", EVIDENCE_TITLE_MAX),
      description: text("what was done"),
      impact: text("the impact, with figures where you have them"),
      links: z
        .string()
        .optional()
        .default("")
        .superRefine((value, ctx) => {
          const lines = linkLines(value);
          if (lines.length > EVIDENCE_LINKS_MAX) ctx.addIssue({ code: "custom", message: `Add at most ${EVIDENCE_LINKS_MAX} links` });
          lines.forEach((line) => {
            if (!isWebAddress(line)) ctx.addIssue({ code: "custom", message: `“${line.slice(0, 60)}” is not a web address: each line needs one link starting with http:// or https://` });
          });
        })
        .transform(linkLines),
      startDate: z.string({ error: "Enter the start date" }).refine(isCalendarDate, "Enter the start date"),
      endDate: z
        .string()
        .optional()
        .transform((v) => v || undefined)
        .refine((v) => v === undefined || isCalendarDate(v), "Enter a valid end date, or leave it empty while the work goes on"),
      criteria: tagList(defined.criterion, "advancement criterion").refine((l) => l.length > 0, "Tag at least one advancement criterion"),
      competencies: tagList(defined.competency, "competency"),
      /**
       * One of the builder's launched projects the item cites (empty: none). Whether it is theirs
       * and launched is the server's to check (packet-drafts.server.ts saveEvidence).
       */
      projectId: z
        .string()
        .trim()
        .max(100, "Choose one of the builder's launched projects")
        .optional()
        .transform((v) => v || null),
    })
    .superRefine((v, ctx) => {
      if (v.endDate && v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date is before the start date" });
    })
    .transform((v) => ({ ...v, criteria: [...new Set(v.criteria)], competencies: [...new Set(v.competencies)] }));
}
/** What saving an evidence item takes: the form's output (`projectId` may be left out: no citation). */
export type EvidenceInput = Omit<z.output<ReturnType<typeof evidenceSchema>>, "projectId"> & { projectId?: string | null };

export const deleteEvidenceSchema = z.object({ evidenceId: z.string().min(1), version });

/** The manager's assessment of one advancement criterion, on the rubric's rating scale. */
export function assessmentSchema(criterionIds: readonly string[], scale: readonly number[]) {
  return z.object({
    criterionId: z.string().refine((id) => criterionIds.includes(id), "Not an advancement criterion of this packet"),
    rating: z.coerce
      .number({ error: "Choose a rating" })
      .int()
      .refine((n) => scale.includes(n), "Choose a rating"),
    comment: text("a comment that explains the rating"),
    version,
  });
}
export type AssessmentInput = z.output<ReturnType<typeof assessmentSchema>>;

export const invitePeerSchema = z.object({ peerId: z.string({ error: "Choose a peer" }).min(1, "Choose a peer") });
export const removePeerSchema = invitePeerSchema;

export const statementSchema = z.object({ evidenceId: z.string().min(1), text: text("your statement", 3000) });
export type StatementInput = z.output<typeof statementSchema>;

/**
 * The decision form's fields that apply only to a promotion: for "not yet" they are neither shown
 * nor read, so a value left behind in them (a suggested base) can never block or change the decision.
 */
export const PROMOTION_ONLY_FIELDS = ["newBaseSalary", "bandJustification", "raiseJustification"] as const;

export const JUSTIFICATION_MAX = 2000;

/** What the minimum-raise rule measures a new base against (pay.ts, checkRaise). */
export type MinimumRaise = { baseAtSubmission: number | null; minRaisePercent: number };

/**
 * Browsers post `feedback.<criterion>` as flat names; react-hook-form validates them nested.
 * Both shapes become `{ feedback: { <criterion>: text } }`. Fields that do not apply to the chosen
 * outcome are dropped here, before anything is checked.
 */
function nestFeedback(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const value: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  if (value.outcome !== "promoted") for (const field of PROMOTION_ONLY_FIELDS) delete value[field];
  const feedback: Record<string, unknown> = typeof value.feedback === "object" && value.feedback ? { ...(value.feedback as object) } : {};
  for (const key of Object.keys(value)) {
    if (key.startsWith("feedback.")) {
      feedback[key.slice("feedback.".length)] = value[key];
      delete value[key];
    }
  }
  value.feedback = feedback;
  return value;
}

/**
 * The committee's decision. "Promoted" needs the new base: outside the target band only with a
 * written justification (`bandJustification`), and below the rubric's minimum promotion raise on
 * the base at submission only with another (`raiseJustification`, pay.ts checkRaise). "Not yet"
 * needs feedback on every advancement criterion (workflow.ts) and ignores the pay fields
 * (PROMOTION_ONLY_FIELDS).
 */
export function promotionDecisionSchema(
  criteria: ReadonlyArray<{ id: string; name: string }>,
  targetBand: { min: number; max: number },
  currency: string,
  minimumRaise: MinimumRaise,
) {
  return z.preprocess(
    nestFeedback,
    z
      .object({
        outcome: z.enum(PROMOTION_OUTCOMES, { error: "Choose promoted or not yet" }),
        rationale: text("the committee's rationale"),
        newBaseSalary: z
          .union([z.literal("").transform(() => undefined), z.coerce.number({ error: "Enter the new base as a number" }).int("Enter whole units").positive("Enter a positive amount")])
          .optional(),
        bandJustification: z.string().trim().max(JUSTIFICATION_MAX, `Keep it under ${JUSTIFICATION_MAX} characters`).optional().default(""),
        raiseJustification: z.string().trim().max(JUSTIFICATION_MAX, `Keep it under ${JUSTIFICATION_MAX} characters`).optional().default(""),
        feedback: z.record(z.string(), z.string().trim().max(3000).optional().default("")).default({}),
      })
      .superRefine((v, ctx) => {
        const feedback = Object.fromEntries(Object.entries(v.feedback).filter(([, t]) => t));
        const check = checkDecision({ outcome: v.outcome, feedback }, criteria);
        if (!check.ok) {
          for (const [key, message] of Object.entries(check.errors)) ctx.addIssue({ code: "custom", path: key === "outcome" ? ["outcome"] : ["feedback", key], message });
        }
        // "Not yet" changes no pay: its pay fields were dropped before parsing (nestFeedback).
        if (v.outcome !== "promoted") return;
        if (v.newBaseSalary === undefined) {
          ctx.addIssue({ code: "custom", path: ["newBaseSalary"], message: "Enter the new base salary" });
          return;
        }
        if ((v.newBaseSalary < targetBand.min || v.newBaseSalary > targetBand.max) && !v.bandJustification) {
          ctx.addIssue({
            code: "custom",
            path: ["bandJustification"],
            message: `The new base is outside the target band (${formatMoneyRange(targetBand, currency)}): justify it in writing`,
          });
        }
        const raise = checkRaise(minimumRaise.baseAtSubmission, v.newBaseSalary, minimumRaise.minRaisePercent);
        if (raise?.belowMinimum && !v.raiseJustification) {
          ctx.addIssue({
            code: "custom",
            path: ["raiseJustification"],
            message: `The new base is a ${raise.raisePercent}% raise on the base at submission (${formatMoney(minimumRaise.baseAtSubmission ?? 0, currency)}), below the rubric's minimum promotion raise of ${minimumRaise.minRaisePercent}% (${formatMoney(raise.minimumBase, currency)} or more): justify it in writing`,
          });
        }
      })
      // The raise justification is kept only for a raise below the minimum: required then, empty otherwise.
      .transform((v) => {
        const below = v.outcome === "promoted" && v.newBaseSalary !== undefined && checkRaise(minimumRaise.baseAtSubmission, v.newBaseSalary, minimumRaise.minRaisePercent)?.belowMinimum === true;
        return below ? v : { ...v, raiseJustification: "" };
      }),
  );
}
export type PromotionDecisionFormInput = z.output<ReturnType<typeof promotionDecisionSchema>>;
