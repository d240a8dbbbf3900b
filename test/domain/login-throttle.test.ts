import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accountDelayMs,
  attemptsToRead,
  decideLoginAttempt,
  describeWait,
  LOGIN_THROTTLE,
  pruneCutoffs,
  secondsUntil,
  type LoginAttempt,
} from "~/domain/login-throttle";

const now = new Date("2026-11-21T12:00:00Z");
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
const ago = (ms: number) => new Date(now.getTime() - ms);
const fail = (at: Date, email = "bea@x.example", address = "10.0.0.1"): LoginAttempt => ({ email, address, succeeded: false, at });
const success = (at: Date, email = "bea@x.example", address = "10.0.0.1"): LoginAttempt => ({ email, address, succeeded: true, at });
const decide = (attempts: readonly LoginAttempt[], address = "10.0.0.1", email = "bea@x.example", at = now) =>
  decideLoginAttempt(attempts, email, address, at);

describe("the account-wide delay", () => {
  it("lets five failures through free; the sixth check waits 1 s after the fifth failure, then the delay doubles", () => {
    const five = Array.from({ length: 5 }, (_, i) => fail(ago(500 - i * 10), "bea@x.example", `10.0.1.${i}`));
    expect(decide(five.slice(0, 4), "10.9.9.9")).toEqual({ allowed: true });
    const latest = five.at(-1)!.at.getTime();
    expect(decide(five, "10.9.9.9")).toEqual({ allowed: false, retryAt: new Date(latest + 1 * SECOND), rule: "account" });
    const six = [...five, fail(ago(400), "bea@x.example", "10.0.1.9")];
    expect(decide(six, "10.9.9.9")).toEqual({ allowed: false, retryAt: new Date(ago(400).getTime() + 2 * SECOND), rule: "account" });
    expect(accountDelayMs(7)).toBe(4 * SECOND);
    expect(accountDelayMs(14)).toBe(512 * SECOND);
    expect(accountDelayMs(15)).toBe(15 * MINUTE);
    expect(accountDelayMs(1000)).toBe(15 * MINUTE);
  });

  it("stops five addresses that once made 50 guesses in 15 minutes at 14", () => {
    // Each address guesses whenever the rule lets it, for 15 minutes.
    const start = now.getTime() - 15 * MINUTE;
    const attempts: LoginAttempt[] = [];
    let checks = 0;
    for (let t = start; t <= now.getTime(); t += 100) {
      for (let a = 0; a < 5; a++) {
        const address = `198.51.100.${a}`;
        if (decideLoginAttempt(attempts, "bea@x.example", address, new Date(t)).allowed) {
          attempts.push(fail(new Date(t), "bea@x.example", address));
          checks++;
        }
      }
    }
    // 5 free, then 9 after waits of 1, 2, … 256 s (511 s in all); the next wait, 512 s, runs past the quarter hour.
    expect(checks).toBe(14);
  });

  it("is cleared by a success from any address", () => {
    const many = Array.from({ length: 20 }, (_, i) => fail(ago(i * SECOND), "bea@x.example", `10.0.2.${i}`));
    expect(decide(many, "10.9.9.9").allowed).toBe(false);
    expect(decide([...many, success(now, "bea@x.example", "10.0.3.3")], "10.9.9.9")).toEqual({ allowed: true });
  });

  it("exempts an address the account signed in from within 30 days, which keeps only the pair limit", () => {
    const attack = Array.from({ length: 40 }, (_, i) => fail(ago(i * SECOND), "bea@x.example", `203.0.113.${i}`));
    const home = success(ago(20 * DAY), "bea@x.example", "10.0.0.1");
    expect(decide([home, ...attack], "10.0.0.1")).toEqual({ allowed: true });
    expect(decide([home, ...attack], "10.9.9.9").allowed).toBe(false);
    // Known no longer after 30 days.
    expect(decide([success(ago(31 * DAY)), ...attack], "10.0.0.1").allowed).toBe(false);
    // The pair limit still applies at home: ten failures there in 15 minutes.
    const typos = Array.from({ length: 10 }, (_, i) => fail(ago((i + 1) * MINUTE)));
    expect(decide([home, ...typos], "10.0.0.1")).toEqual({
      allowed: false,
      retryAt: new Date(ago(10 * MINUTE).getTime() + 15 * MINUTE),
      rule: "account-and-address",
    });
  });

  it("forgets failures older than a day", () => {
    const old = Array.from({ length: 30 }, (_, i) => fail(ago(DAY + i * SECOND), "bea@x.example", `10.0.4.${i}`));
    expect(decide(old, "10.9.9.9")).toEqual({ allowed: true });
  });

  it("does not care whether the account exists, and counts its email case-insensitively", () => {
    const mixed = Array.from({ length: 6 }, (_, i) => fail(ago(100), i % 2 ? "BEA@x.example" : " bea@X.example", `10.0.5.${i}`));
    expect(decideLoginAttempt(mixed, "Bea@x.EXAMPLE", "10.9.9.9", now).allowed).toBe(false);
  });
});

