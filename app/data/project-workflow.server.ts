import { dateOfCalendarDay } from "~/domain/calendar-date";
import type { DemoInput, ProjectInput } from "~/domain/project/forms";
import { canEditContent, ownerChoosesApprover, transition, type ProjectAction, type ProjectEventDraft } from "~/domain/project/workflow";
import { conflict, forbidden, invalidField, notFound, RefusalError, stale, type Invalid, type WordedRefusal } from "~/domain/refusal";
import type { ProjectProcess } from "~/domain/rubric/schema";
import type { Prisma } from "~/generated/prisma/client";
import { recordChange, type PersonActor } from "./audit.server";
import { prisma } from "./db.server";
import { notifyPrdAwaitingApproval } from "./event-notifications.server";
import { factsOf, findProject, type ProjectDetail } from "./projects.server";
import { findCurrentVersion, rubricFromContent } from "./rubrics.server";

/**
 * Writing projects. Every change is one transaction that re-reads the project, asks the pure
 * workflow (app/domain/project/workflow.ts) whether it may happen, and writes conditionally on the
 * version the person was looking at: two tabs pressing the same button move the project once, and
 * a change made on a stale page is refused as `stale` rather than applied over someone else's.
 * A change that happens records itself in the audit trail in the same transaction, about the
 * project's owner; a refused one (domain/refusal.ts), or one whose input the stored records show
 * to be wrong (`invalid`), records nothing.
 */
export type WriteResult<T = object> = ({ ok: true } & T) | WordedRefusal | Invalid;

const STALE = stale("Someone changed this project while you were looking at it: reload to see the change, then try again.");

function eventRow(projectId: string, event: ProjectEventDraft) {
  return { projectId, kind: event.kind, actorId: event.actorId, at: event.at, note: event.note, data: JSON.stringify(event.data) };
}

function metricRows(projectId: string, metrics: ProjectInput["metrics"]) {
  return metrics.map((m, position) => ({
    projectId,
    position,
    name: m.name,
    unit: m.unit,
    baseline: m.baseline,
    target: m.target,
    direction: m.direction,
    measurement: m.measurement,
  }));
}

/** The project's own fields as the form gives them (shared by creation, edits and the demo seed). */
export function contentRow(input: ProjectInput) {
  return {
    title: input.title,
    problem: input.problem,
    mode: input.mode,
    team: input.team,
    prd: input.prd,
    approverId: input.approverId,
    decisionDate: input.decisionDate ? dateOfCalendarDay(input.decisionDate) : null,
    links: JSON.stringify(input.links),
  };
}

/** The fields, in the form's words, whose values an edit changes: the audit entry names them, never their text. */
async function changedFields(tx: Prisma.TransactionClient, projectId: string, input: ProjectInput): Promise<string[]> {
  const row = await tx.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { title: true, problem: true, mode: true, team: true, prd: true, approverId: true, decisionDate: true, links: true, metrics: { orderBy: { position: "asc" } } },
  });
  const next = contentRow(input);
  const same = (key: keyof typeof next) => (key === "decisionDate" ? (row.decisionDate?.getTime() ?? null) === (next.decisionDate?.getTime() ?? null) : row[key] === next[key]);
  const fields: string[] = (Object.keys(next) as (keyof typeof next)[]).filter((key) => !same(key));
  const metric = (m: { name: string; unit: string; baseline: number; target: number; direction: string; measurement: string }) => [m.name, m.unit, m.baseline, m.target, m.direction, m.measurement];
  if (JSON.stringify(row.metrics.map(metric)) !== JSON.stringify(metricRows(projectId, input.metrics).map(metric))) fields.push("metrics");
  return fields;
}

