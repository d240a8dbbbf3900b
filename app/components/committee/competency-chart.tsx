import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { chartHeight, CompetencyBars } from "./competency-bars";
import type { EvidenceIndex } from "./evidence-index";
import { formatFigure, ratingEvidenceHref } from "./format";
import type { CommitteeAggregate, CommitteeEvidence } from "~/views/committee-page";

type Props = { evidence: CommitteeEvidence; aggregate: CommitteeAggregate; index: EvidenceIndex };

/**
 * Score per competency as bars, with the bars of the supported level and of the next level up
 * drawn across them; then the same figures as a table, for everyone the chart does not reach.
 */
export function CompetencyChart({ evidence, aggregate, index }: Props) {
  const rows = evidence.chart;
  const supported = aggregate.level.supportedLevel;
  const next = aggregate.level.next?.level ?? null;
  const byId = new Map(aggregate.competencies.map((c) => [c.competencyId, c]));
  const highest = Math.max(
    1,
    ...rows.flatMap((r) => [r.score ?? 0, r.supportedBar ?? 0, r.nextBar ?? 0]),
    ...aggregate.competencies.map((c) => c.max ?? 0),
  );
  const top = Math.ceil(highest);
  const height = chartHeight(rows.length);
  const chartLabel = [
    `Bar chart of the score per competency, from 0 to ${top}`,
    supported ? `with the ${supported} bar marked by a solid green line above each bar` : null,
    next ? `${supported ? "and" : "with"} the ${next} bar by a dashed red line below it` : null,
  ]
    .filter(Boolean)
    .join(", ");

  return (
    <section className="panel" aria-labelledby="competencies-title" id="competencies">
      <h2 id="competencies-title">Competencies</h2>
      <figure className="competency-figure" aria-labelledby="competency-chart-caption">
        <figcaption id="competency-chart-caption">
          <span className="figure-title">Score per competency against {[supported, next].filter(Boolean).map((l) => `the ${l} bar`).join(" and ") || "the bars"}</span>
          <span className="chart-legend" aria-hidden="true">
            <span className="legend-item">
              <span className="swatch swatch-score" /> Score
            </span>
            {supported ? (
              <span className="legend-item">
                <span className="swatch swatch-supported" /> {supported} bar
              </span>
            ) : null}
            {next ? (
              <span className="legend-item">
                <span className="swatch swatch-next" /> {next} bar
              </span>
            ) : null}
          </span>
          <span className="muted small block">The same figures are in the table below the chart.</span>
        </figcaption>
        <div className="competency-chart" role="img" aria-label={`${chartLabel}. The figures are in the table below.`} style={{ height }}>
          <CompetencyBars rows={rows} top={top} showSupported={supported !== null} showNext={next !== null} />
        </div>
      </figure>

      <h3 id="competency-figures-title">Figures per competency</h3>
      <TableScroll label="Figures per competency">
        <table className="committee-table" aria-labelledby="competency-figures-title">
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col" className="num">
                Ratings
              </th>
              <th scope="col">Each rating (evidence)</th>
              <th scope="col" className="num">
                Mean
              </th>
              <th scope="col" className="num">
                Median
              </th>
              <th scope="col" className="num">
                Min–max
              </th>
              <th scope="col" className="num">
                Spread
              </th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col" className="num">
                {supported ? `${supported} bar` : "Supported bar"}
              </th>
              <th scope="col" className="num">
                {next ? `${next} bar` : "Next bar"}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const c = byId.get(row.competencyId);
              return (
                <tr key={row.competencyId}>
                  <th scope="row">
                    {row.name}
                    {c?.bonus ? <span className="muted"> (bonus)</span> : null}
                  </th>
                  <td className="num">{c?.count ?? 0}</td>
                  <td>
                    {c && c.ratings.length > 0 ? (
                      <ul className="rating-links" aria-label={`Ratings of ${row.name}`}>
                        {c.ratings.map((r) => (
                          <li key={`${r.scorecardId}-${r.criterionId}`}>
                            <Link to={ratingEvidenceHref(r.scorecardId, r.criterionId)} className="rating-link">
                              {r.rating}
                              <span className="visually-hidden">
                                {" "}
                                by {index.interviewerName(r.scorecardId)} on {index.criterionName(r.criterionId, r.stageId)}
                              </span>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </td>
                  <td className="num">{formatFigure(c?.mean)}</td>
                  <td className="num">{formatFigure(c?.median)}</td>
                  <td className="num">{c && c.min !== null && c.max !== null ? `${formatFigure(c.min)}–${formatFigure(c.max)}` : "—"}</td>
                  <td className="num">
                    {formatFigure(c?.spread)}
                    {c?.disagreement ? (
                      <>
                        {" "}
                        <span className="badge badge-major">disagreement</span>
                      </>
                    ) : null}
                  </td>
                  <td className="num">{row.score === null ? <span className="muted">not enough evidence</span> : <strong>{formatFigure(row.score)}</strong>}</td>
                  <td className="num">{formatFigure(row.supportedBar)}</td>
                  <td className="num">{formatFigure(row.nextBar)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted small">
        Score: the mean of every rating given to a criterion that evidences the competency, once it has {evidence.rules.minRatings} or more ratings
        (the rubric&rsquo;s minimum). Each rating links to the
        interviewer&rsquo;s written evidence.
      </p>
    </section>
  );
}
