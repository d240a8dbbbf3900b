import { Link } from "@remix-run/react";
import { DecisionBadge, type DecisionSummary } from "~/components/decision-badge";
import { LocalTime } from "~/components/local-time";
import type { StageStatus } from "~/domain/loop";
import { countOf } from "~/domain/wording";

export type LoopView = {
  id: string;
  rubricName: string;
  track: string;
  version: number;
  targetLevel: string;
  createdAt: Date;
  closedAt: Date | null;
  closeReason: string | null;
  complete: boolean;
  decision: DecisionSummary | null;
  stages: Array<{ id: string; name: string; status: StageStatus; statusLabel: string; submitted: number; needed: number }>;
};


/** A candidate's interview loops, newest first, with each stage's status. */
export function LoopList({ loops }: { loops: LoopView[] }) {
  if (loops.length === 0) return <p>No interview loops yet.</p>;
  return (
    <ul className="loop-list">
      {loops.map((loop) => {
        const headingId = `loop-${loop.id}`;
        return (
          <li key={loop.id} className="loop-card">
            <h3 id={headingId}>
              <Link to={`/loops/${loop.id}`}>
                {loop.rubricName} v{loop.version} loop for {loop.targetLevel}
              </Link>
            </h3>
            <p className="muted">
              Track {loop.track} · rubric v{loop.version} · target level {loop.targetLevel} · started{" "}
              <LocalTime value={loop.createdAt} precision="day" />
              {loop.complete ? " · every stage complete" : null}
            </p>
            <p className="row">
              <DecisionBadge decision={loop.decision} />
              {loop.closedAt ? (
                <span className="badge badge-previous">
                  Closed <LocalTime value={loop.closedAt} precision="day" />
                </span>
              ) : null}
            </p>
            {loop.closeReason ? <p className="candidate-notes muted">Closed: {loop.closeReason}</p> : null}
            <ul className="stage-list" aria-label={`Stages of the ${loop.rubricName} v${loop.version} loop`}>
              {loop.stages.map((stage) => (
                <li key={stage.id}>
                  <span>{stage.name}</span>
                  <span>
                    <span className={`badge badge-stage-${stage.status}`}>{stage.statusLabel}</span>{" "}
                    <span className="muted">
                      {stage.submitted}/{countOf(stage.needed, "scorecard")}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
