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
