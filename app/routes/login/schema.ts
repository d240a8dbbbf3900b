import { z } from "zod";

// Shared by the sign-in form (react-hook-form) and its action.
export const LoginSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(320).pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(1024, "That password is too long"),
  redirectTo: z.string().max(2048).optional(),
});

export type LoginForm = z.infer<typeof LoginSchema>;
