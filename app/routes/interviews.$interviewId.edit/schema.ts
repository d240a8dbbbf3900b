import { z } from "zod";
import { MAX_CANCEL_REASON } from "~/domain/interview-changes";
import { AddInterviewSchema } from "~/routes/loops.$loopId._index/schema";

/**
 * The three forms that change an interview, each with its own schema, shared by the form
 * (react-hook-form) and the action. Each carries the interview's version (Interview.sequence) as
 * the page loaded it: a change made over an older version is refused (409).
 */
const LOST_VERSION = "Reload the page: this form lost the interview's version";
const sequence = z.string({ error: LOST_VERSION }).regex(/^\d{1,9}$/, LOST_VERSION).transform(Number);

// A new time is typed like a first one: a wall-clock time in the browser's zone, and a length.
const { startsAtLocal, timeZone, durationMinutes, interviewerIds } = AddInterviewSchema.shape;

export const RescheduleSchema = z.object({ intent: z.literal("reschedule"), sequence, startsAtLocal, timeZone, durationMinutes });
export type RescheduleForm = z.input<typeof RescheduleSchema>;

export const CancelSchema = z.object({
  intent: z.literal("cancel"),
  sequence,
  reason: z
    .string({ error: "Say why the interview is cancelled" })
    .trim()
    .min(1, "Say why the interview is cancelled")
    .max(MAX_CANCEL_REASON, `At most ${MAX_CANCEL_REASON} characters`),
});
export type CancelForm = z.input<typeof CancelSchema>;

export const ReassignSchema = z.object({ intent: z.literal("reassign"), sequence, interviewerIds });
export type ReassignForm = z.input<typeof ReassignSchema>;

export const CHANGE_SCHEMAS = { reschedule: RescheduleSchema, cancel: CancelSchema, reassign: ReassignSchema } as const;
export const CHANGE_INTENTS = Object.keys(CHANGE_SCHEMAS) as Array<keyof typeof CHANGE_SCHEMAS>;

/** Which form was sent: read first, so each form is parsed by its own schema. */
export const ChangeIntent = z.object({ intent: z.enum(["reschedule", "cancel", "reassign"], { error: "Choose what to change: reschedule, cancel or reassign" }) }).loose();
