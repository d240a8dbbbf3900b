import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CANDIDATE_STATUSES,
  CandidateStatusSchema,
  CloseLoopSchema,
  closesLoops,
  loopClosureRefusal,
  loopRefusalForStatus,
  MANUAL_STATUSES,
  manualMoves,
  statusAfterDecisions,
  statusChangeRefusal,
  statusesOf,
  statusVersion,
  type CandidateStatus,
  type StatusFacts,
} from "~/domain/candidate-pipeline";
import { committeeStatus } from "~/domain/committee-list";

const statusArb = fc.constantFrom(...CANDIDATE_STATUSES);
const factsArb: fc.Arbitrary<StatusFacts> = fc.record({
  status: statusArb,
  erasedAt: fc.option(fc.constant(new Date("2026-01-01T00:00:00Z")), { nil: null }),
  becameBuilder: fc.boolean(),
});
const inPipeline = (status: CandidateStatus): StatusFacts => ({ status, erasedAt: null, becameBuilder: false });

describe("who may move a candidate where", () => {
  it("offers on the form exactly the moves the server allows", () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const offered = new Set<string>(manualMoves(facts));
        for (const to of CANDIDATE_STATUSES) expect(statusChangeRefusal(facts, to) === null).toBe(offered.has(to));
      }),
    );
  });

  it("never lets anyone set hired by hand, nor keep the same status", () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        expect(statusChangeRefusal(facts, "hired")).not.toBeNull();
        expect(statusChangeRefusal(facts, facts.status)).not.toBeNull();
      }),
    );
  });

  it("fixes the status of an erased or onboarded candidate", () => {
    fc.assert(
      fc.property(factsArb, statusArb, (facts, to) => {
        fc.pre(facts.erasedAt !== null || facts.becameBuilder);
        expect(manualMoves(facts)).toEqual([]);
        expect(statusChangeRefusal(facts, to)).toMatch(/erased|onboarded/);
      }),
    );
  });

  it("walks of allowed moves from active never reach hired, and active is always at most one move away", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), (choices) => {
        let status: CandidateStatus = "active";
        for (const choice of choices) {
          const moves = manualMoves(inPipeline(status));
          expect(moves.length).toBeGreaterThan(0);
          status = moves[choice % moves.length]!;
          expect(status).not.toBe("hired");
          // Rejected, withdrawn and on hold go straight back to active.
          if (status !== "active") expect(manualMoves(inPipeline(status))).toContain("active");
        }
      }),
    );
  });

  it("a hire that falls through can be withdrawn or rejected, but not reactivated by hand", () => {
    expect(manualMoves(inPipeline("hired"))).toEqual(["withdrawn", "rejected"]);
    expect(statusChangeRefusal(inPipeline("hired"), "active")).toBe("A hired candidate cannot be moved to active.");
  });

  it("closes loops exactly on rejecting and withdrawing", () => {
    expect(CANDIDATE_STATUSES.filter(closesLoops)).toEqual(["rejected", "withdrawn"]);
  });

  it("takes new loops (and reopened ones) only while active or on hold", () => {
    expect(CANDIDATE_STATUSES.filter((s) => loopRefusalForStatus(s) === null)).toEqual(["active", "on_hold"]);
  });
});

describe("the committee's decisions", () => {
  it("make a candidate hired while a hire is in force, and take it back when none is, unless they were onboarded", () => {
    fc.assert(
      fc.property(statusArb, fc.boolean(), fc.boolean(), (status, becameBuilder, hireInForce) => {
        const next = statusAfterDecisions({ status, becameBuilder }, hireInForce);
        if (becameBuilder) {
          expect(next).toBeNull();
          return;
        }
        const after = next ?? status;
        expect(after === "hired").toBe(hireInForce);
        if (!hireInForce && status !== "hired") expect(next).toBeNull();
        // Applying the rule again changes nothing.
        expect(statusAfterDecisions({ status: after, becameBuilder }, hireInForce)).toBeNull();
      }),
    );
  });
});

describe("the status form", () => {
  const base = { intent: "set-status", statusChangedAt: "" };

  it("needs a reason, not just spaces, to reject or withdraw", () => {
    fc.assert(
      fc.property(fc.constantFrom("rejected", "withdrawn"), fc.stringMatching(/^[ \t\n\r]*$/), (status, blank) => {
        const parsed = CandidateStatusSchema.safeParse({ ...base, status, reason: blank });
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["reason"]);
      }),
    );
  });

  it("keeps any reason up to 500 characters, trimmed, for every status a recruiter may choose", () => {
    fc.assert(
      fc.property(fc.constantFrom(...MANUAL_STATUSES), fc.string({ minLength: 1, maxLength: 490 }).filter((s) => s.trim() !== ""), (status, reason) => {
        const parsed = CandidateStatusSchema.parse({ ...base, status, reason: `  ${reason}  ` });
        expect(parsed.reason).toBe(reason.trim());
      }),
    );
    expect(CandidateStatusSchema.parse({ ...base, status: "on_hold" }).reason).toBe("");
  });

  it("refuses hired, unknown statuses, over-long reasons and a missing version", () => {
    for (const bad of [
      { ...base, status: "hired", reason: "Offer signed" },
      { ...base, status: "archived", reason: "x" },
      { ...base, status: "rejected", reason: "x".repeat(501) },
      { intent: "set-status", status: "on_hold", reason: "" },
      { ...base, intent: "close-loop", status: "on_hold" },
    ]) {
      expect(CandidateStatusSchema.safeParse(bad).success).toBe(false);
    }
  });

  it("names the status version as the instant of the last change, or empty when it never changed", () => {
    expect(statusVersion(null)).toBe("");
    expect(statusVersion(new Date("2026-03-04T05:06:07.089Z"))).toBe("2026-03-04T05:06:07.089Z");
    expect(statusVersion("2026-03-04T05:06:07.089Z")).toBe("2026-03-04T05:06:07.089Z");
  });
});

describe("closing a loop", () => {
  it("needs a reason, trimmed, of at most 500 characters", () => {
    expect(CloseLoopSchema.safeParse({ intent: "close-loop", reason: "  " }).success).toBe(false);
    expect(CloseLoopSchema.safeParse({ intent: "close-loop", reason: "r".repeat(501) }).success).toBe(false);
    expect(CloseLoopSchema.parse({ intent: "close-loop", reason: " Role filled internally " }).reason).toBe("Role filled internally");
  });

  it("closes only an open loop, and reopens only a closed one", () => {
    const closed = { closedAt: new Date() };
    const open = { closedAt: null };
    expect(loopClosureRefusal(open, "close-loop")).toBeNull();
    expect(loopClosureRefusal(closed, "close-loop")).not.toBeNull();
    expect(loopClosureRefusal(closed, "reopen-loop")).toBeNull();
    expect(loopClosureRefusal(open, "reopen-loop")).not.toBeNull();
  });

  it("takes a closed loop out of the committee's queue; a decided one stays decided", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (decided, complete) => {
        const status = committeeStatus({ decided, complete, closed: true });
        expect(status).not.toBe("in_review");
        expect(status).toBe(decided ? "decided" : "closed");
        expect(committeeStatus({ decided, complete, closed: false })).toBe(committeeStatus({ decided, complete }));
      }),
    );
  });
});

describe("the candidate list's status filter", () => {
  it("lists active and on hold by default, one status, or every status", () => {
    expect(statusesOf("current")).toEqual(["active", "on_hold"]);
    expect(statusesOf("rejected")).toEqual(["rejected"]);
    expect(statusesOf("all")).toBeNull();
  });
});
