// Who hears of each notifying change: the inbox entry and (by their email settings) the outbox
// email, written in the change's own transaction; never the person who made the change, never a
// deactivated account, never pay.
import { beforeAll, describe, expect, it } from "vitest";
import { recordDecision } from "~/data/committee.server";
import { prisma } from "~/data/db.server";
import { invitePeer, saveAssessment, saveEvidence, saveSummary } from "~/data/packet-drafts.server";
import { findPacket } from "~/data/packets.server";
import { decidePacket, startPacket, startReview, submitPacket } from "~/data/packet-workflow.server";
import { applyProjectAction, createProject, saveProject } from "~/data/project-workflow.server";
import { amendScorecard, openScorecard, submitScorecard } from "~/data/scorecards.server";
import { targetCriteria } from "~/domain/promotion/snapshot";
import type { Role } from "~/domain/roles";
import type { SubmittedContent } from "~/domain/scorecard/schema";
import { actorOf } from "../helpers/actor";
import { loopWithInterviews, publishShippedRubrics, stage2Content } from "../helpers/loops";
import { createUser } from "../helpers/users";

const NOW = new Date("2026-12-01T12:00:00Z");
const COMPETENCY: Record<string, string> = { live_build: "shipping_excellence", system_design: "technical_depth", product_considerations: "product_sense", debugging_and_review: "technical_depth" };
const competencyOf = (c: string) => COMPETENCY[c]!;
const SCREEN: Record<string, string> = {
  end_to_end_ownership: "shipping_excellence",
  builder_motivation: "product_sense",
  technical_depth_screen: "technical_depth",
  business_and_product_thinking: "business_sense",
  customer_contact: "customer_obsession",
};
/** An initial screen's scorecard (the data layer stores what it is given). */
const screenContent = (): SubmittedContent =>
  ({ ...stage2Content(), ratings: Object.keys(SCREEN).map((criterionId) => ({ criterionId, rating: 3, evidence: `Evidence for ${criterionId}.` })) }) as SubmittedContent;

beforeAll(publishShippedRubrics);

type Person = { id: string; email: string; name: string };

async function person(roles: Role[], name: string, options: { deactivated?: boolean; emailFor?: string[] } = {}): Promise<Person> {
  const user = await createUser(roles, { name });
  if (options.deactivated) await prisma.user.update({ where: { id: user.id }, data: { deactivatedAt: NOW } });
  for (const kind of options.emailFor ?? []) await prisma.notificationPreference.create({ data: { userId: user.id, kind, email: true } });
  return user;
}

/** What a person received of one kind about one record: inbox entries and emails. */
async function received(who: Person, kind: string, subjectId: string) {
  const inbox = await prisma.notification.findMany({ where: { recipientId: who.id, kind, subjectId }, select: { id: true } });
  const mail = await prisma.outboxMessage.findMany({ where: { recipientEmail: who.email, notificationId: { in: inbox.map((n) => n.id) } }, select: { subject: true, text: true } });
  return { inbox: inbox.length, mail };
}

const nothing = { inbox: 0, mail: [] };

