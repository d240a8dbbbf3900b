import { data } from "@remix-run/node";
import { prisma } from "~/data/db.server";
import { findProject, type ProjectDetail } from "~/data/projects.server";
import { findCurrentVersion, rubricFromContent } from "~/data/rubrics.server";
import { canStartProject, projectAccess, type ProjectParties } from "~/domain/project/access";
import type { ProjectProcess } from "~/domain/rubric/schema";
import { requireUser } from "./auth.server";
import type { FieldErrors } from "./forms.server";

/** Who the access rules (domain/project/access.ts) compare the viewer with, and where the project stands. */
export function partiesOf(project: ProjectDetail): ProjectParties {
  return {
    ownerId: project.owner.id,
    managerId: project.manager?.id ?? null,
    approverId: project.approver.id,
    escalateToId: project.blocked?.escalateTo?.id ?? null,
    status: project.status,
    launchedAt: project.launchedAt,
    blocked: project.blocked !== null,
  };
}

/**
 * The project a URL names, the signed-in user and what they may do with it: 404 for an unknown id.
 * Every signed-in user reads a project's summary, so there is no 403 here; each write checks its
 * own party (the action) and the loader leaves out what the viewer may not read.
 *
 * The session is checked against the real clock, never the test clock: a request moved 28 days
 * ahead (X-Test-Now) must not find its session expired.
 */
export async function requireProjectAccess(request: Request, projectId: string | undefined) {
  const user = await requireUser(request);
  const project = projectId ? await findProject(projectId) : null;
  if (!project) throw data({ message: "No such project" }, { status: 404 });
  return { user, project, access: projectAccess(user, partiesOf(project)) };
}

export type Startable =
  | { ok: true; process: ProjectProcess; rubric: { track: string; version: number; name: string } }
  | { ok: false; status: 403 | 409; message: string };

/**
 * The process a builder would start a project under: their track's current rubric version's
 * `project_process`, with that version. Refused (as createProject refuses) when they have no
 * builder record (403), or their track has no version in service or that version defines no
 * project process (409).
 */
export async function startableProcess(userId: string): Promise<Startable> {
  const builder = await prisma.builder.findUnique({ where: { userId }, select: { track: true } });
  if (!builder) return { ok: false, status: 403, message: "Only builders keep a project log: starting a project is theirs." };
  const current = await findCurrentVersion(builder.track);
  const row = current ? await prisma.rubricVersion.findUnique({ where: { id: current.id }, select: { contentHash: true, content: true } }) : null;
  const process = row ? rubricFromContent(row.contentHash, row.content).project_process : undefined;
  if (!current || !process) {
    return { ok: false, status: 409, message: "Your track's current rubric version defines no project process, so there is no project log on your track yet." };
  }
  return { ok: true, process, rubric: { track: current.track, version: current.version, name: current.name } };
}

/** A builder who may start a project now, with the process it would follow; otherwise 403 (not a builder) or 409 (no process on their track). */
export async function requireProjectStarter(request: Request) {
  const user = await requireUser(request);
  if (!canStartProject(user)) throw data({ message: "Only builders keep a project log: starting a project is theirs." }, { status: 403 });
  const startable = await startableProcess(user.id);
  if (!startable.ok) throw data({ message: startable.message }, { status: startable.status });
  return { user, process: startable.process, rubric: startable.rubric };
}

/** A PRD that cannot be submitted yet: 400, one line per gap, nothing written. */
export function submissionRefused(gaps: readonly string[]) {
  return data({ ok: false as const, fieldErrors: {} as FieldErrors, formErrors: ["The PRD cannot be submitted yet:", ...gaps] }, { status: 400 });
}

/** The names of the people with these ids (those a project's history names by id). */
export async function namesOf(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}
