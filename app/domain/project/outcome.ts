import { z } from "zod";
import { metricResults, METRIC_DIRECTIONS, type SuccessMetric } from "./metrics";
import {
  CHECKPOINT_VERDICT_LABELS,
  CHECKPOINT_VERDICTS,
  PROJECT_MODES,
  PROJECT_OUTCOMES,
  REVIEW_HEALTH,
  type CheckpointVerdict,
  type ProjectMode,
  type ProjectOutcome,
  type ReviewHealth,
} from "./workflow";

/**
 * A project's recorded outcome, as a promotion packet shows it when an evidence item cites the
 * project: who approved it and when, when it launched, each success metric's target against the
 * checkpoint's actual, the checkpoint's verdict, the quarterly reviews' health, and how it closed.
 *
 * A plain, serialisable object (moments as ISO strings): the packet's submission snapshot freezes
 * it, so reviews recorded after the submission never change the case the committee reads. It holds
 * names, not ids of people, and nothing of pay.
 *
 * An item is "backed by a recorded outcome" once the project's checkpoint has been recorded; a
 * cited project without one reads "launched, checkpoint not yet recorded".
 */
const iso = z.string();

export const RecordedOutcomeSchema = z.object({
  projectId: z.string(),
  title: z.string(),
  mode: z.enum(PROJECT_MODES),
  team: z.string(),
  approval: z.object({ byName: z.string(), at: iso, note: z.string() }).nullable(),
  launchedAt: iso.nullable(),
  metrics: z.array(
    z.object({
      name: z.string(),
      unit: z.string(),
      baseline: z.number(),
      target: z.number(),
      direction: z.enum(METRIC_DIRECTIONS),
      measurement: z.string(),
      /** The checkpoint's actual; null before the checkpoint. */
      actual: z.number().nullable(),
      met: z.boolean().nullable(),
    }),
  ),
  checkpoint: z
    .object({
      recordedAt: iso,
      recordedByName: z.string(),
      verdict: z.enum(CHECKPOINT_VERDICTS),
      followUps: z.string(),
      met: z.number().int(),
      of: z.number().int(),
    })
    .nullable(),
  /** Quarterly reviews, oldest first. */
  reviews: z.array(z.object({ reviewedAt: iso, reviewedByName: z.string(), health: z.enum(REVIEW_HEALTH), roi: z.string() })),
  closed: z.object({ at: iso, outcome: z.enum(PROJECT_OUTCOMES) }).nullable(),
});
export type RecordedOutcome = z.infer<typeof RecordedOutcomeSchema>;

type Named = { name: string };

/** What `projectOutcome` reads of a project: the shape the data layer loads, dates as Dates. */
export type OutcomeSource = {
  id: string;
  title: string;
  mode: ProjectMode;
  team: string;
  /** The approval event: the approver's thumbs-up, with its note. */
  approval: { by: Named; at: Date; note: string } | null;
  launchedAt: Date | null;
  metrics: readonly SuccessMetric[];
  checkpoint: { recordedAt: Date; recordedBy: Named; verdict: CheckpointVerdict; followUps: string; actuals: Readonly<Record<string, number>> } | null;
  reviews: ReadonlyArray<{ reviewedAt: Date; reviewedBy: Named; health: ReviewHealth; roi: string }>;
  closedAt: Date | null;
  outcome: ProjectOutcome | null;
};

/** The project's recorded outcome, as a packet shows it and its snapshot freezes it. */
export function projectOutcome(project: OutcomeSource): RecordedOutcome {
  const checkpoint = project.checkpoint;
  const results = checkpoint ? metricResults(project.metrics, checkpoint.actuals) : [];
  const byId = new Map(results.map((r) => [r.id, r]));
  return {
    projectId: project.id,
    title: project.title,
    mode: project.mode,
    team: project.team,
    approval: project.approval ? { byName: project.approval.by.name, at: project.approval.at.toISOString(), note: project.approval.note } : null,
    launchedAt: project.launchedAt?.toISOString() ?? null,
    metrics: project.metrics.map((m) => {
      const result = byId.get(m.id);
      return {
        name: m.name,
        unit: m.unit,
        baseline: m.baseline,
        target: m.target,
        direction: m.direction,
        measurement: m.measurement,
        actual: result?.actual ?? null,
        met: result ? result.met : null,
      };
    }),
    checkpoint: checkpoint
      ? {
          recordedAt: checkpoint.recordedAt.toISOString(),
          recordedByName: checkpoint.recordedBy.name,
          verdict: checkpoint.verdict,
          followUps: checkpoint.followUps,
          met: results.filter((r) => r.met).length,
          of: project.metrics.length,
        }
      : null,
    reviews: [...project.reviews]
      .sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime())
      .map((r) => ({ reviewedAt: r.reviewedAt.toISOString(), reviewedByName: r.reviewedBy.name, health: r.health, roi: r.roi })),
    closed: project.closedAt && project.outcome ? { at: project.closedAt.toISOString(), outcome: project.outcome } : null,
  };
}

