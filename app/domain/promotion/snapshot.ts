import { z } from "zod";
import { outcomeAsOf, RecordedOutcomeSchema } from "../project/outcome";
import type { Rubric } from "../rubric/schema";

/**
 * What a packet is once submitted: everything the committee reads, frozen. Stored as JSON on the
 * packet; parsed back with this schema so a damaged snapshot fails loudly instead of rendering
 * half a case. Dates are ISO strings (JSON has no dates).
 */
const SnapshotEvidenceSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  impact: z.string(),
  links: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string().nullable(),
  criteria: z.array(z.string()),
  competencies: z.array(z.string()),
  /**
   * The builder's project the item cites, and its recorded outcome as it stood at submission
   * (domain/project/outcome.ts). Absent from snapshots taken before projects could be cited.
   */
  projectId: z.string().nullable().optional(),
  project: RecordedOutcomeSchema.nullable().optional(),
});

export const PacketSnapshotSchema = z.object({
  summary: z.string(),
  fromLevel: z.string(),
  targetLevel: z.string(),
  version: z.number().int(),
  evidence: z.array(SnapshotEvidenceSchema),
  statements: z.array(z.object({ evidenceId: z.string(), authorId: z.string(), authorName: z.string(), text: z.string(), updatedAt: z.string() })),
  assessments: z.array(z.object({ criterionId: z.string(), rating: z.number().int(), comment: z.string(), authorName: z.string(), updatedAt: z.string() })),
  submittedAt: z.string(),
  submittedByName: z.string(),
  /** The builder's base when the packet was submitted: the committee's pay analysis reads this. */
  baseAtSubmission: z.number().nullable(),
});
export type PacketSnapshot = z.infer<typeof PacketSnapshotSchema>;
export type SnapshotEvidence = z.infer<typeof SnapshotEvidenceSchema>;

export function parseSnapshot(json: string): PacketSnapshot {
  return PacketSnapshotSchema.parse(JSON.parse(json));
}

type Dated = { updatedAt: Date };

/** The snapshot of a draft at the moment it is submitted. */
export function buildSnapshot(
  draft: {
    summary: string;
    fromLevel: string;
    targetLevel: string;
    version: number;
    evidence: ReadonlyArray<SnapshotEvidence & Record<string, unknown>>;
    statements: ReadonlyArray<{ evidenceId: string; authorId: string; authorName: string; text: string } & Dated>;
    assessments: ReadonlyArray<{ criterionId: string; rating: number; comment: string; authorName: string } & Dated>;
    baseSalary: number | null;
  },
  submittedByName: string,
  now: Date,
): PacketSnapshot {
  return {
    summary: draft.summary,
    fromLevel: draft.fromLevel,
    targetLevel: draft.targetLevel,
    version: draft.version,
    evidence: draft.evidence.map(({ id, title, description, impact, links, startDate, endDate, criteria, competencies, projectId, project }) => ({
      id,
      title,
      description,
      impact,
      links: [...links],
      startDate,
      endDate,
      criteria: [...criteria],
      competencies: [...competencies],
      projectId: projectId ?? null,
      // Frozen as it stood at submission: later checkpoints, reviews or a close never change the case.
      project: project ? outcomeAsOf(project, now) : null,
    })),
    statements: draft.statements.map((s) => ({ evidenceId: s.evidenceId, authorId: s.authorId, authorName: s.authorName, text: s.text, updatedAt: s.updatedAt.toISOString() })),
    assessments: draft.assessments.map((a) => ({ criterionId: a.criterionId, rating: a.rating, comment: a.comment, authorName: a.authorName, updatedAt: a.updatedAt.toISOString() })),
    submittedAt: now.toISOString(),
    submittedByName,
    baseAtSubmission: draft.baseSalary,
  };
}

/** The advancement criteria a target level names in the rubric's promotion evidence, in rubric order. */
export function targetCriteria(rubric: Rubric, targetLevel: string): Array<{ id: string; name: string }> {
  const named = rubric.decision_rules.promotion_evidence[targetLevel]?.criteria ?? {};
  return rubric.advancement_criteria.filter((c) => c.id in named).map((c) => ({ id: c.id, name: c.name }));
}

/**
 * What a draft needs before its manager submits it: a summary, at least one evidence item and the
 * manager's assessment of every advancement criterion the target level names. Coverage gaps do
 * not block submission: the committee sees readiness and may decide "not yet".
 */
export function submissionProblems(draft: { summary: string; evidenceCount: number; assessedCriteria: readonly string[] }, criteria: ReadonlyArray<{ id: string; name: string }>): string[] {
  const problems: string[] = [];
  if (!draft.summary.trim()) problems.push("Write the packet's summary.");
  if (draft.evidenceCount === 0) problems.push("Add at least one evidence item.");
  const missing = criteria.filter((c) => !draft.assessedCriteria.includes(c.id));
  if (missing.length > 0) problems.push(`The manager's assessment is missing for ${missing.map((c) => c.name).join(", ")}.`);
  return problems;
}
