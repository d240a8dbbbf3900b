import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { findLoop, interviewStates, listAssignedInterviews, listLoops, type LoopSummary } from "~/data/loops.server";
import { findCurrentVersion } from "~/data/rubrics.server";
import { LEVELS } from "~/domain/levels";
import { interviewEndsAt, interviewerQueue, interviewHasBegun, loopProgress } from "~/domain/loop";
import { ROLES } from "~/domain/roles";
import type { Rubric } from "~/domain/rubric/schema";
import { contentFromDraft, stageRubric, type ScorecardContent } from "~/domain/scorecard/content";
import { scorecardSchemas } from "~/domain/scorecard/schema";
import { prepareDatabase } from "~/server/startup";
import { getConfig } from "~/utils/env.server";
import { verifyPassword } from "~/utils/password.server";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../prisma/seed/demo-organisation";
import { findPacket } from "~/data/packets.server";
import { findProject, openProjectsOfReports, openProjectsOwnedBy, projectsAwaitingApproval, projectsEscalatedTo } from "~/data/projects.server";
import { approvalQueue, dueWork, pastDecisionDate } from "~/domain/project/due";
import { metricResults } from "~/domain/project/metrics";
import { missingPrdSections } from "~/domain/project/process";
import { PROJECT_STATUSES } from "~/domain/project/workflow";

describe("the demo organisation", () => {
  it("is seeded into an empty database at start, once, and never over existing data", async () => {
    const config = { ...getConfig(), seedDemo: true };
    expect(await prepareDatabase(config, () => {})).toEqual({ seeded: true });
    const users = await prisma.user.count();

    expect(await prepareDatabase(config, () => {})).toEqual({ seeded: false });
    expect(await prisma.user.count()).toBe(users);
  });

  it("has a sign-in for every role, each with the documented password", async () => {
    expect(DEMO_LOGINS.map((l) => l.role).sort()).toEqual([...ROLES].sort());
    for (const login of DEMO_LOGINS) {
      const user = await prisma.user.findUniqueOrThrow({
        where: { email: login.email },
        include: { roles: true, password: true },
      });
      expect(user.roles.map((r) => r.role)).toContain(login.role);
      expect(await verifyPassword(user.password!.hash, DEMO_PASSWORD)).toBe(true);
    }
    // Demo passwords are documented, not temporary: nobody is sent to change theirs.
    expect(await prisma.password.count({ where: { mustChange: true } })).toBe(0);
  });

  it("has a dozen builders across L4–L7, each with a manager who holds the manager role", async () => {
    const builders = await prisma.builder.findMany({ include: { manager: { include: { roles: true } } } });
    expect(builders.length).toBeGreaterThanOrEqual(12);
    expect(new Set(builders.map((b) => b.level))).toEqual(new Set(LEVELS));
    for (const b of builders) {
      expect(b.manager?.roles.map((r) => r.role)).toContain("manager");
    }
  });

  it("has candidates in the pipeline", async () => {
    expect(await prisma.candidate.count()).toBeGreaterThanOrEqual(3);
  });
});

