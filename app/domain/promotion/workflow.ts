import { nextLevel, type Level } from "../levels";

/**
 * The promotion packet's life, with no notion of who is asking (permissions live elsewhere):
 *
 *   draft → submitted → in_review → decided (promoted | not_yet)
 *
 * - Only a draft can be edited; submitting snapshots it, and from then on nothing changes it.
 * - Transitions go one step forward only: no skipping, no going back. A decided packet is final;
 *   a builder who is "not yet" promoted starts a new packet.
 * - A packet targets the level above the builder's current one (L4→L5, L5→L6, L6→L7); an L7
 *   builder has no packet to write.
 * - A decision of "not yet" needs written feedback for every advancement criterion of the
 *   rubric; a "promoted" decision may carry feedback but needs none.
 */
export const PACKET_STATUSES = ["draft", "submitted", "in_review", "decided"] as const;
export type PacketStatus = (typeof PACKET_STATUSES)[number];

export const PACKET_STATUS_LABELS: Record<PacketStatus, string> = {
  draft: "Draft",
  submitted: "Submitted",
  in_review: "In review",
  decided: "Decided",
};

export const PROMOTION_OUTCOMES = ["promoted", "not_yet"] as const;
export type PromotionOutcome = (typeof PROMOTION_OUTCOMES)[number];

export const PROMOTION_OUTCOME_LABELS: Record<PromotionOutcome, string> = {
  promoted: "Promoted",
  not_yet: "Not yet",
};

const NEXT_STATUS: Record<PacketStatus, PacketStatus | null> = {
  draft: "submitted",
  submitted: "in_review",
  in_review: "decided",
  decided: null,
};

export function isPacketStatus(value: string): value is PacketStatus {
  return (PACKET_STATUSES as readonly string[]).includes(value);
}

/** The one status a packet may move to from `status`, or null once decided. */
export function nextStatus(status: PacketStatus): PacketStatus | null {
  return NEXT_STATUS[status];
}

/** A packet still on its way (not decided). A builder has at most one; a decided packet is closed. */
export const OPEN_PACKET_STATUSES: readonly PacketStatus[] = PACKET_STATUSES.filter((s) => NEXT_STATUS[s] !== null);

export function isPacketOpen(status: PacketStatus): boolean {
  return NEXT_STATUS[status] !== null;
}

export function canTransition(from: PacketStatus, to: PacketStatus): boolean {
  return NEXT_STATUS[from] === to;
}

/** The level a packet written at `level` targets, or null at the top of the ladder (L7). */
export function nextLevelFor(level: Level): Level | null {
  return nextLevel(level);
}

/** Whether a builder at `current` may write a packet for `target`: only the next level up. */
export function isPacketTarget(current: Level, target: Level): boolean {
  return nextLevelFor(current) === target;
}

/** Builder and manager edit drafts only; a submitted packet is a frozen snapshot. */
export function canEditPacket(status: PacketStatus): boolean {
  return status === "draft";
}

export function canSubmitPacket(status: PacketStatus): boolean {
  return canTransition(status, "submitted");
}

export function canStartReview(status: PacketStatus): boolean {
  return canTransition(status, "in_review");
}

export function canDecidePacket(status: PacketStatus): boolean {
  return canTransition(status, "decided");
}

export type PromotionDecisionInput = { outcome: PromotionOutcome; feedback: Readonly<Record<string, string>> };

export type DecisionCheck = { ok: true; errors: Record<string, never> } | { ok: false; errors: Record<string, string> };

/**
 * Checks a committee decision against the rubric's advancement criteria. Errors are keyed by
 * criterion id (or "outcome"): for "not yet", every criterion needs non-blank feedback; feedback
 * for an id that is not a criterion of the rubric is rejected rather than silently dropped.
 */
export function checkDecision(decision: PromotionDecisionInput, criteria: ReadonlyArray<{ id: string; name: string }>): DecisionCheck {
  const errors: Record<string, string> = {};
  if (!(PROMOTION_OUTCOMES as readonly string[]).includes(decision.outcome)) {
    errors.outcome = `Choose ${PROMOTION_OUTCOMES.map((o) => PROMOTION_OUTCOME_LABELS[o].toLowerCase()).join(" or ")}`;
  }
  const known = new Set(criteria.map((c) => c.id));
  for (const id of Object.keys(decision.feedback).sort()) {
    if (!known.has(id)) errors[id] = `"${id}" is not an advancement criterion of this rubric`;
  }
  if (decision.outcome === "not_yet") {
    for (const c of criteria) {
      if (!(decision.feedback[c.id] ?? "").trim()) errors[c.id] = `Write feedback on ${c.name}: a "not yet" decision explains every criterion`;
    }
  }
  return Object.keys(errors).length === 0 ? { ok: true, errors: {} } : { ok: false, errors };
}
