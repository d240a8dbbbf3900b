import { LocalTime } from "~/components/local-time";
import { HIRING_RECOMMENDATION_LABELS, type HiringRecommendation } from "~/domain/aggregation";
import { RECOMMENDATIONS, RECOMMENDATION_LABELS } from "~/domain/scorecard/content";
import { formatFigure, formatMoney, formatMoneyRange } from "./format";
import type { CommitteeAggregate, CommitteePageView, CommitteePay } from "~/views/committee-page";

const RECOMMENDATION_BADGE: Record<HiringRecommendation, string> = {
  strong_hire: "badge-current",
  hire: "badge-current",
  no_hire: "badge-blocker",
  not_enough_evidence: "badge-major",
};

export const OUTCOME_LABELS = { hire: "Hire", no_hire: "No hire" } as const;

/** The decision in force, in one line (every audience reads this). */
export function CurrentDecisionLine({ decision, pay }: { decision: CommitteePageView["decision"]; pay: CommitteePay | null }) {
  if (!decision) return <p className="muted">No decision recorded yet.</p>;
  const record = pay?.decisions.find((d) => d.id === pay.currentDecisionId);
  return (
    <p className="current-decision">
      <strong>
        {OUTCOME_LABELS[decision.outcome]}
        {decision.outcome === "hire" && decision.level ? ` at ${decision.level}` : ""}
      </strong>
      {record?.baseSalary != null && record.currency ? <>, base {formatMoney(record.baseSalary, record.currency)}</> : null}
      <span className="muted">
        {" "}
        · decided by {decision.decidedByName}, <LocalTime value={decision.decidedAt} />
      </span>
    </p>
  );
}

/**
 * The top of the review: what the aggregation recommends and why, the level the evidence
 * supports against the target, and (committee only) that level's band with a suggested base.
 */
export function CommitteeSummary({ aggregate, data }: { aggregate: CommitteeAggregate; data: CommitteePageView }) {
  const { recommendation, level } = aggregate;
  const band = data.pay?.band ?? null;
  const totalRecommendations = RECOMMENDATIONS.reduce((n, r) => n + aggregate.recommendations[r], 0);
  return (
    <section className="panel committee-summary" aria-labelledby="summary-title" id="summary">
      <h2 id="summary-title">Summary</h2>
      <div className="summary-grid">
        <div className="summary-block">
          <h3 id="recommendation-title">Recommendation from the evidence</h3>
          <p className="summary-figure">
            <span className={`badge badge-large ${RECOMMENDATION_BADGE[recommendation.value]}`}>{HIRING_RECOMMENDATION_LABELS[recommendation.value]}</span>
          </p>
          <ul className="reasons" aria-label="Reasons">
            {recommendation.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <p className="muted small">
            Interviewers&rsquo; own recommendations ({totalRecommendations}):{" "}
            {RECOMMENDATIONS.map((r) => `${RECOMMENDATION_LABELS[r]} ${aggregate.recommendations[r]}`).join(" · ")}.{" "}
            <a href="#who-said-what-title">Who said what</a>
          </p>
        </div>
        <div className="summary-block">
          <h3 id="level-title">Level</h3>
          <dl className="facts">
            <div className="fact-row">
              <dt>Supported by the evidence</dt>
              <dd>
                <strong>{level.supportedLevel ?? "No level"}</strong>
              </dd>
            </div>
            <div className="fact-row">
              <dt>Target level</dt>
              <dd>{level.targetLevel}</dd>
            </div>
            {level.next ? (
              <div className="fact-row">
                <dt>Next level up</dt>
                <dd>
                  {level.next.level}: <a href="#next-level-title">{level.next.shortfalls.length === 1 ? "1 competency short" : `${level.next.shortfalls.length} competencies short`}</a>
                </dd>
              </div>
            ) : null}
          </dl>
        </div>
        {data.audience === "committee" ? (
          <div className="summary-block">
            <h3 id="band-title">{band ? `Compensation band of ${band.level}` : "Compensation band"}</h3>
            {band ? (
              <dl className="facts">
                <div className="fact-row">
                  <dt>Base salary</dt>
                  <dd>
                    {formatMoneyRange(band.base, band.currency)} <span className="muted">(mid {formatMoney(band.base.mid, band.currency)})</span>
                  </dd>
                </div>
                <div className="fact-row">
                  <dt>Suggested base</dt>
                  <dd>
                    <strong>{formatMoney(band.suggestedBase, band.currency)}</strong>{" "}
                    <span className="muted">(mean margin {formatFigure(band.margin)} above the {band.level} bars)</span>
                  </dd>
                </div>
                <div className="fact-row">
                  <dt>Equity (yearly grant)</dt>
                  <dd>{formatMoneyRange(band.equity, band.currency)}</dd>
                </div>
                <div className="fact-row">
                  <dt>Learning budget</dt>
                  <dd>{formatMoney(band.learningBudget, band.currency)} a year</dd>
                </div>
                <div className="fact-row">
                  <dt>Currency</dt>
                  <dd>{band.currency}</dd>
                </div>
              </dl>
            ) : (
              <p className="muted">The evidence supports no level, so no band applies.</p>
            )}
          </div>
        ) : null}
        <div className="summary-block">
          <h3 id="current-decision-title">Decision</h3>
          <CurrentDecisionLine decision={data.decision} pay={data.pay} />
          {data.decision || data.pay?.canDecide ? <a href="#decision-title">{data.pay?.canDecide ? (data.decision ? "Record a correction" : "Record the decision") : "Decision history"}</a> : null}
        </div>
      </div>
    </section>
  );
}
