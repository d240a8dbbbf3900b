import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { invitePeer, saveEvidence } from "~/data/packet-drafts.server";
import { startPacket } from "~/data/packet-workflow.server";
import type { Role } from "~/domain/roles";
import * as home from "~/routes/_index/route";
import { actorOf } from "../helpers/actor";
import { loopWithInterviews, publishShippedRubrics } from "../helpers/loops";
import { CANDIDATES_SHOWN, OWED_LOOPS_SHOWN } from "~/views/home-page";
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

  it("shows the newest candidates still in the pipeline, and how many there are, however many", async () => {
    const base = Date.now();
    // Created a minute apart: the newest come first. A rejected one is not in the pipeline.
    const names = Array.from({ length: CANDIDATES_SHOWN + 2 }, (_, n) => `Pipeline ${String(n).padStart(2, "0")}`);
    for (const [n, name] of names.entries()) {
      await prisma.candidate.create({ data: { name, email: `p${n}@test.example`, source: "referral", targetLevel: "L5", createdAt: new Date(base + n * 60_000) } });
    }
    await prisma.candidate.create({ data: { name: "Rejected", email: "r@test.example", source: "referral", targetLevel: "L5", status: "rejected", statusReason: "No", createdAt: new Date(base + 3600_000) } });
    const inPipeline = await prisma.candidate.count({ where: { status: { in: ["active", "on_hold"] } } });
    const { data } = await homeOf(["recruiter"]);
    expect(data.candidatesTotal).toBe(inPipeline);
    expect(data.candidates).toHaveLength(CANDIDATES_SHOWN);
    expect(data.candidates?.slice(0, 3).map((c) => c.name)).toEqual([names.at(-1), names.at(-2), names.at(-3)]);
    expect(data.candidates?.some((c) => c.name === "Rejected")).toBe(false);
  });

  it("shows a recruiter the loops waiting longest for scorecards, and how many there are, whatever their number", async () => {
    const ivy = await createUser(["interviewer"]);
    const hour = 3600_000;
    const owing: string[] = [];
    // Held one to OWED_LOOPS_SHOWN + 3 hours ago, each scorecard still missing: the oldest come first.
    for (let n = 1; n <= OWED_LOOPS_SHOWN + 3; n++) {
      owing.push((await loopWithInterviews([{ stageId: "initial_screen", interviewerIds: [ivy.id], startsAt: new Date(Date.now() - n * hour) }])).loopId);
    }
    // Not owing: an interview still to come, a cancelled one, a closed loop.
    await loopWithInterviews([{ stageId: "initial_screen", interviewerIds: [ivy.id], startsAt: new Date(Date.now() + 48 * hour) }]);
    const cancelled = await loopWithInterviews([{ stageId: "initial_screen", interviewerIds: [ivy.id], startsAt: new Date(Date.now() - 100 * hour) }]);
    await prisma.interview.update({ where: { id: cancelled.interviewIds[0]! }, data: { cancelledAt: new Date(), cancelReason: "Moved" } });
    const closed = await loopWithInterviews([{ stageId: "initial_screen", interviewerIds: [ivy.id], startsAt: new Date(Date.now() - 100 * hour) }]);
    await prisma.loop.update({ where: { id: closed.loopId }, data: { closedAt: new Date(), closeReason: "Withdrew" } });

    const { data } = await homeOf(["recruiter"]);
    expect(data.owedTotal).toBe(OWED_LOOPS_SHOWN + 3);
    expect(data.owed?.map((l) => l.loopId)).toEqual([...owing].reverse().slice(0, OWED_LOOPS_SHOWN));
    expect(data.owed?.[0]?.owed).toMatchObject([{ interviewerId: ivy.id, started: false }]);
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

describe("promotion panels on the home page", () => {
  const homeFor = async (user: { id: string }) => (await call(home.loader, { url: "/", cookie: await sessionCookieFor(user.id) })).body as Home;
  const builderAt = async (level: string, manager: { id: string }, name: string) => {
    const user = await createUser(["builder"], { name });
    await prisma.builder.create({ data: { userId: user.id, level, managerId: manager.id, startedAt: new Date() } });
    return user;
  };
  const start = async (builderId: string, now: Date) => {
    const started = await startPacket(builderId, actorOf(builderId), now);
    if (!started.ok) throw new Error(started.message);
    return started.id;
  };
  const setStatus = (id: string, status: string, submittedAt: Date | null = null) =>
    prisma.promotionPacket.update({ where: { id }, data: { status, submittedAt } });

  it("gives the committee the packets awaiting review, longest-waiting first, and managers their reports' open packets", async () => {
    await publishShippedRubrics();
    const manager = await createUser(["manager"]);
    const otherManager = await createUser(["manager"]);
    const [draft, submitted, inReview, decided, elsewhere] = [
      await builderAt("L4", manager, "Drafting"),
      await builderAt("L5", manager, "Submitted"),
      await builderAt("L5", otherManager, "Reviewed"),
      await builderAt("L6", manager, "Decided"),
      await builderAt("L4", otherManager, "Elsewhere"),
    ];
    await start(draft.id, new Date("2026-02-01T09:00:00Z"));
    await setStatus(await start(submitted.id, new Date("2026-02-01T09:00:00Z")), "submitted", new Date("2026-02-05T09:00:00Z"));
    await setStatus(await start(inReview.id, new Date("2026-02-01T09:00:00Z")), "in_review", new Date("2026-02-03T09:00:00Z"));
    await setStatus(await start(decided.id, new Date("2026-02-01T09:00:00Z")), "decided", new Date("2026-02-02T09:00:00Z"));
    await start(elsewhere.id, new Date("2026-02-01T09:00:00Z"));

    const { data: committee } = await homeOf(["promotion_committee"]);
    expect(committee.packetQueue?.map((p) => [p.builderName, p.status])).toEqual([
      ["Reviewed", "in_review"],
      ["Submitted", "submitted"],
    ]);
    expect(committee.reportPackets).toBeNull();
    expect(committee.ownPromotion).toBeNull();

    const mine = await homeFor(manager);
    expect(mine.reportPackets?.map((p) => p.builderName).sort()).toEqual(["Drafting", "Submitted"]);
    expect(mine.packetQueue).toBeNull();

    for (const role of ["hiring_committee", "interviewer", "recruiter", "admin"] as const) {
      const { data } = await homeOf([role]);
      expect(data.packetQueue).toBeNull();
      expect(data.reportPackets).toBeNull();
    }
  });

  it("gives a builder their open packet, or their last outcome and the level to go for next", async () => {
    await publishShippedRubrics();
    const manager = await createUser(["manager"]);
    const builder = await builderAt("L5", manager, "Bea");
    expect((await homeFor(builder)).ownPromotion).toMatchObject({ userId: builder.id, level: "L5", nextLevel: "L6", open: null, lastDecided: null });

    const id = await start(builder.id, new Date("2026-02-01T09:00:00Z"));
    expect((await homeFor(builder)).ownPromotion).toMatchObject({ nextLevel: "L6", open: { id, status: "draft", targetLevel: "L6" } });

    await setStatus(id, "decided");
    expect((await homeFor(builder)).ownPromotion).toMatchObject({ open: null, lastDecided: { id, targetLevel: "L6" } });

    const top = await builderAt("L7", manager, "Lena");
    expect((await homeFor(top)).ownPromotion).toMatchObject({ level: "L7", nextLevel: null, open: null });
  });

  it("asks invited peers for their statements while the packet is a draft", async () => {
    await publishShippedRubrics();
    const manager = await createUser(["manager"]);
    const builder = await builderAt("L4", manager, "Asker");
    const peer = await createUser(["interviewer"]);
    expect((await homeFor(peer)).statementRequests).toEqual([]);
    const id = await start(builder.id, new Date("2026-02-01T09:00:00Z"));
    // Peers are asked about evidence: the packet has an item first.
    await saveEvidence(id, { evidenceId: undefined, title: "Checkout rebuild", description: "Rebuilt checkout.", impact: "Conversion +4%.", links: [], startDate: "2025-06-01", endDate: undefined, criteria: ["mentoring"], competencies: [] }, actorOf(builder), new Date("2026-02-02T08:00:00Z"));
    expect(await invitePeer(id, peer.id, actorOf(manager), new Date("2026-02-02T09:00:00Z"))).toEqual({ ok: true });
    expect((await homeFor(peer)).statementRequests.map((p) => [p.id, p.builderName])).toEqual([[id, "Asker"]]);
    expect((await homeFor(await createUser(["interviewer"]))).statementRequests).toEqual([]);
    await setStatus(id, "submitted", new Date());
    expect((await homeFor(peer)).statementRequests).toEqual([]);
  });
});
