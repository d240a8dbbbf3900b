import { z } from "zod";

// Shared by the change-password form (react-hook-form) and its action: the password policy lives here.

export const NEW_PASSWORD_MIN_CHARACTERS = 12;
/** The sign-in form accepts passwords up to this many UTF-16 units, so a new one must fit too. */
export const PASSWORD_MAX_LENGTH = 1024;

/** Characters as a person counts them (an emoji is one), not UTF-16 units. */
const characters = (s: string) => Array.from(s).length;

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(PASSWORD_MAX_LENGTH, "That password is too long"),
    newPassword: z
      .string()
      .refine((s) => characters(s) >= NEW_PASSWORD_MIN_CHARACTERS, `Use at least ${NEW_PASSWORD_MIN_CHARACTERS} characters`)
      .refine((s) => s.length <= PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`),
    confirmPassword: z.string().min(1, "Enter the new password again"),
  })
  .superRefine((form, ctx) => {
    if (form.newPassword.length > 0 && form.newPassword === form.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Choose a password different from your current one" });
    }
    if (form.confirmPassword.length > 0 && form.confirmPassword !== form.newPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords differ" });
    }
  });

export type ChangePasswordForm = z.infer<typeof ChangePasswordSchema>;
