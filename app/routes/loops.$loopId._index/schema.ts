import { z } from "zod";

// A lone checked box arrives as a string, several as an array.
const idList = z.preprocess(
  (v) => (v === undefined || v === false ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().min(1)).min(1, "Assign at least one interviewer"),
);

// Shared by the add-interview form and the loop page's action.
export const AddInterviewSchema = z.object({
  intent: z.literal("add-interview"),
  stageId: z.string().min(1, "Choose a stage"),
  startsAtLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time"),
  timezoneOffset: z.coerce.number().int().min(-840).max(840).default(0),
  durationMinutes: z.coerce
    .number({ error: "Enter the length in minutes" })
    .int("Enter whole minutes")
    .min(15, "At least 15 minutes")
    .max(480, "At most 8 hours"),
  interviewerIds: idList,
});
export type AddInterviewForm = z.input<typeof AddInterviewSchema>;
