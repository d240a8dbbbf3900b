/**
 * Success metrics: each is defined before launch with a baseline, a target and a direction (the
 * actual must reach at least, or at most, the target). The checkpoint compares actuals with targets.
 */
export const METRIC_DIRECTIONS = ["at_least", "at_most"] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];
export const METRIC_DIRECTION_LABELS: Record<MetricDirection, string> = {
  at_least: "At least the target (higher is better)",
  at_most: "At most the target (lower is better)",
};

export type SuccessMetric = {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: MetricDirection;
  measurement: string;
};

export type MetricResult = SuccessMetric & { actual: number; met: boolean; changeFromBaseline: number };

export function isMetricMet(metric: Pick<SuccessMetric, "target" | "direction">, actual: number): boolean {
  return metric.direction === "at_least" ? actual >= metric.target : actual <= metric.target;
}

/** Each metric with its actual; metrics without an actual are left out. */
export function metricResults(metrics: readonly SuccessMetric[], actuals: Readonly<Record<string, number>>): MetricResult[] {
  return metrics.flatMap((metric) => {
    const actual = actuals[metric.id];
    if (actual === undefined || !Number.isFinite(actual)) return [];
    return [{ ...metric, actual, met: isMetricMet(metric, actual), changeFromBaseline: actual - metric.baseline }];
  });
}

/** "3 of 4 targets met". */
export function metSummary(results: readonly MetricResult[]): string {
  const met = results.filter((r) => r.met).length;
  return `${met} of ${results.length} ${results.length === 1 ? "target" : "targets"} met`;
}

/** A metric value with its unit: "12.5 %", "340 ms", "1,200 signups". */
export function formatMetricValue(value: number, unit: string): string {
  const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }).format(value);
  const u = unit.trim();
  if (u === "") return number;
  if (u === "%") return `${number}%`;
  return `${number} ${u}`;
}

/** Whether the target asks for a move in the direction's sense (a target "at least" below its baseline is odd but allowed). */
export function describeTarget(metric: Pick<SuccessMetric, "target" | "unit" | "direction">): string {
  return `${metric.direction === "at_least" ? "≥" : "≤"} ${formatMetricValue(metric.target, metric.unit)}`;
}
