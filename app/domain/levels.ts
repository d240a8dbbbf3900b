// The Builder career levels. Their titles, bars and bands come from the rubric version;
// the ladder itself (L4 to L7, in this order) is fixed by the product.
export const LEVELS = ["L4", "L5", "L6", "L7"] as const;
export type Level = (typeof LEVELS)[number];

export function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}

/** The level a promotion from `level` targets, or null at the top of the ladder. */
export function nextLevel(level: Level): Level | null {
  return LEVELS[LEVELS.indexOf(level) + 1] ?? null;
}
