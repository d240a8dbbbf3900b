import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCalendarMonths,
  candidatesDueForErasure,
  DEFAULT_RETENTION_POLICY,
  retentionStanding,
  type RetentionFacts,
  type RetentionPolicy,
} from "~/domain/retention";

const policy = DEFAULT_RETENTION_POLICY;
const at = (iso: string) => new Date(iso);

function candidate(overrides: Partial<RetentionFacts> & { candidateId?: string } = {}): RetentionFacts {
  return { candidateId: "c1", erasedAt: null, becameBuilder: false, loops: [], activity: [at("2024-01-10T09:00:00Z")], ...overrides };
}

const decided = (outcome: "hire" | "no_hire", decidedAt: string, id = `d-${decidedAt}`, correctsId: string | null = null) => ({ id, outcome, decidedAt: at(decidedAt), correctsId });

describe("calendar months", () => {
  it("adds months on calendar days, clamping to the month's last day", () => {
    expect(addCalendarMonths("2025-10-01", 12)).toBe("2026-10-01");
    expect(addCalendarMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addCalendarMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addCalendarMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addCalendarMonths("2025-03-31", 1)).toBe("2025-04-30");
    expect(addCalendarMonths("2025-12-15", 1)).toBe("2026-01-15");
  });
});

describe("each outcome's period", () => {
  it("not hired: months after the decision in force, said in words", () => {
    const s = retentionStanding(candidate({ loops: [{ id: "l1", createdAt: at("2025-09-01T00:00:00Z"), decisions: [decided("no_hire", "2025-10-01T15:00:00Z")] }] }), policy);
    expect(s).toMatchObject({ outcome: "not_hired", dueOn: "2026-10-01", months: 12, reason: "not hired: decided 2025-10-01, kept 12 months" });
    expect(s.cutoff?.toISOString()).toBe("2026-10-01T00:00:00.000Z");
  });

  it("hired but never joined: its own period after the decision", () => {
    const s = retentionStanding(candidate({ loops: [{ id: "l1", createdAt: at("2025-09-01T00:00:00Z"), decisions: [decided("hire", "2025-10-01T15:00:00Z")] }] }), policy);
    expect(s).toMatchObject({ outcome: "hired_not_joined", dueOn: "2027-10-01", reason: "hired but never joined: decided 2025-10-01, kept 24 months" });
  });

  it("no decision: months after the last activity of any kind", () => {
    const facts = candidate({
      loops: [{ id: "l1", createdAt: at("2025-02-01T00:00:00Z"), decisions: [] }],
      activity: [at("2025-01-05T00:00:00Z"), at("2025-03-20T10:00:00Z"), at("2025-02-01T00:00:00Z")],
    });
    expect(retentionStanding(facts, policy)).toMatchObject({ outcome: "no_decision", dueOn: "2026-03-20", reason: "no decision: last activity 2025-03-20, kept 12 months" });
    // No loop at all: the candidate's own dates.
    expect(retentionStanding(candidate(), { ...policy, noDecisionMonths: 1 })).toMatchObject({ outcome: "no_decision", dueOn: "2024-02-10", reason: "no decision: last activity 2024-01-10, kept 1 month" });
  });

  it("a builder and an erased candidate are never due", () => {
    const hired = [{ id: "l1", createdAt: at("2020-01-01T00:00:00Z"), decisions: [decided("hire", "2020-02-01T00:00:00Z")] }];
    expect(retentionStanding(candidate({ becameBuilder: true, loops: hired }), policy)).toMatchObject({ outcome: "builder", cutoff: null });
    expect(retentionStanding(candidate({ erasedAt: at("2021-01-01T00:00:00Z") }), policy)).toMatchObject({ outcome: "erased", cutoff: null });
    expect(candidatesDueForErasure([candidate({ candidateId: "b", becameBuilder: true, loops: hired }), candidate({ candidateId: "e", erasedAt: at("2021-01-01T00:00:00Z") })], policy, at("2100-01-01T00:00:00Z"))).toEqual([]);
  });

  it("a correction: the decision in force is the one nothing corrects, dated when it was made", () => {
    const loop = {
      id: "l1",
      createdAt: at("2025-01-01T00:00:00Z"),
      // Hired on 1 Feb, corrected to no hire on 1 Mar.
      decisions: [decided("hire", "2025-02-01T00:00:00Z", "d1"), decided("no_hire", "2025-03-01T00:00:00Z", "d2", "d1")],
    };
    expect(retentionStanding(candidate({ loops: [loop] }), policy)).toMatchObject({ outcome: "not_hired", dueOn: "2026-03-01" });
  });

  it("several loops: the latest loop decides, so a new application with no decision is not cut short by an old no-hire", () => {
    const loops = [
      { id: "old", createdAt: at("2023-01-01T00:00:00Z"), decisions: [decided("no_hire", "2023-02-01T00:00:00Z")] },
      { id: "new", createdAt: at("2025-05-01T00:00:00Z"), decisions: [] },
    ];
    const s = retentionStanding(candidate({ loops, activity: [at("2023-01-01T00:00:00Z"), at("2025-05-01T00:00:00Z")] }), policy);
    expect(s).toMatchObject({ outcome: "no_decision", dueOn: "2026-05-01" });
  });
});