/** An applied workflow action's facts for the audit entry: the states and the ids or choices it records, no text. */
function actionDetail(action: ProjectAction, project: ProjectDetail, to: string): Record<string, unknown> {
  const states = { from: project.status, to };
  switch (action.kind) {
    case "change_approver":
      return { ...states, previousApproverId: project.approver.id, approverId: action.approverId };
    case "record_checkpoint":
      return { ...states, verdict: action.verdict };
    case "record_review":
      return { ...states, health: action.health, nextReviewOn: action.nextReviewOn.toISOString().slice(0, 10) };
    case "close":
      return { ...states, outcome: action.outcome };
    case "block":
      return { ...states, escalateToId: action.escalateToId };
    default:
      return states;
  }
}

/** Someone who can act in the organisation: an account that is not deactivated. */
async function personExists(tx: Prisma.TransactionClient, id: string): Promise<boolean> {
  return (await tx.user.count({ where: { id, deactivatedAt: null } })) === 1;
}

export type Startable = { ok: true; process: ProjectProcess; rubric: { id: string; track: string; version: number; name: string } } | WordedRefusal;

/**
 * The process a builder would start a project under: their track's current rubric version's
 * `project_process`, with that version. Refused (as createProject refuses) when they have no
 * builder record (`forbidden`), or their track has no version in service or that version defines
 * no project process (`conflict`: not yet).
 */
export async function startableProcess(userId: string): Promise<Startable> {
  const builder = await prisma.builder.findUnique({ where: { userId }, select: { track: true } });
  if (!builder) return forbidden("Only builders keep a project log: starting a project is theirs.");
  const current = await findCurrentVersion(builder.track);
  const row = current ? await prisma.rubricVersion.findUnique({ where: { id: current.id }, select: { contentHash: true, content: true } }) : null;
  const process = row ? rubricFromContent(row.contentHash, row.content).project_process : undefined;
  if (!current || !process) {
    return conflict("Your track's current rubric version defines no project process, so there is no project log on your track yet.");
  }
  return { ok: true, process, rubric: { id: current.id, track: current.track, version: current.version, name: current.name } };
}

/**
 * Starts a project for a builder, pinned to the current rubric version of their track. Refused when
 * they have no builder record or their track's current version defines no project process.
 */
