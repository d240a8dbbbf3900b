/**
 * Promotion pay, for the committee view: where the builder's current base falls against the
 * current and the target band, and a suggested new base by the rubric's rule
 * (`decision_rules.promotion_pay.min_raise_percent`). Amounts are in the bands' currency.
 *
 * Formulas:
 * - Compa-ratio current = current base ÷ current band mid; compa-ratio target = current base ÷
 *   target band mid; both rounded to 3 decimals.
 * - Raise to the target minimum = max(0, target min − current base).
 * - Suggested base: raw = max(target min, minimumRaiseBase(current base, min_raise_percent)), i.e.
 *   current base × (1 + min_raise_percent ÷ 100) up to a whole unit; rounded
 *   up to the next 500 (rounding to the nearest could fall below the minimum raise, which the
 *   committee would then have to justify); then kept within the target band [min, max]. So the
 *   suggestion is always within the target band, never falls as the current base rises, and is
 *   never below the current base nor the minimum raise (checkRaise)...
 * - ...unless the current base is already above the target band's max: then the suggestion is
 *   the target max, below the current base, and `currentAboveTargetMax` is true. (The target max
 *   is also the suggestion, below the minimum raise, when the minimum raise would pass it.) The rule never
 *   suggests pay outside the band; whether to keep the current base (red-circle it) is the
 *   committee's decision, recorded with a written justification.
 */
export type BaseRange = { min: number; mid: number; max: number };

export type PromotionPay = {
  compaRatioCurrent: number;
  compaRatioTarget: number;
  raiseToTargetMin: number;
  suggestedBase: number;
  /** suggestedBase − current base (negative only when the current base is above the target max). */
  raise: number;
  currentAboveTargetMax: boolean;
  rule: string;
};

export const PAY_ROUNDING = 500;

const round3 = (n: number) => Math.round(n * 1000) / 1000;

function checkBand(name: string, band: BaseRange) {
  const ok = [band.min, band.mid, band.max].every((n) => Number.isFinite(n) && n > 0) && band.min <= band.mid && band.mid <= band.max;
  if (!ok) throw new Error(`The ${name} band must have 0 < min ≤ mid ≤ max (got ${band.min}, ${band.mid}, ${band.max}).`);
}

export function promotionPay(currentBase: number, currentBand: BaseRange, targetBand: BaseRange, minRaisePercent: number): PromotionPay {
  if (!Number.isFinite(currentBase) || currentBase < 0) throw new Error(`The current base must be a non-negative amount (got ${currentBase}).`);
  if (!Number.isFinite(minRaisePercent) || minRaisePercent < 0) throw new Error(`The minimum raise must be a non-negative percentage (got ${minRaisePercent}).`);
  checkBand("current", currentBand);
  checkBand("target", targetBand);

  const raw = Math.max(targetBand.min, minimumRaiseBase(currentBase, minRaisePercent));
  const rounded = Math.ceil(raw / PAY_ROUNDING) * PAY_ROUNDING;
  const suggestedBase = Math.min(targetBand.max, Math.max(targetBand.min, rounded));

  return {
    compaRatioCurrent: compaRatio(currentBase, currentBand),
    compaRatioTarget: compaRatio(currentBase, targetBand),
    raiseToTargetMin: Math.max(0, targetBand.min - currentBase),
    suggestedBase,
    raise: suggestedBase - currentBase,
    currentAboveTargetMax: currentBase > targetBand.max,
    rule: promotionPayRule(minRaisePercent),
  };
}

/** The rule in words, for the committee view. */
export function promotionPayRule(minRaisePercent: number): string {
  return (
    `Suggested base = the larger of the target band's minimum and the current base plus ${minRaisePercent}%, ` +
    `rounded up to a multiple of ${PAY_ROUNDING} and kept within the target band. A new base below the minimum raise needs a written justification. ` +
    `When the current base is already above the target band's maximum, the suggestion is that maximum, below the current base: ` +
    `keeping the current base is the committee's call.`
  );
}

/** Base pay against a band's midpoint: 1.0 is the mid; below 1 is under it. */
export function compaRatio(base: number, band: BaseRange): number {
  return round3(base / band.mid);
}

/**
 * The rubric's minimum promotion raise (`promotion_pay.min_raise_percent`) applied to a decision:
 * a new base below `minimumBase` = the base at submission × (1 + min_raise_percent ÷ 100), rounded
 * up to a whole unit (bases are whole units), is below the minimum and needs a written
 * justification (`raiseJustification`), like a base outside the target band does. So a base at or
 * above `minimumBase` never needs one, and any base below it always does. Computed in integers
 * (the base in cents, the percentage in millionths): float noise (230,000 × 1.08 =
 * 248,400.00000000003) never moves the line. Without a recorded base at submission there is
 * nothing to measure the raise against, and the rule does not apply.
 */
export type RaiseCheck = {
  /** The smallest base that honours the minimum raise. */
  minimumBase: number;
  /** new ÷ base at submission − 1, in percent, to one decimal (rounded down, so 7.99% never reads as 8%). */
  raisePercent: number;
  belowMinimum: boolean;
};

export function minimumRaiseBase(baseAtSubmission: number, minRaisePercent: number): number {
  // n ≥ base × (100 + p) ÷ 100  ⇔  n × 100 × 100 × 10⁶ ≥ base in cents × (100 × 10⁶ + p × 10⁶): the smallest such whole n.
  const MILLION = 1_000_000n;
  const baseCents = BigInt(Math.round(baseAtSubmission * 100));
  const needed = baseCents * (100n * MILLION + BigInt(Math.round(minRaisePercent * 1_000_000)));
  const per = 100n * 100n * MILLION;
  return Number((needed + per - 1n) / per);
}

export function checkRaise(baseAtSubmission: number | null, newBase: number, minRaisePercent: number): RaiseCheck | null {
  if (baseAtSubmission === null || !Number.isFinite(baseAtSubmission) || baseAtSubmission <= 0 || !Number.isFinite(newBase)) return null;
  const minimumBase = minimumRaiseBase(baseAtSubmission, minRaisePercent);
  return {
    minimumBase,
    // Per mille, floored, then in percent: 7.9999% never reads as 8%.
    raisePercent: Math.floor(((newBase - baseAtSubmission) * 1000) / baseAtSubmission) / 10,
    belowMinimum: newBase < minimumBase,
  };
}