describe("when a candidate falls due", () => {
  const facts = candidate({ loops: [{ id: "l1", createdAt: at("2025-09-01T00:00:00Z"), decisions: [decided("no_hire", "2025-10-01T15:00:00Z")] }] });
  it("from the cutoff instant (UTC midnight of the due day) on, not a millisecond before", () => {
    expect(candidatesDueForErasure([facts], policy, at("2026-09-30T23:59:59.999Z"))).toEqual([]);
    expect(candidatesDueForErasure([facts], policy, at("2026-10-01T00:00:00.000Z")).map((d) => d.candidateId)).toEqual(["c1"]);
    // One day short, one day past.
    expect(candidatesDueForErasure([facts], policy, at("2026-09-30T15:00:00Z"))).toEqual([]);
    expect(candidatesDueForErasure([facts], policy, at("2026-10-02T15:00:00Z"))).toHaveLength(1);
  });

  it("across a daylight-saving change nothing moves: the cutoff is a UTC instant", () => {
    // Decided just after the clocks went back in Berlin; a month later is a UTC midnight all the same.
    const s = retentionStanding(candidate({ loops: [{ id: "l", createdAt: at("2025-10-01T00:00:00Z"), decisions: [decided("no_hire", "2025-10-26T01:30:00Z")] }] }), { ...policy, notHiredMonths: 5 });
    expect(s.cutoff?.toISOString()).toBe("2026-03-26T00:00:00.000Z");
  });
});

// ---- Properties -------------------------------------------------------------------------------

const instant = fc.date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2035-01-01T00:00:00Z"), noInvalidDate: true });
const months = fc.integer({ min: 1, max: 120 });
const policyArb = fc.record({ notHiredMonths: months, hiredNotJoinedMonths: months, noDecisionMonths: months });

const decisionsArb = fc
  .array(fc.tuple(fc.constantFrom("hire", "no_hire"), instant), { maxLength: 3 })
  // A correction chain, as the app writes it: each entry corrects the one before.
  .map((entries) => entries.map(([outcome, when], i) => ({ id: `d${i}`, outcome, decidedAt: when, correctsId: i === 0 ? null : `d${i - 1}` })));

const factsArb: fc.Arbitrary<RetentionFacts[]> = fc
  .array(
    fc.record({
      erased: fc.option(instant, { freq: 6 }),
      becameBuilder: fc.boolean(),
      loops: fc.array(fc.record({ createdAt: instant, decisions: decisionsArb }), { maxLength: 3 }),
      activity: fc.array(instant, { minLength: 1, maxLength: 5 }),
    }),
    { maxLength: 12 },
  )
  .map((list) =>
    list.map((c, i) => ({
      candidateId: `c${i}`,
      erasedAt: c.erased,
      becameBuilder: c.becameBuilder,
      loops: c.loops.map((l, j) => ({ id: `c${i}l${j}`, createdAt: l.createdAt, decisions: l.decisions.map((d) => ({ ...d, id: `c${i}l${j}${d.id}`, correctsId: d.correctsId ? `c${i}l${j}${d.correctsId}` : null })) })),
      activity: c.activity,
    })),
  );

const ids = (facts: RetentionFacts[], p: RetentionPolicy, now: Date) => new Set(candidatesDueForErasure(facts, p, now).map((d) => d.candidateId));

describe("properties", () => {
  it("monotonic in time: a candidate due at t is due at any later t", () => {
    fc.assert(
      fc.property(factsArb, policyArb, instant, fc.integer({ min: 0, max: 4000 * 86_400_000 }), (facts, p, now, later) => {
        const before = ids(facts, p, now);
        const after = ids(facts, p, new Date(now.getTime() + later));
        for (const id of before) expect(after.has(id)).toBe(true);
      }),
    );
  });

  it("a longer period never makes more candidates due", () => {
    fc.assert(
      fc.property(factsArb, policyArb, fc.record({ a: fc.nat(24), b: fc.nat(24), c: fc.nat(24) }), instant, (facts, p, extra, now) => {
        const longer = { notHiredMonths: p.notHiredMonths + extra.a, hiredNotJoinedMonths: p.hiredNotJoinedMonths + extra.b, noDecisionMonths: p.noDecisionMonths + extra.c };
        const dueLonger = ids(facts, longer, now);
        const dueShorter = ids(facts, p, now);
        for (const id of dueLonger) expect(dueShorter.has(id)).toBe(true);
      }),
    );
  });

  it("never lists a builder or an erased candidate, and always says why", () => {
    fc.assert(
      fc.property(factsArb, policyArb, instant, (facts, p, now) => {
        for (const due of candidatesDueForErasure(facts, p, now)) {
          const f = facts.find((c) => c.candidateId === due.candidateId)!;
          expect(f.becameBuilder).toBe(false);
          expect(f.erasedAt).toBeNull();
          expect(due.reason).toMatch(/^(not hired: decided|hired but never joined: decided|no decision: last activity) \d{4}-\d{2}-\d{2}, kept \d+ months?$/);
          expect(now.getTime()).toBeGreaterThanOrEqual(due.cutoff.getTime());
        }
      }),
    );
  });

  it("is kept at least its period: the cutoff is never earlier than the months after the day it counts from", () => {
    fc.assert(
      fc.property(factsArb, policyArb, (facts, p) => {
        for (const f of facts) {
          const s = retentionStanding(f, p);
          if (!s.since || !s.months) continue;
          // The clamped day is within the target month: at least (months) calendar months minus the clamp.
          const from = s.since;
          const monthsApart = (s.cutoff!.getUTCFullYear() - from.getUTCFullYear()) * 12 + (s.cutoff!.getUTCMonth() - from.getUTCMonth());
          expect(monthsApart).toBe(s.months);
          expect(s.cutoff!.getUTCDate()).toBeLessThanOrEqual(from.getUTCDate());
        }
      }),
    );
  });

  it("does not depend on the order of facts or of loops", () => {
    fc.assert(
      fc.property(factsArb, policyArb, instant, (facts, p, now) => {
        const reversed = [...facts].reverse().map((f) => ({ ...f, loops: [...f.loops].reverse() }));
        expect(candidatesDueForErasure(reversed, p, now)).toEqual(candidatesDueForErasure(facts, p, now));
      }),
    );
  });
});
