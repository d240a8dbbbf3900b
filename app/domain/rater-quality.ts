/**
 * Quality of the ratings (product.md, "Quality of the ratings"): how far the interviewers on a
 * loop agree (Krippendorff's alpha, interval metric) and how lenient or severe each interviewer
 * is against the rest of the panel. Pure: the rows come from app/data/rater-quality.server.ts.
 *
 * Every computation first puts its input in a canonical order, so results are identical (to the
 * bit, not just approximately) whatever order the rows arrive in.
 */

/** Below this many pairable units (criteria rated by 2+ interviewers), alpha is a small-sample figure. */
export const MIN_AGREEMENT_UNITS = 5;
/** Below this many pairable values (ratings in those units), alpha is a small-sample figure. */
export const MIN_AGREEMENT_VALUES = 10;
/** A mean difference from the panel above this (in rating points) reads as lenient. */
export const LENIENT_ABOVE = 0.5;
/** A mean difference from the panel below this (in rating points) reads as severe. */
export const SEVERE_BELOW = -0.5;
/** Below this many comparisons with the panel, a leniency figure is a small-sample figure. */
export const MIN_LENIENCY_COMPARISONS = 10;

export const AGREEMENT_METHOD = "Krippendorff's alpha (interval)" as const;

export const NOTE_TOO_FEW = "Too few shared ratings to measure agreement";
export const NOTE_SMALL_SAMPLE = "Small sample: read with care";
export const NOTE_NO_VARIATION = "Every shared rating is the same value: agreement is perfect, but alpha is undefined";

export type AlphaResult = {
  /** null when nothing is pairable, or when every pairable value is equal (expected disagreement 0). */
  alpha: number | null;
  /** Units holding at least 2 values. */
  pairableUnits: number;
  /** Values in those units. */
  pairableValues: number;
  /** Why alpha is null ("" when it is a number). */
  note: string;
};

const ascending = (a: number, b: number) => a - b;

