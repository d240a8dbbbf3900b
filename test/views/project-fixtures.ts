import fs from "node:fs";
import { parse } from "yaml";
import { projectAccess, type ProjectAccess } from "~/domain/project/access";
import type { ProjectStatus } from "~/domain/project/workflow";
import type { Role } from "~/domain/roles";
import { RubricSchema } from "~/domain/rubric/schema";
import type { ProjectRecord } from "~/views/project-page";

/** Plain project records for the project page's view tests: no database, the shipped v3 rubric's process. */
export const process = RubricSchema.parse(parse(fs.readFileSync("rubrics/builder/v3.yaml", "utf8"))).project_process!;

const person = (id: string, name: string) => ({ id, name });
export const OLIVIA = person("olivia", "Olivia"); // the owner
export const MARCUS = person("marcus", "Marcus"); // her manager
export const APRIL = person("april", "April"); // the approver
export const ELI = person("eli", "Eli"); // whom the block is escalated to

/** Everyone who may open a project page, by their relation to it. */
export const AUDIENCES = {
  owner: { id: OLIVIA.id, roles: ["builder"] },
  manager: { id: MARCUS.id, roles: ["manager"] },
  approver: { id: APRIL.id, roles: ["builder"] },
  escalation: { id: ELI.id, roles: ["builder"] },
  "promotion committee": { id: "priya", roles: ["promotion_committee"] },
  admin: { id: "ada", roles: ["admin"] },
  "anyone signed in": { id: "sam", roles: ["interviewer"] },
} satisfies Record<string, { id: string; roles: Role[] }>;
export type Audience = keyof typeof AUDIENCES;

export const day = (n: number) => new Date(Date.UTC(2025, 0, n, 10));

export function accessOf(audience: Audience, project: ProjectRecord): ProjectAccess {
  return projectAccess(AUDIENCES[audience], {
    ownerId: project.owner.id,
    managerId: project.manager?.id ?? null,
    approverId: project.approver.id,
    escalateToId: project.blocked?.escalateTo?.id ?? null,
    status: project.status,
    launchedAt: project.launchedAt,
    blocked: project.blocked !== null,
  });
}

export type Outcome = { actual: number; reviewRoi: string; eventNote: string; blockReason: string };

/** Olivia's project in the given status, blocked (escalated to Eli) unless told otherwise; launched, checkpointed and reviewed as its status says. */
export function projectRecord(status: ProjectStatus, options: { blocked?: boolean; outcome?: Outcome } = {}): ProjectRecord {
  const outcome = options.outcome ?? { actual: 37, reviewRoi: "Pays for itself", eventNote: "Looks good", blockReason: "Waiting on legal" };
  const launched = ["launched", "live", "closed"].includes(status);
  const checkpointed = status === "live" || status === "closed";
  const metrics = [{ id: "m1", name: "Activation", unit: "%", baseline: 20, target: 30, direction: "at_least" as const, measurement: "Weekly cohort" }];
  return {
    id: "pr1",
    title: "Self-serve onboarding",
    problem: "New teams stall",
    mode: "founder",
    team: "Growth",
    prd: "## Problem\nTeams stall",
    links: ["https://example.com/prd"],
    status,
    version: 4,
    createdAt: day(1),
    submittedAt: status === "draft" ? null : day(2),
    approvedAt: ["draft", "submitted", "changes_requested"].includes(status) ? null : day(3),
    launchedAt: launched ? day(4) : null,
    closedAt: status === "closed" ? day(40) : null,
    outcome: status === "closed" ? "staffed_up" : null,
    decisionDate: "2025-03-01",
    blocked: options.blocked === false ? null : { at: day(5), reason: outcome.blockReason, escalateTo: ELI },
    owner: OLIVIA,
    manager: MARCUS,
    approver: APRIL,
    rubricVersion: { track: "builder", version: 3, name: "Builder v3" },
    process,
    metrics,
    checkpoint: checkpointed ? { recordedAt: day(20), recordedBy: MARCUS, verdict: "keep", followUps: "Scale it", actuals: { m1: outcome.actual } } : null,
    reviews: checkpointed ? [{ id: "r1", reviewedAt: day(30), reviewedBy: OLIVIA, health: "healthy", roi: outcome.reviewRoi, followThrough: "On plan", nextReviewOn: "2025-04-30" }] : [],
    events: [
      { id: "ev1", kind: "created", actor: OLIVIA, at: day(1), note: "", data: {} },
      { id: "ev2", kind: "submitted", actor: OLIVIA, at: day(2), note: outcome.eventNote, data: { approverId: APRIL.id } },
      { id: "ev3", kind: "approver_changed", actor: MARCUS, at: day(2), note: "April knows the area", data: { from: "gone", to: APRIL.id } },
      { id: "ev4", kind: "blocked", actor: OLIVIA, at: day(5), note: outcome.blockReason, data: { escalateToId: ELI.id } },
    ],
    demos: [{ id: "d1", title: "First run", shows: "The wizard", link: "https://example.com/demo", demoOn: "2025-01-10", presenter: OLIVIA, flagged: { by: MARCUS, at: day(11), note: "Great" } }],
  };
}

/** The names the read looks up for the history: Eli and April; "gone" has left. */
export const NAMES: ReadonlyMap<string, string> = new Map([
  [APRIL.id, APRIL.name],
  [ELI.id, ELI.name],
]);
