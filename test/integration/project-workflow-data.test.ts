// The data layer's own refusals, without the routes in front of it: the manager relation needs the
// manager role, and a stale version writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { applyProjectAction, createProject, saveProject } from "~/data/project-workflow.server";
import { addDays } from "~/domain/project/process";
import { actorOf } from "../helpers/actor";
import { publishShippedRubrics } from "../helpers/loops";
import { createUser } from "../helpers/users";

const T0 = new Date("2027-03-01T09:00:00Z");
const PRD = "## Problem\n\nx\n\n## Solution\n\nx\n\n## Success criteria\n\nx\n\n## Risks and rollback\n\nx\n";

beforeAll(publishShippedRubrics);

async function launchedProject() {
  const v3 = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 3 } } });
  const manager = await createUser(["manager"]);
  const builder = await createUser(["builder"]);
  const approver = await createUser(["builder"]);
  await prisma.builder.create({ data: { userId: builder.id, level: "L5", managerId: manager.id, startedAt: T0, rubricVersionId: v3.id } });
  const metric = { name: "Completion", unit: "%", baseline: 31, target: 40, direction: "at_least" as const, measurement: "Funnel" };
  const created = await createProject(actorOf(builder), { intent: "save", title: "Faster sign-up", problem: "Stalls", mode: "satellite", team: "Growth", prd: PRD, approverId: approver.id, decisionDate: undefined, links: [], metrics: [metric] }, T0);
  if (!created.ok) throw new Error(created.message);
  const id = created.id;
  const step = async (actorId: string, action: Parameters<typeof applyProjectAction>[2], at: Date) => {
    const { version } = await prisma.project.findUniqueOrThrow({ where: { id } });
    return applyProjectAction(id, actorOf(actorId), action, version, at);
  };
  const project = await prisma.project.findUniqueOrThrow({ where: { id } });
  const submitted = await saveProject(id, actorOf(builder), { intent: "submit", version: project.version, title: project.title, problem: project.problem, mode: "satellite", team: "Growth", prd: PRD, approverId: approver.id, decisionDate: undefined, links: [], metrics: [metric] }, T0);
  expect(submitted.ok).toBe(true);
  expect((await step(approver.id, { kind: "approve", note: "" }, T0)).ok).toBe(true);
  expect((await step(builder.id, { kind: "launch" }, T0)).ok).toBe(true);
  return { id, manager, builder, approver, step };
}

describe("the project data layer", () => {
  it("lets a manager act as the manager only while they hold the manager role", async () => {
    const p = await launchedProject();
    const metricId = (await prisma.projectMetric.findFirstOrThrow({ where: { projectId: p.id } })).id;
    const checkpoint = { kind: "record_checkpoint" as const, actuals: { [metricId]: 42 }, verdict: "keep" as const, followUps: "" };
    await prisma.userRole.deleteMany({ where: { userId: p.manager.id, role: "manager" } });
    expect(await p.step(p.manager.id, checkpoint, addDays(T0, 28))).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await prisma.projectCheckpoint.count({ where: { projectId: p.id } })).toBe(0);
    await prisma.userRole.create({ data: { userId: p.manager.id, role: "manager" } });
    expect(await p.step(p.manager.id, checkpoint, addDays(T0, 28))).toMatchObject({ ok: true });
  });

  it("refuses a change based on a stale version and writes nothing, not even its event", async () => {
    const p = await launchedProject();
    const { version } = await prisma.project.findUniqueOrThrow({ where: { id: p.id } });
    const events = await prisma.projectEvent.count({ where: { projectId: p.id } });
    const stale = await applyProjectAction(p.id, actorOf(p.builder), { kind: "close", outcome: "rolled_back", note: "" }, version - 1, T0);
    expect(stale).toMatchObject({ ok: false, reason: "stale", message: expect.stringMatching(/changed this project while you were looking at it/) });
    expect(await prisma.project.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ status: "launched", version });
    expect(await prisma.projectEvent.count({ where: { projectId: p.id } })).toBe(events);
  });
});
