import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideLoginAttempt, LOGIN_THROTTLE, type LoginAttempt } from "~/domain/login-throttle";

const now = new Date("2026-11-21T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const fail = (at: Date, email = "bea@x.example", address = "10.0.0.1"): LoginAttempt => ({ email, address, succeeded: false, at });

describe("decideLoginAttempt", () => {
  it("allows up to nine failures, blocks at ten until the oldest counted failure leaves the window", () => {
    const nine = Array.from({ length: 9 }, (_, i) => fail(minutesAgo(i + 1)));
    expect(decideLoginAttempt(nine, "bea@x.example", "10.0.0.1", now)).toEqual({ allowed: true });

    const ten = [...nine, fail(minutesAgo(12))];
    const decision = decideLoginAttempt(ten, "bea@x.example", "10.0.0.1", now);
    expect(decision).toEqual({ allowed: false, retryAt: new Date(minutesAgo(12).getTime() + 15 * 60_000) });
  });

  it("ignores failures older than the window", () => {
    const old = Array.from({ length: 10 }, () => fail(minutesAgo(16)));
    expect(decideLoginAttempt(old, "bea@x.example", "10.0.0.1", now).allowed).toBe(true);
  });

  it("counts an account's failures case-insensitively", () => {
    const ten = Array.from({ length: 10 }, (_, i) => fail(minutesAgo(i), i % 2 ? "BEA@x.example" : " bea@x.example"));
    expect(decideLoginAttempt(ten, "Bea@X.example", "10.0.0.1", now).allowed).toBe(false);
  });

  it("forgets the pair's failures after a success", () => {
    const attempts = [
      ...Array.from({ length: 9 }, (_, i) => fail(minutesAgo(10 + i))),
      { email: "bea@x.example", address: "10.0.0.1", succeeded: true, at: minutesAgo(5) },
      fail(minutesAgo(1)),
    ];
    expect(decideLoginAttempt(attempts, "bea@x.example", "10.0.0.1", now).allowed).toBe(true);
  });

  it("blocks an address that sprays many accounts", () => {
    const spray = Array.from({ length: LOGIN_THROTTLE.maxFailuresPerAddress }, (_, i) =>
      fail(minutesAgo(1), `user${i}@x.example`),
    );
    expect(decideLoginAttempt(spray, "fresh@x.example", "10.0.0.1", now).allowed).toBe(false);
    expect(decideLoginAttempt(spray, "fresh@x.example", "10.0.0.2", now).allowed).toBe(true);
  });

  const attemptArb = fc.record({
    email: fc.constantFrom("a@x.example", "b@x.example"),
    address: fc.constantFrom("10.0.0.1", "10.0.0.2"),
    succeeded: fc.boolean(),
    at: fc.integer({ min: 0, max: 30 * 60_000 }).map((ms) => new Date(now.getTime() - ms)),
  });

  it("does not depend on the order of the attempts", () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 80 }), (attempts) => {
        const reversed = [...attempts].reverse();
        expect(decideLoginAttempt(reversed, "a@x.example", "10.0.0.1", now)).toEqual(
          decideLoginAttempt(attempts, "a@x.example", "10.0.0.1", now),
        );
      }),
    );
  });

  it("never blocks because of another address's failures, and one more failure never unblocks", () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 80 }), (attempts) => {
        const elsewhere = attempts.filter((a) => a.address !== "10.0.0.1");
        expect(decideLoginAttempt(elsewhere, "a@x.example", "10.0.0.1", now).allowed).toBe(true);

        const before = decideLoginAttempt(attempts, "a@x.example", "10.0.0.1", now);
        const after = decideLoginAttempt([...attempts, fail(now, "a@x.example")], "a@x.example", "10.0.0.1", now);
        if (!before.allowed) expect(after.allowed).toBe(false);
      }),
    );
  });

  it("always says when to retry, inside the next window", () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 120 }), (attempts) => {
        const decision = decideLoginAttempt(attempts, "a@x.example", "10.0.0.1", now);
        if (!decision.allowed) {
          expect(decision.retryAt.getTime()).toBeGreaterThan(now.getTime());
          expect(decision.retryAt.getTime()).toBeLessThanOrEqual(now.getTime() + LOGIN_THROTTLE.windowMs);
        }
      }),
    );
  });
});
