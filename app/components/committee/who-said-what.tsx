import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { LENIENT_ABOVE, MIN_LENIENCY_COMPARISONS, NOTE_SMALL_SAMPLE, SEVERE_BELOW, type LeniencyLabel } from "~/domain/rater-quality";
import { RECOMMENDATION_LABELS } from "~/domain/scorecard/content";
import type { EvidenceIndex } from "./evidence-index";
import { flagEvidenceHref, formatFigure, formatSigned, overallHref, plural, ratingEvidenceHref, scorecardHref, signalsEvidenceHref } from "./format";
import type { CommitteeAggregate, CommitteeEvidence, CommitteeStage } from "~/views/committee-page";

type Props = { evidence: CommitteeEvidence; aggregate: CommitteeAggregate; stages: readonly CommitteeStage[]; index: EvidenceIndex };

const LENIENCY_BADGE: Record<LeniencyLabel, string> = {
  lenient: "badge-major",
  severe: "badge-major",
  "in line": "badge-current",
  "not enough data": "badge-previous",
};

/**
 * Every submitted scorecard's ratings, per stage: criteria down, interviewers across. Each
 * rating, red flag and signal links to the written evidence on the scorecard.
 */
export function WhoSaidWhat({ evidence, aggregate, stages, index }: Props) {
  const ratingOf = new Map<string, number>();
  for (const c of aggregate.competencies) for (const r of c.ratings) ratingOf.set(`${r.scorecardId}\u0000${r.criterionId}`, r.rating);
  const flagsOf = (scorecardId: string) => aggregate.flags.filter((f) => f.raisedBy.some((r) => r.scorecardId === scorecardId));
  const signalsOf = (scorecardId: string) => aggregate.signals.filter((s) => s.observedBy.some((o) => o.scorecardId === scorecardId));

  return (
    <section className="panel" aria-labelledby="who-said-what-title" id="who-said-what">
      <h2 id="who-said-what-title">Who said what</h2>
      <p className="muted small">Each figure links to the interviewer&rsquo;s written evidence on their scorecard.</p>
      {stages.map((stage) => {
        const cards = evidence.scorecards.filter((s) => s.stageId === stage.stageId);
        const criteria = evidence.criteria.filter((c) => c.stageId === stage.stageId);
        const headingId = `said-${stage.stageId}`;
        return (
          <div key={stage.stageId} className="said-stage">
            <h3 id={headingId}>{stage.name}</h3>
            {cards.length === 0 ? (
              <p className="muted">No submitted scorecard yet.</p>
            ) : (
              <TableScroll label={`Ratings in ${stage.name}`}>
                <table className="committee-table said-table" aria-labelledby={headingId}>
                  <thead>
                    <tr>
                      <th scope="col">Criterion</th>
                      {cards.map((card) => (
                        <th scope="col" key={card.id}>
                          <Link to={scorecardHref(card.id)}>
                            {card.interviewerName}
                            <span className="visually-hidden">&rsquo;s scorecard</span>
                          </Link>
                          {/* Still counted: the evidence was gathered before they were taken off. */}
                          {card.interviewerRemoved ? <span className="block muted small">interviewer taken off this interview</span> : null}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {criteria.map((criterion) => (
                      <tr key={criterion.id}>
                        <th scope="row">{criterion.name}</th>
                        {cards.map((card) => {
                          const rating = ratingOf.get(`${card.id}\u0000${criterion.id}`);
                          return (
                            <td key={card.id} className="num">
                              {rating === undefined ? (
                                <span className="muted">not rated</span>
                              ) : (
                                <Link to={ratingEvidenceHref(card.id, criterion.id)} className="rating-link">
                                  {rating}
                                  <span className="visually-hidden">
                                    {" "}
                                    by {card.interviewerName} on {criterion.name}
                                  </span>
                                </Link>
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                    <tr>
                      <th scope="row">Red flags raised</th>
                      {cards.map((card) => {
                        const flags = flagsOf(card.id);
                        return (
                          <td key={card.id}>
                            {flags.length === 0 ? (
                              <span className="muted">None</span>
                            ) : (
                              <ul className="plain compact">
                                {flags.map((f) => (
                                  <li key={f.flagId}>
                                    <Link to={flagEvidenceHref(card.id, f.flagId)}>{f.name}</Link>
                                  </li>
                                ))}
                              </ul>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                    <tr>
                      <th scope="row">Positive signals</th>
                      {cards.map((card) => {
                        const signals = signalsOf(card.id);
                        return (
                          <td key={card.id}>
                            {signals.length === 0 ? (
                              <span className="muted">None</span>
                            ) : (
                              <Link to={signalsEvidenceHref(card.id)}>
                                {plural(signals.length, "signal")}
                                <span className="visually-hidden"> observed by {card.interviewerName}</span>
                              </Link>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                    <tr>
                      <th scope="row">Recommendation</th>
                      {cards.map((card) => (
                        <td key={card.id}>
                          {card.recommendation ? (
                            <Link to={overallHref(card.id)}>
                              {RECOMMENDATION_LABELS[card.recommendation]}
                              <span className="visually-hidden"> from {card.interviewerName}</span>
                            </Link>
                          ) : (
                            <span className="muted">None</span>
                          )}
                        </td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              </TableScroll>
            )}
          </div>
        );
      })}

      <h3 id="leniency-title">Each interviewer against the panel</h3>
      <p className="muted small">
        Each rating an interviewer gave, on any loop, compared with the mean of the other interviewers&rsquo; ratings of the same criterion on the
        same loop. A mean difference above {formatSigned(LENIENT_ABOVE)} reads as lenient, below {formatSigned(SEVERE_BELOW)} as severe; under{" "}
        {MIN_LENIENCY_COMPARISONS} comparisons it is a small sample.
      </p>
      {evidence.leniency.length === 0 ? (
        <p className="muted">No interviewer to compare yet.</p>
      ) : (
        <TableScroll label="Leniency and severity per interviewer">
          <table className="committee-table" aria-labelledby="leniency-title">
            <thead>
              <tr>
                <th scope="col">Interviewer</th>
                <th scope="col">Reading</th>
                <th scope="col" className="num">
                  Mean difference
                </th>
                <th scope="col" className="num">
                  Comparisons
                </th>
              </tr>
            </thead>
            <tbody>
              {evidence.leniency.map((l) => (
                <tr key={l.interviewerId}>
                  <th scope="row">{index.interviewerNameById(l.interviewerId)}</th>
                  <td>
                    <span className={`badge ${LENIENCY_BADGE[l.label]}`}>{l.label}</span>
                    {l.smallSample ? <span className="block muted small">{NOTE_SMALL_SAMPLE} ({plural(l.comparisons, "comparison")})</span> : null}
                  </td>
                  <td className="num">{formatSigned(l.meanDifference)}</td>
                  <td className="num">{formatFigure(l.comparisons)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
