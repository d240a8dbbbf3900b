// Accounts: invitations (delivered over a real SMTP server), one-time links, deactivation, a
// builder's manager, forgotten passwords. Link expiry reads the request's clock, moved here with
// the test clock's X-Test-Now header.
import { createHash } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listManagerChoices } from "~/data/accounts.server";
import { prisma } from "~/data/db.server";
import { countStatements } from "~/data/statement-count";
import { listInterviewers, namesOf } from "~/data/loops.server";
import { listPeerCandidates } from "~/data/packets.server";
import { peopleOtherThan } from "~/data/projects.server";
import { RESET_ANSWER_MS, RESET_THROTTLE } from "~/domain/accounts";
import * as home from "~/routes/_index/route";
import * as users from "~/routes/admin.users/route";
import * as builderPage from "~/routes/builders.$userId/route";
import * as login from "~/routes/login/route";
import * as forgot from "~/routes/password.forgot/route";
import * as reset from "~/routes/password.reset.$token/route";
import * as welcome from "~/routes/account.welcome.$token/route";
import { deliverDue, smtpMailer, type Mailer } from "~/server/delivery";
import { TEST_CLOCK_HEADER } from "~/utils/clock.server";
import { BASE, type Answer } from "../helpers/route";
import { startTestSmtp, type TestSmtp } from "../helpers/smtp";
import { createUser, sessionCookieFor, TEST_PASSWORD } from "../helpers/users";

// Before any import reads the configuration: the test clock is on for this file only.
const previousTestClock = vi.hoisted(() => {
  const previous = process.env.TEST_CLOCK;
  process.env.TEST_CLOCK = "true";
  return previous;
});

const NEW_PASSWORD = "a long and new passphrase";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let smtp: TestSmtp;
let mailer: Mailer;
beforeAll(async () => {
  smtp = await startTestSmtp();
  mailer = smtpMailer({ host: "127.0.0.1", port: smtp.port, secure: false, auth: null }, "Builder Ladder <ladder@test.example>");
});
afterAll(async () => {
  mailer.close();
  await smtp.close();
  if (previousTestClock === undefined) delete process.env.TEST_CLOCK;
  else process.env.TEST_CLOCK = previousTestClock;
});
beforeEach(async () => {
  await prisma.outboxMessage.deleteMany();
  await prisma.loginAttempt.deleteMany();
  smtp.received.length = 0;
});
afterEach(() => vi.restoreAllMocks());

type Handler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown;
type Send = { url: string; params?: Record<string, string>; cookie?: string | null; form?: Record<string, string | string[]>; now?: Date; address?: string };

/** Calls a loader or action as Remix would (the request's clock moved with X-Test-Now when `now` is given). */
async function send(handler: Handler, input: Send): Promise<Answer> {
  const headers = new Headers();
  if (input.cookie) headers.set("Cookie", input.cookie);
  if (input.now) headers.set(TEST_CLOCK_HEADER, input.now.toISOString());
  let init: RequestInit = { headers };
  if (input.form) {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(input.form)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    init = { method: "POST", headers, body };
  }
  let outcome: unknown;
  try {
    outcome = await handler({ request: new Request(new URL(input.url, BASE), init), params: input.params ?? {}, context: { clientAddress: input.address ?? "203.0.113.7", cspNonce: "" } });
  } catch (thrown) {
    outcome = thrown;
  }
  if (outcome instanceof Response) return { status: outcome.status, headers: outcome.headers, body: await outcome.text() };
  const d = outcome as { type?: string; data?: unknown; init?: ResponseInit | null };
  if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, headers: new Headers(d.init?.headers), body: d.data };
  if (outcome instanceof Error) throw outcome;
  return { status: 200, headers: new Headers(), body: outcome };
}

