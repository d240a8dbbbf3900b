/**
 * Formatting and links shared by the committee page. Formats use a fixed locale so the server's
 * HTML and the browser's hydration agree.
 */
const figure = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const signedFigure = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, signDisplay: "exceptZero" });

/** A score, mean or bar on the rating scale: up to two decimals ("3.33", "2.5", "3"). */
export function formatFigure(value: number | null | undefined, missing = "—"): string {
  return value === null || value === undefined ? missing : figure.format(value).replace("-", "−");
}

/** A difference with its sign ("+0.42", "−0.6", "0"). */
export function formatSigned(value: number | null | undefined, missing = "—"): string {
  return value === null || value === undefined ? missing : signedFigure.format(value).replace("-", "−");
}

// Money is written by the domain's formatter, so the rules' messages read like the pages.
export { formatMoney, formatMoneyRange } from "~/domain/money";

/** Names joined as people write them: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

// The scorecard page (app/components/scorecard/scorecard-view.tsx) gives each piece of evidence an id.
export const scorecardHref = (scorecardId: string) => `/scorecards/${scorecardId}`;
export const ratingEvidenceHref = (scorecardId: string, criterionId: string) => `/scorecards/${scorecardId}#current-criterion-${criterionId}`;
export const flagEvidenceHref = (scorecardId: string, flagId: string) => `/scorecards/${scorecardId}#current-flag-${flagId}`;
export const signalsEvidenceHref = (scorecardId: string) => `/scorecards/${scorecardId}#current-signals`;
export const overallHref = (scorecardId: string) => `/scorecards/${scorecardId}#current-overall`;
