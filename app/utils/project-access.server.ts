import { data } from "@remix-run/node";
import { findProject, type ProjectDetail } from "~/data/projects.server";
import { startableProcess } from "~/data/project-workflow.server";
import { canStartProject, projectAccess, type ProjectParties } from "~/domain/project/access";
import { requireUser } from "./auth.server";
import type { FieldErrors } from "./forms.server";
import { refusalResponse } from "./refusals.server";

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

export { startableProcess, type Startable } from "~/data/project-workflow.server";

/** A builder who may start a project now, with the process it would follow; otherwise 403 (not a builder) or 409 (no process on their track). */
export async function requireProjectStarter(request: Request) {
  const user = await requireUser(request);
  if (!canStartProject(user)) throw data({ message: "Only builders keep a project log: starting a project is theirs." }, { status: 403 });
  const startable = await startableProcess(user.id);
  if (!startable.ok) throw refusalResponse(startable);
  return { user, process: startable.process, rubric: startable.rubric };
}

/** A PRD that cannot be submitted yet: 400, one line per gap, nothing written. */
export function submissionRefused(gaps: readonly string[]) {
  return data({ ok: false as const, fieldErrors: {} as FieldErrors, formErrors: ["The PRD cannot be submitted yet:", ...gaps] }, { status: 400 });
}
