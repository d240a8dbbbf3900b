import { CalendarDate, LocalTime } from "~/components/local-time";
import { TableScroll } from "~/components/table-scroll";
import { describeTarget, formatMetricValue, METRIC_DIRECTION_LABELS, type MetricResult, type SuccessMetric } from "~/domain/project/metrics";
import { CHECKPOINT_VERDICT_LABELS, REVIEW_HEALTH_LABELS, type CheckpointVerdict, type ReviewHealth } from "~/domain/project/workflow";

type Person = { id: string; name: string };

/** The success metrics as defined before launch: baseline, target with its direction, how each is measured. */
export function MetricsTable({ metrics }: { metrics: readonly SuccessMetric[] }) {
  if (metrics.length === 0) return <p className="muted">No success metrics defined yet.</p>;
  return (
    <TableScroll label="Metric definitions">
      <table className="project-table metrics-table">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col" className="num">
              Baseline
            </th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col">How it is measured</th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.name}</th>
              <td className="num">{formatMetricValue(m.baseline, m.unit)}</td>
              <td className="num">
                <abbr title={METRIC_DIRECTION_LABELS[m.direction]}>{describeTarget(m)}</abbr>
              </td>
              <td className="pre-line">{m.measurement}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export type CheckpointData = {
  recordedAt: string;
  recordedBy: Person;
  verdict: CheckpointVerdict;
  followUps: string;
  results: MetricResult[];
  summary: string;
};

/** The checkpoint: each metric's target against its actual, met or not, then the verdict and follow-ups. */
export function CheckpointOutcome({ checkpoint, days }: { checkpoint: CheckpointData; days: number }) {
  return (
    <section className="panel stack" aria-labelledby="checkpoint-outcome-title">
      <h2 id="checkpoint-outcome-title">{days}-day checkpoint</h2>
      <p className="checkpoint-verdict">
        Verdict: <strong className={`verdict verdict-${checkpoint.verdict}`}>{CHECKPOINT_VERDICT_LABELS[checkpoint.verdict]}</strong>
        <span className="muted"> · {checkpoint.summary}</span>
      </p>
      <TableScroll label="Checkpoint results">
        <table className="project-table outcome-table">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col" className="num">
                Baseline
              </th>
              <th scope="col" className="num">
                Target
              </th>
              <th scope="col" className="num">
                Actual
              </th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {checkpoint.results.map((r) => (
              <tr key={r.id} data-met={r.met ? "met" : "not-met"}>
                <th scope="row">{r.name}</th>
                <td className="num">{formatMetricValue(r.baseline, r.unit)}</td>
                <td className="num">{describeTarget(r)}</td>
                <td className="num">{formatMetricValue(r.actual, r.unit)}</td>
                <td>{r.met ? <span className="badge badge-current">Met</span> : <span className="badge badge-removed">Not met</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {checkpoint.followUps ? (
        <>
          <h3>Follow-ups</h3>
          <p className="pre-line">{checkpoint.followUps}</p>
        </>
      ) : null}
      <p className="muted small">
        Recorded by {checkpoint.recordedBy.name}, <LocalTime value={checkpoint.recordedAt} />
      </p>
    </section>
  );
}

export type ReviewData = { id: string; reviewedAt: string; reviewedBy: Person; health: ReviewHealth; roi: string; followThrough: string; nextReviewOn: string };

const HEALTH_BADGE: Record<ReviewHealth, string> = { healthy: "badge-current", at_risk: "badge-major", failing: "badge-removed" };

/** The quarterly reviews, newest first. */
export function ReviewList({ reviews }: { reviews: readonly ReviewData[] }) {
  return (
    <section className="panel stack" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Quarterly reviews</h2>
      {reviews.length === 0 ? (
        <p className="muted">No review yet.</p>
      ) : (
        <ol className="review-list">
          {reviews.map((r) => (
            <li key={r.id} className="review">
              <h3>
                Review of <LocalTime value={r.reviewedAt} precision="day" /> <span className={`badge ${HEALTH_BADGE[r.health]}`}>{REVIEW_HEALTH_LABELS[r.health]}</span>
              </h3>
              <dl className="facts">
                <div className="fact-row">
                  <dt>Return on investment</dt>
                  <dd className="pre-line">{r.roi}</dd>
                </div>
                {r.followThrough ? (
                  <div className="fact-row">
                    <dt>Follow-through</dt>
                    <dd className="pre-line">{r.followThrough}</dd>
                  </div>
                ) : null}
                <div className="fact-row">
                  <dt>Next review</dt>
                  <dd>
                    <CalendarDate value={r.nextReviewOn} />
                  </dd>
                </div>
              </dl>
              <p className="muted small">
                {r.reviewedBy.name}, <LocalTime value={r.reviewedAt} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export type EventData = { id: string; label: string; actor: Person; at: string; note: string; detail: string };

/** Every step of the project: what happened, who, when, and what they wrote (the approver's comments, reasons). */
export function HistoryList({ events }: { events: readonly EventData[] }) {
  return (
    <section className="panel stack" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <ol className="project-history">
        {events.map((e) => (
          <li key={e.id}>
            <p>
              <strong>{e.label}</strong>
              {e.detail ? ` · ${e.detail}` : ""} — {e.actor.name}, <LocalTime value={e.at} />
            </p>
            {e.note ? <p className="pre-line history-note">{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
