/**
 * Figures derived from loops, kept in memory and keyed by revision (loop-revision.server.ts):
 * every write that changes a loop raises its revision, so a figure computed at a revision stays
 * right while that revision stays the same. The caller reads the current revision of each key it
 * needs (one cheap statement, or part of one it runs anyway); only keys whose revision moved are
 * computed again, in one batch.
 *
 * Every process keeps its own copy; they stay consistent because the revisions live in the
 * database. A write that bypasses markLoopsChanged (a direct SQL fix) is not seen until restart.
 * All caches live in one registry (kept across dev-server reloads), so tests can forget them all.
 */
export type RevisionCache<K, V> = {
  /**
   * The value of each key at the revision given: held ones as they are, the others from
   * `compute` (called once, with every key to compute; a key it leaves out has no value). A key
   * another read is already computing at the same revision is not computed again: both get the
   * one result.
   */
  read(current: ReadonlyMap<K, number>, compute: (stale: K[]) => Promise<Iterable<readonly [K, V]>>): Promise<Map<K, V>>;
  /** The value held for a key at that revision, if any. */
  get(key: K, revision: number): V | undefined;
  /** Keeps a value computed at a revision (a later revision replaces it; an earlier one does not). */
  set(key: K, revision: number, value: V): void;
  /** Every value held, whatever its revision. */
  values(): V[];
  /** The highest revision among the values held (0 when none): changes after it are what is new. */
  highestRevision(): number;
  clear(): void;
};

type Entry<V> = { revision: number; value: V };

declare global {
  var __revisionCaches: Map<string, RevisionCache<unknown, unknown>> | undefined;
}
const registry = (globalThis.__revisionCaches ??= new Map());

function createCache<K, V>(): RevisionCache<K, V> {
  const entries = new Map<K, Entry<V>>();
  let highest = 0;
  // Computations under way, per key and revision: concurrent readers of the same stale figure
  // (a page opened by many at once, right after a write) wait for one computation instead of each
  // running its own.
  const inFlight = new Map<K, { revision: number; value: Promise<V | undefined> }>();
  const cache: RevisionCache<K, V> = {
    async read(current, compute) {
      const waits = new Map<K, Promise<V | undefined>>();
      const toCompute: K[] = [];
      for (const [key, revision] of current) {
        if (entries.get(key)?.revision === revision) continue;
        const flight = inFlight.get(key);
        if (flight && flight.revision === revision) waits.set(key, flight.value);
        else toCompute.push(key);
      }
      if (toCompute.length > 0) {
        const batch = compute(toCompute).then((pairs) => new Map<K, V>(pairs));
        for (const key of toCompute) {
          const value = batch.then((computed) => computed.get(key));
          // A failure reaches whoever awaits it; this only keeps it from also being "unhandled".
          value.catch(() => undefined);
          const flight = { revision: current.get(key)!, value };
          inFlight.set(key, flight);
          waits.set(key, value);
          void value.finally(() => inFlight.get(key) === flight && inFlight.delete(key)).catch(() => undefined);
        }
      }
      const result = new Map<K, V>();
      for (const [key, revision] of current) {
        const waiting = waits.get(key);
        if (waiting) {
          const value = await waiting;
          if (value === undefined) continue;
          cache.set(key, revision, value);
          result.set(key, value);
        } else {
          const held = entries.get(key);
          if (held && held.revision === revision) result.set(key, held.value);
        }
      }
      return result;
    },
    get(key, revision) {
      const entry = entries.get(key);
      return entry && entry.revision === revision ? entry.value : undefined;
    },
    set(key, revision, value) {
      const entry = entries.get(key);
      // Two reads racing: the one that saw the later revision wins.
      if (entry && entry.revision > revision) return;
      entries.set(key, { revision, value });
      highest = Math.max(highest, revision);
    },
    values: () => [...entries.values()].map((e) => e.value),
    highestRevision: () => highest,
    clear() {
      entries.clear();
      highest = 0;
    },
  };
  return cache;
}

/** The cache of that name (one per kind of figure), created on first use. */
export function revisionCache<K, V>(name: string): RevisionCache<K, V> {
  let cache = registry.get(name);
  if (!cache) registry.set(name, (cache = createCache<unknown, unknown>()));
  return cache as RevisionCache<K, V>;
}

/** Forgets every cached figure (tests that rebuild the database in one process). */
export function clearRevisionCaches(): void {
  for (const cache of registry.values()) cache.clear();
}
