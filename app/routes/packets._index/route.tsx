import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listPackets } from "~/data/packets.server";
import { hasPermission, type Permission } from "~/domain/permissions";
import { requireUser } from "~/utils/auth.server";
import { PacketTable } from "~/components/packet/packet-table";
import { COMMITTEE_STATUSES, packetSections, type PacketSectionId } from "~/domain/promotion/packet-list";

export const meta: MetaFunction = () => [{ title: "Promotions · Builder Ladder" }];

/**
 * Promotion packets, in one section per relation the signed-in user has to them: their own, their
 * reports', those they are invited to as a peer, the promotion committee's queue (never drafts)
 * and, for admins, all of them. Every signed-in user may open the page; it shows only what they may
 * read, and nothing at all to someone with no relation to any packet.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const can = (p: Permission) => hasPermission(user.roles, p);
  const [own, reports, peer, committee, all] = await Promise.all([
    can("read:builder:own") ? listPackets({ builderId: user.id }) : null,
    can("read:builder:team") ? listPackets({ managerId: user.id }) : null,
    listPackets({ peerId: user.id }),
    can("decide:promotion:any") ? listPackets({ statuses: COMMITTEE_STATUSES }) : null,
    can("read:packet:any") ? listPackets({}) : null,
  ]);
  return {
    sections: packetSections(user, { own, reports, peer, committee, all }),
    isBuilder: can("read:builder:own"),
    userId: user.id,
  };
}

const SECTION_NOTES: Record<PacketSectionId, string> = {
  own: "Packets for your next level. You and your manager edit a draft; your manager submits it.",
  reports: "Packets of the builders who report to you. You edit drafts, invite peers, assess and submit.",
  peer: "Packets you were invited to. Write your statements on the evidence while the packet is a draft.",
  committee: "Submitted packets: those awaiting a review first, the longest-waiting on top, then decided ones.",
  all: "Every packet in the organisation, drafts included. Deciding is the promotion committee's.",
};

export default function PacketListPage() {
  const { sections, isBuilder, userId } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="packets-title">
      <h1 id="packets-title">Promotions</h1>
      <p className="lede">Promotion packets make the case for a builder&rsquo;s next level with evidence against the rubric&rsquo;s advancement criteria.</p>
      {sections.length === 0 ? (
        <div className="panel">
          <p>There are no promotion packets for you to see.</p>
          <p className="muted">
            {isBuilder ? (
              <>
                You can start a packet for your next level from <Link to={`/builders/${userId}`}>your record</Link>.
              </>
            ) : (
              "Packets appear here for builders, their managers, the peers they invite, the promotion committee and admins."
            )}
          </p>
        </div>
      ) : null}
      {sections.map((s) => (
        <section key={s.id} className="panel" aria-labelledby={`packets-${s.id}`}>
          <h2 id={`packets-${s.id}`}>
            {s.title} <span className="muted">({s.packets.length})</span>
          </h2>
          <p className="muted">{s.id === "all" && sections.length > 1 ? "Every other packet in the organisation, drafts included." : SECTION_NOTES[s.id]}</p>
          <PacketTable label={s.title} packets={s.packets} />
        </section>
      ))}
    </section>
  );
}
