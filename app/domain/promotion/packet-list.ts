import type { Viewer } from "../permissions";
import { packetAccess } from "./access";
import type { PacketStatus } from "./workflow";

/** What the list needs of a packet (app/data/packets.server.ts `PacketSummary` has it). */
export type PacketListItem = { id: string; builderId: string; managerId: string | null; status: PacketStatus; updatedAt: Date; submittedAt: Date | null };

/**
 * The packet list's sections, one per relation the viewer has to packets. A packet appears once,
 * in the first section that claims it (personal relations before the committee's queue and the
 * admin's overview), and only if `packetAccess` lets the viewer read it: the list never shows
 * a row its packet page would refuse.
 */
export const PACKET_SECTIONS = ["own", "reports", "peer", "committee", "all"] as const;
export type PacketSectionId = (typeof PACKET_SECTIONS)[number];

export const PACKET_SECTION_TITLES: Record<PacketSectionId, string> = {
  own: "Your packets",
  reports: "Your reports' packets",
  peer: "Statements requested from you",
  committee: "Promotion committee queue",
  all: "All packets",
};

export type PacketSection<P extends PacketListItem = PacketListItem> = { id: PacketSectionId; title: string; packets: P[] };

/** Statuses the promotion committee sees: never drafts. */
export const COMMITTEE_STATUSES: PacketStatus[] = ["submitted", "in_review", "decided"];
export const AWAITING_REVIEW: PacketStatus[] = ["submitted", "in_review"];

const time = (d: Date | null) => (d ? d.getTime() : 0);

/** The committee's queue: packets awaiting review first, the longest-waiting on top; then decided ones, newest first. */
export function committeeOrder<P extends PacketListItem>(packets: readonly P[]): P[] {
  const awaiting = packets.filter((p) => AWAITING_REVIEW.includes(p.status));
  const rest = packets.filter((p) => !AWAITING_REVIEW.includes(p.status));
  awaiting.sort((a, b) => time(a.submittedAt ?? a.updatedAt) - time(b.submittedAt ?? b.updatedAt) || a.id.localeCompare(b.id));
  rest.sort((a, b) => time(b.updatedAt) - time(a.updatedAt) || a.id.localeCompare(b.id));
  return [...awaiting, ...rest];
}

/**
 * Builds the sections from the candidate packets of each relation (null: the viewer has no such
 * relation). Empty sections are dropped; "All packets" becomes "Other packets" beside others.
 */
export function packetSections<P extends PacketListItem>(viewer: Viewer, found: Partial<Record<PacketSectionId, readonly P[] | null>>): PacketSection<P>[] {
  const invited = new Set((found.peer ?? []).map((p) => p.id));
  const seen = new Set<string>();
  const sections: PacketSection<P>[] = [];
  for (const id of PACKET_SECTIONS) {
    const candidates = found[id];
    if (!candidates) continue;
    const packets = candidates.filter((p) => {
      if (seen.has(p.id)) return false;
      const parties = { builderId: p.builderId, managerId: p.managerId, status: p.status, peerIds: invited.has(p.id) ? [viewer.id] : [] };
      return packetAccess(viewer, parties).read;
    });
    packets.forEach((p) => seen.add(p.id));
    if (packets.length > 0) sections.push({ id, title: PACKET_SECTION_TITLES[id], packets: id === "committee" ? committeeOrder(packets) : packets });
  }
  const all = sections.find((s) => s.id === "all");
  if (all && sections.length > 1) all.title = "Other packets";
  return sections;
}