describe("the demo organisation's hiring", () => {
  // Seeds when this block runs alone; a no-op after the first test above has seeded.
  beforeAll(async () => {
    await prepareDatabase({ ...getConfig(), seedDemo: true }, () => {});
  });

  async function loopOf(candidateName: string): Promise<LoopSummary> {
    const loop = (await listLoops()).find((l) => l.candidateName === candidateName);
    if (!loop) throw new Error(`${candidateName} has no loop`);
    return loop;
  }

  async function stagesOf(candidateName: string) {
    const summary = await loopOf(candidateName);
    const loop = (await findLoop(summary.id))!;
    const rules = loop.rubric.decision_rules;
    return loopProgress(loop.rubric.stages, rules.scorecards_per_stage, interviewStates(loop), new Date()).stages.map((s) => s.status);
  }

  const rubricOfScorecard = async (scorecard: { loopId: string; stageId: string }) => {
    const loop = await prisma.loop.findUniqueOrThrow({ where: { id: scorecard.loopId }, include: { rubricVersion: true } });
    return stageRubric(JSON.parse(loop.rubricVersion.content) as Rubric, scorecard.stageId)!;
  };

  it("has loops with stages in every state: complete, awaiting scorecards, scheduled", async () => {
    const now = new Date();
    const statuses = new Set(
      (await listLoops()).flatMap((l) =>
        loopProgress(l.rubric.stages, l.rubric.decision_rules.scorecards_per_stage, l.interviews, now).stages.map((s) => s.status),
      ),
    );
    expect(statuses).toEqual(new Set(["complete", "awaiting_scorecards", "scheduled", "not_scheduled"]));

    expect(await stagesOf("Ravi Menon")).toEqual(["complete", "complete", "complete"]);
    expect(await stagesOf("Jonas Weber")).toEqual(["complete", "complete", "complete"]);
    expect(await stagesOf("Chloé Dubois")).toEqual(["complete", "awaiting_scorecards", "scheduled"]);
    expect(await stagesOf("Ana Souza")).toEqual(["awaiting_scorecards", "scheduled", "not_scheduled"]);
    const kwame = await prisma.candidate.findFirstOrThrow({ where: { name: "Kwame Asante" }, include: { loops: true } });
    expect(kwame.loops).toEqual([]);
  });

  it("pins Ravi's loop to builder v1 and the other loops to v2, both marked as used, while v3 is current", async () => {
    const ravi = await loopOf("Ravi Menon");
    expect([ravi.track, ravi.version]).toEqual(["builder", 1]);
    const v1 = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 1 } } });
    expect(v1.firstUsedAt).not.toBeNull();
    expect(v1.firstUsedAt!.getTime()).toBeLessThanOrEqual(ravi.createdAt.getTime());
    expect((await findCurrentVersion("builder"))?.version).toBe(3);
    for (const name of ["Jonas Weber", "Chloé Dubois", "Ana Souza"]) expect((await loopOf(name)).version).toBe(2);
    const v2 = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 2 } } });
    expect(v2.firstUsedAt).not.toBeNull();
  });

  it("has the blocking red flag on Jonas's loop from two independent interviewers, with evidence", async () => {
    const jonas = await loopOf("Jonas Weber");
    const flags = await prisma.redFlagRecord.findMany({ where: { loopId: jonas.id, flagId: "lack_of_customer_empathy" } });
    const rule = jonas.rubric.decision_rules.blocking_red_flags.find((r) => r.flag === "lack_of_customer_empathy")!;
    expect(new Set(flags.map((f) => f.interviewerId)).size).toBeGreaterThanOrEqual(Math.max(2, rule.min_interviewers));
    for (const flag of flags) expect(flag.evidence.length).toBeGreaterThan(40);
  });

  it("has an amended scorecard: revision 2 with its reason, and the current ratings follow it", async () => {
    const amended = await prisma.scorecardRevision.findMany({ where: { number: 2 }, include: { scorecard: { include: { ratings: true } } } });
    expect(amended.length).toBeGreaterThanOrEqual(1);
    for (const revision of amended) {
      expect(revision.reason?.trim()).toBeTruthy();
      expect(revision.createdAt.getTime()).toBeGreaterThan(revision.scorecard.submittedAt!.getTime());
      const content = JSON.parse(revision.content) as ScorecardContent;
      const current = new Map(revision.scorecard.ratings.map((r) => [r.criterionId, r.rating]));
      for (const r of content.ratings) expect(current.get(r.criterionId)).toBe(r.rating);
    }
  });

  it("has a competency whose ratings on one loop span at least the rubric's disagreement spread", async () => {
    const ratings = await prisma.criterionRating.findMany({ include: { scorecard: { select: { loopId: true } } } });
    const spreads = new Map<string, number[]>();
    for (const r of ratings) {
      const key = `${r.scorecard.loopId}/${r.competencyId}`;
      spreads.set(key, [...(spreads.get(key) ?? []), r.rating]);
    }
    const widest = Math.max(...[...spreads.values()].map((values) => Math.max(...values) - Math.min(...values)));
    expect(widest).toBeGreaterThanOrEqual(2);
  });

  it("gives Daniel Okafor, the demo interviewer, a scorecard overdue, one to write and an interview ahead", async () => {
    const daniel = await prisma.user.findUniqueOrThrow({ where: { email: "interviewer@northwind.example" } });
    const queue = interviewerQueue(await listAssignedInterviews(daniel.id), new Date());
    expect(queue.overdue.length).toBeGreaterThanOrEqual(1);
    expect(queue.toWrite.length).toBeGreaterThanOrEqual(1);
    expect(queue.upcoming.length).toBeGreaterThanOrEqual(1);
    // The overdue one is a draft in progress, with some ratings filled in.
    const overdue = queue.overdue.find((e) => e.scorecard?.status === "draft" && e.scorecard.draftSavedAt)!;
    expect(overdue.candidateName).toBe("Chloé Dubois");
    const draft = await prisma.scorecard.findUniqueOrThrow({ where: { id: overdue.scorecard!.id }, include: { revisions: true, ratings: true } });
    const stage = await rubricOfScorecard(draft);
    const content = JSON.parse(draft.draft) as ScorecardContent;
    expect(scorecardSchemas(stage).draft.safeParse(content).success).toBe(true);
    expect(contentFromDraft(stage, content)).toEqual(content);
    expect(content.ratings.some((r) => r.rating !== null)).toBe(true);
    expect(content.ratings.some((r) => r.rating === null)).toBe(true);
    expect([draft.revisions.length, draft.ratings.length, draft.submittedAt]).toEqual([0, 0, null]);
  });

  it("writes every submitted scorecard as the app does, and its latest revision passes the submission schema", async () => {
    const now = new Date();
    const scorecards = await prisma.scorecard.findMany({
      where: { status: "submitted" },
      include: { revisions: { orderBy: { number: "asc" } }, ratings: true, signals: true, redFlags: true, interview: true },
    });
    expect(scorecards.length).toBeGreaterThanOrEqual(10);
    for (const card of scorecards) {
      // Submitted only once its interview had begun, as the app allows.
      expect(interviewHasBegun(card.interview, card.submittedAt!), card.id).toBe(true);
      const stage = await rubricOfScorecard(card);
      const latest = JSON.parse(card.revisions.at(-1)!.content) as ScorecardContent;
      const parsed = scorecardSchemas(stage).submission.safeParse(latest);
      expect(parsed.error?.issues ?? [], card.id).toEqual([]);

      expect(card.revisions.map((r) => r.number)).toEqual(card.revisions.map((_, i) => i + 1));
      expect(card.revisions[0]!.reason).toBeNull();
      expect(JSON.parse(card.draft)).toEqual(JSON.parse(card.revisions[0]!.content));
      expect([card.recommendation, card.takeaways]).toEqual([latest.recommendation, latest.takeaways]);
      expect(card.submittedAt!.getTime()).toBeGreaterThan(interviewEndsAt(card.interview).getTime());
      expect(card.submittedAt!.getTime()).toBeLessThanOrEqual(now.getTime());

      const competencyOf = new Map(stage.stage.criteria.map((c) => [c.id, c.competency]));
      expect(card.ratings.map((r) => [r.criterionId, r.competencyId, r.rating]).sort()).toEqual(
        latest.ratings.map((r) => [r.criterionId, competencyOf.get(r.criterionId), r.rating]).sort(),
      );
      expect(card.signals.map((s) => s.signalId).sort()).toEqual(latest.signals.filter((s) => s.observed).map((s) => s.signalId).sort());
      expect(card.redFlags.map((f) => [f.flagId, f.loopId, f.stageId, f.interviewerId]).sort()).toEqual(
        latest.redFlags.filter((f) => f.raised).map((f) => [f.flagId, card.loopId, card.stageId, card.interviewerId]).sort(),
      );
    }
  });

  it("reads like real interviews: varied evidence, 45–90 minute interviews in working hours", async () => {
    const evidence = (await prisma.criterionRating.findMany()).map((r) => r.evidence);
    expect(evidence.every((e) => e.length > 40)).toBe(true);
    expect(new Set(evidence).size).toBe(evidence.length);
    for (const interview of await prisma.interview.findMany()) {
      expect(interview.durationMinutes).toBeGreaterThanOrEqual(45);
      expect(interview.durationMinutes).toBeLessThanOrEqual(90);
      const start = interview.startsAt.getUTCHours() + interview.startsAt.getUTCMinutes() / 60;
      expect(start).toBeGreaterThanOrEqual(9);
      expect(start + interview.durationMinutes / 60).toBeLessThanOrEqual(18);
    }
  });
});