/**
 * The outcome as it stood at `at`: what was recorded later (a checkpoint, reviews, the close) is
 * left out. A packet's snapshot is its outcome as of the submission.
 */
export function outcomeAsOf(outcome: RecordedOutcome, at: Date): RecordedOutcome {
  const by = (moment: string) => Date.parse(moment) <= at.getTime();
  const checkpoint = outcome.checkpoint && by(outcome.checkpoint.recordedAt) ? outcome.checkpoint : null;
  return {
    ...outcome,
    approval: outcome.approval && by(outcome.approval.at) ? outcome.approval : null,
    launchedAt: outcome.launchedAt && by(outcome.launchedAt) ? outcome.launchedAt : null,
    metrics: outcome.metrics.map((m) => (checkpoint ? { ...m } : { ...m, actual: null, met: null })),
    checkpoint: checkpoint ? { ...checkpoint } : null,
    reviews: outcome.reviews.filter((r) => by(r.reviewedAt)).map((r) => ({ ...r })),
    closed: outcome.closed && by(outcome.closed.at) ? { ...outcome.closed } : null,
  };
}

/** Whether the item citing this project is backed by a recorded outcome: its checkpoint is recorded. */
export function isBacked(outcome: RecordedOutcome | null | undefined): boolean {
  return Boolean(outcome?.checkpoint);
}

/** How many of the items cite a project whose outcome is recorded. */
export function backedCount(items: ReadonlyArray<{ project?: RecordedOutcome | null }>): number {
  return items.filter((i) => isBacked(i.project)).length;
}

/** "2 of 2 targets met, verdict Keep"; null before the checkpoint. */
export function checkpointSummary(outcome: RecordedOutcome): string | null {
  const c = outcome.checkpoint;
  if (!c) return null;
  return `${c.met} of ${c.of} ${c.of === 1 ? "target" : "targets"} met, verdict ${CHECKPOINT_VERDICT_LABELS[c.verdict]}`;
}

/**
 * The marker on a cited item, in words (the page writes the checkpoint's day in the reader's zone;
 * `day` writes it here): "Backed by a recorded outcome: checkpoint 2 Nov 2026, 2 of 2 targets met,
 * verdict Keep", or "Launched, checkpoint not yet recorded".
 */
export function outcomeMarker(outcome: RecordedOutcome, day: (iso: string) => string): string {
  const summary = checkpointSummary(outcome);
  if (!summary || !outcome.checkpoint) return outcome.launchedAt ? "Launched, checkpoint not yet recorded" : "Not launched yet";
  return `Backed by a recorded outcome: checkpoint ${day(outcome.checkpoint.recordedAt)}, ${summary}`;
}

/** "3 evidence items, 1 backed by a recorded outcome" (the second part only when some cite a project). */
export function evidenceBackingSummary(items: ReadonlyArray<{ project?: RecordedOutcome | null }>): string {
  const count = `${items.length} evidence ${items.length === 1 ? "item" : "items"}`;
  const cited = items.filter((i) => i.project).length;
  if (cited === 0) return count;
  return `${count}, ${backedCount(items)} backed by a recorded outcome`;
}

/**
 * What a reader who may not read the project's measured outcome sees of a cited project (its
 * summary, which everyone signed in reads): the checkpoint, the actuals and the reviews withheld.
 */
export function withoutMeasuredOutcome(outcome: RecordedOutcome): RecordedOutcome {
  return {
    ...outcome,
    metrics: outcome.metrics.map((m) => ({ ...m, actual: null, met: null })),
    checkpoint: null,
    reviews: [],
  };
}
