import { data } from "@remix-run/node";
import { packetParties, readPacketHead } from "~/data/packet-read.server";
import { packetAccess } from "~/domain/promotion/access";
import { requireUser } from "./auth.server";

/**
 * The packet a URL names and what the signed-in user may do with it; 404, or 403 for those who may
 * not read it. Answers the packet's head it checked (one statement), which the page continues from.
 */
export async function requirePacketAccess(request: Request, packetId: string | undefined) {
  const user = await requireUser(request);
  const packet = packetId ? await readPacketHead(packetId) : null;
  if (!packet) throw data({ message: "No such packet" }, { status: 404 });
  const parties = packetParties(packet);
  const access = packetAccess(user, parties);
  if (!access.read) {
    throw data(
      { message: "A promotion packet is for the builder, their manager and the peers they invited; the promotion committee reads it once it is submitted." },
      { status: 403 },
    );
  }
  return { user, packet, parties, access };
}
