/**
 * Demos: the feed (/demos) and its curators' flags, the highlights (/demos/highlights) and the
 * owner's form (/projects/:projectId/demos/new), through their loaders and actions.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/data/db.server";
import { applyProjectAction, createProject, postDemo } from "~/data/project-workflow.server";
import { findProject } from "~/data/projects.server";
import { projectSchema } from "~/domain/project/forms";
import type { Role } from "~/domain/roles";
import * as feed from "~/routes/demos._index/route";
import * as highlights from "~/routes/demos.highlights/route";
import * as newDemo from "~/routes/projects.$projectId.demos.new/route";
import { TEST_CLOCK_HEADER } from "~/utils/clock.server";
import { actorOf } from "../helpers/actor";
import { publishShippedRubrics } from "../helpers/loops";
import { BASE, call, type Answer } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

// Before any import reads the configuration: the test clock is on for this file only.
const previousTestClock = vi.hoisted(() => {
  const previous = process.env.TEST_CLOCK;
  process.env.TEST_CLOCK = "true";
  return previous;
});
afterAll(() => {
  if (previousTestClock === undefined) delete process.env.TEST_CLOCK;
  else process.env.TEST_CLOCK = previousTestClock;
});

type Feed = Awaited<ReturnType<typeof feed.loader>>;
type Highlights = Awaited<ReturnType<typeof highlights.loader>>;
type NewDemo = Awaited<ReturnType<typeof newDemo.loader>>;
type User = { id: string; name: string };
type Handler = (args: { request: Request; params: Record<string, string>; context: { clientAddress: string; cspNonce: string } }) => unknown;

const NOW = new Date("2026-03-11T15:00:00Z"); // a Wednesday; its week starts on Monday 2026-03-09

let manager: User;
let admin: User;
let owner: User;
let approver: User;
let projectId: string;

async function builderOf(boss: User | null, name: string): Promise<User> {
  const user = await createUser(["builder"], { name });
  await prisma.builder.create({ data: { userId: user.id, level: "L5", managerId: boss?.id ?? null, startedAt: new Date("2024-01-01T00:00:00Z") } });
  return user;
}

async function newProject(projectOwner: User, title: string): Promise<string> {
  const input = projectSchema.parse({ title, problem: "Teams stall in set-up.", mode: "satellite", team: "Growth", prd: "", approverId: approver.id, metrics: [] });
  const created = await createProject(actorOf(projectOwner), input, new Date("2026-01-05T09:00:00Z"));
  if (!created.ok) throw new Error(created.message);
  return created.id;
}

async function demoOf(id: string, presenter: User, title: string, demoOn: string) {
  const project = (await findProject(id))!;
  const posted = await postDemo(project, actorOf(presenter), { title, shows: `What ${title} shows.`, link: "https://video.example/" + encodeURIComponent(title), demoOn }, new Date(`${demoOn}T18:00:00Z`));
  if (!posted.ok) throw new Error(posted.message);
  return posted.id;
}

beforeAll(async () => {
  await publishShippedRubrics();
  manager = await createUser(["manager"], { name: "Marcus Curator" });
  admin = await createUser(["admin"], { name: "Morgan Admin" });
  approver = await createUser(["interviewer"], { name: "Ivy Approver" });
  owner = await builderOf(manager, "Bea Presenter");
  projectId = await newProject(owner, "Guided set-up");
});

const cookies = new Map<string, string>();
async function cookie(user: { id: string }) {
  if (!cookies.has(user.id)) cookies.set(user.id, await sessionCookieFor(user.id));
  return cookies.get(user.id)!;
}

/** Calls a handler as Remix would, at `now` (the test clock's header). */
async function invoke(handler: Handler | undefined, input: { url: string; user: { id: string } | null; form?: Record<string, string>; params?: Record<string, string>; now?: Date }): Promise<Answer> {
  const wrapped: Handler = async (args) => {
    if (input.now) args.request.headers.set(TEST_CLOCK_HEADER, input.now.toISOString());
    return handler!(args);
  };
  return call(wrapped, { url: input.url, cookie: input.user ? await cookie(input.user) : null, form: input.form, params: input.params });
}

