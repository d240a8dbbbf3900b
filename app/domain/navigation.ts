import { hasPermission, type Permission } from "./permissions";
import type { Role } from "./roles";

export type NavItem = { to: string; label: string };

// Each section of the app and the permission that opens it. The server checks the same
// permission in the section's loaders; the menu only mirrors it.
const SECTIONS: ReadonlyArray<NavItem & { requires: Permission | null }> = [
  { to: "/", label: "Home", requires: null },
  { to: "/candidates", label: "Candidates", requires: "read:candidate:any" },
  { to: "/committee", label: "Committee", requires: "read:scorecard:any" },
  { to: "/rubrics", label: "Rubrics", requires: "read:rubric:any" },
  { to: "/admin/users", label: "Users", requires: "manage:user:any" },
];

export function navigationFor(roles: readonly Role[]): NavItem[] {
  return SECTIONS.filter((s) => s.requires === null || hasPermission(roles, s.requires)).map(
    ({ to, label }) => ({ to, label }),
  );
}
