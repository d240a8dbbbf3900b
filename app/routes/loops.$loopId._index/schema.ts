import { z } from "zod";
import { isTimeZoneName } from "~/domain/time-zone";

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
  // The browser's IANA time zone: the server reads "Starts at" with that zone's rules for the chosen date.
  timeZone: z
    .string({ error: "Your browser did not say its time zone: reload the page" })
    .min(1, "Your browser did not say its time zone: reload the page")
    .refine(isTimeZoneName, "Your browser's time zone is not one this server knows"),
  durationMinutes: z.coerce
    .number({ error: "Enter the length in minutes" })
    .int("Enter whole minutes")
    .min(15, "At least 15 minutes")
    .max(480, "At most 8 hours"),
  interviewerIds: idList,
});
export type AddInterviewForm = z.input<typeof AddInterviewSchema>;
