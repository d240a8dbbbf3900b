import type { Rubric } from "./schema";

/** A rubric without its compensation figures: what people who may not see pay receive. */
export type RubricWithoutPay = Omit<Rubric, "bands">;

export function withoutPay(rubric: Rubric): RubricWithoutPay {
  const { bands: _bands, ...rest } = rubric;
  return rest;
}

/** `v2` → 2; anything else → null. Versions appear in URLs as `v<number>`. */
export function parseVersionParam(param: string | undefined): number | null {
  const match = /^v([1-9][0-9]{0,5})$/.exec(param ?? "");
  return match ? Number(match[1]) : null;
}

export function ratingLabel(rubric: Pick<Rubric, "scale">, value: number): string {
  return rubric.scale.find((p) => p.value === value)?.label ?? String(value);
}
