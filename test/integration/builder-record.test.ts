import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import * as record from "~/routes/builders.$userId/route";
import { publishShippedRubrics } from "../helpers/loops";
import { call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

let bea: { id: string };
let marcus: { id: string };

beforeAll(async () => {
  await publishShippedRubrics();
  marcus = await createUser(["manager"], { name: "Marcus" });
  bea = await createUser(["builder"], { name: "Bea" });
  const v2 = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 2 } } });
  await prisma.builder.create({
    data: {
      userId: bea.id,
      level: "L5",
      managerId: marcus.id,
      startedAt: new Date("2024-03-04T09:00:00Z"),
      rubricVersionId: v2.id,
      baseSalary: 235000,
      currency: "USD",
      levelHistory: {
        create: [
          { level: "L4", effectiveAt: new Date("2024-03-04T09:00:00Z"), reason: "joined" },
          { level: "L5", effectiveAt: new Date("2025-09-01T09:00:00Z"), reason: "promoted", note: "Onboarding rebuild." },
        ],
      },
    },
  });
});

const open = async (viewer: { id: string }) =>
  call(record.loader, { url: `/builders/${bea.id}`, cookie: await sessionCookieFor(viewer.id), params: { userId: bea.id } });

describe("a builder's record", () => {
  it("shows the builder their level, pinned rubric, pay against the band and level history", async () => {
    const answer = await open(bea);
    expect(answer.status).toBe(200);
    const body = answer.body as Awaited<ReturnType<typeof record.loader>>;
    expect(body).toMatchObject({ isSelf: true, level: "L5", managerName: "Marcus", rubricVersion: { track: "builder", version: 2 } });
    // L5 band in builder v2: 205,000 / 235,000 / 265,000 → compa-ratio 235,000 / 235,000 = 1.
    expect(body.pay).toMatchObject({ baseSalary: 235000, currency: "USD", compaRatio: 1, band: { base: { min: 205000, mid: 235000, max: 265000 } } });
    expect(body.history.map((h) => [h.level, h.reason])).toEqual([["L4", "joined"], ["L5", "promoted"]]);
  });

  it("shows the record and pay to the builder's manager, the promotion committee and admins", async () => {
    for (const viewer of [marcus, await createUser(["promotion_committee"]), await createUser(["admin"])]) {
      const answer = await open(viewer);
      expect(answer.status).toBe(200);
      expect((answer.body as { pay: unknown }).pay).not.toBeNull();
    }
  });

  it("refuses everyone else, and sends no pay with the refusal", async () => {
    const others = [
      await createUser(["builder"]),
      await createUser(["manager"]),
      await createUser(["hiring_committee"]),
      await createUser(["recruiter", "interviewer"]),
    ];
    for (const viewer of others) {
      const answer = await open(viewer);
      expect(answer.status).toBe(403);
      expect(JSON.stringify(answer.body)).not.toContain("235000");
    }
  });

  it("answers 404 for someone who is not a builder", async () => {
    const answer = await call(record.loader, { url: "/", cookie: await sessionCookieFor(marcus.id), params: { userId: marcus.id } });
    expect(answer.status).toBe(404);
  });
});
