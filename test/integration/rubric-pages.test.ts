import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { syncRubricFiles } from "~/data/rubrics.server";
import type { Role } from "~/domain/roles";
import * as compare from "~/routes/rubrics.$track.compare/route";
import * as levels from "~/routes/rubrics.$track.$version.levels/route";
import * as version from "~/routes/rubrics.$track.$version._index/route";
import * as list from "~/routes/rubrics._index/route";
import { call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

beforeAll(async () => {
  await syncRubricFiles(new Date());
});

async function as(roles: Role[]) {
  const user = await createUser(roles);
  return { user, cookie: await sessionCookieFor(user.id) };
}

const PAY_FIGURE = "175000"; // builder L4 base min

describe("rubric pages: who sees pay", () => {
  it.each<[Role, boolean]>([
    ["admin", true],
    ["hiring_committee", true],
    ["promotion_committee", true],
    ["manager", true],
    ["builder", false],
    ["interviewer", false],
    ["recruiter", false],
  ])("the level matrix gives %s band figures: %s", async (role, allowed) => {
    const { cookie } = await as([role]);
    const answer = await call(levels.loader, { url: "/rubrics/builder/v1/levels", cookie, params: { track: "builder", version: "v1" } });
    expect(answer.status).toBe(200);
    const body = answer.body as Awaited<ReturnType<typeof levels.loader>>;
    expect(body.rubric.levels).toHaveLength(4);
    expect(body.bands !== null).toBe(allowed);
    expect(JSON.stringify(body).includes(PAY_FIGURE)).toBe(allowed);
  });

  it("never sends band figures with the version page, even to admins", async () => {
    const { cookie } = await as(["admin"]);
    const answer = await call(version.loader, { url: "/rubrics/builder/v1", cookie, params: { track: "builder", version: "v1" } });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).not.toContain(PAY_FIGURE);
    expect((answer.body as { canManage: boolean }).canManage).toBe(true);
  });

  it("compares bands only for roles allowed to see pay", async () => {
    // A version after the newest shipped one (builder v3) that changes only a band figure.
    const content = JSON.parse((await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 3 } } })).content);
    content.version = 4;
    content.bands.levels.L5.base.max = 271000;
    await prisma.rubricVersion.create({
      data: { track: "builder", version: 4, name: "Builder", content: JSON.stringify(content), contentHash: "test", publishedAt: new Date(), updatedAt: new Date() },
    });
    try {
      const url = "/rubrics/builder/compare?from=3&to=4";
      const manager = await call(compare.loader, { url, cookie: (await as(["manager"])).cookie, params: { track: "builder" } });
      expect(JSON.stringify(manager.body)).toContain("271,000");
      const builder = await call(compare.loader, { url, cookie: (await as(["builder"])).cookie, params: { track: "builder" } });
      expect(JSON.stringify(builder.body)).not.toContain("271");
      expect((builder.body as { total: number }).total).toBe(0);
    } finally {
      await prisma.rubricVersion.deleteMany({ where: { track: "builder", version: 4 } });
    }
  });
});

