import { Link } from "@remix-run/react";
import { LocalTime } from "~/components/local-time";
import { STAGE_STATUS_LABELS, type StageStatus } from "~/domain/loop";
import type { LoopAccess } from "~/domain/loop-access";
import { InterviewChangeForms, type ChangeableInterview } from "~/routes/interviews.$interviewId.edit/change-forms";

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
    /** Cancelled: when and why (it stays listed, and owes nothing). */
    cancelled: { at: Date; reason: string } | null;
    interviewers: Array<{ id: string; name: string; status: "draft" | "submitted" | null; scorecardId: string | null }>;
    /** Interviewers taken off it who had written a scorecard: kept, marked. */
    removed: Array<{ id: string; name: string; status: "draft" | "submitted"; scorecardId: string | null }>;
    /** For recruiters and admins: what the change forms need. */
    change: ChangeableInterview | null;
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

export function StagePanel({ stage, viewerId, access, interviewers }: { stage: StageView; viewerId: string; access: LoopAccess; interviewers: Array<{ id: string; name: string }> }) {
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
        {stage.interviews.map((interview) =>
          interview.cancelled ? (
            <li key={interview.id} className="interview interview-cancelled">
              <p className="interview-when">
                <span className="badge badge-previous">Cancelled</span> <s><LocalTime value={interview.startsAt} /></s> · {interview.durationMinutes} min
              </p>
              <p>
                Cancelled <LocalTime value={interview.cancelled.at} />: {interview.cancelled.reason}
              </p>
              <p className="muted small">
                Was to be run by {interview.interviewers.map((p) => p.name).join(", ") || "nobody"}. No scorecard is due.
              </p>
              <RemovedScorecards interview={interview} access={access} />
            </li>
          ) : (
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
              <RemovedScorecards interview={interview} access={access} />
              <p className="muted small">
                Scorecards due <LocalTime value={interview.dueAt} />
              </p>
              {interview.change ? (
                <details className="interview-change">
                  <summary>Change this interview</summary>
                  <InterviewChangeForms interview={interview.change} interviewers={interviewers} />
                </details>
              ) : null}
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

/** Scorecards whose interviewers were taken off the interview: never dropped, shown marked. */
function RemovedScorecards({ interview, access }: { interview: StageView["interviews"][number]; access: LoopAccess }) {
  if (interview.removed.length === 0) return null;
  return (
    <ul className="plain interviewer-list removed-interviewers" aria-label="Scorecards of interviewers taken off this interview">
      {interview.removed.map((person) => (
        <li key={person.id}>
          {person.name}: {person.status === "submitted" ? "Submitted" : "Draft"} · <span className="badge badge-previous">interviewer taken off this interview</span>
          {person.scorecardId && access.canSeePanel ? (
            <>
              {" "}
              · <Link to={`/scorecards/${person.scorecardId}`}>Read scorecard</Link>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
