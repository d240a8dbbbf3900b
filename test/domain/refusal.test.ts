import { describe, expect, it } from "vitest";
import { conflict, forbidden, invalid, invalidField, isInvalid, isRefusal, locked, notFound, refuse, RefusalError, REFUSAL_KINDS, stale } from "~/domain/refusal";

describe("a refusal", () => {
  it("is built by one constructor per kind, with its message", () => {
    expect(notFound("No such packet.")).toEqual({ ok: false, reason: "not_found", message: "No such packet." });
    expect(forbidden("Not yours.")).toEqual({ ok: false, reason: "forbidden", message: "Not yours." });
    expect(locked("Submitted.")).toEqual({ ok: false, reason: "locked", message: "Submitted." });
    expect(conflict("Not ready.")).toEqual({ ok: false, reason: "conflict", message: "Not ready." });
  });

  it("carries what is stored now when it is stale, and nothing when there is nothing to show", () => {
    const current = { version: 3, summary: "Theirs" };
    expect(stale("Someone saved first.", current)).toEqual({ ok: false, reason: "stale", message: "Someone saved first.", current });
    const bare = stale("Changed meanwhile.");
    expect(bare).toEqual({ ok: false, reason: "stale", message: "Changed meanwhile." });
    expect("current" in bare).toBe(false);
  });

  it("is recognised by its ok and reason, whatever else it carries", () => {
    for (const reason of REFUSAL_KINDS) expect(isRefusal({ ok: false, reason })).toBe(true);
    expect(isRefusal({ ok: false, reason: "invalid", fieldErrors: {} })).toBe(false);
    expect(isRefusal({ ok: true })).toBe(false);
    expect(isRefusal({ ok: false, message: "no reason" })).toBe(false);
    expect(isRefusal(null)).toBe(false);
    expect(isRefusal("locked")).toBe(false);
  });

  it("is thrown as one error class that carries it", () => {
    const refusal = locked("This candidate was erased.");
    let caught: unknown;
    try {
      refuse(refusal);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RefusalError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as RefusalError).refusal).toBe(refusal);
    expect((caught as RefusalError).message).toBe("This candidate was erased.");
  });
});

describe("invalid input the server judged", () => {
  it("is built with its message and the fields it is about (none by default)", () => {
    expect(invalid("Define at least one success metric.")).toEqual({ ok: false, reason: "invalid", message: "Define at least one success metric.", fieldErrors: {} });
    expect(invalid("Say why.", { reason: ["Say why."] })).toEqual({ ok: false, reason: "invalid", message: "Say why.", fieldErrors: { reason: ["Say why."] } });
    expect(invalidField("approverId", "Name an approver other than yourself.")).toEqual({
      ok: false,
      reason: "invalid",
      message: "Name an approver other than yourself.",
      fieldErrors: { approverId: ["Name an approver other than yourself."] },
    });
  });

  it("is not a refusal, and is recognised as invalid", () => {
    const bad = invalidField("roi", "Write the return on investment so far.");
    expect(isRefusal(bad)).toBe(false);
    expect(isInvalid(bad)).toBe(true);
    for (const refusal of [notFound("a"), forbidden("b"), locked("c"), stale("d"), conflict("e")]) expect(isInvalid(refusal)).toBe(false);
    expect(isInvalid({ ok: true, reason: "invalid" })).toBe(false);
    expect(isInvalid(null)).toBe(false);
  });
});
