// The reminder run against a real database: scorecard reminders at injected times (each step once,
// the newest after an outage, none once submitted or for a cancelled interview, a closed or decided
// loop, an erased candidate, a deactivated interviewer), a moved interview starting again, two runs
// at once sending once, the checkpoint reminder, the lease, and pruning delivered emails.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { sendDueReminders } from "~/data/reminders.server";
import { openScorecard, submitScorecard } from "~/data/scorecards.server";
import { applyProjectAction, createProject, saveProject } from "~/data/project-workflow.server";
import { addDays } from "~/domain/project/process";
import type { SubmittedContent } from "~/domain/scorecard/schema";
import { runReminders, startReminderSchedule } from "~/server/reminder-schedule";
import { actorOf } from "../helpers/actor";
import { loopWithInterviews, publishShippedRubrics, stage2Content } from "../helpers/loops";
import { createUser } from "../helpers/users";

const CONFIG = { reminders: { firstHours: 1, everyHours: 24, maxOverdue: 7 }, outboxKeepDays: 30 };
const STARTS = new Date("2026-12-01T09:00:00Z"); // 60 minutes: ends 10:00; the rubric's scorecard is due 24 h later
const at = (iso: string) => new Date(iso);
const COMPETENCY: Record<string, string> = { live_build: "shipping_excellence", system_design: "technical_depth", product_considerations: "product_sense", debugging_and_review: "technical_depth" };

beforeAll(publishShippedRubrics);

/** One interviewer owing a scorecard on one technical interview. */
async function owed(startsAt = STARTS) {
  const interviewer = await createUser(["interviewer"], { name: "Ada" });
  const { loopId, interviewIds, candidate } = await loopWithInterviews([{ stageId: "technical_deep_dive", interviewerIds: [interviewer.id], startsAt }]);
  return { interviewer, loopId, interviewId: interviewIds[0]!, candidate };
}

