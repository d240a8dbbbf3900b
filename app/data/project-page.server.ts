import type { ProjectAccess } from "~/domain/project/access";
import type { ProjectPageRecords, ProjectRecord } from "~/views/project-page";
import { prisma } from "./db.server";
import { peopleOtherThan } from "./projects.server";

/**
 * What a project's page is built from, for one viewer. The project itself comes from the access
 * check (already read); the names its history gives by id only for those who read the history,
 * and the people to pick from only for those who may change the approver or mark a block.
 */
export async function readProjectPage(project: ProjectRecord, access: ProjectAccess): Promise<ProjectPageRecords> {
  const names = access.readOutcomes ? await namesOf(idsNamedByEvents(project)) : new Map<string, string>();
  const needsPeople = access.changeApprover || (access.block && project.blocked === null);
  const people = needsPeople ? await peopleOtherThan(project.owner.id) : null;
  return { project, names, people };
}

/** The people an event's data names by id (approvers, escalations), to be looked up once. */
function idsNamedByEvents(project: Pick<ProjectRecord, "events">): string[] {
  const ids = new Set<string>();
  for (const e of project.events) {
    for (const key of ["approverId", "from", "to", "escalateToId"]) {
      const v = e.data[key];
      if (typeof v === "string") ids.add(v);
    }
  }
  return [...ids];
}

async function namesOf(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}
