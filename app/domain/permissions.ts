import type { Role } from "./roles";

/**
 * Permissions are `action:entity:access` strings. `access` says whose records:
 * `any` (everyone's), `team` (a manager's reports), `own` (the user's own).
 * Routes ask for a permission; ownership checks (is this *their* record?) are separate
 * functions below, because they need the record, not only the role.
 */
export type Permission =
  | "manage:user:any"
  | "read:rubric:any"
  | "manage:rubric:any"
  | "read:band:any"
  | "read:candidate:any"
  | "manage:candidate:any"
  | "read:builder:any"
  | "read:builder:team"
  | "read:builder:own"
  | "write:scorecard:own"
  | "read:scorecard:any"
  | "read:loop:any"
  | "manage:loop:any"
  | "decide:hire:any"
  | "read:packet:any"
  | "decide:promotion:any"
  | "curate:demo:any"
  | "read:audit:any"
  | "manage:retention:any"
  | "read:outbox:any";

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    "manage:user:any",
    "read:rubric:any",
    "manage:rubric:any",
    "read:band:any",
    "read:candidate:any",
    "manage:candidate:any",
    "read:builder:any",
    "read:scorecard:any",
    "read:loop:any",
    "manage:loop:any",
    "decide:hire:any",
    "read:packet:any",
    "curate:demo:any",
    // The audit trail: who read or changed what, from where.
    "read:audit:any",
    // Candidate data retention: the policy's dry run, and erasing the candidates due.
    "manage:retention:any",
    // The local outbox: every email the app sent or kept (no SMTP configured), and its delivery state.
    "read:outbox:any",
  ],
  recruiter: ["read:rubric:any", "read:candidate:any", "manage:candidate:any", "read:loop:any", "manage:loop:any"],
  interviewer: ["read:rubric:any", "write:scorecard:own"],
  hiring_committee: ["read:rubric:any", "read:band:any", "read:candidate:any", "read:loop:any", "read:scorecard:any", "decide:hire:any"],
  manager: ["read:rubric:any", "read:band:any", "read:builder:team", "curate:demo:any"],
  builder: ["read:rubric:any", "read:builder:own"],
  promotion_committee: ["read:rubric:any", "read:band:any", "read:builder:any", "decide:promotion:any"],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => GRANTS[role]));
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => GRANTS[role].includes(permission));
}

export type Viewer = { id: string; roles: readonly Role[] };

/** Whether a viewer may read a builder's record (level, manager, and later pay). */
export function canReadBuilderRecord(
  viewer: Viewer,
  builder: { userId: string; managerId: string | null },
): boolean {
  if (hasPermission(viewer.roles, "read:builder:any")) return true;
  if (hasPermission(viewer.roles, "read:builder:team") && builder.managerId === viewer.id) return true;
  return hasPermission(viewer.roles, "read:builder:own") && builder.userId === viewer.id;
}

/**
 * A builder's pay is shown to exactly those who may read their record: the builder, their
 * manager, the promotion committee and admins. Kept as its own rule so the two can part later.
 */
export function canSeeBuilderPay(viewer: Viewer, builder: { userId: string; managerId: string | null }): boolean {
  return canReadBuilderRecord(viewer, builder);
}

export type RoleChangeRefusal = "no-roles" | "own-admin-removal";

/**
 * An admin sets a user's roles. Every user keeps at least one role, and admins cannot take
 * the admin role from themselves (so an organisation can never lose its last way in by accident).
 */
export function checkRoleChange(
  actor: Viewer,
  target: { id: string },
  nextRoles: readonly Role[],
): RoleChangeRefusal | null {
  if (nextRoles.length === 0) return "no-roles";
  if (actor.id === target.id && actor.roles.includes("admin") && !nextRoles.includes("admin")) {
    return "own-admin-removal";
  }
  return null;
}
