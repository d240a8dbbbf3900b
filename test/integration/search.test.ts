import { beforeAll, describe, expect, it } from "vitest";
import { eraseCandidate } from "~/data/candidate-erasure.server";
import { prisma } from "~/data/db.server";
import type { Role } from "~/domain/roles";
import * as list from "~/routes/candidates._index/route";
import * as search from "~/routes/search/route";
import { actorOf } from "../helpers/actor";
import { publishShippedRubrics } from "../helpers/loops";
import { call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

type Results = Awaited<ReturnType<typeof search.loader>>;

const cookies = new Map<string, string>();
let ids: { self: string; report: string; other: string; manager: string };

async function cookieOf(key: string, roles: Role[], name?: string) {
  const user = await createUser(roles, name ? { name } : {});
  cookies.set(key, await sessionCookieFor(user.id));
  return user.id;
}

async function searchPage(key: string, q: string) {
  const answer = await call(search.loader, { url: `/search?${new URLSearchParams({ q })}`, cookie: cookies.get(key)! });
  expect(answer.status).toBe(200);
  return answer.body as Results;
}
/** The results of a search that is not blank. */
const searchAs = async (key: string, q: string) => (await searchPage(key, q)).results!;
const names = <T extends { name: string }>(group: { shown: T[] } | null | undefined) => group?.shown.map((x) => x.name).sort() ?? null;

beforeAll(async () => {
  await publishShippedRubrics();
  for (const role of ["admin", "recruiter", "hiring_committee", "interviewer", "promotion_committee"] as Role[]) await cookieOf(role, [role]);
  const manager = await cookieOf("manager", ["manager"], "Mona Manager");
  const otherManager = await createUser(["manager"], { name: "Otto Manager" });
  const self = await cookieOf("builder", ["builder"], "Quade Self");
  const report = await createUser(["builder"], { name: "Quentin Report", email: "quentin@northwind.example" });
  const other = await createUser(["builder"], { name: "Quinn Other" });
  const started = new Date("2025-01-06T09:00:00Z");
  await prisma.builder.createMany({
    data: [
      { userId: self, level: "L5", managerId: otherManager.id, startedAt: started },
      { userId: report.id, level: "L4", managerId: manager, startedAt: started },
      { userId: other.id, level: "L6", managerId: otherManager.id, startedAt: started },
    ],
  });
  ids = { self, report: report.id, other: other.id, manager };

  await prisma.candidate.createMany({
    data: [
      { name: "Zoë Ångström", email: "zoe.a@mail.example", source: "other", targetLevel: "L5" },
      // The same name typed on a keyboard that composes accents: e + combining diaeresis.
      { name: "Zoe\u0308 Decomposed", email: "zd@mail.example", source: "other", targetLevel: "L5", status: "rejected", statusReason: "Another fit" },
      { name: "ŁUKASZ Kowalski", email: "lk@mail.example", source: "other", targetLevel: "L6" },
      { name: "Wen 100%_Match", email: "wen@mail.example", source: "other", targetLevel: "L4" },
      ...Array.from({ length: 12 }, (_, i) => ({ name: `Many Match ${i}`, email: `many.${i}@mail.example`, source: "other", targetLevel: "L4" })),
    ],
  });

  const v2 = await prisma.rubricVersion.findFirstOrThrow({ where: { track: "builder" }, orderBy: { version: "desc" } });
  const now = new Date();
  await prisma.project.create({
    data: { ownerId: report.id, rubricVersionId: v2.id, title: "Quarterly Ångström report", problem: "Reports are slow.", mode: "satellite", approverId: manager, createdAt: now, updatedAt: now },
  });
});

describe("who finds what", () => {
  it("shows candidates only to those who read candidates", async () => {
    for (const key of ["admin", "recruiter", "hiring_committee"]) {
      expect(names((await searchAs(key, "zoe")).candidates), key).toEqual(["Zoe\u0308 Decomposed", "Zoë Ångström"].sort());
    }
    for (const key of ["interviewer", "builder", "manager", "promotion_committee"]) {
      const results = await searchAs(key, "zoe");
      expect(results.candidates, key).toBeNull();
      // Not by name, not by email: nothing of a candidate reaches them.
      expect(JSON.stringify(results), key).not.toMatch(/Zo[eë]|mail\.example/);
    }
  });

  it("shows builders by the builder record's rule: all (admin, promotion committee), one's reports (manager), oneself (builder), none otherwise", async () => {
    const found = async (key: string) => names((await searchAs(key, "qu")).builders);
    expect(await found("admin")).toEqual(["Quade Self", "Quentin Report", "Quinn Other"]);
    expect(await found("promotion_committee")).toEqual(["Quade Self", "Quentin Report", "Quinn Other"]);
    expect(await found("manager")).toEqual(["Quentin Report"]);
    expect(await found("builder")).toEqual(["Quade Self"]);
    for (const key of ["recruiter", "hiring_committee", "interviewer"]) expect(await found(key), key).toBeNull();
    // A builder's search lists no other builder's record (a project's owner is on its public summary).
    expect(JSON.stringify((await searchAs("builder", "qu")).builders)).not.toMatch(/Quentin|Quinn|L4|L6/);
    // Builders are found by email too (a colleague's address is no secret to those who read the record).
    expect(names((await searchAs("manager", "quentin@northwind")).builders)).toEqual(["Quentin Report"]);
  });

  it("shows projects to everyone signed in (every project summary is readable by all)", async () => {
    for (const key of cookies.keys()) {
      expect((await searchAs(key, "ANGSTROM REPORT")).projects.shown.map((p) => p.title), key).toEqual(["Quarterly Ångström report"]);
    }
  });

  it("sends a signed-out visitor to sign in, and back to the search afterwards", async () => {
    const answer = await call(search.loader, { url: "/search?q=zoe" });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: "/search?q=zoe" })}`);
  });
});

describe("matching", () => {
  it("ignores case, accents and how an accent was typed, in any script's case rules", async () => {
    for (const q of ["zoë", "ZOË", "Zoe", "zoe\u0308"]) expect(names((await searchAs("recruiter", q)).candidates), q).toEqual(["Zoe\u0308 Decomposed", "Zoë Ångström"].sort());
    expect(names((await searchAs("recruiter", "łukasz")).candidates)).toEqual(["ŁUKASZ Kowalski"]);
    expect(names((await searchAs("recruiter", "Lukasz")).candidates)).toEqual(["ŁUKASZ Kowalski"]);
    expect(names((await searchAs("recruiter", "angstrom")).candidates)).toEqual(["Zoë Ångström"]);
    // The candidate list matches the same way.
    const listed = await call(list.loader, { url: `/candidates?${new URLSearchParams({ q: "łukasz", status: "all" })}`, cookie: cookies.get("recruiter")! });
    expect((listed.body as Awaited<ReturnType<typeof list.loader>>).candidates.map((c) => c.name)).toEqual(["ŁUKASZ Kowalski"]);
  });

  it("reads % and _ as themselves", async () => {
    expect(names((await searchAs("recruiter", "100%_")).candidates)).toEqual(["Wen 100%_Match"]);
    expect((await searchAs("recruiter", "_")).candidates?.total).toBe(1);
  });

  it("shows ten per group with how many matched in all", async () => {
    const results = await searchAs("recruiter", "many match");
    expect(results.candidates?.shown).toHaveLength(10);
    expect(results.candidates?.total).toBe(12);
  });

  it("never finds an erased candidate, by their old name or the anonymised one", async () => {
    const erased = await prisma.candidate.create({ data: { name: "Xerxes Forgettable", email: "xerxes@mail.example", source: "other", targetLevel: "L4" } });
    expect(names((await searchAs("recruiter", "xerxes")).candidates)).toEqual(["Xerxes Forgettable"]);
    const admin = await createUser(["admin"]);
    expect(await eraseCandidate(erased.id, { reason: "Asked to be forgotten", actor: actorOf(admin.id), now: new Date() })).toMatchObject({ ok: true });
    for (const q of ["xerxes", "Forgettable", "Erased candidate", erased.id.slice(-6)]) {
      expect((await searchAs("recruiter", q)).candidates?.total, q).toBe(0);
    }
    const listed = await call(list.loader, { url: "/candidates?q=erased&status=all", cookie: cookies.get("recruiter")! });
    expect((listed.body as Awaited<ReturnType<typeof list.loader>>).candidates).toEqual([]);
  });

  it("answers an empty or blank search with no results rather than everything, and cuts a long one", async () => {
    expect((await searchPage("recruiter", "")).results).toBeNull();
    expect((await searchPage("recruiter", "   ")).results).toBeNull();
    const long = await searchPage("recruiter", "z".repeat(5000));
    expect(long.q).toHaveLength(200);
    expect(long.results?.candidates?.total).toBe(0);
  });
});
