import type { ProjectFacts, ProjectMode } from "~/domain/project/workflow";
import { submissionGaps } from "~/domain/project/workflow";
import type { ProjectProcess } from "~/domain/rubric/schema";
import { isCalendarDate } from "~/domain/calendar-date";

/** What the project form holds, parsed or not: enough to tell what would keep it from being submitted. */
export type DraftValues = {
  prd?: unknown;
  metrics?: unknown;
  approverId?: unknown;
  mode?: unknown;
  team?: unknown;
  decisionDate?: unknown;
};

const text = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * The workflow's submission gaps (domain/project/workflow.ts submissionGaps) for a form's values,
 * as the form shows them live and the actions check them before writing anything. The status and
 * dates are those of a draft: the gaps depend only on the content.
 */
export function draftGaps(values: DraftValues, ownerId: string, process: ProjectProcess, now: Date): string[] {
  const mode = text(values.mode) as ProjectMode;
  const decisionDate = text(values.decisionDate).trim();
  const facts: ProjectFacts = {
    status: "draft",
    ownerId,
    managerId: null,
    approverId: text(values.approverId),
    mode,
    team: mode === "satellite" ? text(values.team) : "",
    prd: text(values.prd),
    decisionDate: mode === "founder" && isCalendarDate(decisionDate) ? new Date(`${decisionDate}T00:00:00Z`) : null,
    metricIds: Array.isArray(values.metrics) ? values.metrics.map((_, i) => String(i)) : [],
    submittedAt: null,
    approvedAt: null,
    launchedAt: null,
    checkpointRecorded: false,
    escalateToId: null,
    blocked: false,
  };
  // What the form has not chosen yet (the schema requires both; listed here so the form never reads "ready").
  const unchosen = [
    ...(mode === "founder" || mode === "satellite" ? [] : ["Choose team founder or team satellite."]),
    ...(facts.approverId.trim() === "" ? ["Choose the approver."] : []),
  ];
  return [...unchosen, ...submissionGaps(facts, process, now)];
}
