import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSessionActive, safeRedirectPath, sessionExpiry } from "~/domain/session-policy";

describe("session expiry", () => {
  it("expires a session exactly ttl hours after it started", () => {
    const start = new Date("2026-11-21T00:00:00Z");
    const expiresAt = sessionExpiry(start, 12);
    expect(expiresAt.toISOString()).toBe("2026-11-21T12:00:00.000Z");
    expect(isSessionActive({ expiresAt }, new Date("2026-11-21T11:59:59Z"))).toBe(true);
    expect(isSessionActive({ expiresAt }, new Date("2026-11-21T12:00:00Z"))).toBe(false);
  });
});

describe("safeRedirectPath", () => {
  it.each([
    ["/admin/users?x=1", "/admin/users?x=1"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
    [null, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it("only ever answers a path on this site", () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const out = safeRedirectPath(input);
        expect(out.startsWith("/")).toBe(true);
        expect(out.startsWith("//")).toBe(false);
        expect(out.startsWith("/\\")).toBe(false);
        expect(new URL(out, "https://ladder.example").origin).toBe("https://ladder.example");
      }),
    );
  });
});