describe("start-up housekeeping", () => {
  it("deletes expired sessions and sign-in attempts older than a day, keeping live ones", async () => {
    const user = await prisma.user.findFirstOrThrow();
    const now = Date.now();
    await prisma.session.createMany({
      data: [
        { idHash: "expired", userId: user.id, createdAt: new Date(now - 10 * 864e5), expiresAt: new Date(now - 864e5) },
        { idHash: "live", userId: user.id, createdAt: new Date(now), expiresAt: new Date(now + 864e5) },
      ],
    });
    await prisma.loginAttempt.createMany({
      data: [
        { email: "a@x.example", address: "192.0.2.1", succeeded: false, at: new Date(now - 2 * 864e5) },
        { email: "a@x.example", address: "192.0.2.1", succeeded: false, at: new Date(now - 60_000) },
      ],
    });
    await prepareDatabase({ ...getConfig(), seedDemo: false }, () => {});
    expect((await prisma.session.findMany({ where: { idHash: { in: ["expired", "live"] } } })).map((s) => s.idHash)).toEqual(["live"]);
    expect(await prisma.loginAttempt.count({ where: { address: "192.0.2.1" } })).toBe(1);
  });
});

describe("the demo builders' records", () => {
  it("pin the builder rubric, pay inside their level's band, and a history ending at their level", async () => {
    const { prepareDatabase: prepare } = await import("~/server/startup");
    await prepare({ ...getConfig(), seedDemo: true }, () => {});
    const builders = await prisma.builder.findMany({ include: { rubricVersion: true, levelHistory: { orderBy: { effectiveAt: "asc" } } } });
    expect(builders.length).toBeGreaterThanOrEqual(12);
    for (const b of builders) {
      const bands = JSON.parse(b.rubricVersion!.content).bands.levels[b.level].base;
      expect(b.baseSalary).toBeGreaterThanOrEqual(bands.min);
      expect(b.baseSalary).toBeLessThanOrEqual(bands.max);
      expect(b.levelHistory.at(-1)!.level).toBe(b.level);
      expect(b.levelHistory[0]!.reason).toBe("joined");
    }
    expect(builders.some((b) => b.levelHistory.some((h) => h.reason === "promoted"))).toBe(true);
  });
});

