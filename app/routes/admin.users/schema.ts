import { z } from "zod";
import { ROLES } from "~/domain/roles";

// A lone checked box arrives as a string; several arrive as an array; none, as nothing.
const roleList = z.preprocess(
  (v) => (v === undefined || v === false ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(ROLES)).min(1, "Choose at least one role"),
);

const userId = z.string().trim().min(1, "Choose a person").max(64, "Choose a person");

export const PERSON_NAME_MAX = 200;
export const EMAIL_MAX = 320;

// Shared by each user's role form and the action.
export const SetRolesSchema = z.object({
  intent: z.literal("roles"),
  userId,
  roles: roleList,
});

// Inviting a colleague: who they are and what they may do; they choose their password from the email.
export const InviteSchema = z.object({
  intent: z.literal("invite"),
  name: z.string().trim().min(1, "Enter their name").max(PERSON_NAME_MAX, `Use at most ${PERSON_NAME_MAX} characters`),
  email: z.string().trim().min(1, "Enter their email address").max(EMAIL_MAX, "That email address is too long").pipe(z.email("Enter a valid email address")),
  roles: roleList,
});

// One account's buttons: send the invitation again, deactivate, reactivate.
export const AccountIntentSchema = z.object({
  intent: z.enum(["resend-invite", "deactivate", "reactivate"]),
  userId,
});

// A builder's manager: an active manager's id, or empty for none.
export const SetManagerSchema = z.object({
  intent: z.literal("manager"),
  userId,
  managerId: z.string().trim().max(64, "Choose a manager from the list"),
});

export const AdminUsersActionSchema = z.discriminatedUnion("intent", [SetRolesSchema, InviteSchema, AccountIntentSchema, SetManagerSchema], {
  error: "Choose what to do",
});

export type SetRolesForm = z.input<typeof SetRolesSchema>;
export type InviteForm = z.input<typeof InviteSchema>;
export type SetManagerForm = z.input<typeof SetManagerSchema>;
