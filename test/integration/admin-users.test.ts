import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import * as users from "~/routes/admin.users/route";
import { call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

const rolesOf = async (userId: string) =>
  (await prisma.userRole.findMany({ where: { userId }, orderBy: { role: "asc" } })).map((r) => r.role);

describe("admin: users and roles", () => {
  it("lists every user with their roles", async () => {
    const admin = await createUser(["admin"], { name: "Ada Admin" });
    await createUser(["builder", "interviewer"], { name: "Bo Builder" });
    const answer = await call(users.loader, { url: "/admin/users", cookie: await sessionCookieFor(admin.id) });
    const body = answer.body as Awaited<ReturnType<typeof users.loader>>;
    expect(body.users.map((u) => [u.name, u.roles])).toEqual([
      ["Ada Admin", ["admin"]],
      ["Bo Builder", ["interviewer", "builder"]],
    ]);
  });

  it("sets a user's roles", async () => {
    const admin = await createUser(["admin"]);
    const target = await createUser(["builder"]);
    const answer = await call(users.action, {
      url: "/admin/users",
      cookie: await sessionCookieFor(admin.id),
      form: { intent: "roles", userId: target.id, roles: ["builder", "interviewer"] },
    });
    expect(answer.status).toBe(200);
    expect(await rolesOf(target.id)).toEqual(["builder", "interviewer"]);
  });

  it.each([
    ["no roles", {}, "roles"],
    ["an unknown role", { roles: ["overlord"] }, "roles"],
    ["an empty user id", { userId: "", roles: ["admin"] }, "userId"],
  ])("rejects %s with 400 and a field error, writing nothing", async (_label, form, field) => {
    const admin = await createUser(["admin"]);
    const target = await createUser(["builder"]);
    const answer = await call(users.action, {
      url: "/admin/users",
      cookie: await sessionCookieFor(admin.id),
      form: { intent: "roles", userId: target.id, ...form } as Record<string, string | string[]>,
    });
    expect(answer.status).toBe(400);
    expect((answer.body as { fieldErrors: Record<string, string[]> }).fieldErrors[field]).toBeDefined();
    expect(await rolesOf(target.id)).toEqual(["builder"]);
  });

  it("refuses to let admins remove their own admin role", async () => {
    const admin = await createUser(["admin", "recruiter"]);
    const answer = await call(users.action, {
      url: "/admin/users",
      cookie: await sessionCookieFor(admin.id),
      form: { intent: "roles", userId: admin.id, roles: ["recruiter"] },
    });
    // Not one's own to remove, as deactivating oneself: forbidden (403), with the form's message.
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ reason: "forbidden", formErrors: ["You cannot remove your own admin role; ask another admin."] });
    expect(await rolesOf(admin.id)).toEqual(["admin", "recruiter"]);
  });

  it("answers 404 for a user that does not exist", async () => {
    const admin = await createUser(["admin"]);
    const answer = await call(users.action, {
      url: "/admin/users",
      cookie: await sessionCookieFor(admin.id),
      form: { intent: "roles", userId: "no-such-user", roles: ["builder"] },
    });
    expect(answer.status).toBe(404);
  });
});
