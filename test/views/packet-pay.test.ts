import { describe, expect, it } from "vitest";
import { PACKET_STATUSES } from "~/domain/promotion/workflow";
import { packetDecision, packetPay, seesDecision, seesPayAnalysis } from "~/views/packet-pay";
import { accessOf, AUDIENCES, packetRecord, type Audience } from "./packet-fixtures";

const audiences = Object.keys(AUDIENCES) as Audience[];

describe("who sees pay on a packet", () => {
  it("shows the base, the bands and the analysis to the committee once submitted and to admins, never to the builder, the manager or a peer", () => {
    const table = Object.fromEntries(audiences.map((a) => [a, PACKET_STATUSES.filter((s) => accessOf(a, s).read && seesPayAnalysis(accessOf(a, s)))]));
    expect(table).toEqual({
      builder: [],
      manager: [],
      peer: [],
      committee: ["submitted", "in_review", "decided"],
      admin: ["draft", "submitted", "in_review", "decided"],
      "manager on the committee": ["submitted", "in_review", "decided"],
    });
  });

  it("shows the decision with its new base to everyone who reads the packet but the peers", () => {
    const readers = audiences.filter((a) => seesDecision(accessOf(a, "decided")));
    expect(readers).toEqual(["builder", "manager", "committee", "admin", "manager on the committee"]);
  });

  it("reads the live base on a draft and the base frozen at submission after", () => {
    expect(packetPay(packetRecord("draft"), accessOf("admin", "draft"))?.currentBase).toBe(190_123);
    for (const status of ["submitted", "in_review", "decided"] as const) {
      expect(packetPay(packetRecord(status), accessOf("committee", status))?.currentBase).toBe(188_777);
    }
  });

  it("gives the bands of both levels, the minimum raise and the analysis; no analysis without a base", () => {
    const pay = packetPay(packetRecord("submitted"), accessOf("committee", "submitted"))!;
    expect(pay).toMatchObject({ currency: "USD", currentBand: { min: expect.any(Number) }, targetBand: { min: expect.any(Number) }, minRaisePercent: expect.any(Number) });
    expect(pay.analysis?.suggestedBase).toBeGreaterThan(188_777);
    const noBase = packetRecord("submitted", { baseSalary: 190_123, baseAtSubmission: null, newBaseSalary: null });
    expect(packetPay(noBase, accessOf("committee", "submitted"))).toMatchObject({ currentBase: null, analysis: null });
  });

  it("gives nothing of pay to those who may not read it", () => {
    for (const a of ["builder", "manager", "peer"] as const) expect(packetPay(packetRecord("decided"), accessOf(a, "decided"))).toBeNull();
    expect(packetDecision(packetRecord("decided").decision, accessOf("peer", "decided"))).toBeNull();
  });

  it("sends the decision's moment as an ISO string", () => {
    expect(packetDecision(packetRecord("decided").decision, accessOf("builder", "decided"))).toMatchObject({ newBaseSalary: 212_345, decidedAt: "2025-03-13T09:30:00.000Z" });
    expect(packetDecision(null, accessOf("builder", "decided"))).toBeNull();
  });
});
