import { LocalTime } from "~/components/local-time";
import { describeTarget, formatMetricValue } from "~/domain/project/metrics";
import { checkpointSummary, type RecordedOutcome } from "~/domain/project/outcome";
import { PROJECT_MODE_LABELS, PROJECT_OUTCOME_LABELS, REVIEW_HEALTH_LABELS } from "~/domain/project/workflow";

/**
 * The recorded outcome of the project an evidence item cites: the marker the committee scans for
 * ("Backed by a recorded outcome: checkpoint …, 2 of 2 targets met, verdict Keep"), then the
 * approval, the launch, each success metric's target against the checkpoint's actual, the
 * quarterly reviews' health and how the project closed. On a submitted packet this is the outcome
 * as it stood at submission (the snapshot), whatever was recorded since.
 */
export function ProjectOutcome({ outcome, withheld, frozen }: { outcome: RecordedOutcome; withheld: boolean; frozen: boolean }) {
  const id = `outcome-${outcome.projectId}`;
  const summary = checkpointSummary(outcome);
  return (
    <section className="recorded-outcome" aria-labelledby={`${id}-title`} data-backed={outcome.checkpoint ? "true" : "false"}>
      <h4 id={`${id}-title`}>
        Project: <a href={`/projects/${outcome.projectId}`}>{outcome.title}</a>
      </h4>
      {withheld ? null : outcome.checkpoint && summary ? (
        <p className="outcome-marker">
          <span className="badge badge-coverage-met">Backed by a recorded outcome</span>: checkpoint{" "}
          <LocalTime value={outcome.checkpoint.recordedAt} precision="day" />, {summary}
        </p>
      ) : (
        <p className="outcome-marker">
          <span className="badge badge-coverage-partial">{outcome.launchedAt ? "Launched, checkpoint not yet recorded" : "Not launched"}</span>
        </p>
      )}
      <p className="muted small">
        {PROJECT_MODE_LABELS[outcome.mode]}
        {outcome.mode === "satellite" && outcome.team ? ` in ${outcome.team}` : ""}
        {outcome.approval ? (
          <>
            {" · "}Approved by {outcome.approval.byName}, <LocalTime value={outcome.approval.at} precision="day" />
          </>
        ) : null}
        {outcome.launchedAt ? (
          <>
            {" · "}Launched <LocalTime value={outcome.launchedAt} precision="day" />
          </>
        ) : null}
        {outcome.closed ? (
          <>
            {" · "}Closed <LocalTime value={outcome.closed.at} precision="day" />: {PROJECT_OUTCOME_LABELS[outcome.closed.outcome]}
          </>
        ) : null}
        {frozen ? " · as recorded when the packet was submitted" : null}
      </p>
      {outcome.approval?.note ? <p className="pre-line small">“{outcome.approval.note}” — {outcome.approval.byName}</p> : null}
      {withheld ? (
        <p className="muted small">Its measured outcome (checkpoint and reviews) is read by the builder, their manager and the promotion committee.</p>
      ) : (
        <>
          {outcome.metrics.length > 0 ? (
            <div className="table-scroll">
              <table className="coverage-table">
                <caption className="visually-hidden">Success metrics of {outcome.title}: targets against the checkpoint's actuals</caption>
                <thead>
                  <tr>
                    <th scope="col">Success metric</th>
                    <th scope="col">Baseline</th>
                    <th scope="col">Target</th>
                    <th scope="col">Actual at checkpoint</th>
                    <th scope="col">Result</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.metrics.map((m) => (
                    <tr key={m.name}>
                      <th scope="row">
                        {m.name}
                        {m.measurement ? <span className="block small requirement">{m.measurement}</span> : null}
                      </th>
                      <td>{formatMetricValue(m.baseline, m.unit)}</td>
                      <td>{describeTarget(m)}</td>
                      <td>{m.actual === null ? "—" : formatMetricValue(m.actual, m.unit)}</td>
                      <td>
                        {m.met === null ? (
                          <span className="muted">Not measured yet</span>
                        ) : (
                          <span className={`badge ${m.met ? "badge-coverage-met" : "badge-coverage-missing"}`}>{m.met ? "Met" : "Not met"}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {outcome.checkpoint?.followUps ? (
            <p className="pre-line small">
              <strong>Follow-ups:</strong> {outcome.checkpoint.followUps}
            </p>
          ) : null}
          {outcome.checkpoint ? (
            <p className="muted small">
              Checkpoint recorded by {outcome.checkpoint.recordedByName}, <LocalTime value={outcome.checkpoint.recordedAt} precision="day" />
            </p>
          ) : null}
          {outcome.reviews.length > 0 ? (
            <>
              <h5>Quarterly reviews</h5>
              <ul className="plain small">
                {outcome.reviews.map((r) => (
                  <li key={r.reviewedAt}>
                    <LocalTime value={r.reviewedAt} precision="day" /> — {REVIEW_HEALTH_LABELS[r.health]} ({r.reviewedByName}): {r.roi}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
