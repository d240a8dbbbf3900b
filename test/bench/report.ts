/** One measured figure, its ceiling (or target) and the ratio between them. */
export type Figure = {
  id: string;
  label: string;
  value: number;
  unit: string;
  ceiling: number | null;
  ceilingLabel: string | null;
  /** value ÷ ceiling, or ceiling ÷ value when lower is better (so ≥ target is always good when `higherIsBetter`). */
  ratio: number | null;
  target: string | null;
  met: boolean | null;
  p50?: number;
  p99?: number;
  note?: string;
};

const fmt = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined ? "" : Math.abs(n) >= 1000 ? Math.round(n).toLocaleString("en-US") : n.toFixed(digits);

/** A plain-text table for the terminal (and, copied, for the README). */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.label,
    `${fmt(f.value)} ${f.unit}`,
    f.ceiling === null ? "" : `${fmt(f.ceiling)} (${f.ceilingLabel})`,
    f.ratio === null ? "" : fmt(f.ratio),
    f.p50 === undefined ? "" : fmt(f.p50),
    f.p99 === undefined ? "" : fmt(f.p99),
    f.target ?? "",
    f.met === null ? "" : f.met ? "met" : "NOT MET",
  ]);
  const head = ["figure", "value", "ceiling", "ratio", "p50 ms", "p99 ms", "target", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(head), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)].join("\n");
}
