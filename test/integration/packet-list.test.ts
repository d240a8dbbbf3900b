import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { invitePeer, saveAssessment, saveEvidence, saveSummary } from "~/data/packet-drafts.server";
import { findPacket } from "~/data/packets.server";
import { decidePacket, startPacket, startReview, submitPacket } from "~/data/packet-workflow.server";
import { targetCriteria } from "~/domain/promotion/snapshot";
import type { Role } from "~/domain/roles";
import * as list from "~/routes/packets._index/route";
import { actorOf } from "../helpers/actor";
import { publishShippedRubrics } from "../helpers/loops";
import { call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

type List = Awaited<ReturnType<typeof list.loader>>;
type User = { id: string; name: string };

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 9));

async function builder(name: string, level: string, manager: User | null, roles: Role[] = ["builder"]) {
  const user = await createUser(roles, { name });
  await prisma.builder.create({ data: { userId: user.id, level, managerId: manager?.id ?? null, startedAt: day(1) } });
  return user;
}

async function start(builderId: string, actorId: string, now: Date) {
  const started = await startPacket(builderId, actorOf(actorId), now);
  if (!started.ok) throw new Error(started.message);
  return started.id;
}

/** A draft made ready (summary, one evidence item, the manager's assessment of every target criterion) and submitted. */
async function submit(packetId: string, manager: User, now: Date) {
  const packet = (await findPacket(packetId))!;
  const criteria = targetCriteria(packet.rubric, packet.targetLevel);
  const rating = packet.rubric.scale[packet.rubric.scale.length - 1]!.value;
  await saveSummary(packetId, { summary: "Ready for the next level.", version: packet.version }, actorOf(manager), now);
  await saveEvidence(
    packetId,
    { evidenceId: undefined, title: "Checkout rebuild", description: "Rebuilt checkout.", impact: "Conversion +4%.", links: [], startDate: "2025-06-01", endDate: undefined, criteria: [criteria[0]!.id], competencies: [] },
    actorOf(manager),
    now,
  );
  for (const c of criteria) await saveAssessment(packetId, { criterionId: c.id, rating, comment: "Shown repeatedly.", version: 0 }, actorOf(manager), now);
  const submitted = await submitPacket(packetId, { ...actorOf(manager), name: manager.name }, now);
  if (!submitted.ok) throw new Error(submitted.message);
}

let marcus: User, aisha: User, bea: User, ben: User, cara: User, dan: User, eve: User, olu: User;
const packets: Record<"bea" | "ben" | "cara" | "dan" | "eve", string> = { bea: "", ben: "", cara: "", dan: "", eve: "" };

beforeAll(async () => {
  await publishShippedRubrics();
  marcus = await createUser(["manager"], { name: "Marcus" });
  // Aisha manages too and sits on the promotion committee: she sees the union, once per packet.
  aisha = await createUser(["manager", "promotion_committee"], { name: "Aisha" });
  bea = await builder("Bea", "L5", marcus);
  ben = await builder("Ben", "L4", marcus);
  cara = await builder("Cara", "L6", aisha);
  dan = await builder("Dan", "L5", aisha);
  eve = await builder("Eve", "L4", aisha);
  await builder("Lena", "L7", aisha);
  olu = await createUser(["interviewer"], { name: "Olu" });

  packets.bea = await start(bea.id, bea.id, day(2)); // draft with evidence, Olu invited as a peer
  await saveEvidence(packets.bea, { evidenceId: undefined, title: "Checkout rebuild", description: "Rebuilt checkout.", impact: "Conversion +4%.", links: [], startDate: "2025-06-01", endDate: undefined, criteria: ["mentoring"], competencies: [] }, actorOf(bea), day(3));
  expect(await invitePeer(packets.bea, olu.id, actorOf(marcus), day(3))).toEqual({ ok: true });
  packets.eve = await start(eve.id, aisha.id, day(2)); // draft
  packets.ben = await start(ben.id, marcus.id, day(2));
  await submit(packets.ben, marcus, day(4)); // submitted on day 4
  packets.cara = await start(cara.id, cara.id, day(2));
  await submit(packets.cara, aisha, day(5)); // submitted on day 5, then in review
  await startReview(packets.cara, actorOf(aisha), day(6));
  packets.dan = await start(dan.id, aisha.id, day(2));
  await submit(packets.dan, aisha, day(3));
  await startReview(packets.dan, actorOf(aisha), day(3));
  const dp = (await findPacket(packets.dan))!;
  const feedback = Object.fromEntries(dp.rubric.advancement_criteria.map((c) => [c.id, "Not yet shown."]));
  const decided = await decidePacket(packets.dan, { outcome: "not_yet", rationale: "Not yet.", feedback, bandJustification: "", raiseJustification: "" }, actorOf(aisha), day(7));
  if (!decided.ok) throw new Error(decided.message);
});

