import type { Run } from "./load";
import type { Counted } from "./statements";

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

/** One request measured at one size: the floor, a page or a write. */
export type Measured = {
  name: string;
  kind: "floor" | "page" | "write";
  /** At saturation over keep-alive connections (the median run), and over a fresh connection per request (pages). */
  keepAlive: Run & { runs: number[] };
  fresh?: Run & { runs: number[] };
  /** Evenly spaced arrivals at half the saturation rate of the same kind of connection. */
  halfRate: Run;
  halfRateFresh?: Run;
  statements?: Counted;
  jsGzipBytes?: number;
  /** The page as it came to a browser asking for compression. */
  wire?: { encoding: string; bytes: number; wireBytes: number };
};

export type SizeRows = { size: number; rows: Measured[] };

const whole = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => (n >= 100 ? whole(n) : n.toFixed(1));
const spread = (r: Run) => (r.p50 > 0 ? (r.p99 / r.p50).toFixed(1) : "–");

function markdown(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(head), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)].join("\n");
}

/**
 * The README's table for one size: per request, requests per second at saturation and as a ratio
 * to the floor (keep-alive · fresh connections), latency at half that rate (evenly spaced
 * arrivals, keep-alive, then fresh), statements, JavaScript and the page's compressed size.
 */
export function sizeTable({ size, rows }: SizeRows, database?: string): string {
  const floor = rows.find((r) => r.kind === "floor")!;
  const ratio = (value: Run | undefined, of: Run | undefined) => (value && of && of.rps > 0 ? (value.rps / of.rps).toFixed(2) : "–");
  const body = rows.map((r) => [
    r.name,
    `${whole(r.keepAlive.rps)} · ${r.fresh ? whole(r.fresh.rps) : "–"}`,
    r.kind === "floor" ? "1 · 1" : `${ratio(r.keepAlive, floor.keepAlive)} · ${ratio(r.fresh, floor.fresh)}`,
    `${ms(r.halfRate.p50)} / ${ms(r.halfRate.p99)}`,
    spread(r.halfRate),
    r.halfRateFresh ? `${ms(r.halfRateFresh.p50)} / ${ms(r.halfRateFresh.p99)} (${spread(r.halfRateFresh)})` : "–",
    r.statements ? `${r.statements.data} (${r.statements.statements})` : "–",
    r.jsGzipBytes === undefined ? "–" : (r.jsGzipBytes / 1024).toFixed(0),
    r.wire ? (r.wire.wireBytes / 1024).toFixed(1) : "–",
    String(r.keepAlive.refused + (r.fresh?.refused ?? 0) + r.halfRate.refused + (r.halfRateFresh?.refused ?? 0)),
  ]);
  const head = [
    `${size.toLocaleString("en-US")} candidates${database && database !== "SQLite" ? `, ${database}` : ""}`,
    "req/s at saturation (keep-alive · fresh)",
    "× floor (keep-alive · fresh)",
    "p50 / p99 ms at half rate",
    "p99 ÷ p50",
    "fresh: p50 / p99 ms (p99 ÷ p50)",
    "statements: data (all)",
    "JS kB gzip",
    "page kB gzip",
    "503s",
  ];
  return markdown(head, body);
}

/** Page cost growth from the smallest organisation to the largest: requests per second, small ÷ large. */
export function growthTable(small: SizeRows, large: SizeRows): string {
  const at = (n: number) => n.toLocaleString("en-US");
  const body = large.rows
    .filter((r) => r.kind !== "floor")
    .map((r) => {
      const before = small.rows.find((x) => x.name === r.name)!;
      return [
        r.name,
        whole(before.keepAlive.rps),
        whole(r.keepAlive.rps),
        (before.keepAlive.rps / r.keepAlive.rps).toFixed(2),
        before.statements && r.statements ? `${before.statements.statements} → ${r.statements.statements}` : "–",
      ];
    });
  return markdown(["request", `req/s @ ${at(small.size)}`, `req/s @ ${at(large.size)}`, `cost growth (${at(small.size)} ÷ ${at(large.size)} req/s)`, "statements"], body);
}
