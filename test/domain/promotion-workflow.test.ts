import { describe, expect, it } from "vitest";
import { LEVELS } from "~/domain/levels";
import {
  canDecidePacket,
  canEditPacket,
  canStartReview,
  canSubmitPacket,
  canTransition,
  checkDecision,
  isPacketTarget,
  nextLevelFor,
  nextStatus,
  PACKET_STATUSES,
  OPEN_PACKET_STATUSES,
  isPacketOpen,
} from "~/domain/promotion/workflow";

const criteria = [
  { id: "expanding_scope", name: "Expanding scope of ownership" },
  { id: "mentoring", name: "Mentoring other builders" },
];

describe("packet workflow", () => {
  it("moves one step forward only: draft → submitted → in_review → decided", () => {
    const allowed = PACKET_STATUSES.flatMap((from) => PACKET_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(["draft→submitted", "submitted→in_review", "in_review→decided"]);
    expect(nextStatus("decided")).toBeNull();
    expect(canTransition("submitted", "draft")).toBe(false);
    expect(canTransition("draft", "decided")).toBe(false);
  });

  it("edits drafts only, and submits, reviews and decides in order", () => {
    expect(PACKET_STATUSES.filter(canEditPacket)).toEqual(["draft"]);
    expect(PACKET_STATUSES.filter(canSubmitPacket)).toEqual(["draft"]);
    expect(PACKET_STATUSES.filter(canStartReview)).toEqual(["submitted"]);
    expect(PACKET_STATUSES.filter(canDecidePacket)).toEqual(["in_review"]);
  });

  it("targets the next level, and nothing beyond L7", () => {
    expect(LEVELS.map(nextLevelFor)).toEqual(["L5", "L6", "L7", null]);
    expect(isPacketTarget("L5", "L6")).toBe(true);
    expect(isPacketTarget("L5", "L7")).toBe(false);
    expect(isPacketTarget("L6", "L6")).toBe(false);
    expect(LEVELS.some((l) => isPacketTarget("L7", l))).toBe(false);
  });
});

describe("checkDecision", () => {
  it("accepts a promotion with or without feedback", () => {
    expect(checkDecision({ outcome: "promoted", feedback: {} }, criteria)).toEqual({ ok: true, errors: {} });
    expect(checkDecision({ outcome: "promoted", feedback: { mentoring: "Great mentor." } }, criteria).ok).toBe(true);
  });

  it("requires non-blank feedback on every criterion for not yet", () => {
    const result = checkDecision({ outcome: "not_yet", feedback: { expanding_scope: "Lead a multi-team project.", mentoring: "   " } }, criteria);
    expect(result.ok).toBe(false);
    expect(Object.keys(result.errors)).toEqual(["mentoring"]);
    expect(result.errors.mentoring).toMatch(/Mentoring other builders/);
    expect(
      checkDecision({ outcome: "not_yet", feedback: { expanding_scope: "Lead a multi-team project.", mentoring: "Mentor two builders." } }, criteria),
    ).toEqual({ ok: true, errors: {} });
  });

  it("rejects feedback on an unknown criterion and an unknown outcome", () => {
    expect(checkDecision({ outcome: "promoted", feedback: { bogus: "x" } }, criteria).errors).toHaveProperty("bogus");
    expect(checkDecision({ outcome: "maybe" as never, feedback: {} }, criteria).errors).toHaveProperty("outcome");
  });
});

describe("open packets", () => {
  it("are every status but decided: a builder has at most one of them", () => {
    expect(OPEN_PACKET_STATUSES).toEqual(["draft", "submitted", "in_review"]);
    expect(PACKET_STATUSES.filter(isPacketOpen)).toEqual([...OPEN_PACKET_STATUSES]);
    expect(isPacketOpen("decided")).toBe(false);
  });
});
