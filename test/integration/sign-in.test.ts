import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import * as login from "~/routes/login/route";
import * as logout from "~/routes/logout";
import * as home from "~/routes/_index/route";
import { call, cookieFrom } from "../helpers/route";
import { createUser, sessionCookieFor, TEST_PASSWORD } from "../helpers/users";

describe("signing in", () => {
  it("starts a session whose cookie holds only a signed random id, HttpOnly and SameSite=Lax", async () => {
    const user = await createUser(["builder"]);
    const answer = await call(login.action, { url: "/login", form: { email: user.email, password: TEST_PASSWORD } });

    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/");
    const setCookie = answer.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^__session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // served over http here
    expect(setCookie).toMatch(/Expires=/i);
    expect(setCookie).not.toContain(user.id);

    const sessions = await prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    // The database keeps a hash, never the id the cookie carries.
    const cookieValue = decodeURIComponent(cookieFrom(answer)!.slice("__session=".length));
    expect(cookieValue).not.toContain(sessions[0]!.idHash);
  });

  it("marks the cookie Secure when the app is served over https", async () => {
    const user = await createUser(["builder"]);
    const answer = await call(login.action, {
      url: "https://ladder.example/login",
      form: { email: user.email, password: TEST_PASSWORD },
    });
    expect(answer.headers.get("Set-Cookie")).toMatch(/;\s*Secure/i);
  });

  it("returns to the page the user asked for, but never to another site", async () => {
    const user = await createUser(["admin"]);
    const back = await call(login.action, {
      url: "/login",
      form: { email: user.email, password: TEST_PASSWORD, redirectTo: "/admin/users" },
    });
    expect(back.headers.get("Location")).toBe("/admin/users");

    const away = await call(login.action, {
      url: "/login",
      form: { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example/steal" },
    });
    expect(away.headers.get("Location")).toBe("/");

    // Normalised by the browser into //127.0.0.1:3309/phish: another host.
    const dotted = await call(login.action, {
      url: "/login",
      form: { email: user.email, password: TEST_PASSWORD, redirectTo: "/./\\127.0.0.1:3309/phish" },
    });
    expect(dotted.headers.get("Location")).toBe("/");
  });

  it("rejects a wrong password with a message and creates no session", async () => {
    const user = await createUser(["builder"]);
    const answer = await call(login.action, { url: "/login", form: { email: user.email, password: "wrong" } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ formErrors: ["That email and password do not match an account."] });
    expect(answer.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const answer = await call(login.action, {
      url: "/login",
      form: { email: "nobody@test.example", password: "whatever" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ formErrors: ["That email and password do not match an account."] });
  });

  it("rejects a malformed form with field errors and writes nothing", async () => {
    const attemptsBefore = await prisma.loginAttempt.count();
    const answer = await call(login.action, { url: "/login", form: { email: "not-an-email", password: "" } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      fieldErrors: { email: ["Enter a valid email address"], password: ["Enter your password"] },
    });
    expect(await prisma.loginAttempt.count()).toBe(attemptsBefore);
  });

  it("rotates the session id: the session the browser had before signing in is ended", async () => {
    const user = await createUser(["builder"]);
    const before = await sessionCookieFor(user.id);
    const answer = await call(login.action, {
      url: "/login",
      cookie: before,
      form: { email: user.email, password: TEST_PASSWORD },
    });
    const after = cookieFrom(answer);
    expect(after).not.toBe(before);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);

    const withOld = await call(home.loader, { url: "/", cookie: before });
    expect(withOld.status).toBe(302);
    const withNew = await call(home.loader, { url: "/", cookie: after });
    expect(withNew.status).toBe(200);
  });

  it("sends a signed-in visitor of the sign-in page on to where they were going", async () => {
    const user = await createUser(["builder"]);
    const cookie = await sessionCookieFor(user.id);
    const answer = await call(login.loader, { url: "/login?redirectTo=%2Fadmin%2Fusers", cookie });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/admin/users");
  });
});

describe("signing out", () => {
  it("ends the session on the server and clears the cookie", async () => {
    const user = await createUser(["builder"]);
    const cookie = await sessionCookieFor(user.id);
    const answer = await call(logout.action, { url: "/logout", cookie, form: {} });

    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/login");
    expect(answer.headers.get("Set-Cookie")).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);

    // The old cookie, replayed, no longer opens anything.
    const replay = await call(home.loader, { url: "/", cookie });
    expect(replay.status).toBe(302);
  });
});