const roleUser = async (role: Role) => createUser([role], { name: `A ${role}` });

describe("the demo feed", () => {
  it("shows every signed-in user the latest demos by week, newest first, flagged ones marked; curators alone get the controls", async () => {
    const other = await builderOf(manager, "Omar Other");
    const otherProject = await newProject(other, "Usage billing");
    await demoOf(projectId, owner, "Feed: first look", "2026-03-02");
    const flagged = await demoOf(otherProject, other, "Feed: invoices", "2026-03-10");
    await prisma.demo.update({ where: { id: flagged }, data: { flaggedById: manager.id, flaggedAt: NOW, flagNote: "Everyone should see this." } });

    for (const role of ["admin", "recruiter", "interviewer", "hiring_committee", "manager", "builder", "promotion_committee"] as const) {
      const answer = await invoke(feed.loader, { url: "/demos", user: await roleUser(role), now: NOW });
      expect(answer.status).toBe(200);
      const body = answer.body as Feed;
      expect(body.canCurate).toBe(role === "manager" || role === "admin");
      const mine = body.weeks.map((w) => [w.weekStart, w.demos.filter((d) => d.title.startsWith("Feed:")).map((d) => [d.title, d.projectTitle, d.presenter.name, d.flagged?.note ?? null])]);
      expect(mine).toContainEqual(["2026-03-09", [["Feed: invoices", "Usage billing", "Omar Other", "Everyone should see this."]]]);
      expect(mine).toContainEqual(["2026-03-02", [["Feed: first look", "Guided set-up", "Bea Presenter", null]]]);
      const starts = body.weeks.map((w) => w.weekStart);
      expect(starts).toEqual([...starts].sort().reverse());
    }
  });

  it("sends a signed-out visitor to sign in, and back afterwards", async () => {
    const answer = await invoke(feed.loader, { url: "/demos", user: null });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/login?redirectTo=%2Fdemos");
  });
});

describe("flagging a demo", () => {
  it("lets a manager flag a demo with a note, recorded at the request's time, and an admin take the flag back", async () => {
    const demoId = await demoOf(projectId, owner, "To be flagged", "2026-03-09");
    const flag = await invoke(feed.action, { url: "/demos", user: manager, form: { intent: "flag", demoId, note: "  Shows the new onboarding.  " }, now: NOW });
    expect(flag.status).toBe(200);
    expect(await prisma.demo.findUniqueOrThrow({ where: { id: demoId } })).toMatchObject({ flaggedById: manager.id, flaggedAt: NOW, flagNote: "Shows the new onboarding." });

    const unflag = await invoke(feed.action, { url: "/demos", user: admin, form: { intent: "unflag", demoId }, now: NOW });
    expect(unflag.status).toBe(200);
    expect(await prisma.demo.findUniqueOrThrow({ where: { id: demoId } })).toMatchObject({ flaggedById: null, flaggedAt: null, flagNote: "" });
  });

  it("accepts a flag without a note", async () => {
    const demoId = await demoOf(projectId, owner, "Flag, no note", "2026-03-09");
    expect((await invoke(feed.action, { url: "/demos", user: manager, form: { intent: "flag", demoId }, now: NOW })).status).toBe(200);
    expect(await prisma.demo.findUniqueOrThrow({ where: { id: demoId } })).toMatchObject({ flaggedById: manager.id, flagNote: "" });
  });

  it("refuses everyone who is not a curator with 403, the demo's owner included, and writes nothing", async () => {
    const demoId = await demoOf(projectId, owner, "Not theirs to flag", "2026-03-09");
    for (const user of [owner, approver, await roleUser("recruiter"), await roleUser("hiring_committee"), await roleUser("promotion_committee")]) {
      const answer = await invoke(feed.action, { url: "/demos", user, form: { intent: "flag", demoId, note: "Mine" } });
      expect(answer.status).toBe(403);
    }
    expect((await prisma.demo.findUniqueOrThrow({ where: { id: demoId } })).flaggedAt).toBeNull();
  });

  it("answers 404 for a demo that does not exist", async () => {
    const answer = await invoke(feed.action, { url: "/demos", user: manager, form: { intent: "flag", demoId: "no-such-demo" } });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ reason: "not_found", formErrors: ["No such demo."] });
  });

  it("answers 400 with the field at fault for bad input, and writes nothing", async () => {
    const demoId = await demoOf(projectId, owner, "Bad input", "2026-03-09");
    const cases: Array<[Record<string, string>, string]> = [
      [{ intent: "promote", demoId }, "intent"],
      [{ intent: "flag" }, "demoId"],
      [{ intent: "flag", demoId: "" }, "demoId"],
      [{ intent: "flag", demoId, note: "x".repeat(501) }, "note"],
      [{}, "intent"],
    ];
    for (const [form, field] of cases) {
      const answer = await invoke(feed.action, { url: "/demos", user: manager, form });
      expect(answer.status).toBe(400);
      expect(Object.keys((answer.body as { fieldErrors: Record<string, unknown> }).fieldErrors)).toContain(field);
    }
    expect((await prisma.demo.findUniqueOrThrow({ where: { id: demoId } })).flaggedAt).toBeNull();
  });

  it("answers 415 to a body that is not a form", async () => {
    const json = new Request(new URL("/demos", BASE), { method: "POST", headers: { Cookie: await cookie(manager), "Content-Type": "application/json" }, body: "{}" });
    const answer = await call(() => feed.action({ request: json, params: {}, context: { clientAddress: "203.0.113.7", cspNonce: "" } }), { url: "/demos" });
    expect(answer.status).toBe(415);
  });
});

