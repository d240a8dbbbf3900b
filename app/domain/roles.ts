// The people who use Builder Ladder. A user may hold several roles at once.
export const ROLES = [
  "admin",
  "recruiter",
  "interviewer",
  "hiring_committee",
  "manager",
  "builder",
  "promotion_committee",
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  recruiter: "Recruiter",
  interviewer: "Interviewer",
  hiring_committee: "Hiring committee",
  manager: "Manager",
  builder: "Builder",
  promotion_committee: "Promotion committee",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles in their canonical order, without duplicates or unknown values. */
export function normaliseRoles(values: readonly string[]): Role[] {
  const held = new Set(values);
  return ROLES.filter((role) => held.has(role));
}
