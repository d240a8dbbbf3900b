import { z } from "zod";
import { RECOMMENDATIONS, type StageRubric } from "./content";

/**
 * The scorecard form's zod schemas, built from the pinned rubric's stage: the browser validates
 * with them (react-hook-form) and every action parses with them again. A draft may be incomplete;
 * a submission must be whole. Both refuse anything the pinned version does not define.
 */
export const SCORECARD_TEXT_MAX = { evidence: 5000, note: 1000, takeaways: 5000, reason: 2000 } as const;
const TEXT_MAX = SCORECARD_TEXT_MAX.evidence;

const noteText = z.string().max(SCORECARD_TEXT_MAX.note, `Keep notes under ${SCORECARD_TEXT_MAX.note} characters`);
const evidenceText = z.string().max(TEXT_MAX, `Keep evidence under ${TEXT_MAX} characters`);

/**
 * A signal's note or a red flag's evidence belongs to the scorecard only while its box is ticked:
 * under an unticked box it is neither checked (a hidden field must never block a submit) nor kept.
 */
function onlyWhenTicked<K extends string, T extends string>(box: K, text: T, schema: z.ZodString) {
  return (item: Record<K, boolean> & Record<T, string>, ctx: z.RefinementCtx) => {
    if (!item[box]) return;
    const checked = schema.safeParse(item[text]);
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: "custom", path: [text], message: issue.message });
  };
}

export function scorecardSchemas(stage: StageRubric) {
  const criterionIds = stage.stage.criteria.map((c) => c.id);
  const signalIds = stage.signals.map((s) => s.id);
  const flagIds = stage.redFlags.map((f) => f.id);
  const scale = stage.scale.map((p) => p.value);
  const labelOf = (value: number) => stage.scale.find((p) => p.value === value)?.label ?? String(value);

  const rating = z
    .number()
    .int()
    .refine((v) => scale.includes(v), { error: `must be one of ${scale.join(", ")}` })
    .nullable();

  const base = z.object({
    ratings: z.array(
      z.object({
        criterionId: z.string().refine((id) => criterionIds.includes(id), { error: "is not a criterion of this stage in the pinned rubric" }),
        rating,
        evidence: z.string().max(TEXT_MAX, `Keep evidence under ${TEXT_MAX} characters`),
      }),
    ).max(criterionIds.length),
    signals: z.array(
      z
        .object({
          signalId: z.string().refine((id) => signalIds.includes(id), { error: "is not a signal of the pinned rubric" }),
          observed: z.boolean(),
          note: z.string(),
        })
        .superRefine(onlyWhenTicked("observed", "note", noteText))
        .transform((s) => (s.observed ? s : { ...s, note: "" })),
    ).max(signalIds.length),
    redFlags: z.array(
      z
        .object({
          flagId: z.string().refine((id) => flagIds.includes(id), { error: "is not a red flag of the pinned rubric" }),
          raised: z.boolean(),
          evidence: z.string(),
        })
        .superRefine(onlyWhenTicked("raised", "evidence", evidenceText))
        .transform((f) => (f.raised ? f : { ...f, evidence: "" })),
    ).max(flagIds.length),
    recommendation: z.enum(RECOMMENDATIONS).nullable(),
    takeaways: z.string().max(SCORECARD_TEXT_MAX.takeaways, `Keep take-aways under ${SCORECARD_TEXT_MAX.takeaways} characters`),
  });

  // Each criterion, signal and red flag appears once: a repeat is refused, never stored twice.
  const noDuplicates = (value: z.infer<typeof base>, ctx: z.RefinementCtx) => {
    const once = <T>(items: T[], key: (item: T) => string, field: string, idKey: string, message: string) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(key(item))) ctx.addIssue({ code: "custom", path: [field, i, idKey], message });
        seen.add(key(item));
      });
    };
    once(value.ratings, (r) => r.criterionId, "ratings", "criterionId", "is rated twice");
    once(value.signals, (s) => s.signalId, "signals", "signalId", "is listed twice");
    once(value.redFlags, (f) => f.flagId, "redFlags", "flagId", "is listed twice");
  };

  const draft = base.superRefine(noDuplicates);

  const submission = base.superRefine((value, ctx) => {
    noDuplicates(value, ctx);
    const rated = new Set(value.ratings.map((r) => r.criterionId));
    for (const id of criterionIds) {
      if (!rated.has(id)) ctx.addIssue({ code: "custom", path: ["ratings"], message: `Rate every criterion of the stage (missing ${id})` });
    }
    value.ratings.forEach((r, i) => {
      if (r.rating === null) {
        ctx.addIssue({ code: "custom", path: ["ratings", i, "rating"], message: "Choose a rating" });
      } else if (stage.evidenceRequiredFor.includes(r.rating) && r.evidence.trim() === "") {
        ctx.addIssue({
          code: "custom",
          path: ["ratings", i, "evidence"],
          message: `Write the evidence behind a rating of ${r.rating} (${labelOf(r.rating)})`,
        });
      }
    });
    value.redFlags.forEach((f, i) => {
      if (f.raised && f.evidence.trim() === "") {
        ctx.addIssue({ code: "custom", path: ["redFlags", i, "evidence"], message: "Describe what you saw that raised this red flag" });
      }
    });
    if (value.recommendation === null) {
      ctx.addIssue({ code: "custom", path: ["recommendation"], message: "Choose an overall recommendation" });
    }
    if (value.takeaways.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["takeaways"], message: "Write your key take-aways" });
    }
  });

  const reason = z.string().trim().min(1, "Say why you are amending the scorecard").max(SCORECARD_TEXT_MAX.reason);
  // `revision`: the revision the page showed; an amendment over a newer one is refused (two tabs).
  const amendment = z.object({ content: submission, reason, revision: z.number().int().min(1) });
  /** The amendment as the form edits it: the content's fields and the reason side by side. */
  const amendmentForm = z.intersection(submission, z.object({ reason }));

  return { draft, submission, amendment, amendmentForm };
}

export type ScorecardSchemas = ReturnType<typeof scorecardSchemas>;
export type SubmittedContent = z.output<ScorecardSchemas["submission"]>;
