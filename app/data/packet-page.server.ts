import type { PacketAccess } from "~/domain/promotion/access";
import type { PacketPageRecords } from "~/views/packet-page";
import { findPacket, listPeerCandidates } from "./packets.server";
import { citableProjects } from "./projects.server";

/**
 * What the packet page is built from, for one viewer: the packet with everything on it, and the
 * choices of the forms the viewer may use — whom to invite (the manager, while a draft) and which
 * of the builder's projects to cite (those who edit the draft). Null when the packet is gone.
 */
export async function readPacketPage(packetId: string, access: PacketAccess): Promise<PacketPageRecords | null> {
  const packet = await findPacket(packetId);
  if (!packet) return null;
  const { userId, managerId } = packet.builder;
  const peerCandidates = access.invitePeers ? await listPeerCandidates([userId, ...(managerId ? [managerId] : [])]) : null;
  const projectChoices = access.editDraft ? await citableProjects(userId) : null;
  return { packet, peerCandidates, projectChoices };
}
