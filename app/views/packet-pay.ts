import { isLevel, type Level } from "~/domain/levels";
import type { PacketAccess } from "~/domain/promotion/access";
import { promotionPay } from "~/domain/promotion/pay";
import type { PacketSnapshot } from "~/domain/promotion/snapshot";
import type { Rubric } from "~/domain/rubric/schema";

/*
 * Who sees pay on a packet page (the rights come from domain/promotion/access.ts). Pay is the
 * builder's base (live on a draft, frozen at submission after), the rubric's bands for the two
 * levels with the pay analysis built from them, and — once decided — the new base the committee set.
 *
 * | audience            | base, bands and analysis      | the decision's new base     |
 * | ------------------- | ----------------------------- | --------------------------- |
 * | the builder         | no                            | yes: it is their own pay    |
 * | their manager       | no                            | yes                         |
 * | an invited peer     | no                            | no (no decision at all)     |
 * | promotion committee | yes, once submitted           | yes                         |
 * | admin               | yes                           | yes                         |
 *
 * Roles add up: a manager who sits on the committee reads what the committee reads.
 */

/** Whether the audience reads the base, the bands and the pay analysis. */
export function seesPayAnalysis(access: Pick<PacketAccess, "readPay">): boolean {
  return access.readPay;
}

/** Whether the audience reads the decision, its new base included (the builder's own pay). */
export function seesDecision(access: Pick<PacketAccess, "readDecision">): boolean {
  return access.readDecision;
}

/** What the pay analysis is computed from. */
export type PacketPayRecord = {
  fromLevel: Level;
  targetLevel: Level;
  rubric: Rubric;
  builder: { baseSalary: number | null };
  snapshot: Pick<PacketSnapshot, "baseAtSubmission"> | null;
};

/** The pay panel: null for an audience that may not read pay (and for a target level without a band). */
export function packetPay(packet: PacketPayRecord, access: Pick<PacketAccess, "readPay">) {
  const { bands, decision_rules } = packet.rubric;
  const currentBand = isLevel(packet.fromLevel) ? bands.levels[packet.fromLevel] : undefined;
  const targetBand = bands.levels[packet.targetLevel];
  if (!seesPayAnalysis(access) || !targetBand) return null;
  // Once submitted the analysis reads the base frozen then: after a promotion the live base differs.
  const base = packet.snapshot ? packet.snapshot.baseAtSubmission : packet.builder.baseSalary;
  const minRaisePercent = decision_rules.promotion_pay.min_raise_percent;
  return {
    currency: bands.currency,
    currentBase: base,
    currentBand: currentBand?.base ?? null,
    targetBand: targetBand.base,
    targetEquity: targetBand.equity,
    minRaisePercent,
    analysis: base !== null && currentBand ? promotionPay(base, currentBand.base, targetBand.base, minRaisePercent) : null,
  };
}

export type PacketPay = NonNullable<ReturnType<typeof packetPay>>;

/** The decision with its dates as ISO strings, for those who read it; null for the others (and before it is taken). */
export function packetDecision<T extends { decidedAt: Date }>(decision: T | null, access: Pick<PacketAccess, "readDecision">): (Omit<T, "decidedAt"> & { decidedAt: string }) | null {
  return seesDecision(access) && decision ? { ...decision, decidedAt: decision.decidedAt.toISOString() } : null;
}
