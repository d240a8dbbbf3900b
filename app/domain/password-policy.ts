import { z } from "zod";

/**
 * What a new password must be, wherever one is chosen: changing one's own, the first one from an
 * invitation, a new one from a reset link. Length is the one rule (no character classes): a few
 * unrelated words make a long password that is easy to remember.
 */
export const NEW_PASSWORD_MIN_CHARACTERS = 12;
/** The sign-in form accepts passwords up to this many UTF-16 units, so a new one must fit too. */
export const PASSWORD_MAX_LENGTH = 1024;

/** Characters as a person counts them (an emoji is one), not UTF-16 units. */
const characters = (s: string) => Array.from(s).length;

/** A new password as the rules want it. */
export const newPasswordField = z
  .string()
  .refine((s) => characters(s) >= NEW_PASSWORD_MIN_CHARACTERS, `Use at least ${NEW_PASSWORD_MIN_CHARACTERS} characters`)
  .refine((s) => s.length <= PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

/** The new password typed twice: the form of the invitation and reset pages (no current password: the link stands for it). */
export const ChooseNewPasswordSchema = z
  .object({
    newPassword: newPasswordField,
    confirmPassword: z.string().min(1, "Enter the new password again").max(PASSWORD_MAX_LENGTH, "The two new passwords differ"),
  })
  .superRefine((form, ctx) => {
    if (form.confirmPassword.length > 0 && form.confirmPassword !== form.newPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords differ" });
    }
  });

export type ChooseNewPasswordForm = z.infer<typeof ChooseNewPasswordSchema>;
