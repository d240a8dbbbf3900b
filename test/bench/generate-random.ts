/**
 * Deterministic randomness and time helpers for the benchmark organisation generator.
 * Nothing here reads Math.random or the clock: every value follows from the seed and `now`.
 */

/** sfc32, seeded through splitmix32: small, fast, and good enough for test data. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((n, [, w]) => n + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** A standard normal variate (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** `k` distinct items of `items` (k ≤ length), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    if (k > items.length) throw new Error(`cannot sample ${k} of ${items.length}`);
    if (k * 4 < items.length) {
      const chosen = new Set<number>();
      while (chosen.size < k) chosen.add(Math.floor(this.next() * items.length));
      return [...chosen].map((i) => items[i]!);
    }
    return this.shuffle([...items]).slice(0, k);
  }
}

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * cuid-shaped ids (25 characters, starting with "c"), deterministic for a seed. The counter
 * prefix keeps ids rising in creation order, so primary-key indexes fill by appending; the
 * demo organisation's real cuids start "cm…" and can never collide with these "c1…" ones.
 */
export class IdMaker {
  private counter = 0;
  constructor(private readonly rng: Rng) {}

  next(): string {
    const prefix = (36 ** 8 + this.counter++).toString(36); // 9 characters, "1…"
    let tail = "";
    for (let i = 0; i < 15; i++) tail += ALPHABET[Math.floor(this.rng.next() * 36)];
    return `c${prefix}${tail}`;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** How Prisma's better-sqlite3 adapter stores a DateTime: ISO 8601 with "+00:00" for UTC. */
export function dbDate(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

/** UTC midnight of the calendar day `ms` falls on. */
export function utcMidnight(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

export function calendarDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isWeekend(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * A UTC working-hours slot (weekday, 09:00–16:30 on the quarter hour) on the day `ms` falls on;
 * a weekend moves back to Friday (`direction` -1) or on to Monday (+1).
 */
export function workingSlot(rng: Rng, ms: number, direction: -1 | 1): number {
  let day = utcMidnight(ms);
  while (isWeekend(day)) day += direction * DAY;
  return day + 9 * HOUR + rng.int(0, 30) * 15 * MINUTE;
}

/** A working-hours moment on the day `ms` falls on (any minute from 09:00 to 17:59). */
export function workingMoment(rng: Rng, ms: number, direction: -1 | 1): number {
  let day = utcMidnight(ms);
  while (isWeekend(day)) day += direction * DAY;
  return day + 9 * HOUR + rng.int(0, 9 * 60 - 1) * MINUTE;
}
