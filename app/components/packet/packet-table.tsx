import { Link } from "@remix-run/react";
import { LocalTime } from "~/components/local-time";
import { TableScroll } from "~/components/table-scroll";
import type { PacketSummary } from "~/data/packets.server";
import { PACKET_STATUS_LABELS, PROMOTION_OUTCOME_LABELS, type PacketStatus, type PromotionOutcome } from "~/domain/promotion/workflow";

/** Shared by the packet list, the builder record and the home page. Colours reuse the app's badge styles. */
const STATUS_BADGE: Record<PacketStatus, string> = {
  draft: "badge-previous",
  submitted: "badge-locked",
  in_review: "badge-major",
  decided: "badge-current",
};
const OUTCOME_BADGE: Record<PromotionOutcome, string> = { promoted: "badge-current", not_yet: "badge-minor" };

export function PacketStatusBadge({ status }: { status: PacketStatus }) {
  return <span className={`badge ${STATUS_BADGE[status]}`}>{PACKET_STATUS_LABELS[status]}</span>;
}

export function PacketOutcomeBadge({ outcome }: { outcome: PromotionOutcome }) {
  return <span className={`badge ${OUTCOME_BADGE[outcome]}`}>{PROMOTION_OUTCOME_LABELS[outcome]}</span>;
}

/** One row per packet, each linking to its page. Without `showBuilder` (a builder's own record) the row is named by its levels. */
export function PacketTable({ label, packets, showBuilder = true }: { label: string; packets: readonly PacketSummary[]; showBuilder?: boolean }) {
  return (
    <TableScroll label={label}>
      <table className="packet-table">
        <thead>
          <tr>
            {showBuilder ? <th scope="col">Builder</th> : null}
            <th scope="col">Level</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Evidence
            </th>
            <th scope="col">Dates</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {packets.map((p) => {
            // Non-breaking spaces keep "L5 → L6" on one line.
            const levels = `${p.fromLevel}\u00a0→\u00a0${p.targetLevel}`;
            return (
              <tr key={p.id}>
                {showBuilder ? (
                  <th scope="row">
                    <Link to={`/packets/${p.id}`}>{p.builderName}</Link>
                  </th>
                ) : null}
                {showBuilder ? (
                  <td>{levels}</td>
                ) : (
                  <th scope="row">
                    <Link to={`/packets/${p.id}`}>{levels}</Link>
                  </th>
                )}
                <td>
                  <PacketStatusBadge status={p.status} />
                </td>
                <td className="num">{p.evidenceCount}</td>
                <td className="small">
                  {p.submittedAt ? <span className="block">Submitted <LocalTime value={p.submittedAt} precision="day" /></span> : null}
                  <span className="block muted">Updated <LocalTime value={p.updatedAt} precision="day" /></span>
                </td>
                <td>{p.outcome ? <PacketOutcomeBadge outcome={p.outcome} /> : <span className="muted">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
