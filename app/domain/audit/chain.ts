/**
 * The audit trail's hash chain, as pure functions (the hash function comes in as an argument).
 *
 * An entry's hash covers, in a fixed text form, its facts (position, time, actor, action, record,
 * whose data, address), the digest of its free text (reason and detail: `personalHash`) and the
 * hash of the entry before it. Editing any fact, inserting or removing an entry, or reordering
 * breaks the chain from that point on. Erasure may clear an entry's free text; the chain still
 * holds because it covers the digest, and a cleared entry must say so (`redactedAt`) and hold no
 * text at all. Removing the newest entries leaves a valid shorter chain: the verification prints
 * the head (count and hash) so an operator can note it somewhere else and compare later.
 */

export type Hash = (text: string) => string;

export const AUDIT_KINDS = ["read", "change"] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** The hash the first entry chains to. */
export const GENESIS = "0".repeat(64);

/** What an entry says, before it has a place in the chain. */
export type AuditFacts = {
  at: Date;
  actorId: string | null;
  kind: AuditKind;
  action: string;
  recordType: string;
  recordId: string;
  candidateId: string | null;
  subjectUserId: string | null;
  address: string | null;
  reason: string | null;
  /** JSON text of non-personal facts. */
  detail: string | null;
};

export type ChainedEntry = AuditFacts & {
  seq: number;
  personalHash: string;
  prevHash: string;
  hash: string;
  redactedAt: Date | null;
};

/** The free text's digest; a field separator no text can forge (JSON of the pair). */
export function personalDigest(hash: Hash, reason: string | null, detail: string | null): string {
  return hash(JSON.stringify(["audit-text/1", reason, detail]));
}

/** The text an entry's hash is taken of. */
export function chainText(entry: Omit<ChainedEntry, "hash" | "redactedAt" | "reason" | "detail">): string {
  return JSON.stringify([
    "audit/1",
    entry.seq,
    entry.at.toISOString(),
    entry.actorId,
    entry.kind,
    entry.action,
    entry.recordType,
    entry.recordId,
    entry.candidateId,
    entry.subjectUserId,
    entry.address,
    entry.personalHash,
    entry.prevHash,
  ]);
}

/** The next entry of a chain whose newest entry is `head` (null for an empty chain). */
export function chainEntry(hash: Hash, head: { seq: number; hash: string } | null, facts: AuditFacts): Omit<ChainedEntry, "redactedAt"> {
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS;
  const personalHash = personalDigest(hash, facts.reason, facts.detail);
  const withoutHash = { ...facts, seq, prevHash, personalHash };
  return { ...withoutHash, hash: hash(chainText(withoutHash)) };
}

export type ChainBreak = { seq: number; problem: string };

/**
 * Checks entries given in order, continuing from `previous` (the entry before the first, or null
 * from the start). Returns the first broken link, or null. Callers stream the trail in pages.
 */
export function firstBreak(hash: Hash, entries: readonly ChainedEntry[], previous: { seq: number; hash: string } | null): ChainBreak | null {
  let prev = previous;
  for (const entry of entries) {
    const expectedSeq = (prev?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq) return { seq: entry.seq, problem: `entry ${expectedSeq} is missing (the next one is ${entry.seq})` };
    if (entry.prevHash !== (prev?.hash ?? GENESIS)) return { seq: entry.seq, problem: "does not follow from the entry before it (prevHash differs)" };
    if (entry.redactedAt) {
      if (entry.reason !== null || entry.detail !== null) return { seq: entry.seq, problem: "is marked as erased but still holds text" };
    } else if (personalDigest(hash, entry.reason, entry.detail) !== entry.personalHash) {
      return { seq: entry.seq, problem: "its reason or detail was changed (personalHash differs)" };
    }
    if (hash(chainText(entry)) !== entry.hash) return { seq: entry.seq, problem: "its facts were changed (hash differs)" };
    prev = entry;
  }
  return null;
}

export type ChainHead = { seq: number; hash: string };
export type ChainVerification = { entries: number; head: ChainHead | null; broken: ChainBreak | null };

/**
 * Walks a whole trail in order, a page at a time (`readPage(after, limit)`: the entries with seq
 * above `after`, ascending), and reports the first broken link, how many entries before it verify
 * and the last good head. Where the entries come from (the app's database, a copy's target) is
 * the caller's.
 */
export async function walkChain(
  hash: Hash,
  readPage: (after: number, limit: number) => Promise<readonly ChainedEntry[]> | readonly ChainedEntry[],
  pageSize = 2000,
): Promise<ChainVerification> {
  let previous: ChainHead | null = null;
  let entries = 0;
  let after = 0;
  for (;;) {
    const page = await readPage(after, pageSize);
    if (page.length === 0) return { entries, head: previous, broken: null };
    // The first page must start at entry 1: a removed first entry is a break too.
    const broken = firstBreak(hash, page, previous);
    if (broken) {
      // The entries of this page before the broken one verified too: count them.
      const good = page.findIndex((e, i) => firstBreak(hash, [e], i === 0 ? previous : page[i - 1]!) !== null);
      const last = good > 0 ? page[good - 1]! : null;
      return { entries: entries + good, head: last ? { seq: last.seq, hash: last.hash } : previous, broken };
    }
    entries += page.length;
    const last = page[page.length - 1]!;
    previous = { seq: last.seq, hash: last.hash };
    after = last.seq;
  }
}
