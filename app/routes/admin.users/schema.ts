import { z } from "zod";
import { ROLES } from "~/domain/roles";

// A lone checked box arrives as a string; several arrive as an array; none, as nothing.
const roleList = z.preprocess(
  (v) => (v === undefined || v === false ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(ROLES)).min(1, "Choose at least one role"),
);

// Shared by each user's role form and the action.
export const SetRolesSchema = z.object({
  userId: z.string().min(1),
  roles: roleList,
});

export type SetRolesForm = z.input<typeof SetRolesSchema>;
