import type { NotificationKind } from "./events";

/**
 * The notification kinds by the part of the work they belong to, in the order the email settings
 * page lists them (and the inbox names each entry's group). Every kind is in exactly one group.
 */
export const NOTIFICATION_GROUPS = [
  { id: "interviews", label: "Interviews", kinds: ["interview.assigned", "interview.moved", "interview.cancelled", "interview.unassigned", "scorecard.due", "scorecard.overdue"] },
  { id: "hiring-committee", label: "Hiring committee", kinds: ["loop.ready", "loop.decided"] },
  { id: "promotions", label: "Promotions", kinds: ["packet.submitted", "packet.in_review", "packet.decided", "peer.requested"] },
  { id: "projects", label: "Projects", kinds: ["project.prd_awaiting_approval", "project.checkpoint_due"] },
] as const satisfies ReadonlyArray<{ id: string; label: string; kinds: readonly NotificationKind[] }>;

export type NotificationGroupLabel = (typeof NOTIFICATION_GROUPS)[number]["label"];

/** The group a kind belongs to. */
export function groupOf(kind: NotificationKind): NotificationGroupLabel {
  const group = NOTIFICATION_GROUPS.find((g) => (g.kinds as readonly NotificationKind[]).includes(kind));
  if (!group) throw new Error(`Notification kind ${kind} is in no group`);
  return group.label;
}