async function remindersTo(userId: string) {
  const rows = await prisma.notification.findMany({ where: { recipientId: userId, kind: { startsWith: "scorecard." } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => r.kind);
}

describe("scorecard reminders", () => {
  it("sends each step once at its time: due an hour after the end, overdue at the due time, then daily", async () => {
    const { interviewer, interviewId, candidate } = await owed();
    await runReminders(at("2026-12-01T10:30:00Z"), CONFIG);
    expect(await remindersTo(interviewer.id)).toEqual([]);
    await runReminders(at("2026-12-01T11:00:00Z"), CONFIG);
    await runReminders(at("2026-12-01T11:01:00Z"), CONFIG);
    expect(await remindersTo(interviewer.id)).toEqual(["scorecard.due"]);
    await runReminders(at("2026-12-02T09:59:00Z"), CONFIG);
    expect(await remindersTo(interviewer.id)).toEqual(["scorecard.due"]);
    await runReminders(at("2026-12-02T10:00:00Z"), CONFIG);
    await runReminders(at("2026-12-02T10:01:00Z"), CONFIG);
    await runReminders(at("2026-12-03T10:00:00Z"), CONFIG);
    expect(await remindersTo(interviewer.id)).toEqual(["scorecard.due", "scorecard.overdue", "scorecard.overdue"]);

    const mail = await prisma.outboxMessage.findMany({ where: { recipientEmail: interviewer.email, subject: { startsWith: "Scorecard" } }, orderBy: { createdAt: "asc" } });
    expect(mail.map((m) => m.subject)).toEqual([
      "Scorecard due Wed 2 Dec 2026, 10:00 UTC: Stage 2: Technical deep dive",
      "Scorecard overdue: Stage 2: Technical deep dive, due Wed 2 Dec 2026, 10:00 UTC",
      "Scorecard overdue: Stage 2: Technical deep dive, due Wed 2 Dec 2026, 10:00 UTC",
    ]);
    for (const m of mail) {
      expect(m.text).toContain(`/interviews/${interviewId}/scorecard`);
      expect(m.text).not.toContain(candidate.name);
    }
    expect(await prisma.reminderSent.findMany({ where: { subjectId: interviewId }, select: { kind: true, step: true }, orderBy: { step: "asc" } })).toEqual([
      { kind: "scorecard.due", step: 0 },
      { kind: "scorecard.overdue", step: 1 },
      { kind: "scorecard.overdue", step: 2 },
    ]);
    const audit = await prisma.auditEntry.findMany({ where: { action: "reminder.send", recordId: interviewId } });
    expect(audit).toHaveLength(3);
    expect(audit.every((e) => e.actorId === null && e.candidateId === candidate.id)).toBe(true);
  });

  it("after an outage sends the newest step once, not the ones it missed, and stops at the maximum", async () => {
    const { interviewer, interviewId } = await owed();
    await runReminders(at("2026-12-06T12:00:00Z"), CONFIG);
    await runReminders(at("2026-12-06T12:05:00Z"), CONFIG);
    expect(await remindersTo(interviewer.id)).toEqual(["scorecard.overdue"]);
    expect((await prisma.reminderSent.findMany({ where: { subjectId: interviewId } })).map((r) => r.step)).toEqual([5]);
    await runReminders(at("2027-02-01T00:00:00Z"), CONFIG);
    await runReminders(at("2027-03-01T00:00:00Z"), CONFIG);
    expect(await remindersTo(interviewer.id)).toEqual(["scorecard.overdue", "scorecard.overdue"]);
    expect((await prisma.reminderSent.findMany({ where: { subjectId: interviewId }, orderBy: { step: "asc" } })).map((r) => r.step)).toEqual([5, 7]);
  });

  it("sends once when two runs go at the same moment", async () => {
    const { interviewer } = await owed();
    const now = at("2026-12-01T11:00:00Z");
    await Promise.all([runReminders(now, CONFIG), runReminders(now, CONFIG), runReminders(now, CONFIG)]);
    expect(await remindersTo(interviewer.id)).toEqual(["scorecard.due"]);
    expect(await prisma.outboxMessage.count({ where: { recipientEmail: interviewer.email, subject: { startsWith: "Scorecard due" } } })).toBe(1);
  });

  it("sends a backlog a run at a time, at most the run's limit each, every reminder once", async () => {
    const backlog = await Promise.all([owed(), owed(), owed()]);
    const when = at("2026-12-01T11:00:00Z");
    const sentPerRun: number[] = [];
    for (let run = 0; run < 20; run++) {
      const sent = await sendDueReminders(CONFIG.reminders, when, 2);
      sentPerRun.push(sent.scorecard + sent.checkpoint);
      if (sent.scorecard + sent.checkpoint === 0) break;
    }
    expect(Math.max(...sentPerRun)).toBe(2);
    expect(sentPerRun.at(-1)).toBe(0);
    for (const { interviewer } of backlog) expect(await remindersTo(interviewer.id)).toEqual(["scorecard.due"]);
  });

  it("stops once the scorecard is submitted", async () => {
    const { interviewer, interviewId, loopId } = await owed();
    await runReminders(at("2026-12-01T11:00:00Z"), CONFIG);
    const card = await openScorecard({ id: interviewId, loopId, stageId: "technical_deep_dive" }, interviewer.id, actorOf(interviewer), at("2026-12-01T11:10:00Z"));
    const submitted = await submitScorecard({ ...card, interviewerId: interviewer.id }, stage2Content() as SubmittedContent, (c) => COMPETENCY[c]!, actorOf(interviewer), at("2026-12-01T11:20:00Z"));
    expect(submitted).toEqual({ ok: true });
    for (const day of ["2026-12-02", "2026-12-03", "2026-12-09"]) await runReminders(at(`${day}T10:00:00Z`), CONFIG);
    expect(await remindersTo(interviewer.id)).toEqual(["scorecard.due"]);
  });

  it("sends nothing for a cancelled interview, a closed or decided loop, an erased candidate or a deactivated interviewer", async () => {
    const cancelled = await owed();
    await prisma.interview.update({ where: { id: cancelled.interviewId }, data: { cancelledAt: at("2026-12-01T08:00:00Z"), cancelReason: "Candidate ill" } });
    const closed = await owed();
    await prisma.loop.update({ where: { id: closed.loopId }, data: { closedAt: at("2026-12-01T12:00:00Z"), closeReason: "Withdrew" } });
    const decided = await owed();
    const decider = await createUser(["hiring_committee"]);
    await prisma.hiringDecision.create({ data: { loopId: decided.loopId, outcome: "no_hire", rationale: "Enough seen.", decidedById: decider.id, decidedAt: at("2026-12-01T12:00:00Z") } });
    const erased = await owed();
    await prisma.candidate.update({ where: { id: erased.candidate.id }, data: { erasedAt: at("2026-12-01T12:00:00Z") } });
    const gone = await owed();
    await prisma.user.update({ where: { id: gone.interviewer.id }, data: { deactivatedAt: at("2026-12-01T12:00:00Z") } });

    for (const day of ["2026-12-01T11:00:00Z", "2026-12-02T10:00:00Z", "2026-12-05T10:00:00Z"]) await runReminders(at(day), CONFIG);
    for (const p of [cancelled, closed, decided, erased, gone]) {
      expect(await remindersTo(p.interviewer.id)).toEqual([]);
      expect(await prisma.reminderSent.count({ where: { subjectId: p.interviewId } })).toBe(0);
    }
  });

  it("starts again for a moved interview: 'due' after the new end, overdue from the new due time", async () => {
    const { interviewer, interviewId } = await owed();
    await runReminders(at("2026-12-01T11:00:00Z"), CONFIG);
    // Moved two days on (as a reschedule does: a new time and the next sequence).
    await prisma.interview.update({ where: { id: interviewId }, data: { startsAt: at("2026-12-03T09:00:00Z"), sequence: { increment: 1 } } });
    await runReminders(at("2026-12-02T10:00:00Z"), CONFIG); // the old due time: nothing is owed yet
    expect(await remindersTo(interviewer.id)).toEqual(["scorecard.due"]);
    await runReminders(at("2026-12-03T11:00:00Z"), CONFIG);
    await runReminders(at("2026-12-04T10:00:00Z"), CONFIG);
    expect(await remindersTo(interviewer.id)).toEqual(["scorecard.due", "scorecard.due", "scorecard.overdue"]);
    expect((await prisma.reminderSent.findMany({ where: { subjectId: interviewId }, orderBy: { step: "asc" } })).map((r) => r.step)).toEqual([0, 1000, 1001]);
  });
});

describe("the checkpoint reminder", () => {
  const T0 = new Date("2027-03-01T09:00:00Z");
  const PRD = "## Problem\n\nx\n\n## Solution\n\nx\n\n## Success criteria\n\nx\n\n## Risks and rollback\n\nx\n";

  async function launched() {
    const v3 = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 3 } } });
    const builder = await createUser(["builder"], { name: "Bea" });
    const approver = await createUser(["builder"], { name: "Ann" });
    await prisma.builder.create({ data: { userId: builder.id, level: "L5", startedAt: T0, rubricVersionId: v3.id } });
    const metric = { name: "Completion", unit: "%", baseline: 31, target: 40, direction: "at_least" as const, measurement: "Funnel" };
    const input = { title: "Faster sign-up", problem: "Stalls", mode: "satellite" as const, team: "Growth", prd: PRD, approverId: approver.id, decisionDate: undefined, links: [], metrics: [metric] };
    const created = await createProject(actorOf(builder), { intent: "save", ...input }, T0);
    if (!created.ok) throw new Error(created.message);
    const id = created.id;
    const step = async (actorId: string, action: Parameters<typeof applyProjectAction>[2], when: Date) => {
      const { version } = await prisma.project.findUniqueOrThrow({ where: { id } });
      return applyProjectAction(id, actorOf(actorId), action, version, when);
    };
    const { version } = await prisma.project.findUniqueOrThrow({ where: { id } });
    expect((await saveProject(id, actorOf(builder), { intent: "submit", version, ...input }, T0)).ok).toBe(true);
    expect((await step(approver.id, { kind: "approve", note: "" }, T0)).ok).toBe(true);
    expect((await step(builder.id, { kind: "launch" }, T0)).ok).toBe(true);
    return { id, builder, step };
  }

  const checkpointNotices = (userId: string) => prisma.notification.findMany({ where: { recipientId: userId, kind: "project.checkpoint_due" } });

  it("tells the owner once when the 28-day checkpoint is due, and never once it is recorded", async () => {
    const p = await launched();
    await runReminders(addDays(T0, 27), CONFIG);
    expect(await checkpointNotices(p.builder.id)).toHaveLength(0);
    await runReminders(addDays(T0, 28), CONFIG);
    await runReminders(addDays(T0, 29), CONFIG);
    await Promise.all([runReminders(addDays(T0, 30), CONFIG), runReminders(addDays(T0, 30), CONFIG)]);
    expect(await checkpointNotices(p.builder.id)).toEqual([expect.objectContaining({ subjectType: "project", subjectId: p.id })]);
    const mail = await prisma.outboxMessage.findMany({ where: { recipientEmail: p.builder.email, subject: { startsWith: "28-day checkpoint due" } } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain("is due on Mon 29 Mar 2027");

    const recorded = await launched();
    const metricId = (await prisma.projectMetric.findFirstOrThrow({ where: { projectId: recorded.id } })).id;
    expect((await recorded.step(recorded.builder.id, { kind: "record_checkpoint", actuals: { [metricId]: 42 }, verdict: "keep", followUps: "" }, addDays(T0, 28))).ok).toBe(true);
    await runReminders(addDays(T0, 40), CONFIG);
    expect(await checkpointNotices(recorded.builder.id)).toHaveLength(0);
  });
});

