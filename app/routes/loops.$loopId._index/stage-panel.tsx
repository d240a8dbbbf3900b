import { Link } from "@remix-run/react";
import { LocalTime } from "~/components/local-time";
import { STAGE_STATUS_LABELS, type StageStatus } from "~/domain/loop";
import type { LoopAccess } from "~/domain/loop-access";

export type StageView = {
  id: string;
  name: string;
  status: StageStatus;
  submitted: number;
  needed: number;
  interviews: Array<{
    id: string;
    startsAt: Date;
    durationMinutes: number;
    dueAt: Date;
    overdue: boolean;
    interviewers: Array<{ id: string; name: string; status: "draft" | "submitted" | null; scorecardId: string | null }>;
  }>;
};

const STATUS_BADGE: Record<StageStatus, string> = {
  not_scheduled: "badge-previous",
  scheduled: "badge-locked",
  awaiting_scorecards: "badge-major",
  complete: "badge-current",
};

function scorecardState(status: "draft" | "submitted" | null, overdue: boolean) {
  if (status === "submitted") return "Submitted";
  if (overdue) return status === "draft" ? "Draft, overdue" : "Not started, overdue";
  return status === "draft" ? "Draft" : "Not started";
}

export function StagePanel({ stage, viewerId, access }: { stage: StageView; viewerId: string; access: LoopAccess }) {
  const titleId = `stage-${stage.id}`;
  return (
    <section className="panel stage-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{stage.name}</h2>
      <p>
        <span className={`badge ${STATUS_BADGE[stage.status]}`}>{STAGE_STATUS_LABELS[stage.status]}</span>{" "}
        <span className="muted">
          {stage.submitted} of {stage.needed} scorecard{stage.needed === 1 ? "" : "s"} submitted
        </span>
      </p>
      {stage.interviews.length === 0 ? <p className="muted">No interview scheduled yet.</p> : null}
      <ul className="interview-list">
        {stage.interviews.map((interview) => (
          <li key={interview.id} className="interview">
            <p className="interview-when">
              <LocalTime value={interview.startsAt} /> · {interview.durationMinutes} min ·{" "}
              <a href={`/interviews/${interview.id}/calendar.ics`} download>
                Add to calendar (.ics)
              </a>
            </p>
            <ul className="plain interviewer-list">
              {interview.interviewers.map((person) => {
                const isViewer = person.id === viewerId;
                return (
                  <li key={person.id}>
                    {person.name}: {scorecardState(person.status, interview.overdue)}
                    {isViewer ? (
                      <>
                        {" "}
                        · <Link to={`/interviews/${interview.id}/scorecard`}>{person.status === "submitted" ? "Your scorecard" : "Write your scorecard"}</Link>
                      </>
                    ) : person.scorecardId && access.canSeePanel ? (
                      <>
                        {" "}
                        · <Link to={`/scorecards/${person.scorecardId}`}>Read scorecard</Link>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            <p className="muted small">
              Scorecards due <LocalTime value={interview.dueAt} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
