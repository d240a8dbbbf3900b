import { z } from "zod";

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
});
export type PacketSnapshot = z.infer<typeof PacketSnapshotSchema>;
export type SnapshotEvidence = z.infer<typeof SnapshotEvidenceSchema>;

export function parseSnapshot(json: string): PacketSnapshot {
  return PacketSnapshotSchema.parse(JSON.parse(json));
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
