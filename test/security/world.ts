/**
 * The organisation the security tests run against: the demo organisation (Northwind Labs) seeded
 * into the test file's fresh database, plus the people and records it lacks for the matrix:
 *
 * - one person for each role that no demo person holds alone (hiring committee, manager), the
 *   manager with one report of their own (another team for everyone else);
 * - an admin who interviews on Jonas Weber's loop and has not submitted (independence binds
 *   admins too), a hiring-committee member who interviewed on the same loop and has submitted,
 *   and a recruiter who interviews on Ana Souza's loop and has not;
 * - a hiring decision with pay on Ravi Menon's loop (the demo has none), so pay has a value to leak.
 *
 * Then the facts the rules need are read back from the database: who is assigned where and what
 * they submitted, every scorecard, packet, builder, candidate and rubric version.
 */
import { prisma } from "~/data/db.server";
import { SYSTEM_ACTOR } from "~/data/audit.server";
import { recordDecision } from "~/data/committee.server";
import { addInterview, findLoop } from "~/data/loops.server";
import { syncRubricFiles } from "~/data/rubrics.server";
import { createProject } from "~/data/project-workflow.server";
import { writeCurrentRows } from "~/data/scorecards.server";
import { isRole, type Role } from "~/domain/roles";
import type { PacketParties } from "~/domain/promotion/access";
import type { PacketStatus } from "~/domain/promotion/workflow";
import type { Rubric } from "~/domain/rubric/schema";
import type { ViewerOnLoop } from "~/domain/scorecard/visibility";
import type { ProjectParties } from "~/domain/project/access";
import type { ProjectStatus } from "~/domain/project/workflow";
import { stageRubric } from "~/domain/scorecard/content";
import { scorecardSchemas } from "~/domain/scorecard/schema";
import { seedDemoOrganisation } from "../../prisma/seed/demo-organisation";
import { stage2Content } from "../helpers/loops";
import { createUser } from "../helpers/users";

export type Person = { id: string; email: string; name: string; roles: Role[] };
export type InterviewFacts = { id: string; loopId: string; stageId: string; interviewerIds: string[] };
export type ScorecardFacts = { id: string; loopId: string; interviewId: string; interviewerId: string; status: "draft" | "submitted" };
export type LoopFacts = { id: string; candidateId: string; candidateName: string; interviews: InterviewFacts[] };
export type PacketFacts = { id: string; builderName: string; parties: PacketParties; evidenceIds: string[] };
/** `band`: every figure of the band of the builder's level in their pinned version (their record shows it to those who see their pay). */
export type BuilderFacts = { userId: string; name: string; managerId: string | null; level: string; band: number[]; keepsProjectLog: boolean };
export type DecisionFacts = { id: string; loopId: string; outcome: string };
export type CandidateFacts = { id: string; name: string; email: string };
/** A project with its parties; `outcomeText`: free text only readers of outcomes may receive (checkpoint follow-ups, review ROI, history notes). */
export type ProjectFacts = { id: string; title: string; ownerName: string; parties: ProjectParties; metricIds: string[]; outcomeText: string[] };
export type DemoFacts = { id: string; projectId: string };

export type World = {
  now: Date;
  people: Person[];
  person: (email: string) => Person;
  loops: LoopFacts[];
  loopOf: (candidateName: string) => LoopFacts;
  interviews: InterviewFacts[];
  scorecards: ScorecardFacts[];
  packets: PacketFacts[];
  builders: BuilderFacts[];
  candidates: CandidateFacts[];
  decisions: DecisionFacts[];
  rubricVersions: Array<{ track: string; version: number }>;
  projects: ProjectFacts[];
  demos: DemoFacts[];
  /** How far a person is with their own scorecards on a loop, counted from the rows. */
  onLoop: (userId: string, loopId: string) => ViewerOnLoop;
};