describe("rubric pages: reading", () => {
  it("lists tracks with their current and previous versions", async () => {
    const { cookie } = await as(["interviewer"]);
    const answer = await call(list.loader, { url: "/rubrics", cookie });
    const body = answer.body as Awaited<ReturnType<typeof list.loader>>;
    expect(body.tracks.map((t) => [t.track, t.versions.map((v) => `v${v.version} ${v.status}`)])).toEqual([
      ["builder", ["v3 current", "v2 previous", "v1 previous"]],
      ["product-builder", ["v1 current"]],
    ]);
  });

  it("compares the previous version with the current one by default: v2 with v3, which adds the project process", async () => {
    const { cookie } = await as(["builder"]);
    const answer = await call(compare.loader, { url: "/rubrics/builder/compare", cookie, params: { track: "builder" } });
    const body = answer.body as Awaited<ReturnType<typeof compare.loader>>;
    expect([body.from, body.to]).toEqual([2, 3]);
    expect(body.versions).toEqual([3, 2, 1]);
    expect(body.changelog[0]).toMatch(/project process/);
    expect(body.diff.map((s) => s.id)).toEqual(["project_process"]);
    expect(body.diff[0]!.added.map((i) => i.label)).toEqual([
      "PRD",
      "PRD section: Problem",
      "PRD section: Solution",
      "PRD section: Success criteria",
      "PRD section: Risks and rollback",
      "Success metrics, checkpoint and reviews",
      "Founder mode",
      "Demos",
    ]);
    expect(body.diff[0]!.removed).toEqual([]);
    expect(body.diff[0]!.changed).toEqual([]);
    expect(body.total).toBe(8);
  });

  it("compares v1 with v2 when asked", async () => {
    const { cookie } = await as(["builder"]);
    const answer = await call(compare.loader, { url: "/rubrics/builder/compare?from=1&to=2", cookie, params: { track: "builder" } });
    const body = answer.body as Awaited<ReturnType<typeof compare.loader>>;
    expect([body.from, body.to]).toEqual([1, 2]);
    expect(body.diff.map((s) => s.id)).toEqual(["competencies", "red_flags", "stages", "criteria", "levels", "decision_rules"]);
  });

  it.each([
    ["an unknown version", { track: "builder", version: "v9" }],
    ["a version without its v", { track: "builder", version: "1" }],
    ["an unknown track", { track: "nope", version: "v1" }],
  ])("answers 404 for %s", async (_label, params) => {
    const { cookie } = await as(["builder"]);
    const answer = await call(version.loader, { url: "/rubrics/x", cookie, params });
    expect(answer.status).toBe(404);
  });

  it("sends people who are not signed in to sign in", async () => {
    const answer = await call(levels.loader, { url: "/rubrics/builder/v1/levels", params: { track: "builder", version: "v1" } });
    expect(answer.status).toBe(302);
  });
});

describe("retiring a version", () => {
  const params = { track: "builder", version: "v1" };
  const statusOf = async (v: number) =>
    (await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: v } } })).retiredAt;

  it("is for admins only", async () => {
    for (const role of ["manager", "promotion_committee", "builder"] as const) {
      const answer = await call(version.action, { url: "/rubrics/builder/v1", cookie: (await as([role])).cookie, params, form: { intent: "retire" } });
      expect(answer.status).toBe(403);
    }
    expect(await statusOf(1)).toBeNull();
  });

  it("retires and reinstates, recording who", async () => {
    const { user, cookie } = await as(["admin"]);
    expect((await call(version.action, { url: "/rubrics/builder/v1", cookie, params, form: { intent: "retire" } })).status).toBe(200);
    const row = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 1 } } });
    expect(row.retiredAt).not.toBeNull();
    expect(row.retiredById).toBe(user.id);

    const page = await call(version.loader, { url: "/rubrics/builder/v1", cookie, params });
    expect((page.body as { summary: { status: string } }).summary.status).toBe("retired");

    expect((await call(version.action, { url: "/rubrics/builder/v1", cookie, params, form: { intent: "reinstate" } })).status).toBe(200);
    expect(await statusOf(1)).toBeNull();
  });

  it("refuses to retire a track's only version in service", async () => {
    const { cookie } = await as(["admin"]);
    const answer = await call(version.action, {
      url: "/rubrics/product-builder/v1",
      cookie,
      params: { track: "product-builder", version: "v1" },
      form: { intent: "retire" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ formErrors: [expect.stringMatching(/only version in service/)] });
  });

  it("rejects an unknown intent with a field error", async () => {
    const { cookie } = await as(["admin"]);
    const answer = await call(version.action, { url: "/rubrics/builder/v1", cookie, params, form: { intent: "delete" } });
    expect(answer.status).toBe(400);
    expect((answer.body as { fieldErrors: Record<string, unknown> }).fieldErrors.intent).toBeDefined();
    expect(await statusOf(1)).toBeNull();
  });
});