describe("the highlights", () => {
  it("show the flagged demos of the last 13 weeks by week, newest first, with who flagged them and why", async () => {
    const hl = await newProject(owner, "Highlights project");
    const thisWeek = await demoOf(hl, owner, "HL this week", "2026-03-10");
    const lastWeek = await demoOf(hl, owner, "HL last week", "2026-03-04");
    const quarterAgo = await demoOf(hl, owner, "HL first week of the quarter", "2025-12-15");
    const tooOld = await demoOf(hl, owner, "HL too old", "2025-12-14");
    await demoOf(hl, owner, "HL not flagged", "2026-03-10");
    for (const id of [thisWeek, lastWeek, quarterAgo, tooOld]) {
      await invoke(feed.action, { url: "/demos", user: manager, form: { intent: "flag", demoId: id, note: id === thisWeek ? "Watch this one." : "" }, now: NOW });
    }

    const answer = await invoke(highlights.loader, { url: "/demos/highlights", user: approver, now: NOW });
    expect(answer.status).toBe(200);
    const body = answer.body as Highlights;
    expect(body.since).toBe("2025-12-15");
    expect(body.canCurate).toBe(false);
    const shown = body.weeks
      .map((w): [string, string[]] => [w.weekStart, w.demos.filter((d) => d.title.startsWith("HL")).map((d) => d.title)])
      .filter(([, titles]) => titles.length > 0);
    expect(shown).toEqual([
      ["2026-03-09", ["HL this week"]],
      ["2026-03-02", ["HL last week"]],
      ["2025-12-15", ["HL first week of the quarter"]],
    ]);
    const watched = body.weeks[0]!.demos.find((d) => d.id === thisWeek)!;
    expect(watched.flagged).toMatchObject({ by: { id: manager.id, name: "Marcus Curator" }, note: "Watch this one.", at: NOW });
    expect((await invoke(highlights.loader, { url: "/demos/highlights", user: admin, now: NOW })).body).toMatchObject({ canCurate: true });
  });
});

