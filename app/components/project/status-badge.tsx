import { PROJECT_OUTCOME_LABELS, PROJECT_STATUS_LABELS, type ProjectOutcome, type ProjectStatus } from "~/domain/project/workflow";

/** A project's status, in the app's badge colours. */
const STATUS_BADGE: Record<ProjectStatus, string> = {
  draft: "badge-previous",
  submitted: "badge-locked",
  changes_requested: "badge-minor",
  approved: "badge-current",
  launched: "badge-major",
  live: "badge-current",
  closed: "badge-retired",
};

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  return <span className={`badge ${STATUS_BADGE[status]}`}>{PROJECT_STATUS_LABELS[status]}</span>;
}

export function ProjectOutcomeLabel({ outcome }: { outcome: ProjectOutcome | null }) {
  return outcome ? <>{PROJECT_OUTCOME_LABELS[outcome]}</> : <span className="muted">—</span>;
}
