import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/data/db.server";
import * as login from "~/routes/login/route";
import { pruneAuthRecords } from "~/server/startup";
import { call, type Answer } from "../helpers/route";
import { createUser, TEST_PASSWORD } from "../helpers/users";

const attempt = (email: string, password: string, address = "198.51.100.4") =>
  call(login.action, { url: "/login", form: { email, password }, address });

const at = (iso: string) => vi.setSystemTime(new Date(iso));

/** The Retry-After the browser sees: what the route's headers export passes on from the action. */
const retryAfterSent = (answer: Answer) =>
  new Headers(login.headers!({ actionHeaders: answer.headers, loaderHeaders: new Headers(), parentHeaders: new Headers(), errorHeaders: undefined })).get("Retry-After");

describe("failed sign-in throttling", () => {
  afterEach(() => vi.useRealTimers());

  it("pauses an account after five failures, says how long in words and in Retry-After, even for the right password", async () => {
    const user = await createUser(["builder"]);
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-20T10:00:00Z") });
    for (let i = 1; i <= 5; i++) expect((await attempt(user.email, `wrong-${i}`)).status).toBe(400);

    const sixth = await attempt(user.email, "wrong-6");
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ formErrors: ["Too many failed sign-in attempts. For your account's safety, sign-in is paused: try again in 1 second."] });
    expect(sixth.headers.get("Retry-After")).toBe("1");
    expect(retryAfterSent(sixth)).toBe("1");

    const rightPassword = await attempt(user.email, TEST_PASSWORD);
    expect(rightPassword.status).toBe(429);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);

    // Refused attempts are not recorded: the pause does not grow while someone hammers it.
    expect(await prisma.loginAttempt.count({ where: { email: user.email } })).toBe(5);
    at("2026-11-20T10:00:01Z");
    expect((await attempt(user.email, TEST_PASSWORD)).status).toBe(302);
  });

  it("makes five addresses guessing one account wait, while the real user still signs in from their usual address", async () => {
    const user = await createUser(["builder"]);
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-19T09:00:00Z") });
    expect((await attempt(user.email, TEST_PASSWORD, "192.0.2.10")).status).toBe(302); // home, yesterday

    at("2026-11-20T10:00:00Z");
    const answers: Answer[] = [];
    for (let round = 0; round < 4; round++) {
      for (let a = 1; a <= 5; a++) answers.push(await attempt(user.email, `guess-${round}-${a}`, `203.0.113.${a}`));
    }
    expect(answers.filter((a) => a.status === 400)).toHaveLength(5);
    const paused = answers.filter((a) => a.status === 429);
    expect(paused).toHaveLength(15);
    for (const answer of paused) expect(retryAfterSent(answer)).toMatch(/^[1-9]\d*$/);

    // From a new address the real user waits too, at most the cap…
    const elsewhere = await attempt(user.email, TEST_PASSWORD, "198.51.100.200");
    expect(elsewhere.status).toBe(429);
    expect(Number(elsewhere.headers.get("Retry-After"))).toBeLessThanOrEqual(15 * 60);
    // …but not from the address they signed in from before.
    expect((await attempt(user.email, TEST_PASSWORD, "192.0.2.10")).status).toBe(302);
    // That success clears the account's pause everywhere.
    expect((await attempt(user.email, TEST_PASSWORD, "198.51.100.200")).status).toBe(302);
  });

  it("keeps the ten-per-15-minutes limit at a known address: the 11th failure there waits 15 minutes", async () => {
    const user = await createUser(["builder"]);
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-20T09:00:00Z") });
    expect((await attempt(user.email, TEST_PASSWORD)).status).toBe(302);
    at("2026-11-20T10:00:00Z");
    for (let i = 1; i <= 10; i++) expect((await attempt(user.email, `wrong-${i}`)).status).toBe(400);
    const eleventh = await attempt(user.email, "wrong-11");
    expect(eleventh.status).toBe(429);
    expect(eleventh.body).toMatchObject({ formErrors: [expect.stringMatching(/try again in 15 minutes\.$/)] });
    expect(retryAfterSent(eleventh)).toBe("900");

    at("2026-11-20T10:14:59Z");
    expect((await attempt(user.email, TEST_PASSWORD)).status).toBe(429);
    at("2026-11-20T10:15:01Z");
    expect((await attempt(user.email, TEST_PASSWORD)).status).toBe(302);
  });

  it("treats an account that does not exist exactly like one that does", async () => {
    const user = await createUser(["builder"]);
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-20T10:00:00Z") });
    const statuses = async (email: string) => {
      const seen: Array<[number, string | null]> = [];
      for (let i = 1; i <= 7; i++) {
        const answer = await attempt(email, `wrong-${i}`, "198.51.100.77");
        seen.push([answer.status, answer.headers.get("Retry-After")]);
      }
      return seen;
    };
    const existing = await statuses(user.email);
    vi.setSystemTime(new Date("2026-11-20T11:00:00Z"));
    const unknown = await statuses("nobody-here@test.example");
    expect(unknown).toEqual(existing);
  });

  it("prunes failures after a day but keeps successes 30 days: they mark the addresses the account signs in from", async () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const day = 24 * 60 * 60 * 1000;
    const row = (email: string, succeeded: boolean, daysAgo: number) => ({ email, address: "192.0.2.1", succeeded, at: new Date(now.getTime() - daysAgo * day) });
    await prisma.loginAttempt.createMany({
      data: [row("prune@test.example", false, 0.5), row("prune@test.example", false, 2), row("prune@test.example", true, 20), row("prune@test.example", true, 31)],
    });
    await pruneAuthRecords(now);
    const left = await prisma.loginAttempt.findMany({ where: { email: "prune@test.example" }, orderBy: { at: "asc" } });
    expect(left.map((a) => [a.succeeded, (now.getTime() - a.at.getTime()) / day])).toEqual([
      [true, 20],
      [false, 0.5],
    ]);
  });
});
