import { CANDIDATE_STATUS_LABELS, type CandidateStatus } from "~/domain/candidate-pipeline";

// The shared badge colours (app.css): green in the pipeline, amber paused, red we said no, grey they left, blue hired.
const BADGE: Record<CandidateStatus, string> = {
  active: "badge-current",
  on_hold: "badge-major",
  rejected: "badge-removed",
  withdrawn: "badge-minor",
  hired: "badge-locked",
};

/** A candidate's pipeline status, as a badge with its words (never colour alone). */
export function CandidateStatusBadge({ status }: { status: CandidateStatus }) {
  return <span className={`badge ${BADGE[status]}`}>{CANDIDATE_STATUS_LABELS[status]}</span>;
}
