import type { CompetencyChartRow } from "~/domain/committee";

export const CHART_COLOURS = { score: "#6f93e8", scoreEdge: "#1d4ed8", supported: "#05603a", next: "#b42318", grid: "#e3e8ef", axis: "#4a5568" } as const;
const ROW_HEIGHT = 44;
const BAR_HEIGHT = 18;
/** Room under the rows for the axis and its figures. */
const AXIS_HEIGHT = 24;
/** How far a level's tick reaches from a row's centre line. */
const TICK_REACH = ROW_HEIGHT / 2 - 6;

/** The chart's height for `rows` competencies, padding included (the page reserves it before the chart draws). */
export function chartHeight(rows: number): number {
  return rows * ROW_HEIGHT + 40;
}

type Props = { rows: CompetencyChartRow[]; top: number; showSupported: boolean; showNext: boolean };

/**
 * Score per competency as horizontal bars on a scale from 0 to `top`, with a tick at the supported
 * level's bar above each row's centre line and a dashed one at the next level's below it, so both
 * show when the two bars are equal. Plain SVG drawn on the server: no script and no measuring, so
 * it is there before the page's JavaScript runs and takes the same space afterwards. Positions
 * along the scale are percentages of the plot's width, which follows the page's width. Hidden
 * from assistive technology: the figure's name and the table below carry the same figures.
 */
export function CompetencyBars({ rows, top, showSupported, showNext }: Props) {
  const at = (value: number) => `${(Math.min(Math.max(value, 0), top) / top) * 100}%`;
  const centre = (i: number) => i * ROW_HEIGHT + ROW_HEIGHT / 2;
  const plotHeight = rows.length * ROW_HEIGHT;
  const ticks = Array.from({ length: top + 1 }, (_, i) => i);

  return (
    <div className="bar-chart" aria-hidden="true">
      <div className="bar-chart-labels">
        {rows.map((row) => (
          <span key={row.competencyId}>{row.name}</span>
        ))}
      </div>
      <svg className="bar-chart-plot" width="100%" height={plotHeight + AXIS_HEIGHT} focusable="false">
        {ticks.map((t) => (
          <line key={`grid-${t}`} x1={at(t)} x2={at(t)} y1={0} y2={plotHeight} stroke={CHART_COLOURS.grid} />
        ))}
        {rows.map((row, i) =>
          row.score === null ? null : (
            <rect
              key={`score-${row.competencyId}`}
              className="chart-score-bar"
              x={0}
              y={centre(i) - BAR_HEIGHT / 2}
              width={at(row.score)}
              height={BAR_HEIGHT}
              fill={CHART_COLOURS.score}
              stroke={CHART_COLOURS.scoreEdge}
            />
          ),
        )}
        {showSupported
          ? rows.map((row, i) =>
              row.supportedBar === null ? null : (
                <line
                  key={`supported-${row.competencyId}`}
                  x1={at(row.supportedBar)}
                  x2={at(row.supportedBar)}
                  y1={centre(i) - TICK_REACH}
                  y2={centre(i)}
                  stroke={CHART_COLOURS.supported}
                  strokeWidth={4}
                />
              ),
            )
          : null}
        {showNext
          ? rows.map((row, i) =>
              row.nextBar === null ? null : (
                <line
                  key={`next-${row.competencyId}`}
                  x1={at(row.nextBar)}
                  x2={at(row.nextBar)}
                  y1={centre(i)}
                  y2={centre(i) + TICK_REACH}
                  stroke={CHART_COLOURS.next}
                  strokeWidth={4}
                  strokeDasharray="5 3"
                />
              ),
            )
          : null}
        {/* The axes: the scale's line with a mark and a figure at each whole number. */}
        <line x1={0} x2={0} y1={0} y2={plotHeight} stroke={CHART_COLOURS.axis} />
        <line x1={0} x2="100%" y1={plotHeight} y2={plotHeight} stroke={CHART_COLOURS.axis} />
        {ticks.map((t) => (
          <g key={`tick-${t}`}>
            <line x1={at(t)} x2={at(t)} y1={plotHeight} y2={plotHeight + 5} stroke={CHART_COLOURS.axis} />
            <text x={at(t)} y={plotHeight + 18} textAnchor="middle" fill={CHART_COLOURS.axis} fontSize={12}>
              {t}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
