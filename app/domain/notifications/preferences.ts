import { NOTIFICATION_KINDS, type NotificationKind } from "./events";

/**
 * Which events reach a person by email. The in-app inbox gets every event; email is chosen per
 * kind, and a kind nobody chose for follows its default here.
 */
export const EMAIL_DEFAULTS: Record<NotificationKind, boolean> = {
  "interview.assigned": true,
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
