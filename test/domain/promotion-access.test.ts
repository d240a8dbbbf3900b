import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packetAccess, type PacketAccess } from "~/domain/promotion/access";
import { PACKET_STATUSES, type PacketStatus } from "~/domain/promotion/workflow";
import { ROLES, type Role } from "~/domain/roles";

const packet = (status: PacketStatus, peerIds: string[] = []) => ({ builderId: "bea", managerId: "marcus", status, peerIds });
const granted = (a: PacketAccess) => (Object.keys(a) as Array<keyof PacketAccess>).filter((k) => a[k]).sort();

describe("packet access", () => {
  it("lets the builder edit their own draft and read their assessments and decision, but never assess, submit or decide", () => {
    expect(granted(packetAccess({ id: "bea", roles: ["builder"] }, packet("draft")))).toEqual(["editDraft", "read", "readAllStatements", "readAssessments", "readDecision"]);
    expect(granted(packetAccess({ id: "bea", roles: ["builder"] }, packet("submitted")))).toEqual(["read", "readAllStatements", "readAssessments", "readDecision"]);
  });

  it("lets the manager edit, invite, assess and submit the draft of a report", () => {
    expect(granted(packetAccess({ id: "marcus", roles: ["manager"] }, packet("draft")))).toEqual(
      ["assess", "editDraft", "invitePeers", "read", "readAllStatements", "readAssessments", "readDecision", "submit"],
    );
    // The manager relation needs the manager role: a builder who happens to be named manager gets nothing.
    expect(packetAccess({ id: "marcus", roles: ["builder"] }, packet("draft")).read).toBe(false);
  });

  it("shows the committee submitted packets only, lets it start the review when submitted and decide when in review", () => {
    const priya = { id: "priya", roles: ["promotion_committee"] as Role[] };
    expect(packetAccess(priya, packet("draft")).read).toBe(false);
    expect(granted(packetAccess(priya, packet("submitted")))).toEqual(["read", "readAllStatements", "readAssessments", "readDecision", "readPay", "startReview"]);
    expect(packetAccess(priya, packet("in_review")).decide).toBe(true);
    expect(packetAccess(priya, packet("decided")).decide).toBe(false);
  });

  it("gives an invited peer the evidence and their own statements while it is a draft", () => {
    expect(granted(packetAccess({ id: "grace", roles: ["builder"] }, packet("draft", ["grace"])))).toEqual(["read", "writeStatement"]);
    expect(granted(packetAccess({ id: "grace", roles: ["builder"] }, packet("submitted", ["grace"])))).toEqual(["read"]);
  });

  it("holds its invariants for every combination of roles, relation and status", () => {
    const viewer = fc.record({
      id: fc.constantFrom("bea", "marcus", "grace", "priya", "someone"),
      roles: fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: ROLES.length }),
    });
    const parties = fc.record({ status: fc.constantFrom(...PACKET_STATUSES), peers: fc.subarray(["grace", "someone"]) });
    fc.assert(
      fc.property(viewer, parties, (v, p) => {
        const a = packetAccess(v, packet(p.status, p.peers));
        // Nothing is possible without reading.
        if (!a.read) expect(granted(a)).toEqual([]);
        // Nobody edits, assesses, invites or writes statements once submitted.
        if (p.status !== "draft") expect([a.editDraft, a.assess, a.invitePeers, a.writeStatement, a.submit]).toEqual([false, false, false, false, false]);
        // Only the promotion committee decides or starts a review; only on the right status.
        if (a.decide) expect(v.roles.includes("promotion_committee") && p.status === "in_review").toBe(true);
        if (a.startReview) expect(v.roles.includes("promotion_committee") && p.status === "submitted").toBe(true);
        // Pay analysis: committee or admin only.
        if (a.readPay) expect(v.roles.includes("promotion_committee") || v.roles.includes("admin")).toBe(true);
        // A viewer with no relation to the packet and neither committee nor admin reads nothing.
        const related = v.id === "bea" || v.id === "marcus" || p.peers.includes(v.id);
        if (!related && !v.roles.includes("promotion_committee") && !v.roles.includes("admin")) expect(a.read).toBe(false);
        // Drafts stay private to builder, manager, peers and admins.
        if (p.status === "draft" && a.read) expect(related || v.roles.includes("admin")).toBe(true);
      }),
    );
  });
});
