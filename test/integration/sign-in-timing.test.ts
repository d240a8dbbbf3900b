import argon2 from "argon2";
import { countStatements } from "~/data/statement-count";
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/data/db.server";
import * as login from "~/routes/login/route";
import { ARGON2_PARAMETERS, decoyHash, hashPassword } from "~/utils/password.server";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-organisation";
import { call } from "../helpers/route";
import { createUser, TEST_PASSWORD } from "../helpers/users";

// A wrong email must cost what a wrong password costs: the same argon2 work, the same SQL, the same record. Speed is never asserted.

const attempt = (email: string, password: string, address: string) => call(login.action, { url: "/login", form: { email, password }, address });

/** `$argon2id$v=19$m=65536,p=4,t=3`: everything in a hash that decides how long checking it takes. */
const costOf = (hash: string) => hash.split("$").slice(0, 4).join("$");

afterEach(() => vi.restoreAllMocks());

describe("a wrong password for an unknown account and for an existing one", () => {
  // First in this file on purpose: the old code hashed its decoy at the first unknown email.
  it("costs one argon2 verification and no hashing on both paths, from the very first attempt", async () => {
    const user = await createUser(["builder"]);
    const hash = vi.spyOn(argon2, "hash");
    const verify = vi.spyOn(argon2, "verify");

    expect((await attempt("first-stranger@test.example", "wrong", "198.51.100.1")).status).toBe(400);
    expect([hash.mock.calls.length, verify.mock.calls.length]).toEqual([0, 1]);

    hash.mockClear();
    verify.mockClear();
    expect((await attempt(user.email, "wrong", "198.51.100.2")).status).toBe(400);
    expect([hash.mock.calls.length, verify.mock.calls.length]).toEqual([0, 1]);
  });

  it("checks against hashes with the same argon2 parameters: the decoy, a new hash (as the demo seed and onboarding make them), a stored one", async () => {
    const expected = `$argon2id$v=19$m=${ARGON2_PARAMETERS.memoryCost},p=${ARGON2_PARAMETERS.parallelism},t=${ARGON2_PARAMETERS.timeCost}`;
    expect(costOf(await decoyHash())).toBe(expected);
    expect(costOf(await hashPassword(DEMO_PASSWORD))).toBe(expected);
    const user = await createUser(["builder"]);
    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: user.id } });
    expect(costOf(stored.hash)).toBe(expected);
  });

  it("runs the same SQL statements and records the attempt the same way", async () => {
    const user = await createUser(["builder"]);
    // Every statement sent, on either database (statement-count.ts sees them all).
    const statements = async (email: string, address: string) => {
      const counted = await countStatements(async () => expect((await attempt(email, "wrong", address)).status).toBe(400));
      return counted.sql.map((sql) => sql.replace(/\s+/g, " ").trim());
    };
    const existing = await statements(user.email, "198.51.100.3");
    const unknown = await statements("another-stranger@test.example", "198.51.100.4");
    expect(existing.length).toBeGreaterThan(0);
    expect(unknown).toEqual(existing);

    const recorded = await prisma.loginAttempt.findMany({ where: { address: { in: ["198.51.100.3", "198.51.100.4"] } }, orderBy: { address: "asc" } });
    expect(recorded.map(({ email, succeeded }) => ({ email, succeeded }))).toEqual([
      { email: user.email, succeeded: false },
      { email: "another-stranger@test.example", succeeded: false },
    ]);
  });

  it("rehashes a stored hash made with other parameters at the next successful sign-in", async () => {
    const user = await createUser(["builder"]);
    const cheap = await argon2.hash(TEST_PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await prisma.password.update({ where: { userId: user.id }, data: { hash: cheap } });
    expect((await attempt(user.email, TEST_PASSWORD, "198.51.100.5")).status).toBe(302);
    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: user.id } });
    expect(costOf(stored.hash)).toBe(costOf(await decoyHash()));
    expect(await argon2.verify(stored.hash, TEST_PASSWORD)).toBe(true);
  });
});