export async function createProject(owner: PersonActor, input: ProjectInput, now: Date): Promise<WriteResult<{ id: string }>> {
  const ownerId = owner.userId;
  const startable = await startableProcess(ownerId);
  if (!startable.ok) return startable;
  const current = startable.rubric;
  if (input.approverId === ownerId) return invalidField("approverId", "Name an approver other than yourself.");
  return prisma.$transaction(async (tx) => {
    if (!(await personExists(tx, input.approverId))) return invalidField("approverId", "The approver is not someone in this organisation.");
    const project = await tx.project.create({
      data: {
        ownerId,
        rubricVersionId: current.id,
        ...contentRow(input),
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    if (input.metrics.length > 0) await tx.projectMetric.createMany({ data: metricRows(project.id, input.metrics) });
    await tx.projectEvent.create({ data: eventRow(project.id, { kind: "created", actorId: ownerId, at: now, note: "", data: {} }) });
    // The project pins the version: from now on its file cannot change.
    await tx.rubricVersion.updateMany({ where: { id: current.id, firstUsedAt: null }, data: { firstUsedAt: now } });
    await recordChange(
      tx,
      owner,
      { action: "project.create", recordType: "project", recordId: project.id, subjectUserId: ownerId, detail: { to: "draft", mode: input.mode, metrics: input.metrics.length, rubricVersionId: current.id } },
      now,
    );
    return { ok: true as const, id: project.id };
  });
}

/**
 * Saves the owner's edits of a draft (or of a PRD sent back with changes requested), and with
 * `intent: "submit"` sends it to the approver in the same transaction. The approver is the
 * owner's to choose only before the first submission; afterwards a different approverId is refused.
 */
export async function saveProject(projectId: string, actor: PersonActor, input: ProjectInput, now: Date): Promise<WriteResult> {
  const actorId = actor.userId;
  return prisma.$transaction(async (tx) => {
    const project = await findProject(projectId, tx);
    if (!project) return notFound("No such project.");
    if (project.owner.id !== actorId) return forbidden("Only the project's owner edits it.");
    if (input.version !== undefined && input.version !== project.version) return STALE;
    if (!canEditContent(project.status)) return conflict("The project can be edited only as a draft, or when its approver asked for changes.");
    if (input.approverId !== project.approver.id) {
      if (!ownerChoosesApprover(project)) {
        return forbidden("The PRD has been submitted to its approver: only your manager can change the approver now.");
      }
      if (input.approverId === actorId) return invalidField("approverId", "Name an approver other than yourself.");
      if (!(await personExists(tx, input.approverId))) return invalidField("approverId", "The approver is not someone in this organisation.");
    }
    const fields = await changedFields(tx, projectId, input);
    const { count } = await tx.project.updateMany({
      where: { id: projectId, version: project.version },
      data: {
        ...contentRow(input),
        updatedAt: now,
        version: { increment: 1 },
      },
    });
    if (count === 0) return STALE;
    await tx.projectMetric.deleteMany({ where: { projectId } });
    if (input.metrics.length > 0) await tx.projectMetric.createMany({ data: metricRows(projectId, input.metrics) });
    const about = { recordType: "project", recordId: projectId, subjectUserId: project.owner.id };
    // Submitting an unchanged draft (as starting and submitting at once does) is only a submission.
    if (input.intent !== "submit" || fields.length > 0) {
      await recordChange(tx, actor, { action: "project.save", ...about, detail: { fields, version: project.version + 1 } }, now);
    }
    if (input.intent !== "submit") return { ok: true as const };
    const saved = (await findProject(projectId, tx))!;
    const result = transition(factsOf(saved), { kind: "submit" }, actorId, now, saved.process);
    // A refused submission leaves nothing behind: not even the edits saved with it.
    if (!result.ok) throw result.reason === "invalid" ? new InvalidInput(result) : new RefusalError(result);
    await tx.project.update({ where: { id: projectId }, data: { status: result.facts.status, submittedAt: result.facts.submittedAt, updatedAt: now } });
    await tx.projectEvent.create({ data: eventRow(projectId, result.event) });
    await recordChange(tx, actor, { action: "project.submit", ...about, detail: { from: saved.status, to: result.facts.status, approverId: saved.approver.id } }, now);
    await notifyPrdAwaitingApproval(tx, { projectId, actorId, now });
    return { ok: true as const };
  }).catch(unwrapRefusal);
}

/** Bad input found inside a transaction: thrown (as RefusalError throws a refusal) to roll it back and answer with it. */
class InvalidInput extends Error {
  constructor(readonly invalid: Invalid) {
    super(invalid.message);
  }
}

/** What a transaction threw to roll itself back, as the write's result; any other error goes on. */
function unwrapRefusal(error: unknown): WordedRefusal | Invalid {
  // Thrown above from a transition's refusal, which carries nothing stored.
  if (error instanceof RefusalError) return { ok: false, reason: error.refusal.reason, message: error.refusal.message };
  if (error instanceof InvalidInput) return error.invalid;
  throw error;
}

/**
 * Applies one workflow action (approve, request changes, change approver, launch, checkpoint,
 * review, close, block, unblock) by `actorId`, based on `version`.
 */
export async function applyProjectAction(
  projectId: string,
  actor: PersonActor,
  action: ProjectAction,
  version: number,
  now: Date,
): Promise<WriteResult> {
  const actorId = actor.userId;
  return prisma.$transaction(async (tx) => {
    const project = await findProject(projectId, tx);
    if (!project) return notFound("No such project.");
    const result = transition(factsOf(project), action, actorId, now, project.process);
    if (!result.ok) return result;
    if (version !== project.version) return STALE;
    if ((action.kind === "change_approver" || action.kind === "block") && !(await personExists(tx, action.kind === "block" ? action.escalateToId : action.approverId))) {
      return invalidField(action.kind === "block" ? "escalateToId" : "approverId", "That person is not someone in this organisation.");
    }
    const next = result.facts;
    const data: Prisma.ProjectUpdateManyMutationInput & { approverId?: string; escalateToId?: string | null } = {
      status: next.status,
      approvedAt: next.approvedAt,
      launchedAt: next.launchedAt,
      updatedAt: now,
      version: { increment: 1 },
    };
    if (action.kind === "change_approver") data.approverId = action.approverId;
    if (action.kind === "close") Object.assign(data, { closedAt: now, outcome: action.outcome, blockedAt: null, blockedReason: null, escalateToId: null });
    if (action.kind === "block") Object.assign(data, { blockedAt: now, blockedReason: action.reason.trim(), escalateToId: action.escalateToId });
    if (action.kind === "unblock") Object.assign(data, { blockedAt: null, blockedReason: null, escalateToId: null });
    const { count } = await tx.project.updateMany({ where: { id: projectId, version: project.version }, data });
    if (count === 0) return STALE;
    await tx.projectEvent.create({ data: eventRow(projectId, result.event) });
    if (action.kind === "record_checkpoint") {
      await tx.projectCheckpoint.create({
        data: {
          projectId,
          recordedById: actorId,
          recordedAt: now,
          verdict: action.verdict,
          actuals: JSON.stringify(action.actuals),
          followUps: action.followUps.trim(),
        },
      });
    }
    if (action.kind === "record_review") {
      await tx.projectReview.create({
        data: {
          projectId,
          reviewedById: actorId,
          reviewedAt: now,
          health: action.health,
          roi: action.roi.trim(),
          followThrough: action.followThrough.trim(),
          nextReviewOn: action.nextReviewOn,
        },
      });
    }
    // The reason is what the person typed with the action (an approval's note, the changes asked for, why it is blocked…).
    await recordChange(
      tx,
      actor,
      { action: `project.${action.kind}`, recordType: "project", recordId: projectId, subjectUserId: project.owner.id, reason: result.event.note || null, detail: actionDetail(action, project, next.status) },
      now,
    );
    // A submitted PRD handed to another approver now waits for them.
    if (action.kind === "change_approver") await notifyPrdAwaitingApproval(tx, { projectId, actorId, now });
    return { ok: true as const };
  });
}

/** The owner posts a demo of their project. */
export async function postDemo(project: Pick<ProjectDetail, "id" | "owner">, actor: PersonActor, input: DemoInput, now: Date): Promise<WriteResult<{ id: string }>> {
  if (project.owner.id !== actor.userId) return forbidden("Only the project's owner posts its demos.");
  return prisma.$transaction(async (tx) => {
    const demo = await tx.demo.create({
      data: { projectId: project.id, presenterId: actor.userId, title: input.title, shows: input.shows, link: input.link, demoOn: dateOfCalendarDay(input.demoOn), createdAt: now },
      select: { id: true },
    });
    await recordChange(tx, actor, { action: "demo.post", recordType: "demo", recordId: demo.id, subjectUserId: project.owner.id, detail: { projectId: project.id, demoOn: input.demoOn } }, now);
    return { ok: true as const, id: demo.id };
  });
}

/** A curator flags a demo for the wider organisation (or takes the flag back). */
export async function setDemoFlag(demoId: string, actor: PersonActor, flag: { note: string } | null, now: Date): Promise<WriteResult> {
  return prisma.$transaction(async (tx) => {
    const demo = await tx.demo.findUnique({ where: { id: demoId }, select: { projectId: true, presenterId: true } });
    if (!demo) return notFound("No such demo.");
    await tx.demo.update({
      where: { id: demoId },
      data: flag ? { flaggedById: actor.userId, flaggedAt: now, flagNote: flag.note.trim() } : { flaggedById: null, flaggedAt: null, flagNote: "" },
    });
    await recordChange(
      tx,
      actor,
      { action: flag ? "demo.flag" : "demo.unflag", recordType: "demo", recordId: demoId, subjectUserId: demo.presenterId, reason: flag?.note.trim() || null, detail: { projectId: demo.projectId } },
      now,
    );
    return { ok: true as const };
  });
}