describe("posting a demo", () => {
  const url = () => `/projects/${projectId}/demos/new`;
  const valid = { title: "Set-up in three steps", shows: "A new team gets to its first board in a minute.", link: "https://video.example/setup", demoOn: "2026-03-11" };

  it("opens the form to the project's owner, with the latest date allowed", async () => {
    const answer = await invoke(newDemo.loader, { url: url(), user: owner, params: { projectId }, now: NOW });
    expect(answer.status).toBe(200);
    expect(answer.body as NewDemo).toMatchObject({ project: { id: projectId, title: "Guided set-up", launched: false }, latestDay: "2026-03-12", today: "2026-03-11" });
  });

  it("posts the owner's demo, presented by them, and goes back to the project", async () => {
    const answer = await invoke(newDemo.action, { url: url(), user: owner, params: { projectId }, form: valid, now: NOW });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/projects/${projectId}`);
    const demo = await prisma.demo.findFirstOrThrow({ where: { title: valid.title } });
    expect(demo).toMatchObject({ projectId, presenterId: owner.id, shows: valid.shows, link: valid.link, demoOn: new Date("2026-03-11T00:00:00Z"), createdAt: NOW, flaggedAt: null });
  });

  it("takes tomorrow's date (UTC) for a time zone ahead, and refuses any later date with 400 on the date field", async () => {
    const tomorrow = await invoke(newDemo.action, { url: url(), user: owner, params: { projectId }, form: { ...valid, title: "Tomorrow in UTC", demoOn: "2026-03-12" }, now: NOW });
    expect(tomorrow.status).toBe(302);
    const later = await invoke(newDemo.action, { url: url(), user: owner, params: { projectId }, form: { ...valid, title: "A future demo", demoOn: "2026-03-13" }, now: NOW });
    expect(later.status).toBe(400);
    expect((later.body as { fieldErrors: Record<string, string[]> }).fieldErrors.demoOn).toEqual(["Post a demo once it has happened: choose a date no later than 12 Mar 2026."]);
    expect(await prisma.demo.count({ where: { title: "A future demo" } })).toBe(0);
  });

  it("answers 400 with each field at fault, and writes nothing", async () => {
    const before = await prisma.demo.count();
    const cases: Array<[Record<string, string>, string]> = [
      [{ ...valid, title: " " }, "title"],
      [{ ...valid, shows: "" }, "shows"],
      [{ ...valid, link: "javascript:alert(1)" }, "link"],
      [{ ...valid, link: "video.example/setup" }, "link"],
      [{ ...valid, demoOn: "2026-02-30" }, "demoOn"],
      [{ ...valid, demoOn: "yesterday" }, "demoOn"],
      [{ ...valid, title: "x".repeat(201) }, "title"],
    ];
    for (const [form, field] of cases) {
      const answer = await invoke(newDemo.action, { url: url(), user: owner, params: { projectId }, form, now: NOW });
      expect(answer.status, JSON.stringify(form).slice(0, 80)).toBe(400);
      expect(Object.keys((answer.body as { fieldErrors: Record<string, unknown> }).fieldErrors)).toEqual([field]);
    }
    expect(await prisma.demo.count()).toBe(before);
  });

  it("refuses everyone but the owner with 403 (their manager, the approver, a curator, an admin), loader and action, and writes nothing", async () => {
    const before = await prisma.demo.count();
    for (const user of [manager, approver, admin, await builderOf(manager, "Another Builder"), await roleUser("promotion_committee")]) {
      expect((await invoke(newDemo.loader, { url: url(), user, params: { projectId } })).status).toBe(403);
      expect((await invoke(newDemo.action, { url: url(), user, params: { projectId }, form: valid })).status).toBe(403);
    }
    expect(await prisma.demo.count()).toBe(before);
  });

  it("answers 404 for a project that does not exist", async () => {
    expect((await invoke(newDemo.loader, { url: "/projects/nope/demos/new", user: owner, params: { projectId: "nope" } })).status).toBe(404);
    expect((await invoke(newDemo.action, { url: "/projects/nope/demos/new", user: owner, params: { projectId: "nope" }, form: valid })).status).toBe(404);
  });

  it("refuses a demo of a project withdrawn before it launched, even from its owner", async () => {
    const withdrawn = await newProject(owner, "Withdrawn idea");
    const project = (await findProject(withdrawn))!;
    const closed = await applyProjectAction(withdrawn, actorOf(owner), { kind: "close", outcome: "withdrawn", note: "" }, project.version, NOW);
    expect(closed.ok).toBe(true);
    expect((await invoke(newDemo.loader, { url: `/projects/${withdrawn}/demos/new`, user: owner, params: { projectId: withdrawn } })).status).toBe(403);
    expect((await invoke(newDemo.action, { url: `/projects/${withdrawn}/demos/new`, user: owner, params: { projectId: withdrawn }, form: valid })).status).toBe(403);
  });
});
