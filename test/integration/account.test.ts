import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/data/db.server";
import * as home from "~/routes/_index/route";
import * as account from "~/routes/account._index/route";
import * as password from "~/routes/account.password/route";
import * as everywhere from "~/routes/account.sign-out-everywhere";
import * as login from "~/routes/login/route";
import * as logout from "~/routes/logout";
import { verifyPassword } from "~/utils/password.server";
import { call, cookieFrom, type Answer } from "../helpers/route";
import { createUser, sessionCookieFor, TEST_PASSWORD } from "../helpers/users";

const NEW_PASSWORD = "a much longer passphrase 2026";

const change = (cookie: string, form: Record<string, string>, address = "198.51.100.20") =>
  call(password.action, { url: "/account/password", cookie, form, address });
const changeTo = (cookie: string, currentPassword: string, newPassword = NEW_PASSWORD, address?: string) =>
  change(cookie, { currentPassword, newPassword, confirmPassword: newPassword }, address);
const opens = async (cookie: string) => (await call(home.loader, { url: "/", cookie })).status === 200;
const storedHash = async (userId: string) => (await prisma.password.findUniqueOrThrow({ where: { userId } })).hash;
const retryAfterSent = (answer: Answer) =>
  new Headers(password.headers!({ actionHeaders: answer.headers, loaderHeaders: new Headers(), parentHeaders: new Headers(), errorHeaders: undefined })).get("Retry-After");

afterEach(() => vi.useRealTimers());

describe("the account pages are for the signed-in user only", () => {
  it("sends a signed-out visitor to sign in, and back afterwards", async () => {
    for (const [handler, url] of [
      [account.loader, "/account"],
      [password.loader, "/account/password"],
      [password.action, "/account/password"],
    ] as const) {
      const answer = await call(handler, { url, form: handler === password.action ? { currentPassword: "x" } : undefined });
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(url)}`);
    }
    const signOut = await call(everywhere.action, { url: "/account/sign-out-everywhere", form: {} });
    expect(signOut.status).toBe(302);
    expect(signOut.headers.get("Location")).toMatch(/^\/login/);
  });

  it("shows every role its own account, and how many sessions it has", async () => {
    const user = await createUser(["interviewer", "builder"], { name: "Dana Ito" });
    const cookie = await sessionCookieFor(user.id);
    await sessionCookieFor(user.id);
    const page = await call(account.loader, { url: "/account", cookie });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ name: "Dana Ito", email: user.email, roles: ["Interviewer", "Builder"], sessions: 2, passwordChanged: false });
  });
});

describe("changing one's password", () => {
  it("refuses a wrong current password at its field, writes nothing but the failed attempt, and keeps every session", async () => {
    const user = await createUser(["builder"]);
    const cookie = await sessionCookieFor(user.id);
    const other = await sessionCookieFor(user.id);
    const before = await storedHash(user.id);

    const answer = await changeTo(cookie, "not my password");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ fieldErrors: { currentPassword: ["That is not your current password"] } });
    expect(answer.headers.get("Set-Cookie")).toBeNull();
    expect(await storedHash(user.id)).toBe(before);
    expect(await opens(cookie)).toBe(true);
    expect(await opens(other)).toBe(true);
    expect(await prisma.loginAttempt.findMany({ where: { email: user.email }, select: { succeeded: true } })).toEqual([{ succeeded: false }]);
  });

  it("holds new passwords to the policy, at their fields, before checking anything", async () => {
    const user = await createUser(["builder"]);
    const cookie = await sessionCookieFor(user.id);
    const cases: Array<[Record<string, string>, Record<string, string[]>]> = [
      [{ currentPassword: TEST_PASSWORD, newPassword: "short one", confirmPassword: "short one" }, { newPassword: ["Use at least 12 characters"] }],
      [{ currentPassword: TEST_PASSWORD, newPassword: "x".repeat(1025), confirmPassword: "x".repeat(1025) }, { newPassword: ["Use at most 1024 characters"] }],
      [{ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD }, { newPassword: ["Choose a password different from your current one"] }],
      [{ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` }, { confirmPassword: ["The two new passwords differ"] }],
      [{ currentPassword: "", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, { currentPassword: ["Enter your current password"] }],
      // Characters as people count them: twelve emoji are enough, eleven are not.
      [{ currentPassword: TEST_PASSWORD, newPassword: "🔑".repeat(11), confirmPassword: "🔑".repeat(11) }, { newPassword: ["Use at least 12 characters"] }],
    ];
    for (const [form, fieldErrors] of cases) {
      const answer = await change(cookie, form);
      expect(answer.status, JSON.stringify(form).slice(0, 80)).toBe(400);
      expect((answer.body as { fieldErrors: unknown }).fieldErrors).toEqual(fieldErrors);
    }
    expect(await prisma.loginAttempt.count({ where: { email: user.email } })).toBe(0);
    expect(await verifyPassword(await storedHash(user.id), TEST_PASSWORD)).toBe(true);
    expect((await changeTo(cookie, TEST_PASSWORD, "🔑".repeat(12))).status).toBe(302);
  });

  it("stores the new password, ends every other session and gives this browser a new session id", async () => {
    const user = await createUser(["builder"]);
    const cookie = await sessionCookieFor(user.id);
    const secondBrowser = await sessionCookieFor(user.id);

    const answer = await changeTo(cookie, TEST_PASSWORD);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/account?password=changed");
    const rotated = cookieFrom(answer)!;
    expect(rotated).toMatch(/^__session=./);
    expect(rotated).not.toBe(cookie);

    expect(await opens(secondBrowser)).toBe(false);
    expect(await opens(cookie)).toBe(false);
    expect(await opens(rotated)).toBe(true);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);

    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: user.id } });
    expect(stored.hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.hash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(stored.hash, TEST_PASSWORD)).toBe(false);

    expect((await call(login.action, { url: "/login", form: { email: user.email, password: NEW_PASSWORD }, address: "192.0.2.99" })).status).toBe(302);
    const page = await call(account.loader, { url: "/account?password=changed", cookie: rotated });
    expect(page.body).toMatchObject({ passwordChanged: true });
  });

  it("counts wrong current passwords toward the sign-in throttle: no way around it", async () => {
    const user = await createUser(["builder"]);
    const cookie = await sessionCookieFor(user.id);
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-20T10:00:00Z") });
    // Three guesses on the sign-in page, two here: the account's five free failures are spent.
    for (let i = 0; i < 3; i++) await call(login.action, { url: "/login", form: { email: user.email, password: `guess-${i}` }, address: "203.0.113.5" });
    for (let i = 0; i < 2; i++) expect((await changeTo(cookie, `guess-here-${i}`)).status).toBe(400);

    const paused = await changeTo(cookie, TEST_PASSWORD);
    expect(paused.status).toBe(429);
    expect(paused.body).toMatchObject({ formErrors: [expect.stringMatching(/password checks are paused: try again in 1 second\.$/)] });
    expect(retryAfterSent(paused)).toBe("1");
    expect(await verifyPassword(await storedHash(user.id), TEST_PASSWORD)).toBe(true);

    // And the other way round: the failures made here pause the sign-in page too.
    expect((await call(login.action, { url: "/login", form: { email: user.email, password: TEST_PASSWORD }, address: "192.0.2.44" })).status).toBe(429);
  });
});

