import { z } from "zod";
import { RECOMMENDATIONS, type StageRubric } from "./content";

/**
 * The scorecard form's zod schemas, built from the pinned rubric's stage: the browser validates
 * with them (react-hook-form) and every action parses with them again. A draft may be incomplete;
 * a submission must be whole. Both refuse anything the pinned version does not define.
 */
const TEXT_MAX = 5000;

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
    ),
    signals: z.array(
      z.object({
        signalId: z.string().refine((id) => signalIds.includes(id), { error: "is not a signal of the pinned rubric" }),
        observed: z.boolean(),
        note: z.string().max(1000, "Keep notes under 1000 characters"),
      }),
    ),
    redFlags: z.array(
      z.object({
        flagId: z.string().refine((id) => flagIds.includes(id), { error: "is not a red flag of the pinned rubric" }),
        raised: z.boolean(),
        evidence: z.string().max(TEXT_MAX, `Keep evidence under ${TEXT_MAX} characters`),
      }),
    ),
    recommendation: z.enum(RECOMMENDATIONS).nullable(),
    takeaways: z.string().max(TEXT_MAX, `Keep take-aways under ${TEXT_MAX} characters`),
  });

  const noDuplicates = (value: z.infer<typeof base>, ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    value.ratings.forEach((r, i) => {
      if (seen.has(r.criterionId)) ctx.addIssue({ code: "custom", path: ["ratings", i, "criterionId"], message: "is rated twice" });
      seen.add(r.criterionId);
    });
    const flags = new Set<string>();
    value.redFlags.forEach((f, i) => {
      if (flags.has(f.flagId)) ctx.addIssue({ code: "custom", path: ["redFlags", i, "flagId"], message: "is raised twice" });
      flags.add(f.flagId);
    });
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

  const reason = z.string().trim().min(1, "Say why you are amending the scorecard").max(2000);
  const amendment = z.object({ content: submission, reason });
  /** The amendment as the form edits it: the content's fields and the reason side by side. */
  const amendmentForm = z.intersection(submission, z.object({ reason }));

  return { draft, submission, amendment, amendmentForm };
}

export type ScorecardSchemas = ReturnType<typeof scorecardSchemas>;
export type SubmittedContent = z.output<ScorecardSchemas["submission"]>;
