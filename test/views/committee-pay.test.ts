import { describe, expect, it } from "vitest";
import type { CommitteeAudience } from "~/domain/committee";
import { aggregateWithoutPay, decisionWithoutPay, seesEvidence, seesPay } from "~/views/committee-pay";

const AUDIENCES: CommitteeAudience[] = ["committee", "panel", "recruiter"];

describe("who sees pay on the committee page", () => {
  it("shows the evidence to the panel and the committee, pay to the committee alone", () => {
    expect(AUDIENCES.filter(seesEvidence)).toEqual(["committee", "panel"]);
    expect(AUDIENCES.filter(seesPay)).toEqual(["committee"]);
  });

  it("never shows pay to an audience that does not see the evidence", () => {
    for (const audience of AUDIENCES) if (seesPay(audience)) expect(seesEvidence(audience)).toBe(true);
  });

  it("takes a decision's salary, currency and band justification out, and keeps the rest", () => {
    const decision = { id: "d1", outcome: "hire", level: "L5", rationale: "Strong builder.", baseSalary: 185_000, currency: "USD", bandJustification: "Above mid: ships." };
    expect(decisionWithoutPay(decision)).toEqual({ id: "d1", outcome: "hire", level: "L5", rationale: "Strong builder." });
    expect(decision.baseSalary).toBe(185_000); // the record itself is left as it was
  });

  it("takes the band placement out of an aggregate", () => {
    const aggregate = { recommendation: { value: "hire" }, band: { suggestedBase: 190_000 } };
    expect(aggregateWithoutPay(aggregate)).toEqual({ recommendation: { value: "hire" } });
    expect("band" in aggregateWithoutPay({ band: null })).toBe(false);
  });
});
