import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, XAxis, YAxis, type DotItemDotProps } from "recharts";
import { TableScroll } from "~/components/table-scroll";
import type { EvidenceIndex } from "./evidence-index";
import { formatFigure, ratingEvidenceHref } from "./format";
import type { CommitteeAggregate, CommitteeEvidence } from "~/views/committee-page";

const COLOURS = { score: "#6f93e8", scoreEdge: "#1d4ed8", supported: "#05603a", next: "#b42318" } as const;
const ROW_HEIGHT = 44;

/**
 * A vertical tick at a level's bar on a competency's row: the supported level's above the row's
 * centre line, the next level's below it, so both show when the two bars are equal.
 */
function barTick(colour: string, dashed: boolean, half: "upper" | "lower") {
  return function BarTick({ cx, cy, index, value }: DotItemDotProps) {
    if (typeof cx !== "number" || typeof cy !== "number" || value === null || value === undefined) return <g key={`none-${index}`} />;
    const reach = ROW_HEIGHT / 2 - 6;
    return (
      <line
        key={`tick-${index}`}
        x1={cx}
        x2={cx}
        y1={half === "upper" ? cy - reach : cy}
        y2={half === "upper" ? cy : cy + reach}
        stroke={colour}
        strokeWidth={4}
        strokeDasharray={dashed ? "5 3" : undefined}
        strokeLinecap="butt"
      />
    );
  };
}

const SupportedTick = barTick(COLOURS.supported, false, "upper");
const NextTick = barTick(COLOURS.next, true, "lower");

/** True once React runs in the browser: recharts measures its container, so it draws there only. */
function useMounted() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

type Props = { evidence: CommitteeEvidence; aggregate: CommitteeAggregate; index: EvidenceIndex };

/**
 * Score per competency as bars, with the bars of the supported level and of the next level up
 * drawn across them; then the same figures as a table, for everyone the chart does not reach.
 */
export function CompetencyChart({ evidence, aggregate, index }: Props) {
  const mounted = useMounted();
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
  const ticks = Array.from({ length: top + 1 }, (_, i) => i);
  const height = rows.length * ROW_HEIGHT + 40;
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
          {mounted ? (
            <ResponsiveContainer width="100%" height={height}>
              <ComposedChart layout="vertical" data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
                <CartesianGrid horizontal={false} stroke="#e3e8ef" />
                <XAxis type="number" domain={[0, top]} ticks={ticks} allowDecimals={false} stroke="#4a5568" tick={{ fill: "#4a5568", fontSize: 12 }} />
                <YAxis type="category" dataKey="name" width={128} stroke="#4a5568" tick={{ fill: "#172033", fontSize: 12 }} interval={0} />
                <Bar dataKey="score" name="Score" fill={COLOURS.score} stroke={COLOURS.scoreEdge} barSize={18} isAnimationActive={false} />
                {supported ? (
                  <Line dataKey="supportedBar" name={`${supported} bar`} stroke="none" dot={SupportedTick} activeDot={false} isAnimationActive={false} legendType="none" />
                ) : null}
                {next ? <Line dataKey="nextBar" name={`${next} bar`} stroke="none" dot={NextTick} activeDot={false} isAnimationActive={false} legendType="none" /> : null}
              </ComposedChart>
            </ResponsiveContainer>
          ) : null}
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