const cookieOf = (answer: Answer) => answer.headers.get("Set-Cookie")?.split(";")[0] ?? null;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Sends what the outbox holds over SMTP and returns the link's token in the one email that arrived for `to`. */
async function deliveredLink(to: string, kind: "welcome" | "reset", now?: Date): Promise<{ token: string; subject: string; text: string }> {
  await deliverDue({ mailer, workerId: "accounts-test", ...(now ? { now: () => now } : {}) });
  const mail = smtp.received.filter((m) => m.envelopeTo.includes(to)).at(-1);
  if (!mail) throw new Error(`No email arrived for ${to}`);
  const path = kind === "welcome" ? "/account/welcome/" : "/password/reset/";
  const match = new RegExp(`${path.replace(/\//g, "\\/")}([A-Za-z0-9_-]+)`).exec(mail.mail.text ?? "");
  if (!match) throw new Error(`No ${kind} link in: ${mail.mail.text}`);
  return { token: match[1]!, subject: mail.mail.subject ?? "", text: mail.mail.text ?? "" };
}

async function adminCookie(name = "Ada Admin") {
  const admin = await createUser(["admin"], { name });
  return { admin, cookie: await sessionCookieFor(admin.id) };
}

const invite = (cookie: string, form: Record<string, string | string[]>, now?: Date) => send(users.action, { url: "/admin/users", cookie, form: { intent: "invite", ...form }, now });
const choose = (route: typeof welcome | typeof reset, token: string, form: Record<string, string>, now?: Date) =>
  send(route.action, { url: `/${route === welcome ? "account/welcome" : "password/reset"}/${token}`, params: { token }, form, now });
const open = (route: typeof welcome | typeof reset, token: string, now?: Date) =>
  send(route.loader, { url: `/${route === welcome ? "account/welcome" : "password/reset"}/${token}`, params: { token }, now });
