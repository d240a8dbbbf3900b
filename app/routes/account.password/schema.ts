import { z } from "zod";
import { newPasswordField, PASSWORD_MAX_LENGTH } from "~/domain/password-policy";

// Shared by the change-password form (react-hook-form) and its action. The rules for a new
// password are shared with the invitation and reset pages (domain/password-policy).

export { NEW_PASSWORD_MIN_CHARACTERS, PASSWORD_MAX_LENGTH } from "~/domain/password-policy";

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(PASSWORD_MAX_LENGTH, "That password is too long"),
    newPassword: newPasswordField,
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
