import { hasPermission, type Permission } from "./permissions";
import type { Role } from "./roles";

export type NavItem = { to: string; label: string };

/**
 * Promotions opens for every role that can have packets: the builder (own), the manager (reports'),
 * the promotion committee (the queue) and admins (all). The page itself is open to every signed-in
 * user (an invited peer of any role sees their invitations there) and its loader shows each user
 * only the packets they may read.
 */
const PROMOTIONS: readonly Permission[] = ["read:builder:own", "read:builder:team", "decide:promotion:any", "read:packet:any"];

// Each section of the app and the permission (or any one of the permissions) that opens it. The
// server checks the same permission in the section's loaders; the menu only mirrors it.
const SECTIONS: ReadonlyArray<NavItem & { requires: Permission | readonly Permission[] | null }> = [
  { to: "/", label: "Home", requires: null },
  { to: "/candidates", label: "Candidates", requires: "read:candidate:any" },
  { to: "/committee", label: "Committee", requires: "read:scorecard:any" },
  { to: "/packets", label: "Promotions", requires: PROMOTIONS },
  // The project log and the demo feed: every signed-in user reads project summaries and demos.
  { to: "/projects", label: "Projects", requires: null },
  { to: "/demos", label: "Demos", requires: null },
  { to: "/rubrics", label: "Rubrics", requires: "read:rubric:any" },
  { to: "/admin/users", label: "Users", requires: "manage:user:any" },
  { to: "/admin/audit", label: "Audit", requires: "read:audit:any" },
  { to: "/admin/retention", label: "Retention", requires: "manage:retention:any" },
  { to: "/admin/outbox", label: "Outbox", requires: "read:outbox:any" },
];

export function navigationFor(roles: readonly Role[]): NavItem[] {
  const opens = (requires: Permission | readonly Permission[] | null) =>
    requires === null || (typeof requires === "string" ? [requires] : requires).some((p) => hasPermission(roles, p));
  return SECTIONS.filter((s) => opens(s.requires)).map(({ to, label }) => ({ to, label }));
}
