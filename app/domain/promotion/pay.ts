/**
 * Promotion pay, for the committee view: where the builder's current base falls against the
 * current and the target band, and a suggested new base by the rubric's rule
 * (`decision_rules.promotion_pay.min_raise_percent`). Amounts are in the bands' currency.
 *
 * Formulas:
 * - Compa-ratio current = current base ÷ current band mid; compa-ratio target = current base ÷
 *   target band mid; both rounded to 3 decimals.
 * - Raise to the target minimum = max(0, target min − current base).
 * - Suggested base: raw = max(target min, current base × (1 + min_raise_percent ÷ 100)); rounded
 *   to the nearest 500, or up to the next 500 when the nearest would fall below the current base;
 *   then kept within the target band [min, max]. So the suggestion is always within the target
 *   band, never falls as the current base rises, and is never below the current base...
 * - ...unless the current base is already above the target band's max: then the suggestion is
 *   the target max, below the current base, and `currentAboveTargetMax` is true. The rule never
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
// Cents first, so that float noise (230000 × 1.08 = 248400.00000000003) never rounds up a step.
const cents = (n: number) => Math.round(n * 100) / 100;

function checkBand(name: string, band: BaseRange) {
  const ok = [band.min, band.mid, band.max].every((n) => Number.isFinite(n) && n > 0) && band.min <= band.mid && band.mid <= band.max;
  if (!ok) throw new Error(`The ${name} band must have 0 < min ≤ mid ≤ max (got ${band.min}, ${band.mid}, ${band.max}).`);
}

export function promotionPay(currentBase: number, currentBand: BaseRange, targetBand: BaseRange, minRaisePercent: number): PromotionPay {
  if (!Number.isFinite(currentBase) || currentBase < 0) throw new Error(`The current base must be a non-negative amount (got ${currentBase}).`);
  if (!Number.isFinite(minRaisePercent) || minRaisePercent < 0) throw new Error(`The minimum raise must be a non-negative percentage (got ${minRaisePercent}).`);
  checkBand("current", currentBand);
  checkBand("target", targetBand);

  const raw = Math.max(targetBand.min, cents((currentBase * (100 + minRaisePercent)) / 100));
  let rounded = Math.round(raw / PAY_ROUNDING) * PAY_ROUNDING;
  if (rounded < currentBase) rounded = Math.ceil(raw / PAY_ROUNDING) * PAY_ROUNDING;
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
    `rounded to the nearest ${PAY_ROUNDING} (up, if the nearest would be below the current base) and kept within the target band. ` +
    `When the current base is already above the target band's maximum, the suggestion is that maximum, below the current base: ` +
    `keeping the current base is the committee's call.`
  );
}

/** Base pay against a band's midpoint: 1.0 is the mid; below 1 is under it. */
export function compaRatio(base: number, band: BaseRange): number {
  return round3(base / band.mid);
}
