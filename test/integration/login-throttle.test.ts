import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/data/db.server";
import * as login from "~/routes/login/route";
import { call } from "../helpers/route";
import { createUser, TEST_PASSWORD } from "../helpers/users";

const attempt = (email: string, password: string, address = "198.51.100.4") =>
  call(login.action, { url: "/login", form: { email, password }, address });

describe("failed sign-in throttling", () => {
  afterEach(() => vi.useRealTimers());

  it("answers the 11th failed sign-in in 15 minutes with 429, even with the right password", async () => {
    const user = await createUser(["builder"]);
    for (let i = 1; i <= 10; i++) {
      expect((await attempt(user.email, `wrong-${i}`)).status).toBe(400);
    }
    const eleventh = await attempt(user.email, "wrong-11");
    expect(eleventh.status).toBe(429);
    expect(eleventh.body).toMatchObject({ formErrors: [expect.stringMatching(/Too many failed sign-in attempts.*try again in 15 minutes/)] });
    expect(eleventh.headers.get("Retry-After")).toBe("900");
    // The route's headers export carries it onto the HTTP response (documents and .data alike).
    expect(new Headers(login.headers!({ actionHeaders: eleventh.headers, loaderHeaders: new Headers(), parentHeaders: new Headers(), errorHeaders: undefined })).get("Retry-After")).toBe("900");

    const rightPassword = await attempt(user.email, TEST_PASSWORD);
    expect(rightPassword.status).toBe(429);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("does not lock the account for someone signing in from another address", async () => {
    const user = await createUser(["builder"]);
    for (let i = 0; i < 10; i++) await attempt(user.email, "wrong", "198.51.100.9");
    expect((await attempt(user.email, "wrong", "198.51.100.9")).status).toBe(429);
    expect((await attempt(user.email, TEST_PASSWORD, "192.0.2.55")).status).toBe(302);
  });

  it("lets the account try again once the failures leave the window", async () => {
    const user = await createUser(["builder"]);
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-20T10:00:00Z") });
    for (let i = 0; i < 10; i++) await attempt(user.email, "wrong");
    vi.setSystemTime(new Date("2026-11-20T10:14:00Z"));
    expect((await attempt(user.email, TEST_PASSWORD)).status).toBe(429);
    vi.setSystemTime(new Date("2026-11-20T10:15:01Z"));
    expect((await attempt(user.email, TEST_PASSWORD)).status).toBe(302);
  });
});
