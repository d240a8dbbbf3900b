import { LocalTime } from "~/components/local-time";
import { RECOMMENDATION_LABELS, type ScorecardContent, type StageRubric } from "~/domain/scorecard/content";

/** A submitted scorecard's content, read-only. */
export function ScorecardContentView({ stage, content, idPrefix }: { stage: StageRubric; content: ScorecardContent; idPrefix: string }) {
  const scaleLabel = (value: number | null) => (value === null ? "Not rated" : `${value} · ${stage.scale.find((p) => p.value === value)?.label ?? ""}`);
  const observed = content.signals.filter((s) => s.observed);
  const raised = content.redFlags.filter((f) => f.raised);
  return (
    <div className="stack">
      <section aria-labelledby={`${idPrefix}-ratings`} className="panel">
        <h3 id={`${idPrefix}-ratings`}>Ratings</h3>
        <dl className="rating-list">
          {content.ratings.map((r) => {
            const criterion = stage.stage.criteria.find((c) => c.id === r.criterionId);
            return (
              <div key={r.criterionId} id={`${idPrefix}-criterion-${r.criterionId}`} className="rating-entry">
                <dt>
                  {criterion?.name ?? r.criterionId}: <strong>{scaleLabel(r.rating)}</strong>
                </dt>
                <dd className="pre-line">{r.evidence || <em>No written evidence.</em>}</dd>
              </div>
            );
          })}
        </dl>
      </section>
      <section aria-labelledby={`${idPrefix}-signals`} className="panel">
        <h3 id={`${idPrefix}-signals`}>Positive signals</h3>
        {observed.length === 0 ? <p className="muted">None recorded.</p> : null}
        <ul>
          {observed.map((s) => (
            <li key={s.signalId}>
              {stage.signals.find((x) => x.id === s.signalId)?.text ?? s.signalId}
              {s.note ? <span className="muted">: {s.note}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby={`${idPrefix}-flags`} className="panel">
        <h3 id={`${idPrefix}-flags`}>Red flags</h3>
        {raised.length === 0 ? <p className="muted">None raised.</p> : null}
        <ul>
          {raised.map((f) => {
            const flag = stage.redFlags.find((x) => x.id === f.flagId);
            return (
              <li key={f.flagId} id={`${idPrefix}-flag-${f.flagId}`}>
                <strong>{flag?.name ?? f.flagId}</strong> <span className={`badge badge-${flag?.severity ?? "minor"}`}>{flag?.severity}</span>
                <p className="pre-line">{f.evidence}</p>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby={`${idPrefix}-overall`} className="panel">
        <h3 id={`${idPrefix}-overall`}>Overall</h3>
        <p>
          Recommendation: <strong>{content.recommendation ? RECOMMENDATION_LABELS[content.recommendation] : "None"}</strong>
        </p>
        <p className="pre-line">{content.takeaways}</p>
      </section>
    </div>
  );
}

export type RevisionEntry = { number: number; content: ScorecardContent; reason: string | null; authorName: string; createdAt: Date };

/** The original submission and every amendment, newest first, each with who, when and why. */
export function RevisionHistory({ stage, revisions }: { stage: StageRubric; revisions: RevisionEntry[] }) {
  if (revisions.length <= 1) return null;
  return (
    <section aria-labelledby="history-title" className="stack">
      <h2 id="history-title">History</h2>
      {[...revisions].reverse().map((r) => (
        <details key={r.number} className="panel revision">
          <summary>
            {r.number === 1 ? "Original submission" : `Amendment ${r.number - 1}`} by {r.authorName}, <LocalTime value={r.createdAt} />
            {r.reason ? <span className="block">Reason: {r.reason}</span> : null}
          </summary>
          <ScorecardContentView stage={stage} content={r.content} idPrefix={`rev-${r.number}`} />
        </details>
      ))}
    </section>
  );
}
