import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import type { Role } from "~/domain/roles";
import * as home from "~/routes/_index/route";
import { call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

type Home = Awaited<ReturnType<typeof home.loader>>;

async function homeOf(roles: Role[]): Promise<{ userId: string; data: Home }> {
  const user = await createUser(roles);
  const answer = await call(home.loader, { url: "/", cookie: await sessionCookieFor(user.id) });
  expect(answer.status).toBe(200);
  return { userId: user.id, data: answer.body as Home };
}

describe("each role's home", () => {
  it("gives a builder their own record and nothing about others", async () => {
    const manager = await createUser(["manager"]);
    const { userId, data } = await homeOf(["builder"]);
    await prisma.builder.create({ data: { userId, level: "L5", managerId: manager.id, startedAt: new Date() } });
    const again = await call(home.loader, { url: "/", cookie: await sessionCookieFor(userId) });
    const body = again.body as Home;
    expect(data.ownRecord).toBeNull(); // no record yet on the first visit
    expect(body.ownRecord).toMatchObject({ level: "L5", managerName: "Test User" });
    expect(body.reports).toBeNull();
    expect(body.roster).toBeNull();
    expect(body.candidates).toBeNull();
    expect(body.people).toBeNull();
  });

  it("gives a manager only their own reports", async () => {
    const other = await createUser(["manager"]);
    const { userId, data: _first } = await homeOf(["manager"]);
    const mine = await createUser(["builder"], { name: "Mine" });
    const theirs = await createUser(["builder"], { name: "Theirs" });
    await prisma.builder.create({ data: { userId: mine.id, level: "L4", managerId: userId, startedAt: new Date() } });
    await prisma.builder.create({ data: { userId: theirs.id, level: "L6", managerId: other.id, startedAt: new Date() } });
    const answer = await call(home.loader, { url: "/", cookie: await sessionCookieFor(userId) });
    const body = answer.body as Home;
    expect(body.reports?.map((r) => r.name)).toEqual(["Mine"]);
    expect(body.candidates).toBeNull();
  });

  it("gives recruiters and hiring committees the candidates, not the builders", async () => {
    await prisma.candidate.create({ data: { name: "Cand", email: "c@test.example", source: "founder", targetLevel: "L5" } });
    for (const role of ["recruiter", "hiring_committee"] as const) {
      const { data } = await homeOf([role]);
      expect(data.candidates?.map((c) => c.name)).toEqual(["Cand"]);
      // Loops awaiting a decision are the committee's; recruiters chase scorecards instead.
      expect(data.inReview === null).toBe(role === "recruiter");
      expect(data.owed === null).toBe(role === "hiring_committee");
      expect(data.roster).toBeNull();
      expect(data.reports).toBeNull();
    }
  });

  it("gives an interviewer their interview panel and no candidate list", async () => {
    const { data } = await homeOf(["interviewer"]);
    expect(data.queue).toEqual({ upcoming: [], toWrite: [], drafts: [], overdue: [] });
    expect(data.owed).toBeNull();
    expect(data.candidates).toBeNull();
    expect(data.people).toBeNull();
  });

  it("gives the promotion committee the roster and an admin the head counts", async () => {
    expect((await homeOf(["promotion_committee"])).data.roster).not.toBeNull();
    const { data } = await homeOf(["admin"]);
    expect(data.people).toMatchObject({ admin: 1 });
  });
});