export const EXTRA = {
  hiringCommittee: "harriet.solo@test.example",
  manager: "mona.solo@test.example",
  report: "ben.report@test.example",
  adminInterviewer: "ada.admin@test.example",
  committeeInterviewer: "hugo.panel@test.example",
  recruiterInterviewer: "rita.recruiter@test.example",
} as const;

const HOUR = 3_600_000;

export async function buildWorld(): Promise<World> {
  const now = new Date();
  await syncRubricFiles(now);
  await seedDemoOrganisation(prisma, now);
  await addExtras(now);
  return readWorld(now);
}

async function addExtras(now: Date) {
  await createUser(["hiring_committee"], { email: EXTRA.hiringCommittee, name: "Harriet Solo" });
  const mona = await createUser(["manager"], { email: EXTRA.manager, name: "Mona Solo" });
  const ben = await createUser(["builder"], { email: EXTRA.report, name: "Ben Report" });
  const ada = await createUser(["admin", "interviewer"], { email: EXTRA.adminInterviewer, name: "Ada Admin-Interviewer" });
  const hugo = await createUser(["hiring_committee", "interviewer"], { email: EXTRA.committeeInterviewer, name: "Hugo Panel" });
  const rita = await createUser(["recruiter", "interviewer"], { email: EXTRA.recruiterInterviewer, name: "Rita Recruiter-Interviewer" });

  const v2 = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 2 } } });
  const started = new Date("2025-10-06T09:00:00Z");
  await prisma.builder.create({
    data: {
      userId: ben.id,
      level: "L4",
      managerId: mona.id,
      startedAt: started,
      rubricVersionId: v2.id,
      baseSalary: 181500,
      currency: "USD",
      levelHistory: { create: [{ level: "L4", effectiveAt: started, reason: "joined" }] },
    },
  });

  // A draft project of Bea's (the demo's drafts belong to people no persona plays): her edit page
  // and its form then have an owner who may use them.
  const bea = await prisma.user.findUniqueOrThrow({ where: { email: "builder@northwind.example" } });
  const marcus = await prisma.user.findUniqueOrThrow({ where: { email: "manager@northwind.example" } });
  const draft = await createProject(
    { userId: bea.id, address: null },
    { intent: "save", title: "Shared saved views", problem: "Leads rebuild the same filtered list every Monday.", mode: "satellite", team: "Core Workflow", prd: "## Problem\n\nLeads rebuild lists.\n", approverId: marcus.id, decisionDate: undefined, links: [], metrics: [] },
    now,
  );
  if (!draft.ok) throw new Error(`The test draft project was refused: ${draft.message}`);

  const loopIdOf = async (candidateEmail: string) => (await prisma.loop.findFirstOrThrow({ where: { candidate: { email: candidateEmail } } })).id;
  const jonas = await loopIdOf("jonas.weber@mail.example");
  const ana = await loopIdOf("ana.souza@mail.example");
  const ravi = await loopIdOf("ravi.menon@mail.example");

  // Ada owes a scorecard on Jonas's loop; Hugo interviewed there too and has submitted.
  await addInterview({ loopId: jonas, stageId: "product_assessment", startsAt: new Date(now.getTime() - 50 * HOUR), durationMinutes: 60, interviewerIds: [ada.id], actor: SYSTEM_ACTOR, now });
  const hugosInterview = await addInterview({ loopId: jonas, stageId: "technical_deep_dive", startsAt: new Date(now.getTime() - 74 * HOUR), durationMinutes: 60, interviewerIds: [hugo.id], actor: SYSTEM_ACTOR, now });
  // Written as the demo seed writes submitted scorecards (revision 1 and the current rows).
  const loop = (await findLoop(jonas))!;
  const stage = stageRubric(loop.rubric, "technical_deep_dive")!;
  const content = stage2Content([3, 2, 3, 3], { takeaways: "Hugo's take-away: the candidate reasons well about cost but rushed the schema design." });
  content.ratings = content.ratings.map((r) => ({ ...r, evidence: `Hugo's notes on ${r.criterionId}: the candidate walked through the trade-offs with numbers.` }));
  const parsed = scorecardSchemas(stage).submission.parse(content);
  const submittedAt = new Date(now.getTime() - 70 * HOUR);
  const keys = { interviewId: hugosInterview, interviewerId: hugo.id, loopId: jonas, stageId: "technical_deep_dive" };
  const card = await prisma.scorecard.create({
    data: { ...keys, status: "submitted", draft: JSON.stringify(parsed), draftSavedAt: submittedAt, submittedAt, recommendation: parsed.recommendation, takeaways: parsed.takeaways, createdAt: submittedAt },
  });
  await prisma.scorecardRevision.create({ data: { scorecardId: card.id, number: 1, content: JSON.stringify(parsed), authorId: hugo.id, createdAt: submittedAt } });
  await writeCurrentRows(prisma, { id: card.id, ...keys }, parsed, (criterionId) => stage.stage.criteria.find((c) => c.id === criterionId)!.competency);

  // Rita interviews Ana in two days.
  await addInterview({ loopId: ana, stageId: "product_assessment", startsAt: new Date(now.getTime() + 50 * HOUR), durationMinutes: 60, interviewerIds: [rita.id], actor: SYSTEM_ACTOR, now });

  // A hire with pay on Ravi's (complete) loop, recorded by Tomás for the hiring committee.
  const tomas = await prisma.user.findUniqueOrThrow({ where: { email: "tomas.berg@northwind.example" } });
  const decided = await recordDecision({
    loopId: ravi,
    outcome: "hire",
    level: "L5",
    baseSalary: 236700,
    bandJustification: "Matched his competing offer from a payments start-up, inside the upper half of the band.",
    rationale: "Hire at L5: a genuine end-to-end owner; system design at scale is the gap and his manager will coach it.",
    correctsId: undefined,
    currency: "USD",
    actor: { userId: tomas.id, address: null },
    now,
  });
  if (!decided.ok) throw new Error(`The demo decision was refused: ${decided.message}`);
}

