import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AUDIT_KINDS, chainEntry, firstBreak, GENESIS, walkChain, type AuditFacts, type ChainedEntry } from "~/domain/audit/chain";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const instant = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true });
const id = fc.string({ minLength: 1, maxLength: 12 });
const text = fc.option(fc.string({ maxLength: 40 }), { nil: null });
const facts: fc.Arbitrary<AuditFacts> = fc.record({
  at: instant,
  actorId: fc.option(id, { nil: null }),
  kind: fc.constantFrom(...AUDIT_KINDS),
  action: fc.constantFrom("candidate.create", "candidate.update", "scorecard.submit", "packet.read", "builder.read"),
  recordType: fc.constantFrom("candidate", "scorecard", "packet", "builder"),
  recordId: id,
  candidateId: fc.option(id, { nil: null }),
  subjectUserId: fc.option(id, { nil: null }),
  address: fc.option(fc.constantFrom("203.0.113.7", "198.51.100.2", "::1"), { nil: null }),
  reason: text,
  detail: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 }))).map((d) => JSON.stringify(d)), { nil: null }),
});

/** A chain of entries, appended one by one as the data layer does. */
function build(list: readonly AuditFacts[]): ChainedEntry[] {
  const chain: ChainedEntry[] = [];
  for (const f of list) chain.push({ ...chainEntry(sha256, chain.at(-1) ?? null, f), redactedAt: null });
  return chain;
}

const chains = fc.array(facts, { minLength: 1, maxLength: 12 }).map(build);
/** A chain and the index of one of its entries. */
const chainAndIndex = chains.chain((chain) => fc.tuple(fc.constant(chain), fc.nat({ max: chain.length - 1 })));

/** The facts the hash covers, each with a way to change it to something it was not. */
const FACT_CHANGES: Record<string, (e: ChainedEntry) => Partial<ChainedEntry>> = {
  at: (e) => ({ at: new Date(e.at.getTime() + 1) }),
  actorId: (e) => ({ actorId: e.actorId === null ? "someone" : null }),
  kind: (e) => ({ kind: e.kind === "read" ? "change" : "read" }),
  action: (e) => ({ action: `${e.action}x` }),
  recordType: (e) => ({ recordType: `${e.recordType}x` }),
  recordId: (e) => ({ recordId: `${e.recordId}x` }),
  candidateId: (e) => ({ candidateId: e.candidateId === null ? "cand" : null }),
  subjectUserId: (e) => ({ subjectUserId: e.subjectUserId === null ? "user" : `${e.subjectUserId}x` }),
  address: (e) => ({ address: e.address === "192.0.2.1" ? null : "192.0.2.1" }),
  personalHash: (e) => ({ personalHash: sha256(e.personalHash) }),
  prevHash: (e) => ({ prevHash: sha256(e.prevHash) }),
  hash: (e) => ({ hash: sha256(e.hash) }),
};

const erase = (e: ChainedEntry, at = new Date("2030-01-01T00:00:00Z")): ChainedEntry => ({ ...e, reason: null, detail: null, redactedAt: at });