describe("the pair and address limits", () => {
  const home = success(ago(2 * DAY)); // a known address, so only these limits apply

  it("allows nine failures of a pair in 15 minutes, blocks at ten until the oldest counted failure leaves the window", () => {
    const nine = Array.from({ length: 9 }, (_, i) => fail(ago((i + 1) * MINUTE)));
    expect(decide([home, ...nine])).toEqual({ allowed: true });
    const ten = [...nine, fail(ago(12 * MINUTE))];
    expect(decide([home, ...ten])).toEqual({ allowed: false, retryAt: new Date(ago(12 * MINUTE).getTime() + 15 * MINUTE), rule: "account-and-address" });
    expect(decide([home, ...Array.from({ length: 10 }, () => fail(ago(16 * MINUTE)))])).toEqual({ allowed: true });
  });

  it("forgets the pair's failures after a success from there", () => {
    const attempts = [home, ...Array.from({ length: 9 }, (_, i) => fail(ago(10 * MINUTE + i))), success(ago(5 * MINUTE)), fail(ago(1 * MINUTE))];
    expect(decide(attempts)).toEqual({ allowed: true });
  });

  it("blocks an address that sprays many accounts, and only that address", () => {
    const spray = Array.from({ length: LOGIN_THROTTLE.maxFailuresPerAddress }, (_, i) => fail(ago(MINUTE), `user${i}@x.example`));
    expect(decideLoginAttempt(spray, "fresh@x.example", "10.0.0.1", now)).toMatchObject({ allowed: false, rule: "address" });
    expect(decideLoginAttempt(spray, "fresh@x.example", "10.0.0.2", now)).toEqual({ allowed: true });
  });
});

describe("the wait, in words and seconds", () => {
  it("rounds up to whole seconds, then to whole minutes past one minute", () => {
    expect(secondsUntil(new Date(now.getTime() + 1), now)).toBe(1);
    expect(secondsUntil(new Date(now.getTime() + 1500), now)).toBe(2);
    expect(secondsUntil(now, now)).toBe(1);
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(59)).toBe("59 seconds");
    expect(describeWait(60)).toBe("1 minute");
    expect(describeWait(61)).toBe("2 minutes");
    expect(describeWait(900)).toBe("15 minutes");
  });
});

