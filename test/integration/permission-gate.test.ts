import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import * as home from "~/routes/_index/route";
import * as users from "~/routes/admin.users/route";
import { call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

describe("the permission gate", () => {
  it("redirects a loader without a session to sign in, returning to the page afterwards", async () => {
    const answer = await call(users.loader, { url: "/admin/users?tab=all" });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fusers%3Ftab%3Dall");
  });

  it("redirects an action without a session and writes nothing", async () => {
    const target = await createUser(["builder"]);
    const answer = await call(users.action, {
      url: "/admin/users",
      form: { userId: target.id, roles: ["admin"] },
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toMatch(/^\/login/);
    expect(await prisma.userRole.findMany({ where: { userId: target.id } })).toEqual([
      { userId: target.id, role: "builder" },
    ]);
  });

  it("answers 403 to a signed-in user without the role, in the loader and the action", async () => {
    const interviewer = await createUser(["interviewer"]);
    const cookie = await sessionCookieFor(interviewer.id);

    const page = await call(users.loader, { url: "/admin/users", cookie });
    expect(page.status).toBe(403);

    const write = await call(users.action, {
      url: "/admin/users",
      cookie,
      form: { userId: interviewer.id, roles: ["admin"] },
    });
    expect(write.status).toBe(403);
    expect(await prisma.userRole.count({ where: { userId: interviewer.id, role: "admin" } })).toBe(0);
  });

  it("treats a tampered cookie as signed out and clears it", async () => {
    const user = await createUser(["admin"]);
    const cookie = await sessionCookieFor(user.id);
    // Change one character of the signed value: the signature no longer matches.
    const value = cookie.slice("__session=".length);
    const flipped = value.slice(0, 5) + (value[5] === "A" ? "B" : "A") + value.slice(6);
    const answer = await call(users.loader, { url: "/admin/users", cookie: `__session=${flipped}` });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toMatch(/^\/login/);
    expect(answer.headers.get("Set-Cookie")).toMatch(/^__session=;/);
  });

  it("treats a forged, unsigned cookie as signed out", async () => {
    const answer = await call(home.loader, { url: "/", cookie: "__session=some-made-up-id" });
    expect(answer.status).toBe(302);
  });

  it("treats an expired session as signed out and deletes it", async () => {
    const user = await createUser(["admin"]);
    const longAgo = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
    const cookie = await sessionCookieFor(user.id, longAgo);
    const answer = await call(home.loader, { url: "/", cookie });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/login");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lets a user whose role grants the permission through", async () => {
    const admin = await createUser(["admin"]);
    const cookie = await sessionCookieFor(admin.id);
    const answer = await call(users.loader, { url: "/admin/users", cookie });
    expect(answer.status).toBe(200);
  });
});
