import { z } from "zod";

// Shared by the forgotten-password form (react-hook-form) and its action.
export const ForgotPasswordSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(320, "That email address is too long").pipe(z.email("Enter a valid email address")),
});

export type ForgotPasswordForm = z.infer<typeof ForgotPasswordSchema>;