function assertFinite(value: number, what: string) {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, got ${value}`);
}

/** Lexicographic order on sorted units (shorter first on a common prefix). */
function compareUnits(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

/** Σ over ordered pairs i ≠ j of (v_i − v_j)², i.e. twice the sum over unordered pairs. */
function sumSquaredPairDifferences(values: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const d = values[i]! - values[j]!;
      sum += d * d;
    }
  }
  return 2 * sum;
}

/**
 * Krippendorff's alpha with the interval metric δ² = (v − v')², in the coincidence-matrix form:
 *
 *   D_o = (1/n) Σ_u 1/(m_u − 1) Σ_{i≠j in u} (v_i − v_j)²
 *   D_e = 1/(n(n − 1)) Σ_{i≠j over all pairable values} (v_i − v_j)²
 *   α   = 1 − D_o / D_e
 *
 * where m_u is the number of values in unit u and n the number of pairable values. Units with
 * fewer than 2 values cannot be paired and are left out entirely (also from n and D_e).
 * α is 1 for perfect agreement, about 0 for agreement at chance level, and negative for
 * systematic disagreement; it is never above 1.
 */
export function krippendorffAlphaInterval(units: number[][]): AlphaResult {
  for (const unit of units) for (const v of unit) assertFinite(v, "A value");
  const pairable = units
    .filter((u) => u.length >= 2)
    .map((u) => [...u].sort(ascending))
    .sort(compareUnits);
  const n = pairable.reduce((total, u) => total + u.length, 0);
  if (pairable.length === 0) {
    return { alpha: null, pairableUnits: 0, pairableValues: 0, note: NOTE_TOO_FEW };
  }
  const all = pairable.flat().sort(ascending);
  if (all[0] === all[all.length - 1]) {
    return { alpha: null, pairableUnits: pairable.length, pairableValues: n, note: NOTE_NO_VARIATION };
  }
  let withinUnits = 0;
  for (const unit of pairable) withinUnits += sumSquaredPairDifferences(unit) / (unit.length - 1);
  const observed = withinUnits / n;
  const expected = sumSquaredPairDifferences(all) / (n * (n - 1));
  return { alpha: 1 - observed / expected, pairableUnits: pairable.length, pairableValues: n, note: "" };
}

export type LoopRating = { interviewerId: string; criterionId: string; rating: number };

export type LoopAgreement = {
  method: typeof AGREEMENT_METHOD;
  alpha: number | null;
  /** Pairable units: criteria of the loop rated by at least 2 interviewers. */
  units: number;
  /** Pairable values: the ratings in those units. */
  values: number;
  smallSample: boolean;
  note: string;
};

/**
 * Agreement among a loop's interviewers: one unit per criterion, holding one value per
 * interviewer who rated it. An interviewer who rated the same criterion more than once on the
 * loop (two interviews of one stage) counts once, with the mean of their ratings, since alpha
 * measures agreement between different raters.
 */
export function loopAgreement(ratings: readonly LoopRating[]): LoopAgreement {
  const byCriterion = new Map<string, Map<string, number[]>>();
  for (const r of ratings) {
    assertFinite(r.rating, "A rating");
    const byInterviewer = byCriterion.get(r.criterionId) ?? new Map<string, number[]>();
    byCriterion.set(r.criterionId, byInterviewer);
    const own = byInterviewer.get(r.interviewerId) ?? [];
    byInterviewer.set(r.interviewerId, own);
    own.push(r.rating);
  }
  const units = [...byCriterion.values()].map((byInterviewer) => [...byInterviewer.values()].map(mean));
  const result = krippendorffAlphaInterval(units);
  const smallSample = result.pairableUnits < MIN_AGREEMENT_UNITS || result.pairableValues < MIN_AGREEMENT_VALUES;
  let note: string;
  if (result.pairableUnits === 0) note = NOTE_TOO_FEW;
  else if (result.alpha === null) note = smallSample ? `${result.note}. ${NOTE_SMALL_SAMPLE}` : result.note;
  else note = smallSample ? NOTE_SMALL_SAMPLE : "";
  return { method: AGREEMENT_METHOD, alpha: result.alpha, units: result.pairableUnits, values: result.pairableValues, smallSample, note };
}

/** Mean of the values, summed in ascending order so that it does not depend on input order. */
function mean(values: readonly number[]): number {
  const sorted = [...values].sort(ascending);
  let sum = 0;
  for (const v of sorted) sum += v;
  return sum / sorted.length;
}

export type LeniencyRating = { interviewerId: string; loopId: string; criterionId: string; rating: number };

export type LeniencyLabel = "lenient" | "severe" | "in line" | "not enough data";

export type RaterLeniency = {
  interviewerId: string;
  /** Ratings of theirs that other interviewers also rated (same criterion, same loop). */
  comparisons: number;
  /** Mean of (own rating − mean of the other interviewers' ratings); null without comparisons. */
  meanDifference: number | null;
  label: LeniencyLabel;
  smallSample: boolean;
};

export function leniencyLabel(meanDifference: number | null): LeniencyLabel {
  if (meanDifference === null) return "not enough data";
  if (meanDifference > LENIENT_ABOVE) return "lenient";
  if (meanDifference < SEVERE_BELOW) return "severe";
  return "in line";
}

/**
 * Each interviewer against the panel: every rating they gave is compared with the mean of the
 * other interviewers' ratings of the same criterion on the same loop (all of those ratings,
 * equally weighted); a rating nobody else gave is not compared. Every interviewer in the input
 * appears in the result, sorted by interviewerId.
 */
export function raterLeniency(ratings: readonly LeniencyRating[]): RaterLeniency[] {
  const units = new Map<string, LeniencyUnit & { unitKey: string }>();
  const unitTotals = new Map<string, { sum: number; count: number }>();
  for (const r of ratings) {
    assertFinite(r.rating, "A rating");
    const unitKey = JSON.stringify([r.loopId, r.criterionId]);
    const key = JSON.stringify([r.interviewerId, r.loopId, r.criterionId]);
    const totals = unitTotals.get(unitKey) ?? { sum: 0, count: 0 };
    unitTotals.set(unitKey, totals);
    totals.sum += r.rating;
    totals.count += 1;
    const own = units.get(key) ?? { interviewerId: r.interviewerId, ownSum: 0, ownCount: 0, unitSum: 0, unitCount: 0, unitKey };
    units.set(key, own);
    own.ownSum += r.rating;
    own.ownCount += 1;
  }
  return raterLeniencyFromUnits(
    [...units.values()].map(({ unitKey, ...u }) => {
      const totals = unitTotals.get(unitKey)!;
      return { ...u, unitSum: totals.sum, unitCount: totals.count };
    }),
  );
}

/**
 * What leniency needs, summed per interviewer and unit (a criterion on a loop): the interviewer's
 * own ratings there (sum and count) and all ratings there (sum and count). The database can sum
 * these (app/data/rater-quality.server.ts), so the org-wide statistic never moves every rating.
 */
export type LeniencyUnit = {
  interviewerId: string;
  ownSum: number;
  ownCount: number;
  unitSum: number;
  unitCount: number;
  /** How many units have exactly these sums (the database may group identical ones); 1 if absent. */
  units?: number;
};

/**
 * The same figures as `raterLeniency`, from per-unit sums. Each of the interviewer's ratings r in
 * a unit differs from the others' mean by r − (unitSum − ownSum) ÷ (unitCount − ownCount), so the
 * unit contributes ownCount comparisons totalling ownSum − ownCount × that mean. Units nobody else
 * rated contribute nothing. Totals are added in ascending order, so input order does not matter.
 */
export function raterLeniencyFromUnits(units: readonly LeniencyUnit[]): RaterLeniency[] {
  const byInterviewer = new Map<string, { totals: number[]; comparisons: number }>();
  for (const u of units) {
    for (const [value, what] of [[u.ownSum, "A sum"], [u.unitSum, "A sum"]] as const) assertFinite(value, what);
    const entry = byInterviewer.get(u.interviewerId) ?? { totals: [], comparisons: 0 };
    byInterviewer.set(u.interviewerId, entry);
    const others = u.unitCount - u.ownCount;
    if (others <= 0) continue;
    const othersMean = (u.unitSum - u.ownSum) / others;
    const times = u.units ?? 1;
    entry.totals.push(times * (u.ownSum - u.ownCount * othersMean));
    entry.comparisons += times * u.ownCount;
  }
  return [...byInterviewer.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([interviewerId, { totals, comparisons }]) => {
      const sorted = [...totals].sort(ascending);
      let sum = 0;
      for (const t of sorted) sum += t;
      const meanDifference = comparisons === 0 ? null : sum / comparisons;
      return {
        interviewerId,
        comparisons,
        meanDifference,
        label: leniencyLabel(meanDifference),
        smallSample: comparisons < MIN_LENIENCY_COMPARISONS,
      };
    });
}