async function readWorld(now: Date): Promise<World> {
  const users = await prisma.user.findMany({ include: { roles: true }, orderBy: { email: "asc" } });
  const people: Person[] = users.map((u) => ({ id: u.id, email: u.email, name: u.name, roles: u.roles.map((r) => r.role).filter(isRole) }));
  const byEmail = new Map(people.map((p) => [p.email, p]));

  const loopRows = await prisma.loop.findMany({
    include: { candidate: true, interviews: { include: { assignments: true }, orderBy: { startsAt: "asc" } } },
    orderBy: { createdAt: "asc" },
  });
  const loops: LoopFacts[] = loopRows.map((l) => ({
    id: l.id,
    candidateId: l.candidateId,
    candidateName: l.candidate.name,
    interviews: l.interviews.map((i) => ({ id: i.id, loopId: l.id, stageId: i.stageId, interviewerIds: i.assignments.map((a) => a.interviewerId) })),
  }));
  const interviews = loops.flatMap((l) => l.interviews);

  const scorecards: ScorecardFacts[] = (await prisma.scorecard.findMany({ orderBy: { createdAt: "asc" } })).map((s) => ({
    id: s.id,
    loopId: s.loopId,
    interviewId: s.interviewId,
    interviewerId: s.interviewerId,
    status: s.status === "submitted" ? "submitted" : "draft",
  }));

  const packetRows = await prisma.promotionPacket.findMany({
    include: { builder: { include: { user: true } }, invitations: true, evidence: { select: { id: true } } },
    orderBy: { createdAt: "asc" },
  });
  const packets: PacketFacts[] = packetRows.map((p) => ({
    id: p.id,
    builderName: p.builder.user.name,
    parties: { builderId: p.builderId, managerId: p.builder.managerId, status: p.status as PacketStatus, peerIds: p.invitations.map((i) => i.peerId) },
    evidenceIds: p.evidence.map((e) => e.id),
  }));

  const builderRows = await prisma.builder.findMany({ include: { user: true, rubricVersion: true }, orderBy: { user: { name: "asc" } } });
  // Whether each track's current version (its newest not retired) defines a project process.
  const versionRows = await prisma.rubricVersion.findMany({ where: { retiredAt: null }, orderBy: { version: "desc" } });
  const trackHasProcess = new Map<string, boolean>();
  for (const v of versionRows) if (!trackHasProcess.has(v.track)) trackHasProcess.set(v.track, (JSON.parse(v.content) as Rubric).project_process !== undefined);
  const builders: BuilderFacts[] = builderRows.map((b) => {
    const band = b.rubricVersion ? (JSON.parse(b.rubricVersion.content) as Rubric).bands.levels[b.level] : undefined;
    return {
      userId: b.userId,
      name: b.user.name,
      managerId: b.managerId,
      level: b.level,
      band: band ? [band.base.min, band.base.mid, band.base.max, band.equity.min, band.equity.max, band.learning_budget] : [],
      keepsProjectLog: trackHasProcess.get(b.track) ?? false,
    };
  });
  const decisions: DecisionFacts[] = (await prisma.hiringDecision.findMany({ orderBy: { decidedAt: "asc" } })).map((d) => ({ id: d.id, loopId: d.loopId, outcome: d.outcome }));
  const candidates: CandidateFacts[] = (await prisma.candidate.findMany({ orderBy: { name: "asc" } })).map((c) => ({ id: c.id, name: c.name, email: c.email }));
  const rubricVersions = await prisma.rubricVersion.findMany({ select: { track: true, version: true }, orderBy: [{ track: "asc" }, { version: "asc" }] });

  const projectRows = await prisma.project.findMany({
    include: {
      owner: { select: { name: true, builder: { select: { managerId: true } } } },
      metrics: { select: { id: true }, orderBy: { position: "asc" } },
      checkpoint: true,
      reviews: true,
      events: true,
    },
    orderBy: { createdAt: "asc" },
  });
  const projects: ProjectFacts[] = projectRows.map((p) => ({
    id: p.id,
    title: p.title,
    ownerName: p.owner.name,
    parties: {
      ownerId: p.ownerId,
      managerId: p.owner.builder?.managerId ?? null,
      approverId: p.approverId,
      escalateToId: p.escalateToId,
      status: p.status as ProjectStatus,
      launchedAt: p.launchedAt,
      blocked: p.blockedAt !== null,
    },
    metricIds: p.metrics.map((m) => m.id),
    // Long enough to be unmistakable in a scan of what a page sent.
    outcomeText: [p.checkpoint?.followUps ?? "", ...p.reviews.flatMap((r) => [r.roi, r.followThrough]), ...p.events.map((e) => e.note)].filter((t) => t.length >= 12),
  }));
  const demos: DemoFacts[] = (await prisma.demo.findMany({ select: { id: true, projectId: true }, orderBy: { createdAt: "asc" } })).map((d) => ({ id: d.id, projectId: d.projectId }));

  const assignments = await prisma.interviewAssignment.findMany({ include: { interview: { select: { loopId: true } } } });
  const onLoop = (userId: string, loopId: string): ViewerOnLoop => ({
    assignedInterviews: assignments.filter((a) => a.interviewerId === userId && a.interview.loopId === loopId).length,
    submittedScorecards: scorecards.filter((s) => s.interviewerId === userId && s.loopId === loopId && s.status === "submitted").length,
  });

  return {
    now,
    people,
    person: (email) => {
      const found = byEmail.get(email);
      if (!found) throw new Error(`No person ${email} in the test organisation`);
      return found;
    },
    loops,
    loopOf: (name) => {
      const found = loops.find((l) => l.candidateName === name);
      if (!found) throw new Error(`No loop for ${name}`);
      return found;
    },
    interviews,
    scorecards,
    packets,
    builders,
    candidates,
    decisions,
    rubricVersions,
    projects,
    demos,
    onLoop,
  };
}
