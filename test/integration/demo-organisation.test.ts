import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { LEVELS } from "~/domain/levels";
import { ROLES } from "~/domain/roles";
import { prepareDatabase } from "~/server/startup";
import { getConfig } from "~/utils/env.server";
import { verifyPassword } from "~/utils/password.server";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../prisma/seed/demo-organisation";

describe("the demo organisation", () => {
  it("is seeded into an empty database at start, once, and never over existing data", async () => {
    const config = { ...getConfig(), seedDemo: true };
    expect(await prepareDatabase(config, () => {})).toEqual({ seeded: true });
    const users = await prisma.user.count();

    expect(await prepareDatabase(config, () => {})).toEqual({ seeded: false });
    expect(await prisma.user.count()).toBe(users);
  });

  it("has a sign-in for every role, each with the documented password", async () => {
    expect(DEMO_LOGINS.map((l) => l.role).sort()).toEqual([...ROLES].sort());
    for (const login of DEMO_LOGINS) {
      const user = await prisma.user.findUniqueOrThrow({
        where: { email: login.email },
        include: { roles: true, password: true },
      });
      expect(user.roles.map((r) => r.role)).toContain(login.role);
      expect(await verifyPassword(user.password!.hash, DEMO_PASSWORD)).toBe(true);
    }
  });

  it("has a dozen builders across L4–L7, each with a manager who holds the manager role", async () => {
    const builders = await prisma.builder.findMany({ include: { manager: { include: { roles: true } } } });
    expect(builders.length).toBeGreaterThanOrEqual(12);
    expect(new Set(builders.map((b) => b.level))).toEqual(new Set(LEVELS));
    for (const b of builders) {
      expect(b.manager?.roles.map((r) => r.role)).toContain("manager");
    }
  });

  it("has candidates in the pipeline", async () => {
    expect(await prisma.candidate.count()).toBeGreaterThanOrEqual(3);
  });
});

describe("start-up housekeeping", () => {
  it("deletes expired sessions and sign-in attempts older than a day, keeping live ones", async () => {
    const user = await prisma.user.findFirstOrThrow();
    const now = Date.now();
    await prisma.session.createMany({
      data: [
        { idHash: "expired", userId: user.id, createdAt: new Date(now - 10 * 864e5), expiresAt: new Date(now - 864e5) },
        { idHash: "live", userId: user.id, createdAt: new Date(now), expiresAt: new Date(now + 864e5) },
      ],
    });
    await prisma.loginAttempt.createMany({
      data: [
        { email: "a@x.example", address: "192.0.2.1", succeeded: false, at: new Date(now - 2 * 864e5) },
        { email: "a@x.example", address: "192.0.2.1", succeeded: false, at: new Date(now - 60_000) },
      ],
    });
    await prepareDatabase({ ...getConfig(), seedDemo: false }, () => {});
    expect((await prisma.session.findMany({ where: { idHash: { in: ["expired", "live"] } } })).map((s) => s.idHash)).toEqual(["live"]);
    expect(await prisma.loginAttempt.count({ where: { address: "192.0.2.1" } })).toBe(1);
  });
});