describe("properties", () => {
  const EMAILS = ["a@x.example", "b@x.example"];
  const ADDRESSES = ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"];
  const age = fc.oneof(
    fc.integer({ min: 0, max: 20 * MINUTE }),
    fc.integer({ min: 0, max: 2 * DAY }),
    fc.integer({ min: 0, max: 40 * DAY }),
  );
  const attemptArb: fc.Arbitrary<LoginAttempt> = fc.record({
    email: fc.constantFrom(...EMAILS),
    address: fc.constantFrom(...ADDRESSES),
    succeeded: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
    at: age.map((ms) => ago(ms)),
  });
  const attemptsArb = fc.array(attemptArb, { maxLength: 120 });
  const failuresArb = fc.array(attemptArb.map((a) => ({ ...a, succeeded: false })), { maxLength: 120 });
  const address = fc.constantFrom(...ADDRESSES, "10.0.0.99");
  const cap = LOGIN_THROTTLE.maxAccountDelayMs;

  it("delays never decrease with more failures and never exceed the cap", () => {
    fc.assert(
      fc.property(fc.nat({ max: 2000 }), fc.nat({ max: 2000 }), (m, n) => {
        const [few, more] = m <= n ? [m, n] : [n, m];
        expect(accountDelayMs(few)).toBeLessThanOrEqual(accountDelayMs(more));
        expect(accountDelayMs(more)).toBeLessThanOrEqual(cap);
        expect(accountDelayMs(few) === 0).toBe(few < LOGIN_THROTTLE.freeAccountFailures);
      }),
    );
  });

  it("does not depend on the order of the attempts", () => {
    fc.assert(
      fc.property(attemptsArb.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }))), address, ([attempts, shuffled], from) => {
        expect(decideLoginAttempt(shuffled, "a@x.example", from, now)).toEqual(decideLoginAttempt(attempts, "a@x.example", from, now));
      }),
    );
  });

  it("one more failure never unblocks, nor brings the retry time earlier", () => {
    fc.assert(
      fc.property(attemptsArb, address, address, (attempts, from, failedFrom) => {
        const before = decideLoginAttempt(attempts, "a@x.example", from, now);
        const after = decideLoginAttempt([...attempts, fail(now, "a@x.example", failedFrom)], "a@x.example", from, now);
        if (!before.allowed) {
          expect(after.allowed).toBe(false);
          if (!after.allowed) expect(after.retryAt.getTime()).toBeGreaterThanOrEqual(before.retryAt.getTime());
        }
      }),
    );
  });

  it("a success clears the account's delay: a new address may try at once", () => {
    fc.assert(
      fc.property(attemptsArb, address, (attempts, from) => {
        const elsewhere = attempts.filter((a) => a.address !== "10.0.0.99");
        const cleared = [...elsewhere, success(now, "a@x.example", from)];
        expect(decideLoginAttempt(cleared, "a@x.example", "10.0.0.99", now)).toEqual({ allowed: true });
      }),
    );
  });

  it("a known address is never blocked by other addresses' failures", () => {
    fc.assert(
      fc.property(attemptsArb, failuresArb, fc.integer({ min: 0, max: 30 * DAY - 1 }), (attempts, failures, knownAge) => {
        const known = [...attempts, success(ago(knownAge), "a@x.example", "10.0.0.1")];
        const others = failures.filter((f) => f.address !== "10.0.0.1");
        expect(decideLoginAttempt([...known, ...others], "a@x.example", "10.0.0.1", now)).toEqual(
          decideLoginAttempt(known, "a@x.example", "10.0.0.1", now),
        );
      }),
    );
  });

  it("a new address waits at most the cap; any wait ends in the future and within the longest rule", () => {
    fc.assert(
      fc.property(attemptsArb, address, (attempts, from) => {
        const decision = decideLoginAttempt(attempts, "a@x.example", from, now);
        if (decision.allowed) return;
        expect(decision.retryAt.getTime()).toBeGreaterThan(now.getTime());
        expect(decision.retryAt.getTime()).toBeLessThanOrEqual(now.getTime() + Math.max(cap, LOGIN_THROTTLE.windowMs));
        if (!attempts.some((a) => a.address === from)) {
          expect(decision.rule).toBe("account");
          expect(decision.retryAt.getTime()).toBeLessThanOrEqual(now.getTime() + cap);
        }
      }),
    );
  });

  it("decides the same from only the attempts it asks to read, and pruning keeps all of those", () => {
    fc.assert(
      fc.property(attemptsArb, address, fc.constantFrom(...EMAILS), (attempts, from, email) => {
        const q = attemptsToRead(email, from, now);
        const read = attempts.filter(
          (a) =>
            (a.address === q.address && a.at > q.addressSince) ||
            (a.email === q.email && a.at > q.accountSince) ||
            (a.email === q.email && a.succeeded && a.at > q.accountSuccessesSince),
        );
        expect(decideLoginAttempt(read, email, from, now)).toEqual(decideLoginAttempt(attempts, email, from, now));
        const cut = pruneCutoffs(now);
        for (const a of read) expect(a.at.getTime()).toBeGreaterThanOrEqual((a.succeeded ? cut.successesBefore : cut.failuresBefore).getTime());
      }),
    );
  });
});
