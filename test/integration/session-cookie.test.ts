import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import * as home from "~/routes/_index/route";
import * as logout from "~/routes/logout";
import { call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

// A cookie placed in front of ours (another app on the domain, a path-scoped cookie, a broken pair) must not sign anyone out.

async function signedIn() {
  const user = await createUser(["builder"]);
  return { user, cookie: await sessionCookieFor(user.id) };
}

const open = (cookie: string) => call(home.loader, { url: "/", cookie });

describe("reading the session cookie", () => {
  it("uses our session when a same-named garbage cookie comes first", async () => {
    const { cookie } = await signedIn();
    expect((await open(`__session=garbage; ${cookie}`)).status).toBe(200);
    expect((await open(`__session="quoted garbage"; ${cookie}`)).status).toBe(200);
    expect((await open(`__session=; ${cookie}`)).status).toBe(200);
  });

  it("uses our session after a pair that is not valid percent-encoding, before or under our name", async () => {
    const { cookie } = await signedIn();
    expect((await open(`x=%E0%A4%A; ${cookie}`)).status).toBe(200);
    expect((await open(`__session=%E0%A4%A; ${cookie}`)).status).toBe(200);
  });

  it("uses our session after a cookie without '=' and empty pairs", async () => {
    const { cookie } = await signedIn();
    expect((await open(`junk; ;; ${cookie}`)).status).toBe(200);
  });

  it("skips a correctly signed cookie of an ended or expired session and uses the next", async () => {
    const { user, cookie } = await signedIn();
    const ended = await sessionCookieFor(user.id);
    await call(logout.action, { url: "/logout", cookie: ended, form: {} });
    expect((await open(`${ended}; ${cookie}`)).status).toBe(200);

    const expired = await sessionCookieFor(user.id, new Date(Date.now() - 400 * 24 * 60 * 60 * 1000));
    const before = await prisma.session.count({ where: { userId: user.id } });
    expect((await open(`${expired}; ${cookie}`)).status).toBe(200);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(before - 1); // the expired one is gone
  });

  it("takes the first session that is active when two are", async () => {
    const first = await signedIn();
    const second = await signedIn();
    const page = await call(home.loader, { url: "/", cookie: `__session=x; ${first.cookie}; ${second.cookie}` });
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain(second.user.id);
  });

  it("still counts only garbage as signed out, and clears the cookie", async () => {
    const answer = await open(`__session=garbage; junk; x=%E0%A4%A`);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/login");
    expect(answer.headers.get("Set-Cookie")).toMatch(/^__session=;.*Expires=Thu, 01 Jan 1970/);
  });

  it("signing out ends the session even when garbage comes first", async () => {
    const { user, cookie } = await signedIn();
    await call(logout.action, { url: "/logout", cookie: `__session=garbage; ${cookie}`, form: {} });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
