import { z } from "zod";
import { LEVELS } from "~/domain/levels";

// Shared by the new-loop form and its action.
export const NewLoopSchema = z.object({
  track: z.string().min(1, "Choose a track"),
  targetLevel: z.enum(LEVELS, { error: "Choose a target level" }),
});
export type NewLoopForm = z.infer<typeof NewLoopSchema>;