describe("signing out everywhere", () => {
  it("ends every session of the user, this one included, and lands on the sign-in page", async () => {
    const user = await createUser(["builder"]);
    const someoneElse = await createUser(["builder"]);
    const cookie = await sessionCookieFor(user.id);
    const phone = await sessionCookieFor(user.id);
    const theirs = await sessionCookieFor(someoneElse.id);

    const answer = await call(everywhere.action, { url: "/account/sign-out-everywhere", cookie, form: {} });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/login");
    expect(answer.headers.get("Set-Cookie")).toMatch(/^__session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await opens(cookie)).toBe(false);
    expect(await opens(phone)).toBe(false);
    expect(await opens(theirs)).toBe(true);
  });

  it("is a POST: opening its address only leads back to the account page", async () => {
    const answer = await call(everywhere.loader, { url: "/account/sign-out-everywhere" });
    expect(answer.headers.get("Location")).toBe("/account");
  });
});

describe("a temporary password", () => {
  async function userWithTemporaryPassword() {
    const user = await createUser(["builder"]);
    await prisma.password.update({ where: { userId: user.id }, data: { mustChange: true } });
    return user;
  }

  it("sends its owner to choose their own password right after signing in, wherever they were going", async () => {
    const user = await userWithTemporaryPassword();
    const answer = await call(login.action, { url: "/login", form: { email: user.email, password: TEST_PASSWORD, redirectTo: "/packets" }, address: "192.0.2.60" });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/account/password");
  });

  it("keeps every page but the password page and signing out out of reach until it is changed", async () => {
    const user = await userWithTemporaryPassword();
    const cookie = await sessionCookieFor(user.id);
    for (const [handler, url] of [
      [home.loader, "/"],
      [account.loader, "/account"],
    ] as const) {
      const answer = await call(handler, { url, cookie });
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toBe("/account/password");
    }
    const page = await call(password.loader, { url: "/account/password", cookie });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ mustChange: true });

    const changed = await changeTo(cookie, TEST_PASSWORD);
    expect(changed.status).toBe(302);
    expect((await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })).mustChange).toBe(false);
    expect(await opens(cookieFrom(changed)!)).toBe(true);
  });

  it("lets its owner sign out, one session or all", async () => {
    const user = await userWithTemporaryPassword();
    const one = await sessionCookieFor(user.id);
    expect((await call(logout.action, { url: "/logout", cookie: one, form: {} })).headers.get("Location")).toBe("/login");
    const all = await sessionCookieFor(user.id);
    await sessionCookieFor(user.id);
    expect((await call(everywhere.action, { url: "/account/sign-out-everywhere", cookie: all, form: {} })).headers.get("Location")).toBe("/login");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
