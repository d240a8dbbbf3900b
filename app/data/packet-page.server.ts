import type { PacketAccess } from "~/domain/promotion/access";
import type { PacketPageRecords } from "~/views/packet-page";
import { readPacketContent, type PacketHead } from "./packet-read.server";

/**
 * What the packet page is built from, for one viewer: the packet whose head the access gate read,
 * with everything on it, and the choices of the forms the viewer may use — whom to invite (the
 * manager, while a draft) and which of the builder's projects to cite (those who edit the draft).
 * One statement after the gate's; null when the packet has gone since.
 */
export async function readPacketPage(head: PacketHead, access: PacketAccess): Promise<PacketPageRecords | null> {
  return readPacketContent(head, { peerCandidates: access.invitePeers, projectChoices: access.editDraft });
}