describe("hiring events", () => {
  /**
   * A loop whose stages are complete but for one Stage 2 scorecard: the screen and the product
   * assessment are in (seeded), one deep-dive scorecard is in, and `last` (a committee member who
   * also interviews) owes the other. `owing` sits on the committee and owes a second screen.
   */
  async function almostCompleteLoop() {
    const screener = await person(["interviewer"], "Sam");
    const diver = await person(["interviewer"], "Dee");
    const last = await person(["interviewer", "hiring_committee"], "Lee");
    const p1 = await person(["interviewer"], "Pat");
    const p2 = await person(["interviewer"], "Pia");
    const owing = await person(["interviewer", "hiring_committee"], "Owen");
    const { loopId, interviewIds, recruiter } = await loopWithInterviews([
      { stageId: "initial_screen", interviewerIds: [screener.id] },
      { stageId: "technical_deep_dive", interviewerIds: [diver.id, last.id] },
      { stageId: "product_assessment", interviewerIds: [p1.id, p2.id] },
      { stageId: "initial_screen", interviewerIds: [owing.id] },
    ]);
    const [screen, dive, product] = interviewIds as [string, string, string];
    const seed = (interviewId: string, stageId: string, interviewerId: string) =>
      prisma.scorecard.create({ data: { interviewId, interviewerId, loopId, stageId, status: "submitted", submittedAt: NOW, recommendation: "yes", createdAt: NOW } });
    await seed(screen, "initial_screen", screener.id);
    await seed(dive, "technical_deep_dive", diver.id);
    await seed(product, "product_assessment", p1.id);
    await seed(product, "product_assessment", p2.id);
    return { loopId, dive, last, owing, diver, screener, recruiter, owingInterview: interviewIds[3]! };
  }

  it("'loop ready' reaches the hiring committee once, when the last expected scorecard completes the loop", async () => {
    const loop = await almostCompleteLoop();
    const member = await person(["hiring_committee"], "Mia", { emailFor: ["loop.ready"] });
    const quiet = await person(["hiring_committee"], "Quinn"); // email for loop.ready is off by default
    const gone = await person(["hiring_committee"], "Gus", { deactivated: true });
    const recruiterOnly = await person(["recruiter"], "Rae");

    const card = await openScorecard({ id: loop.dive, loopId: loop.loopId, stageId: "technical_deep_dive" }, loop.last.id, actorOf(loop.last), NOW);
    expect(await submitScorecard({ ...card, interviewerId: loop.last.id }, stage2Content() as SubmittedContent, competencyOf, actorOf(loop.last), NOW)).toEqual({ ok: true });

    const mine = await received(member, "loop.ready", loop.loopId);
    expect(mine.inbox).toBe(1);
    expect(mine.mail).toEqual([expect.objectContaining({ subject: "A loop is ready for the hiring committee" })]);
    expect(mine.mail[0]!.text).toContain(`/loops/${loop.loopId}/committee`);
    expect(await received(quiet, "loop.ready", loop.loopId)).toEqual({ inbox: 1, mail: [] });
    // Not the submitter, not a deactivated member, not a member who still owes a scorecard on it, not a recruiter.
    for (const p of [loop.last, gone, loop.owing, recruiterOnly]) expect(await received(p, "loop.ready", loop.loopId)).toEqual(nothing);

    // Neither an amendment nor a further scorecard on the complete loop is a new completion.
    await amendScorecard({ id: card.id, loopId: loop.loopId, stageId: "technical_deep_dive", interviewerId: loop.last.id }, stage2Content([4, 3, 3, 3]) as SubmittedContent, { reason: "Typo", basedOn: 1 }, actorOf(loop.last), competencyOf, NOW);
    const screen = await openScorecard({ id: loop.owingInterview, loopId: loop.loopId, stageId: "initial_screen" }, loop.owing.id, actorOf(loop.owing), NOW);
    expect(await submitScorecard({ ...screen, interviewerId: loop.owing.id }, screenContent(), (c) => SCREEN[c]!, actorOf(loop.owing), NOW)).toEqual({ ok: true });
    expect(await prisma.notification.count({ where: { kind: "loop.ready", subjectId: loop.loopId } })).toBe(2);
  });

  it("'loop ready' stays silent for a loop that is already decided or closed", async () => {
    const decided = await almostCompleteLoop();
    await prisma.hiringDecision.create({ data: { loopId: decided.loopId, outcome: "no_hire", rationale: "Early.", decidedById: decided.last.id, decidedAt: NOW } });
    const closed = await almostCompleteLoop();
    await prisma.loop.update({ where: { id: closed.loopId }, data: { closedAt: NOW, closeReason: "Withdrew" } });
    await person(["hiring_committee"], "Mo");
    for (const loop of [decided, closed]) {
      const card = await openScorecard({ id: loop.dive, loopId: loop.loopId, stageId: "technical_deep_dive" }, loop.last.id, actorOf(loop.last), NOW);
      expect(await submitScorecard({ ...card, interviewerId: loop.last.id }, stage2Content() as SubmittedContent, competencyOf, actorOf(loop.last), NOW)).toEqual({ ok: true });
      expect(await prisma.notification.count({ where: { kind: "loop.ready", subjectId: loop.loopId } })).toBe(0);
    }
  });

  it("'decision recorded' reaches the recruiter and the interviewers who submitted, not the decider, without pay", async () => {
    const loop = await almostCompleteLoop();
    // The decider sits on the committee and interviewed on this loop (their scorecard is in).
    const decider = loop.diver;
    await prisma.userRole.create({ data: { userId: decider.id, role: "hiring_committee" } });
    const decision = await recordDecision({
      loopId: loop.loopId,
      outcome: "hire",
      level: "L5",
      baseSalary: 187_654,
      bandJustification: "",
      rationale: "Strong panel.",
      correctsId: undefined,
      currency: "EUR",
      overrides: ["incomplete_loop"],
      overrideJustification: "We have seen enough.",
      actor: actorOf(decider),
      now: NOW,
    });
    expect(decision).toMatchObject({ ok: true });
    const recruiter = await received(loop.recruiter as Person, "loop.decided", loop.loopId);
    expect(recruiter.inbox).toBe(1);
    expect(recruiter.mail).toHaveLength(1);
    expect(recruiter.mail[0]!.text).toContain(`/loops/${loop.loopId}`);
    expect(recruiter.mail[0]!.text).not.toMatch(/187|654|salary|EUR/i);
    expect((await received(loop.screener, "loop.decided", loop.loopId)).inbox).toBe(1);
    // The decider is not told of their own decision; an interviewer who still owes a scorecard is not told either.
    expect(await received(decider, "loop.decided", loop.loopId)).toEqual(nothing);
    expect(await received(loop.last, "loop.decided", loop.loopId)).toEqual(nothing);

    // A correction is a decision recorded too.
    const corrected = await recordDecision({ loopId: loop.loopId, outcome: "no_hire", bandJustification: "", rationale: "Reconsidered.", correctsId: (decision as { id: string }).id, currency: "EUR", overrides: ["incomplete_loop"], overrideJustification: "Still enough.", actor: actorOf(decider), now: NOW });
    expect(corrected).toMatchObject({ ok: true });
    expect((await received(loop.recruiter as Person, "loop.decided", loop.loopId)).inbox).toBe(2);
  });
});