describe("the reminder schedule", () => {
  it("runs in one instance at a time: the lease holder runs, the other stands by", async () => {
    const config = { ...CONFIG, reminderEverySeconds: 3600 };
    const quiet = { info: () => undefined, error: () => undefined };
    const a = startReminderSchedule(config, quiet, "instance-a")!;
    const b = startReminderSchedule(config, quiet, "instance-b")!;
    const now = at("2026-11-01T00:00:00Z");
    expect(await a.tick(now)).toBe("done");
    expect(await b.tick(now)).toBe("standby");
    await a.stop();
    expect(await b.tick(new Date())).toBe("done");
    await b.stop();
    expect(startReminderSchedule({ ...config, reminderEverySeconds: 0 }, quiet)).toBeNull();
  });
});

describe("outbox pruning", () => {
  it("deletes delivered emails older than OUTBOX_KEEP_DAYS, keeps waiting and given-up ones, and records it", async () => {
    const now = at("2027-06-01T00:00:00Z");
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const row = (name: string, status: string, sentAt: Date | null, createdAt: Date) => ({
      messageId: `<prune-${name}@test>`,
      recipientEmail: "x@test.example",
      subject: name,
      text: "t",
      status,
      createdAt,
      nextAttemptAt: createdAt,
      sentAt,
    });
    await prisma.outboxMessage.createMany({
      data: [
        row("old-sent", "sent", daysAgo(31), daysAgo(31)),
        row("old-local", "local", daysAgo(40), daysAgo(40)),
        row("recent-sent", "sent", daysAgo(29), daysAgo(29)),
        row("old-pending", "pending", null, daysAgo(90)),
        row("old-failed", "failed", null, daysAgo(90)),
      ],
    });
    const result = await runReminders(now, CONFIG);
    expect(result.pruned).toBe(2);
    const left = await prisma.outboxMessage.findMany({ where: { messageId: { startsWith: "<prune-" } }, select: { subject: true }, orderBy: { subject: "asc" } });
    expect(left.map((m) => m.subject)).toEqual(["old-failed", "old-pending", "recent-sent"]);
    expect(await prisma.auditEntry.findFirst({ where: { action: "outbox.prune" }, select: { actorId: true, detail: true } })).toMatchObject({ actorId: null, detail: expect.stringContaining('"count":2') });
    expect((await runReminders(now, CONFIG)).pruned).toBe(0);
  });
});
