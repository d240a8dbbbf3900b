import { z } from "zod";
import { NOTIFICATION_KINDS } from "~/domain/notifications/events";

/** The inbox's forms: mark one notification read, mark all read, choose which kinds come by email. */
export const inboxActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("read"), id: z.string().trim().min(1, { error: "Choose a notification" }).max(64, { error: "Choose a notification" }) }),
    z.object({ intent: z.literal("read-all") }),
    z.object({
      intent: z.literal("email"),
      // The ticked checkboxes: none sent (all unticked), one, or several.
      // Each kind at most once: a repeated one is not a form this page sends.
      email: z.preprocess(
        (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
        z
          .array(z.enum(NOTIFICATION_KINDS, { error: "Choose among the listed events" }))
          .max(NOTIFICATION_KINDS.length)
          .refine((kinds) => new Set(kinds).size === kinds.length, { error: "Choose each event once" }),
      ),
    }),
  ],
  { error: "Choose what to do" },
);