describe("promotion events", () => {
  async function builderWithPacket() {
    const manager = await person(["manager", "promotion_committee"], "Marcus");
    const builder = await person(["builder"], "Bea");
    await prisma.builder.create({ data: { userId: builder.id, level: "L5", managerId: manager.id, startedAt: new Date("2024-03-04T09:00:00Z") } });
    const started = await startPacket(builder.id, actorOf(builder), NOW);
    if (!started.ok) throw new Error(started.message);
    return { manager, builder, packetId: started.id };
  }

  async function makeReady(packetId: string, manager: Person) {
    const packet = (await findPacket(packetId))!;
    const rating = packet.rubric.scale[packet.rubric.scale.length - 1]!.value;
    await saveSummary(packetId, { summary: "Ready for the next level.", version: packet.version }, actorOf(manager), NOW);
    const criteria = targetCriteria(packet.rubric, packet.targetLevel);
    await saveEvidence(
      packetId,
      { evidenceId: undefined, title: "Checkout rebuild", description: "Rebuilt checkout.", impact: "Conversion +4%.", links: [], startDate: "2025-06-01", endDate: undefined, criteria: [criteria[0]!.id], competencies: [] },
      actorOf(manager),
      NOW,
    );
    for (const c of criteria) await saveAssessment(packetId, { criterionId: c.id, rating, comment: "Shown repeatedly.", version: 0 }, actorOf(manager), NOW);
  }

  it("a peer invited hears of it; the one who invited does not", async () => {
    const { manager, builder, packetId } = await builderWithPacket();
    const peer = await person(["builder"], "Pete");
    await makeReady(packetId, manager);
    expect(await invitePeer(packetId, peer.id, actorOf(manager), NOW)).toEqual({ ok: true });
    const got = await received(peer, "peer.requested", packetId);
    expect(got.inbox).toBe(1);
    expect(got.mail).toEqual([expect.objectContaining({ subject: "Peer statement requested for Bea's promotion packet" })]);
    expect(got.mail[0]!.text).toContain("Marcus asks you for a peer statement");
    expect(got.mail[0]!.text).toContain(`/packets/${packetId}`);
    // Inviting again changes nothing and tells nobody again.
    expect(await invitePeer(packetId, peer.id, actorOf(manager), NOW)).toEqual({ ok: true });
    expect((await received(peer, "peer.requested", packetId)).inbox).toBe(1);
    for (const p of [manager, builder]) expect(await received(p, "peer.requested", packetId)).toEqual(nothing);
  });

  it("submitted → the promotion committee; in review and decided → the builder and their manager; never the actor", async () => {
    const { manager, builder, packetId } = await builderWithPacket();
    const chair = await person(["promotion_committee"], "Priya", { emailFor: ["packet.submitted"] });
    const member = await person(["promotion_committee"], "Omar");
    const gone = await person(["promotion_committee"], "Gail", { deactivated: true });
    await makeReady(packetId, manager);

    expect(await submitPacket(packetId, { ...actorOf(manager), name: manager.name }, NOW)).toEqual({ ok: true });
    expect((await received(chair, "packet.submitted", packetId)).mail).toEqual([expect.objectContaining({ subject: "Promotion packet submitted: Bea for L6" })]);
    expect(await received(member, "packet.submitted", packetId)).toEqual({ inbox: 1, mail: [] }); // email off by default
    // The manager submitted it (and sits on the committee): not told. Nor the deactivated member, nor the builder.
    for (const p of [manager, gone, builder]) expect(await received(p, "packet.submitted", packetId)).toEqual(nothing);

    expect(await startReview(packetId, actorOf(chair), NOW)).toEqual({ ok: true });
    for (const p of [builder, manager]) {
      const got = await received(p, "packet.in_review", packetId);
      expect(got.inbox).toBe(1);
      expect(got.mail).toEqual([expect.objectContaining({ subject: "Promotion packet in review: Bea for L6" })]);
    }
    expect(await received(chair, "packet.in_review", packetId)).toEqual(nothing);

    const packet = (await findPacket(packetId))!;
    const feedback = Object.fromEntries(packet.rubric.advancement_criteria.map((c) => [c.id, "Shown."]));
    const decided = await decidePacket(packetId, { outcome: "not_yet", rationale: "Not yet.", feedback, bandJustification: "", raiseJustification: "" }, actorOf(manager), NOW);
    expect(decided).toEqual({ ok: true });
    const bea = await received(builder, "packet.decided", packetId);
    expect(bea.mail).toEqual([expect.objectContaining({ subject: "Promotion packet decided: Bea for L6" })]);
    // The manager decided (as a committee member): the builder hears, the manager does not.
    expect(await received(manager, "packet.decided", packetId)).toEqual(nothing);
  });
});