async function listFor(viewer: { id: string }): Promise<List> {
  const answer = await call(list.loader, { url: "/packets", cookie: await sessionCookieFor(viewer.id) });
  expect(answer.status).toBe(200);
  return answer.body as List;
}

const shape = (l: List) => l.sections.map((s) => [s.id, s.packets.map((p) => p.builderName)]);

describe("the promotion packet list", () => {
  it("gives the promotion committee the submitted, in-review and decided packets, awaiting ones first and never a draft", async () => {
    const priya = await createUser(["promotion_committee"], { name: "Priya" });
    const l = await listFor(priya);
    // Ben waits longest (submitted day 4), then Cara (day 5, in review); Dan is decided.
    expect(shape(l)).toEqual([["committee", ["Ben", "Cara", "Dan"]]]);
    expect(l.sections[0]!.packets.map((p) => p.status)).toEqual(["submitted", "in_review", "decided"]);
    expect(l.sections[0]!.packets[2]).toMatchObject({ outcome: "not_yet", fromLevel: "L5", targetLevel: "L6" });
    expect(l.sections[0]!.packets[0]).toMatchObject({ evidenceCount: 1, fromLevel: "L4", targetLevel: "L5" });
    const ids = l.sections.flatMap((s) => s.packets.map((p) => p.id));
    expect(ids).not.toContain(packets.bea);
    expect(ids).not.toContain(packets.eve);
  });

  it("gives a builder only their own packet", async () => {
    expect(shape(await listFor(bea))).toEqual([["own", ["Bea"]]]);
    expect(shape(await listFor(ben))).toEqual([["own", ["Ben"]]]);
  });

  it("gives a manager only their reports' packets, drafts included", async () => {
    const l = await listFor(marcus);
    expect(l.sections.map((s) => s.id)).toEqual(["reports"]);
    expect(l.sections[0]!.packets.map((p) => p.id).sort()).toEqual([packets.bea, packets.ben].sort());
  });

  it("gives an invited peer the packets they were invited to, under statements requested", async () => {
    const l = await listFor(olu);
    expect(shape(l)).toEqual([["peer", ["Bea"]]]);
    expect(l.sections[0]!.title).toBe("Statements requested from you");
  });

  it("shows an unrelated interviewer an empty page, not a refusal", async () => {
    const ian = await createUser(["interviewer"]);
    expect((await listFor(ian)).sections).toEqual([]);
    const recruiter = await createUser(["recruiter", "hiring_committee"]);
    expect((await listFor(recruiter)).sections).toEqual([]);
  });

  it("gives an admin every packet", async () => {
    const admin = await createUser(["admin"]);
    const l = await listFor(admin);
    expect(l.sections.map((s) => [s.id, s.title])).toEqual([["all", "All packets"]]);
    expect(l.sections[0]!.packets.map((p) => p.id).sort()).toEqual(Object.values(packets).sort());
  });

  it("gives someone with several roles the union in sections, each packet once", async () => {
    const l = await listFor(aisha);
    expect(l.sections.map((s) => s.id)).toEqual(["reports", "committee"]);
    expect(l.sections[0]!.packets.map((p) => p.builderName).sort()).toEqual(["Cara", "Dan", "Eve"]);
    // Cara's and Dan's packets are in the committee's scope too, but show once, under her reports.
    expect(l.sections[1]!.packets.map((p) => p.builderName)).toEqual(["Ben"]);
    const admin = await createUser(["admin", "builder"]);
    const both = await listFor(admin);
    expect(both.sections.map((s) => [s.id, s.title])).toEqual([["all", "All packets"]]);
  });

  it("sends someone who is not signed in to sign in", async () => {
    const answer = await call(list.loader, { url: "/packets" });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toContain("/login");
  });
});