const passwords = { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
const signIn = (email: string, password: string) => send(login.action, { url: "/login", form: { email, password } });

describe("inviting a colleague", () => {
  it("creates the account without a password and emails a link (over SMTP) that sets the password and signs them in, once", async () => {
    const { admin, cookie } = await adminCookie();
    const sent = await invite(cookie, { name: "Nina Novak", email: "Nina.Novak@Example.com", roles: ["interviewer", "builder"] });
    expect(sent.status).toBe(200);

    const nina = await prisma.user.findUniqueOrThrow({ where: { email: "nina.novak@example.com" }, include: { roles: true, password: true, accountTokens: true } });
    expect([nina.name, nina.password, nina.roles.map((r) => r.role).sort()]).toEqual(["Nina Novak", null, ["builder", "interviewer"]]);
    expect(nina.accountTokens).toHaveLength(1);
    const stored = nina.accountTokens[0]!;
    expect(stored.purpose).toBe("invite");
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * DAY);
    // Nobody can sign in to it yet, and the answer is the one for a wrong password.
    const early = await signIn(nina.email, TEST_PASSWORD);
    expect([early.status, (early.body as { formErrors: string[] }).formErrors]).toEqual([400, ["That email and password do not match an account."]]);

    const mail = await deliveredLink(nina.email, "welcome");
    expect(mail.subject).toBe("You are invited to Builder Ladder");
    expect(mail.text).toContain("Ada Admin created an account for you");
    // Only the token's SHA-256 is stored.
    expect(stored.tokenHash).toBe(sha256(mail.token));
    expect(stored.tokenHash).not.toContain(mail.token);

    const page = await open(welcome, mail.token);
    expect([page.status, page.body]).toEqual([200, { ok: true, live: true, name: "Nina Novak", email: nina.email }]);
    const chosen = await choose(welcome, mail.token, passwords);
    expect([chosen.status, chosen.headers.get("Location")]).toEqual([302, "/"]);
    const ninaCookie = cookieOf(chosen)!;
    expect((await send(home.loader, { url: "/", cookie: ninaCookie })).status).toBe(200);
    expect((await signIn(nina.email, NEW_PASSWORD)).status).toBe(302);

    // The second use is refused, and so is opening the page again.
    const again = await choose(welcome, mail.token, { newPassword: "someone else's passphrase", confirmPassword: "someone else's passphrase" });
    expect(again.status).toBe(404);
    expect((await open(welcome, mail.token)).status).toBe(404);
    expect((await signIn(nina.email, NEW_PASSWORD)).status).toBe(302);

    const trail = await prisma.auditEntry.findMany({ where: { subjectUserId: nina.id }, orderBy: { seq: "asc" } });
    expect(trail.map((e) => [e.action, e.actorId])).toEqual([
      ["user.invite", admin.id],
      ["account.invite_accept", nina.id],
      ["account.sign_in", nina.id],
      ["account.sign_in", nina.id],
      ["account.sign_in", nina.id],
    ]);
  });

  it("refuses an address that already has an account with 409 at the email field, writing nothing", async () => {
    const { cookie } = await adminCookie();
    const taken = await createUser(["builder"], { email: "taken@test.example" });
    const counts = async () => [await prisma.user.count(), await prisma.accountToken.count(), await prisma.outboxMessage.count(), await prisma.auditEntry.count()];
    const before = await counts();
    const answer = await invite(cookie, { name: "Someone Else", email: "TAKEN@test.example", roles: "builder" });
    expect(answer.status).toBe(409);
    expect((answer.body as { fieldErrors: Record<string, string[]> }).fieldErrors.email).toEqual(["An account with this email address already exists"]);
    expect(await counts()).toEqual(before);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: taken.id } })).name).toBe("Test User");
  });

  it("refuses a link after its 7 days with the same page as a link that never existed", async () => {
    const { cookie } = await adminCookie();
    const start = new Date(Date.now() + 60 * DAY);
    expect((await invite(cookie, { name: "Late Comer", email: "late@test.example", roles: "builder" }, start)).status).toBe(200);
    const { token } = await deliveredLink("late@test.example", "welcome", start);

    expect((await open(welcome, token, new Date(start.getTime() + 7 * DAY - MINUTE))).status).toBe(200);
    const expired = await open(welcome, token, new Date(start.getTime() + 7 * DAY));
    const unknown = await open(welcome, "A".repeat(43));
    const malformed = await open(welcome, "nope");
    expect(expired.status).toBe(404);
    expect(unknown).toEqual({ ...expired, headers: unknown.headers });
    expect(malformed.body).toEqual(expired.body);
    const used = await choose(welcome, token, passwords, new Date(start.getTime() + 7 * DAY + 1));
    expect([used.status, used.body]).toEqual([404, expired.body]);
    expect(await prisma.password.count({ where: { user: { email: "late@test.example" } } })).toBe(0);
  });

  it("sends the invitation again with a new link; the earlier one stops working", async () => {
    const { cookie } = await adminCookie();
    await invite(cookie, { name: "Twice Asked", email: "twice@test.example", roles: "builder" });
    const first = await deliveredLink("twice@test.example", "welcome");
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "twice@test.example" } });
    expect((await send(users.action, { url: "/admin/users", cookie, form: { intent: "resend-invite", userId: user.id } })).status).toBe(200);
    const second = await deliveredLink("twice@test.example", "welcome");
    expect(second.token).not.toBe(first.token);
    expect((await open(welcome, first.token)).status).toBe(404);
    expect((await open(welcome, second.token)).status).toBe(200);
    // Once they have a password there is nothing to send again.
    expect((await choose(welcome, second.token, passwords)).status).toBe(302);
    expect((await send(users.action, { url: "/admin/users", cookie, form: { intent: "resend-invite", userId: user.id } })).status).toBe(409);
  });

  it("refuses a short password or two that differ with field errors, and the link still works", async () => {
    const { cookie } = await adminCookie();
    await invite(cookie, { name: "Short Word", email: "short@test.example", roles: "builder" });
    const { token } = await deliveredLink("short@test.example", "welcome");
    const short = await choose(welcome, token, { newPassword: "short", confirmPassword: "short" });
    expect([short.status, Object.keys((short.body as { fieldErrors: object }).fieldErrors)]).toEqual([400, ["newPassword"]]);
    const differ = await choose(welcome, token, { newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` });
    expect([differ.status, Object.keys((differ.body as { fieldErrors: object }).fieldErrors)]).toEqual([400, ["confirmPassword"]]);
    expect((await open(welcome, token)).status).toBe(200);
  });
});

describe("deactivating an account", () => {
  it("ends its sessions at once: the next request is signed out; sign-in is refused like a wrong password; reactivation lets them back", async () => {
    const { cookie } = await adminCookie();
    const bea = await createUser(["builder"], { name: "Bea Gone" });
    const beaCookie = await sessionCookieFor(bea.id);
    expect((await send(home.loader, { url: "/", cookie: beaCookie })).status).toBe(200);

    expect((await send(users.action, { url: "/admin/users", cookie, form: { intent: "deactivate", userId: bea.id } })).status).toBe(200);
    expect(await prisma.session.count({ where: { userId: bea.id } })).toBe(0);
    const next = await send(home.loader, { url: "/", cookie: beaCookie });
    expect([next.status, next.headers.get("Location")]).toEqual([302, "/login"]);

    // A session that raced the deactivation (written after it) is no session either.
    const raced = await sessionCookieFor(bea.id);
    expect((await send(home.loader, { url: "/", cookie: raced })).status).toBe(302);

    const right = await signIn(bea.email, TEST_PASSWORD);
    const wrong = await signIn(bea.email, "not the password at all");
    expect([right.status, right.body]).toEqual([wrong.status, wrong.body]);
    expect((right.body as { formErrors: string[] }).formErrors).toEqual(["That email and password do not match an account."]);

    // Their history stays under their name.
    expect((await namesOf([bea.id])).get(bea.id)).toBe("Bea Gone");

    expect((await send(users.action, { url: "/admin/users", cookie, form: { intent: "reactivate", userId: bea.id } })).status).toBe(200);
    expect((await signIn(bea.email, TEST_PASSWORD)).status).toBe(302);
    const actions = (await prisma.auditEntry.findMany({ where: { recordId: bea.id, action: { startsWith: "user." } }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["user.deactivate", "user.reactivate"]);
  });

  it("refuses an admin's own account (403), an account already deactivated (409) and nobody (404), changing nothing", async () => {
    const { admin, cookie } = await adminCookie();
    const self = await send(users.action, { url: "/admin/users", cookie, form: { intent: "deactivate", userId: admin.id } });
    // Forbidden (403): the account exists, and this admin may not do this to it.
    const selfBody = self.body as { reason: string; formErrors: string[] };
    expect([self.status, selfBody.reason, selfBody.formErrors]).toEqual([403, "forbidden", ["You cannot deactivate your own account; ask another admin."]]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBeNull();

    const gone = await createUser(["builder"]);
    await send(users.action, { url: "/admin/users", cookie, form: { intent: "deactivate", userId: gone.id } });
    const again = await send(users.action, { url: "/admin/users", cookie, form: { intent: "deactivate", userId: gone.id } });
    expect([again.status, (again.body as { formErrors: string[] }).formErrors]).toEqual([409, ["This account is already deactivated: reload the page."]]);
    const nobody = await send(users.action, { url: "/admin/users", cookie, form: { intent: "deactivate", userId: "no-such-user" } });
    expect([nobody.status, (nobody.body as { formErrors: string[] }).formErrors]).toEqual([404, ["No such user."]]);
  });

  it("leaves deactivated people out of the interviewer, peer, manager and approver choices", async () => {
    const { cookie } = await adminCookie();
    const active = await createUser(["interviewer", "manager", "builder"], { name: "Still Here" });
    const gone = await createUser(["interviewer", "manager", "builder"], { name: "Moved On" });
    await send(users.action, { url: "/admin/users", cookie, form: { intent: "deactivate", userId: gone.id } });
    const ids = (people: Array<{ id: string }>) => people.map((p) => p.id);
    for (const offered of [ids(await listInterviewers()), ids(await listPeerCandidates([])), ids(await listManagerChoices()), ids(await peopleOtherThan("nobody"))]) {
      expect(offered).toContain(active.id);
      expect(offered).not.toContain(gone.id);
    }
  });
});

describe("changing a builder's manager", () => {
  it("moves who reads the record as their manager at once, audited; refuses a non-manager, the builder themselves and a deactivated manager", async () => {
    const { admin, cookie } = await adminCookie();
    const [oldManager, newManager, notManager, goneManager] = await Promise.all([
      createUser(["manager"], { name: "Old Manager" }),
      createUser(["manager"], { name: "New Manager" }),
      createUser(["interviewer"], { name: "Not A Manager" }),
      createUser(["manager"], { name: "Gone Manager" }),
    ]);
    const builder = await createUser(["builder", "manager"], { name: "Bo Builder" });
    await prisma.builder.create({ data: { userId: builder.id, level: "L4", managerId: oldManager.id, startedAt: new Date("2024-01-08T09:00:00Z") } });
    await send(users.action, { url: "/admin/users", cookie, form: { intent: "deactivate", userId: goneManager.id } });
    const record = async (viewerId: string) => (await send(builderPage.loader, { url: `/builders/${builder.id}`, params: { userId: builder.id }, cookie: await sessionCookieFor(viewerId) })).status;
    expect([await record(oldManager.id), await record(newManager.id)]).toEqual([200, 403]);

    const setManager = (managerId: string) => send(users.action, { url: "/admin/users", cookie, form: { intent: "manager", userId: builder.id, managerId } });
    for (const [managerId, message] of [
      [notManager.id, "Choose someone who holds the manager role"],
      [builder.id, "A builder cannot be their own manager"],
      [goneManager.id, "That account is deactivated: choose an active manager"],
      ["no-such-user", "Choose a manager from the list"],
    ] as const) {
      const refused = await setManager(managerId);
      expect([refused.status, (refused.body as { fieldErrors: Record<string, string[]> }).fieldErrors.managerId]).toEqual([400, [message]]);
    }
    expect((await prisma.builder.findUniqueOrThrow({ where: { userId: builder.id } })).managerId).toBe(oldManager.id);

    expect((await setManager(newManager.id)).status).toBe(200);
    expect([await record(oldManager.id), await record(newManager.id)]).toEqual([403, 200]);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "builder.manager", recordId: builder.id } });
    expect([entry.actorId, JSON.parse(entry.detail!)]).toEqual([admin.id, { from: oldManager.id, to: newManager.id }]);

    // No manager at all; a person without a builder record has none to change.
    expect((await setManager("")).status).toBe(200);
    expect((await prisma.builder.findUniqueOrThrow({ where: { userId: builder.id } })).managerId).toBeNull();
    expect((await send(users.action, { url: "/admin/users", cookie, form: { intent: "manager", userId: newManager.id, managerId: oldManager.id } })).status).toBe(404);
  });
});

describe("a forgotten password", () => {
  const ask = (email: string, address = "198.51.100.20") => send(forgot.action, { url: "/password/forgot", form: { email }, address });

  it("answers the same, after the same time, whether the address has an active account, a deactivated one or none; only the active account gets a link", async () => {
    const known = await createUser(["builder"], { email: "known@test.example" });
    const gone = await createUser(["builder"], { email: "gone@test.example" });
    await prisma.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });

    const answers: Answer[] = [];
    for (const [email, address] of [["known@test.example", "198.51.100.21"], ["stranger@test.example", "198.51.100.22"], ["gone@test.example", "198.51.100.23"]] as const) {
      const started = performance.now();
      answers.push(await ask(email, address));
      expect(performance.now() - started).toBeGreaterThanOrEqual(RESET_ANSWER_MS - 1);
    }
    expect(answers.map((a) => [a.status, a.body])).toEqual(Array(3).fill([200, { ok: true, fieldErrors: {}, formErrors: [] }]));
    expect((await prisma.outboxMessage.findMany()).map((m) => m.recipientEmail)).toEqual([known.email]);
    expect(await prisma.accountToken.count({ where: { purpose: "reset" } })).toBe(1);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "account.password_reset_request" } });
    expect([entry.actorId, entry.address, entry.subjectUserId]).toEqual([known.id, "198.51.100.21", known.id]);
  });

  it("runs the same statements for a stranger as for an account, up to the account's link", async () => {
    await createUser(["builder"], { email: "same-work@test.example" });
    // Every statement the database is sent, on either database (statement-count.ts sees them all).
    const statements = async (email: string, address: string) => {
      const counted = await countStatements(async () => expect((await ask(email, address)).status).toBe(200));
      return counted.sql.map((sql) => sql.replace(/\s+/g, " ").trim());
    };
    const account = await statements("same-work@test.example", "198.51.100.30");
    const stranger = await statements("nobody-here@test.example", "198.51.100.31");
    expect(stranger.length).toBeGreaterThan(0);
    expect(account.slice(0, stranger.length)).toEqual(stranger);
    expect(account.length).toBeGreaterThan(stranger.length);
  });

  it("limits links per email and per client address, saying so the same way for an account and a stranger", async () => {
    await createUser(["builder"], { email: "flooded@test.example" });
    for (let i = 0; i < RESET_THROTTLE.perEmail.max; i++) expect((await ask("flooded@test.example", `198.51.100.${40 + i}`)).status).toBe(200);
    for (let i = 0; i < RESET_THROTTLE.perEmail.max; i++) expect((await ask("no-account@test.example", `198.51.100.${50 + i}`)).status).toBe(200);
    const account = await ask("flooded@test.example", "198.51.100.60");
    const stranger = await ask("no-account@test.example", "198.51.100.61");
    expect(account.status).toBe(429);
    expect([stranger.status, stranger.body]).toEqual([account.status, account.body]);
    expect(Number(account.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await prisma.outboxMessage.count({ where: { recipientEmail: "flooded@test.example" } })).toBe(RESET_THROTTLE.perEmail.max);

    // One address asking for many different emails is stopped too.
    for (let i = 0; i < RESET_THROTTLE.perAddress.max; i++) expect((await ask(`sprayed-${i}@test.example`, "198.51.100.99")).status).toBe(200);
    expect((await ask("one-more@test.example", "198.51.100.99")).status).toBe(429);

    // Reset requests share the sign-in attempts' table, yet never count against signing in.
    const flooded = await prisma.user.findUniqueOrThrow({ where: { email: "flooded@test.example" } });
    expect((await send(login.action, { url: "/login", form: { email: flooded.email, password: TEST_PASSWORD }, address: "198.51.100.99" })).status).toBe(302);
  }, 30_000);

  it("sends a link that works once: new password, every session ended, this browser signed in; expired after an hour", async () => {
    const person = await createUser(["builder"], { email: "forgetful@test.example" });
    const elsewhere = await sessionCookieFor(person.id);
    const asked = new Date();
    await ask(person.email);
    const mail = await deliveredLink(person.email, "reset");
    expect(mail.subject).toBe("Reset your Builder Ladder password");

    expect((await open(reset, mail.token)).status).toBe(200);
    // An invitation's page does not take a reset link.
    expect((await open(welcome, mail.token)).status).toBe(404);
    const done = await choose(reset, mail.token, passwords);
    expect([done.status, done.headers.get("Location")]).toEqual([302, "/account?password=changed"]);
    expect((await send(home.loader, { url: "/", cookie: elsewhere })).status).toBe(302);
    expect((await send(home.loader, { url: "/", cookie: cookieOf(done) })).status).toBe(200);
    expect(await prisma.session.count({ where: { userId: person.id } })).toBe(1);
    expect((await signIn(person.email, TEST_PASSWORD)).status).toBe(400);
    expect((await signIn(person.email, NEW_PASSWORD)).status).toBe(302);

    const second = await choose(reset, mail.token, { newPassword: "yet another passphrase", confirmPassword: "yet another passphrase" });
    expect(second.status).toBe(404);
    expect((await signIn(person.email, NEW_PASSWORD)).status).toBe(302);
    expect((await prisma.auditEntry.findMany({ where: { action: "account.password_reset", actorId: person.id } })).length).toBe(1);

    // A fresh link, used an hour later, is refused.
    await ask(person.email, "198.51.100.71");
    const late = await deliveredLink(person.email, "reset");
    expect(late.token).not.toBe(mail.token);
    const anHourOn = new Date(asked.getTime() + 61 * MINUTE);
    expect((await open(reset, late.token, anHourOn)).status).toBe(404);
    expect((await choose(reset, late.token, passwords, anHourOn)).status).toBe(404);
    expect((await open(reset, late.token)).status).toBe(200);
  });

  it("lets nobody use a reset link once the account is deactivated", async () => {
    const { cookie } = await adminCookie();
    const person = await createUser(["builder"], { email: "leaving@test.example" });
    await ask(person.email, "198.51.100.80");
    const { token } = await deliveredLink(person.email, "reset");
    await send(users.action, { url: "/admin/users", cookie, form: { intent: "deactivate", userId: person.id } });
    expect((await choose(reset, token, passwords)).status).toBe(404);
  });
});
