import { NOTIFICATION_KINDS, type NotificationKind } from "./events";

/**
 * Which events reach a person by email. The in-app inbox gets every event; email is chosen per
 * kind, and a kind nobody chose for follows its default here.
 */
export const EMAIL_DEFAULTS: Record<NotificationKind, boolean> = {
  "interview.assigned": true,
  "interview.moved": true,
  "interview.cancelled": true,
  "interview.unassigned": true,
  "scorecard.due": true,
  "scorecard.overdue": true,
  // Committee members see many loops and packets: their queue pages are where they look, so the
  // per-item emails start off (they can turn them on).
  "loop.ready": false,
  "loop.decided": true,
  "packet.submitted": false,
  "packet.in_review": true,
  "packet.decided": true,
  "peer.requested": true,
  "project.prd_awaiting_approval": true,
  "project.checkpoint_due": true,
};

export type EmailChoices = Partial<Record<string, boolean>>;

/** Whether this kind goes out by email, given the person's stored choices (unknown kinds stored are ignored). */
export function wantsEmail(kind: NotificationKind, choices: EmailChoices): boolean {
  const chosen = choices[kind];
  return typeof chosen === "boolean" ? chosen : EMAIL_DEFAULTS[kind];
}

/** Every kind with its effective choice, for the settings page. */
export function effectiveChoices(choices: EmailChoices): Record<NotificationKind, boolean> {
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, wantsEmail(k, choices)])) as Record<NotificationKind, boolean>;
}