describe("the demo organisation's project log", () => {
  // Seeds when this block runs alone; a no-op once the database has been seeded.
  beforeAll(async () => {
    await prepareDatabase({ ...getConfig(), seedDemo: true }, () => {});
  });

  const DAY = 86_400_000;
  const loginIds = async () => (await prisma.user.findMany({ where: { email: { in: DEMO_LOGINS.map((l) => l.email) } }, select: { id: true } })).map((u) => u.id);
  async function allProjects() {
    const rows = await prisma.project.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
    return Promise.all(rows.map(async (r) => (await findProject(r.id))!));
  }

  it("has projects in every state, each pinned to builder v3 (the current version, which defines the process)", async () => {
    const projects = await allProjects();
    expect(new Set(projects.map((p) => p.status))).toEqual(new Set(PROJECT_STATUSES));
    const current = (await findCurrentVersion("builder"))!;
    for (const p of projects) {
      expect(p.rubricVersion.id, p.title).toBe(current.id);
      expect(p.process.checkpoint_after_days).toBe(28);
    }
    const v3 = await prisma.rubricVersion.findUniqueOrThrow({ where: { id: current.id } });
    expect(v3.firstUsedAt!.getTime()).toBeLessThanOrEqual(Math.min(...projects.map((p) => p.createdAt.getTime())));
    // Only builders on a track with a project process keep a project log.
    const owners = await prisma.builder.findMany({ where: { userId: { in: projects.map((p) => p.owner.id) } }, select: { track: true } });
    expect(new Set(owners.map((o) => o.track))).toEqual(new Set(["builder"]));
  });

  it("records every transition as an event: who and when, in order, one per change", async () => {
    const now = Date.now();
    for (const p of await allProjects()) {
      const events = p.events;
      const at = (kind: string) => events.filter((e) => e.kind === kind);
      expect(events[0], p.title).toMatchObject({ kind: "created", actor: { id: p.owner.id }, at: p.createdAt });
      for (let i = 1; i < events.length; i++) expect(events[i]!.at.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.at.getTime());
      expect(events.at(-1)!.at.getTime()).toBeLessThanOrEqual(now);
      expect(p.updatedAt).toEqual(events.at(-1)!.at);
      // Every change raised the version once, as the app's writes do.
      expect(p.version, p.title).toBe(events.length);
      if (p.submittedAt) expect(events.find((e) => e.kind === "submitted")).toMatchObject({ actor: { id: p.owner.id }, at: p.submittedAt });
      else expect(p.status).toBe("draft");
      for (const e of [...at("submitted"), ...at("resubmitted"), ...at("launched"), ...at("blocked")]) expect(e.actor.id, `${p.title}: ${e.kind}`).toBe(p.owner.id);
      for (const e of [...at("approved"), ...at("changes_requested")]) expect(e.actor.id, `${p.title}: ${e.kind}`).toBe(p.approver.id);
      if (p.approvedAt) expect(at("approved").map((e) => e.at)).toEqual([p.approvedAt]);
      if (p.launchedAt) {
        expect(at("launched").map((e) => e.at)).toEqual([p.launchedAt]);
        expect(p.approvedAt!.getTime()).toBeLessThan(p.launchedAt.getTime());
        expect(p.metrics.length).toBeGreaterThanOrEqual(p.process.min_success_metrics);
      }
      if (p.checkpoint) {
        expect(at("checkpoint_recorded")).toEqual([expect.objectContaining({ at: p.checkpoint.recordedAt, actor: p.checkpoint.recordedBy, data: { verdict: p.checkpoint.verdict } })]);
        expect(p.checkpoint.recordedAt.getTime()).toBeGreaterThanOrEqual(p.launchedAt!.getTime() + 28 * DAY);
        expect(Object.keys(p.checkpoint.actuals).sort()).toEqual(p.metrics.map((m) => m.id).sort());
      }
      expect(at("review_recorded").map((e) => [e.at, e.actor.id]).sort()).toEqual(p.reviews.map((r) => [r.reviewedAt, r.reviewedBy.id]).sort());
      if (p.closedAt) expect(at("closed")).toEqual([expect.objectContaining({ at: p.closedAt, data: { outcome: p.outcome } })]);
      if (p.blocked) expect(at("blocked").at(-1)).toMatchObject({ at: p.blocked.at, note: p.blocked.reason, data: { escalateToId: p.blocked.escalateTo!.id } });
      // Submitted PRDs have the sections builder v3 asks for; the approver is never the owner.
      if (p.submittedAt) expect(missingPrdSections(p.prd, p.process), p.title).toEqual([]);
      expect(p.approver.id).not.toBe(p.owner.id);
    }
  });

  it("has PRDs awaiting the thumbs-up of people who sign in to the demo, one of them resubmitted after changes were asked for", async () => {
    const awaiting = (await allProjects()).filter((p) => p.status === "submitted");
    expect(awaiting.length).toBeGreaterThanOrEqual(2);
    const logins = await loginIds();
    const approvers = new Set(awaiting.map((p) => p.approver.id));
    expect([...approvers].every((id) => logins.includes(id))).toBe(true);
    for (const approverId of approvers) {
      const queue = approvalQueue((await projectsAwaitingApproval(approverId)).map((p) => ({ ...p, awaitingSince: p.awaitingSince! })), new Date());
      expect(queue.length).toBeGreaterThanOrEqual(1);
      expect(queue.every((q) => q.ageDays >= 1)).toBe(true);
    }
    const resubmitted = awaiting.find((p) => p.events.some((e) => e.kind === "resubmitted"))!;
    const kinds = resubmitted.events.map((e) => e.kind);
    expect(kinds).toEqual(["created", "submitted", "changes_requested", "resubmitted"]);
    expect(resubmitted.events.find((e) => e.kind === "resubmitted")!.data).toEqual({ approverId: resubmitted.approver.id });
  });

  it("has a PRD sent back with the approver's comments", async () => {
    const sentBack = (await allProjects()).filter((p) => p.status === "changes_requested");
    expect(sentBack.length).toBeGreaterThanOrEqual(1);
    for (const p of sentBack) {
      const request = p.events.at(-1)!;
      expect(request).toMatchObject({ kind: "changes_requested", actor: { id: p.approver.id } });
      expect(request.note.length).toBeGreaterThan(80);
    }
  });

  it("has a launched project whose 28-day checkpoint is due now, on its owner's and manager's lists", async () => {
    const now = new Date();
    const launched = (await allProjects()).filter((p) => p.status === "launched");
    const due = launched.filter((p) => dueWork({ status: p.status, launchedAt: p.launchedAt, checkpointRecordedAt: null, lastReview: null }, p.process, now)?.urgency === "due");
    expect(due.length).toBeGreaterThanOrEqual(1);
    const p = due[0]!;
    const age = (now.getTime() - p.launchedAt!.getTime()) / DAY;
    expect(age).toBeGreaterThanOrEqual(28);
    expect(age).toBeLessThanOrEqual(30);
    expect((await openProjectsOwnedBy(p.owner.id)).map((s) => s.id)).toContain(p.id);
    expect((await openProjectsOfReports(p.manager!.id)).map((s) => s.id)).toContain(p.id);
  });

  it("has a project whose checkpoint said “roll back”, missed its targets and closed as rolled back", async () => {
    const rolledBack = (await allProjects()).find((p) => p.checkpoint?.verdict === "roll_back")!;
    expect(rolledBack).toBeDefined();
    expect(rolledBack).toMatchObject({ status: "closed", outcome: "rolled_back" });
    const results = metricResults(rolledBack.metrics, rolledBack.checkpoint!.actuals);
    expect(results.some((r) => !r.met)).toBe(true);
    expect(rolledBack.checkpoint!.followUps).not.toBe("");
  });

  it("has a team-founder project past its decision date, on its manager's list", async () => {
    const now = new Date();
    const late = (await allProjects()).filter((p) => pastDecisionDate({ mode: p.mode, status: p.status, decisionDate: p.decisionDate ? new Date(`${p.decisionDate}T00:00:00Z`) : null }, now));
    expect(late.length).toBeGreaterThanOrEqual(1);
    expect((await openProjectsOfReports(late[0]!.manager!.id)).map((s) => s.id)).toContain(late[0]!.id);
  });

  it("has a live project with two quarterly reviews, each setting the next within the review period", async () => {
    const reviewed = (await allProjects()).find((p) => p.status === "live" && p.reviews.length >= 2)!;
    expect(reviewed).toBeDefined();
    for (const r of reviewed.reviews) {
      const next = new Date(`${r.nextReviewOn}T00:00:00Z`).getTime();
      expect(next).toBeGreaterThan(r.reviewedAt.getTime());
      expect(next).toBeLessThanOrEqual(r.reviewedAt.getTime() + reviewed.process.quarterly_review_every_days * DAY);
      expect(r.roi).not.toBe("");
      expect(r.reviewedAt.getTime()).toBeGreaterThan(reviewed.checkpoint!.recordedAt.getTime());
    }
  });

  it("has a blocked project escalated to someone who signs in to the demo", async () => {
    const blocked = (await allProjects()).filter((p) => p.blocked);
    expect(blocked.length).toBeGreaterThanOrEqual(1);
    const to = blocked[0]!.blocked!.escalateTo!;
    expect(await loginIds()).toContain(to.id);
    expect((await projectsEscalatedTo(to.id)).map((s) => s.id)).toContain(blocked[0]!.id);
    expect(blocked[0]!.blocked!.reason.length).toBeGreaterThan(40);
  });

  it("has a submitted packet whose evidence cites the builder's launched project, its recorded outcome frozen in the snapshot", async () => {
    const citing = await prisma.packetEvidence.findMany({ where: { projectId: { not: null } }, include: { packet: true, project: true } });
    expect(citing.length).toBeGreaterThanOrEqual(1);
    const submitted = citing.filter((e) => e.packet.status !== "draft");
    expect(submitted.length).toBeGreaterThanOrEqual(1);
    for (const e of citing) {
      expect(e.project!.ownerId).toBe(e.packet.builderId);
      expect(e.project!.launchedAt!.getTime()).toBeLessThanOrEqual(e.createdAt.getTime());
    }
    const item = submitted[0]!;
    const packet = (await findPacket(item.packetId))!;
    const frozen = packet.snapshot!.evidence.find((x) => x.id === item.id)!;
    expect(frozen.projectId).toBe(item.projectId);
    expect(frozen.project?.checkpoint).not.toBeNull();
    expect(frozen.project!.checkpoint!.met).toBe(frozen.project!.checkpoint!.of);
    expect(frozen.project!.approval).not.toBeNull();
    expect(Date.parse(frozen.project!.checkpoint!.recordedAt)).toBeLessThanOrEqual(packet.submittedAt!.getTime());
  });

  it("has a few weeks of demos, presented by each project's owner, some flagged by a manager", async () => {
    const now = Date.now();
    const demos = await prisma.demo.findMany({ include: { project: true, flaggedBy: { include: { roles: true } } } });
    expect(demos.length).toBeGreaterThanOrEqual(6);
    expect(demos.length).toBeLessThanOrEqual(10);
    const weeks = new Set(demos.map((d) => Math.floor((now - d.demoOn.getTime()) / (7 * DAY))));
    expect(weeks.size).toBeGreaterThanOrEqual(3);
    for (const d of demos) {
      expect(d.presenterId).toBe(d.project.ownerId);
      expect(d.demoOn.toISOString()).toMatch(/T00:00:00\.000Z$/);
      expect(d.demoOn.getTime()).toBeGreaterThanOrEqual(now - 35 * DAY);
      expect(d.createdAt.getTime()).toBeLessThanOrEqual(now);
      expect(d.project.createdAt.getTime()).toBeLessThanOrEqual(d.demoOn.getTime());
      if (d.flaggedAt) {
        expect(d.flaggedBy!.roles.map((r) => r.role)).toContain("manager");
        expect(d.flaggedAt.getTime()).toBeGreaterThanOrEqual(d.createdAt.getTime());
        expect(d.flaggedAt.getTime()).toBeLessThanOrEqual(now);
      }
    }
    const flagged = demos.filter((d) => d.flaggedAt);
    expect(flagged.length).toBeGreaterThanOrEqual(2);
    expect(flagged.length).toBeLessThan(demos.length);
  });
});
