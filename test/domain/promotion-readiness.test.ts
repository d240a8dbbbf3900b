import { describe, expect, it } from "vitest";
import { coverageHeadline, peerInvitationRefusal, submissionReadiness } from "~/domain/promotion/readiness";
import { countOf } from "~/domain/wording";

const tally = (partial: number, missing: number, met = 3) => ({ met, partial, missing, ready: partial + missing === 0 });

describe("counts in words", () => {
  it("pluralise by the count", () => {
    expect([0, 1, 2].map((n) => countOf(n, "gap"))).toEqual(["0 gaps", "1 gap", "2 gaps"]);
    expect(countOf(1, "criterion", "criteria")).toBe("1 criterion");
    expect(countOf(4, "criterion", "criteria")).toBe("4 criteria");
  });
});

describe("the coverage headline", () => {
  it("says “1 gap”, never “1 gaps”, and “Ready” only without gaps", () => {
    expect(coverageHeadline(tally(1, 0), "L6")).toBe("1 gap");
    expect(coverageHeadline(tally(0, 1), "L6")).toBe("1 gap");
    expect(coverageHeadline(tally(2, 3), "L6")).toBe("5 gaps");
    expect(coverageHeadline(tally(0, 0), "L6")).toBe("Ready: the evidence meets every requirement of L6.");
  });
});

describe("the submit panel's readiness", () => {
  it("never says everything is here beside coverage gaps", () => {
    const withGaps = submissionReadiness([], tally(2, 3), "L6");
    expect(withGaps).toBe("Ready to submit, with 5 coverage gaps: the committee reads the packet with its gaps and may decide “not yet”.");
    expect(withGaps).not.toMatch(/Everything/);
    expect(submissionReadiness([], tally(1, 0), "L6")).toMatch(/^Ready to submit, with 1 coverage gap:/);
    expect(submissionReadiness([], tally(0, 0), "L6")).toBe("Everything the committee needs is here: the evidence meets every requirement of L6.");
  });

  it("leaves the word to the problems while something blocks the submission", () => {
    expect(submissionReadiness(["Write the packet's summary."], tally(0, 0), "L6")).toBeNull();
  });
});

describe("inviting peers", () => {
  it("is refused with a reason until the packet has evidence", () => {
    expect(peerInvitationRefusal(0)).toMatch(/^Add evidence before inviting peers/);
    expect(peerInvitationRefusal(1)).toBeNull();
  });
});
