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

describe("starting a promotion packet from a builder's record", () => {
  let manager: { id: string };
  const builderAt = async (level: string, reportsTo: { id: string } | null = manager) => {
    const user = await createUser(["builder"]);
    await prisma.builder.create({ data: { userId: user.id, level, managerId: reportsTo?.id ?? null, startedAt: new Date("2024-01-08T09:00:00Z") } });
    return user;
  };
  const startFor = async (builderId: string, viewer: { id: string }) =>
    call(record.action, { url: `/builders/${builderId}`, cookie: await sessionCookieFor(viewer.id), params: { userId: builderId }, form: { intent: "start-packet" } });
  const recordOf = async (builderId: string, viewer: { id: string }) =>
    (await call(record.loader, { url: `/builders/${builderId}`, cookie: await sessionCookieFor(viewer.id), params: { userId: builderId } })).body as Awaited<
      ReturnType<typeof record.loader>
    >;

  beforeAll(async () => {
    manager = await createUser(["manager"], { name: "Aisha" });
  });

  it("lets the builder start their own packet for the next level, pinned to the rubric, and opens it", async () => {
    const builder = await builderAt("L4");
    expect((await recordOf(builder.id, builder)).promotion).toEqual({ nextLevel: "L5", openPacketId: null, canStart: true });
    const before = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 3 } } });
    expect(before.firstUsedAt).toBeNull();
    const answer = await startFor(builder.id, builder);
    expect(answer.status).toBe(302);
    const packet = await prisma.promotionPacket.findFirstOrThrow({ where: { builderId: builder.id }, include: { rubricVersion: true } });
    expect(answer.headers.get("Location")).toBe(`/packets/${packet.id}`);
    expect(packet).toMatchObject({ fromLevel: "L4", targetLevel: "L5", status: "draft", createdById: builder.id });
    // No version pinned on the builder: the track's current one (v3), now in use and immutable.
    expect(packet.rubricVersion).toMatchObject({ track: "builder", version: 3 });
    expect(packet.rubricVersion.firstUsedAt).not.toBeNull();
    const after = await recordOf(builder.id, builder);
    expect(after.promotion).toEqual({ nextLevel: "L5", openPacketId: packet.id, canStart: true });
    expect(after.packets.map((p) => [p.id, p.status])).toEqual([[packet.id, "draft"]]);
  });

  it("uses the builder's pinned version and lets their manager start it", async () => {
    const answer = await startFor(bea.id, marcus);
    expect(answer.status).toBe(302);
    const packet = await prisma.promotionPacket.findFirstOrThrow({ where: { builderId: bea.id }, include: { rubricVersion: true } });
    expect(packet).toMatchObject({ fromLevel: "L5", targetLevel: "L6", createdById: marcus.id });
    expect(packet.rubricVersion).toMatchObject({ track: "builder", version: 2 });
  });

  it("lists the packets each reader may open: the promotion committee sees no draft", async () => {
    const builder = await builderAt("L4");
    await startFor(builder.id, builder);
    const committee = await createUser(["promotion_committee"]);
    const admin = await createUser(["admin"]);
    expect((await recordOf(builder.id, manager)).packets.map((p) => p.status)).toEqual(["draft"]);
    expect((await recordOf(builder.id, admin)).packets.map((p) => p.status)).toEqual(["draft"]);
    expect((await recordOf(builder.id, committee)).packets).toEqual([]);
    expect((await recordOf(builder.id, committee)).promotion).toEqual({ nextLevel: "L5", openPacketId: null, canStart: false });
    await prisma.promotionPacket.updateMany({ where: { builderId: builder.id }, data: { status: "submitted", submittedAt: new Date() } });
    expect((await recordOf(builder.id, committee)).packets.map((p) => p.status)).toEqual(["submitted"]);
  });

  it("refuses another builder, another manager and the committees with a 403, and starts nothing", async () => {
    const builder = await builderAt("L5");
    for (const viewer of [await createUser(["builder"]), await createUser(["manager"]), await createUser(["promotion_committee"]), await createUser(["admin"])]) {
      const answer = await startFor(builder.id, viewer);
      expect(answer.status).toBe(403);
      expect((await recordOf(builder.id, viewer)).promotion?.canStart ?? false).toBe(false);
    }
    expect(await prisma.promotionPacket.count({ where: { builderId: builder.id } })).toBe(0);
  });

  it("answers 409 with the reason for a second open packet, and keeps the first", async () => {
    const builder = await builderAt("L6");
    expect((await startFor(builder.id, builder)).status).toBe(302);
    const second = await startFor(builder.id, manager);
    expect(second.status).toBe(409);
    expect((second.body as { formErrors: string[] }).formErrors).toEqual(["There is already an open packet for L7: finish it before starting another."]);
    expect(await prisma.promotionPacket.count({ where: { builderId: builder.id } })).toBe(1);
  });

  it("lets a builder start again once the last packet is decided", async () => {
    const builder = await builderAt("L5");
    await startFor(builder.id, builder);
    await prisma.promotionPacket.updateMany({ where: { builderId: builder.id }, data: { status: "decided" } });
    expect((await recordOf(builder.id, builder)).promotion.openPacketId).toBeNull();
    expect((await startFor(builder.id, builder)).status).toBe(302);
    expect(await prisma.promotionPacket.count({ where: { builderId: builder.id } })).toBe(2);
  });

  it("offers no packet at L7, the top of the ladder, and refuses one with a 409", async () => {
    const builder = await builderAt("L7");
    expect((await recordOf(builder.id, manager)).promotion).toEqual({ nextLevel: null, openPacketId: null, canStart: true });
    const answer = await startFor(builder.id, builder);
    expect(answer.status).toBe(409);
    expect((answer.body as { formErrors: string[] }).formErrors[0]).toContain("L7 is the top of the ladder");
    expect(await prisma.promotionPacket.count({ where: { builderId: builder.id } })).toBe(0);
  });

  it("refuses an unknown intent and an unknown builder", async () => {
    const builder = await builderAt("L4");
    const answer = await call(record.action, { url: `/builders/${builder.id}`, cookie: await sessionCookieFor(builder.id), params: { userId: builder.id }, form: { intent: "promote-me" } });
    expect(answer.status).toBe(400);
    expect((await startFor(manager.id, manager)).status).toBe(404);
    expect(await prisma.promotionPacket.count({ where: { builderId: builder.id } })).toBe(0);
  });
});