describe("project events", () => {
  const PRD = "## Problem\n\nx\n\n## Solution\n\nx\n\n## Success criteria\n\nx\n\n## Risks and rollback\n\nx\n";

  it("a submitted PRD reaches its approver, and a new approver when the manager hands it over; never the owner", async () => {
    const v3 = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 3 } } });
    const manager = await person(["manager"], "Max");
    const owner = await person(["builder"], "Olga");
    const approver = await person(["builder"], "Ann");
    const next = await person(["builder"], "Nico");
    await prisma.builder.create({ data: { userId: owner.id, level: "L5", managerId: manager.id, startedAt: NOW, rubricVersionId: v3.id } });
    const metric = { name: "Completion", unit: "%", baseline: 31, target: 40, direction: "at_least" as const, measurement: "Funnel" };
    const input = { title: "Faster sign-up", problem: "Stalls", mode: "satellite" as const, team: "Growth", prd: PRD, approverId: approver.id, decisionDate: undefined, links: [], metrics: [metric] };
    const created = await createProject(actorOf(owner), { intent: "save", ...input }, NOW);
    if (!created.ok) throw new Error(created.message);
    const id = created.id;
    expect(await prisma.notification.count({ where: { subjectId: id } })).toBe(0); // a draft waits for nobody
    const { version } = await prisma.project.findUniqueOrThrow({ where: { id } });
    expect((await saveProject(id, actorOf(owner), { intent: "submit", version, ...input }, NOW)).ok).toBe(true);
    const got = await received(approver, "project.prd_awaiting_approval", id);
    expect(got.mail).toEqual([expect.objectContaining({ subject: "PRD awaiting your approval: Faster sign-up" })]);
    expect(got.mail[0]!.text).toContain("Olga submitted the PRD");
    expect(await received(owner, "project.prd_awaiting_approval", id)).toEqual(nothing);

    const now = await prisma.project.findUniqueOrThrow({ where: { id } });
    expect((await applyProjectAction(id, actorOf(manager), { kind: "change_approver", approverId: next.id, reason: "Ann is away." }, now.version, NOW)).ok).toBe(true);
    expect((await received(next, "project.prd_awaiting_approval", id)).inbox).toBe(1);
    expect((await received(approver, "project.prd_awaiting_approval", id)).inbox).toBe(1);
    expect(await received(manager, "project.prd_awaiting_approval", id)).toEqual(nothing);
  });
});
