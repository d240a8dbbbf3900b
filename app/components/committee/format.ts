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

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount of money in whole units of its currency ("$235,000"). */
export function formatMoney(amount: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    moneyFormats.set(currency, format);
  }
  return format.format(amount);
}

/** A range of money ("$205,000–$265,000"). */
export function formatMoneyRange(range: { min: number; max: number }, currency: string): string {
  return `${formatMoney(range.min, currency)}–${formatMoney(range.max, currency)}`;
}

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