describe("the audit hash chain", () => {
  it("a generated chain verifies, starting at 1 from the genesis hash", () => {
    fc.assert(
      fc.property(chains, (chain) => {
        expect(firstBreak(sha256, chain, null)).toBeNull();
        expect(chain[0]!.seq).toBe(1);
        expect(chain[0]!.prevHash).toBe(GENESIS);
      }),
    );
  });

  it("checked a page at a time (continuing from the previous page's last entry), it verifies too", () => {
    fc.assert(
      fc.property(chainAndIndex, ([chain, cut]) => {
        const before = chain.slice(0, cut);
        const previous = before.at(-1) ?? null;
        expect(firstBreak(sha256, before, null)).toBeNull();
        expect(firstBreak(sha256, chain.slice(cut), previous)).toBeNull();
      }),
    );
  });

  it("changing any single fact of an entry is reported at that entry's seq", () => {
    fc.assert(
      fc.property(chainAndIndex, fc.constantFrom(...Object.keys(FACT_CHANGES)), ([chain, i], fact) => {
        const tampered = chain.map((e, k) => (k === i ? { ...e, ...FACT_CHANGES[fact]!(e) } : e));
        expect(firstBreak(sha256, tampered, null)).toMatchObject({ seq: i + 1 });
      }),
    );
  });

  it("changing an entry's seq is reported there (an entry is missing before it)", () => {
    fc.assert(
      fc.property(chainAndIndex, fc.integer({ min: 1, max: 5 }), ([chain, i], shift) => {
        const tampered = chain.map((e, k) => (k === i ? { ...e, seq: e.seq + shift } : e));
        expect(firstBreak(sha256, tampered, null)).toEqual({ seq: i + 1 + shift, problem: expect.stringContaining(`entry ${i + 1} is missing`) });
      }),
    );
  });

  it("an attacker who rehashes the changed entry still breaks the link to the next one", () => {
    fc.assert(
      fc.property(
        chainAndIndex.filter(([chain, i]) => i < chain.length - 1),
        ([chain, i]) => {
          const e = chain[i]!;
          const rewritten = chainEntry(sha256, chain[i - 1] ?? null, { ...e, action: `${e.action}.forged` });
          const tampered = chain.map((x, k) => (k === i ? { ...rewritten, redactedAt: null } : x));
          expect(firstBreak(sha256, tampered, null)).toMatchObject({ seq: i + 2, problem: expect.stringContaining("prevHash") });
        },
      ),
    );
  });

  it("changing the reason or detail of an entry that is not erased is reported at its seq", () => {
    fc.assert(
      fc.property(chainAndIndex, fc.constantFrom("reason", "detail"), fc.string({ maxLength: 20 }), ([chain, i], field, value) => {
        const e = chain[i]!;
        const next = e[field] === value ? `${value}!` : value;
        const tampered = chain.map((x, k) => (k === i ? { ...x, [field]: next } : x));
        expect(firstBreak(sha256, tampered, null)).toEqual({ seq: i + 1, problem: expect.stringContaining("reason or detail") });
      }),
    );
    // Clearing the text without saying it was erased is a change too.
    const [only] = build([{ at: new Date("2026-01-01T00:00:00Z"), actorId: "u", kind: "change", action: "candidate.update", recordType: "candidate", recordId: "c", candidateId: "c", subjectUserId: null, address: null, reason: "typo", detail: '{"fields":["name"]}' }]);
    expect(firstBreak(sha256, [{ ...only!, reason: null, detail: null }], null)).toMatchObject({ seq: 1 });
  });

  it("removing an entry is reported at the entry after it; removing the first at entry 2", () => {
    fc.assert(
      fc.property(
        chainAndIndex.filter(([chain, i]) => i < chain.length - 1),
        ([chain, i]) => {
          const tampered = chain.filter((_, k) => k !== i);
          expect(firstBreak(sha256, tampered, null)).toEqual({ seq: i + 2, problem: `entry ${i + 1} is missing (the next one is ${i + 2})` });
        },
      ),
    );
  });

  it("removing the newest entries leaves a valid shorter chain (why the head is printed)", () => {
    fc.assert(
      fc.property(chainAndIndex, ([chain, i]) => {
        expect(firstBreak(sha256, chain.slice(0, i), null)).toBeNull();
      }),
    );
  });

  it("swapping two entries is reported at the earlier position, renumbered or not", () => {
    const pairs = chains
      .filter((c) => c.length >= 2)
      .chain((chain) => fc.tuple(fc.constant(chain), fc.uniqueArray(fc.nat({ max: chain.length - 1 }), { minLength: 2, maxLength: 2 })));
    fc.assert(
      fc.property(pairs, ([chain, [a, b]]) => {
        const [i, j] = [Math.min(a!, b!), Math.max(a!, b!)];
        const swapped = [...chain];
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        // As stored: the entry found at position i carries seq j + 1 where i + 1 was due.
        expect(firstBreak(sha256, swapped, null)).toMatchObject({ seq: j + 1 });
        // Renumbered to hide it: the entry now numbered i + 1 does not follow from the one before.
        const renumbered = swapped.map((e, k) => ({ ...e, seq: k + 1 }));
        expect(firstBreak(sha256, renumbered, null)).toMatchObject({ seq: i + 1 });
      }),
    );
  });

  it("erasing entries (clearing reason and detail, stamping redactedAt) keeps the chain valid", () => {
    fc.assert(
      fc.property(chains.chain((chain) => fc.tuple(fc.constant(chain), fc.array(fc.boolean(), { minLength: chain.length, maxLength: chain.length }))), ([chain, which]) => {
        const erased = chain.map((e, k) => (which[k] ? erase(e) : e));
        expect(firstBreak(sha256, erased, null)).toBeNull();
      }),
    );
  });

  it("an entry marked erased that still holds text is reported at its seq", () => {
    fc.assert(
      fc.property(chainAndIndex, fc.constantFrom("reason", "detail"), fc.string({ maxLength: 20 }), ([chain, i], field, value) => {
        const tampered = chain.map((e, k) => (k === i ? { ...erase(e), [field]: value } : erase(e)));
        expect(firstBreak(sha256, tampered, null)).toEqual({ seq: i + 1, problem: "is marked as erased but still holds text" });
      }),
    );
  });

  it("an erased entry's facts are still covered", () => {
    fc.assert(
      fc.property(chainAndIndex, fc.constantFrom(...Object.keys(FACT_CHANGES)), ([chain, i], fact) => {
        const erased = chain.map((e) => erase(e));
        const tampered = erased.map((e, k) => (k === i ? { ...e, ...FACT_CHANGES[fact]!(e) } : e));
        expect(firstBreak(sha256, tampered, null)).toMatchObject({ seq: i + 1 });
      }),
    );
  });
});

describe("walkChain: a whole trail, a page at a time", () => {
  const pagesOf = (chain: readonly ChainedEntry[]) => (after: number, limit: number) => chain.filter((e) => e.seq > after).slice(0, limit);

  it("verifies every entry whatever the page size, and names the head", async () => {
    await fc.assert(
      fc.asyncProperty(chains, fc.integer({ min: 1, max: 5 }), async (chain, pageSize) => {
        const last = chain.at(-1)!;
        expect(await walkChain(sha256, pagesOf(chain), pageSize)).toEqual({ entries: chain.length, head: { seq: last.seq, hash: last.hash }, broken: null });
      }),
    );
  });

  it("stops at the first tampered entry, counting those before it, on any page", async () => {
    await fc.assert(
      fc.asyncProperty(chainAndIndex, fc.integer({ min: 1, max: 5 }), async ([chain, i], pageSize) => {
        const tampered = chain.map((e, k) => (k === i ? { ...e, action: `${e.action}!` } : e));
        const result = await walkChain(sha256, pagesOf(tampered), pageSize);
        expect(result.broken).toMatchObject({ seq: i + 1 });
        expect(result.entries).toBe(i);
        expect(result.head).toEqual(i === 0 ? null : { seq: chain[i - 1]!.seq, hash: chain[i - 1]!.hash });
      }),
    );
  });
});
