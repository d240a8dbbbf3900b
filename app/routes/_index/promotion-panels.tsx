import { Link } from "@remix-run/react";
import type { HomePacket as PacketSummary, OwnPromotion } from "~/views/home-page";
import { LocalTime } from "~/components/local-time";
import { PacketOutcomeBadge, PacketStatusBadge } from "~/components/packet/packet-table";
import { Panel } from "./panels";

const levels = (p: PacketSummary) => `${p.fromLevel}\u00a0→\u00a0${p.targetLevel}`;

/** For the promotion committee: submitted packets and those in review, the longest-waiting first. */
export function PacketQueuePanel({ packets }: { packets: PacketSummary[] }) {
  return (
    <Panel id="panel-packet-queue" title="Packets awaiting review">
      <p className="figure">{packets.length}</p>
      {packets.length === 0 ? <p>No packet is waiting for the promotion committee.</p> : null}
      <ul className="home-list">
        {packets.map((p) => (
          <li key={p.id}>
            <Link to={`/packets/${p.id}`}>{p.builderName}</Link> <span className="muted small">{levels(p)}</span> <PacketStatusBadge status={p.status} />
            {p.submittedAt ? <span className="block small muted">Submitted <LocalTime value={p.submittedAt} precision="day" /></span> : null}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/packets">The committee&rsquo;s queue</Link>
      </p>
    </Panel>
  );
}

/** For managers: their reports' packets that are not decided yet. */
export function ReportPacketsPanel({ packets }: { packets: PacketSummary[] }) {
  return (
    <Panel id="panel-report-packets" title="Your reports' open packets">
      {packets.length === 0 ? <p>None of your reports has an open promotion packet.</p> : null}
      <ul className="home-list">
        {packets.map((p) => (
          <li key={p.id}>
            <Link to={`/packets/${p.id}`}>{p.builderName}</Link> <span className="muted small">{levels(p)}</span> <PacketStatusBadge status={p.status} />
            <span className="block small muted">
              {p.evidenceCount === 1 ? "1 evidence item" : `${p.evidenceCount} evidence items`} · updated <LocalTime value={p.updatedAt} precision="day" />
            </span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/packets">All your reports&rsquo; packets</Link>
      </p>
    </Panel>
  );
}

/** For a builder: their open packet's status, or their last outcome and the way to start the next one. */
export function OwnPacketPanel({ promotion }: { promotion: OwnPromotion }) {
  const { open, lastDecided, nextLevel, level, userId } = promotion;
  return (
    <Panel id="panel-own-packet" title="Your promotion">
      {open ? (
        <>
          <p>
            Your packet for {open.targetLevel} is <PacketStatusBadge status={open.status} />
          </p>
          <p>
            <Link to={`/packets/${open.id}`}>Open your packet for {open.targetLevel}</Link>
          </p>
        </>
      ) : (
        <>
          {lastDecided?.outcome ? (
            <p>
              Your packet for {lastDecided.targetLevel}: <PacketOutcomeBadge outcome={lastDecided.outcome} />{" "}
              <Link to={`/packets/${lastDecided.id}`}>Read the decision</Link>
            </p>
          ) : null}
          {nextLevel ? (
            <p>
              <Link to={`/builders/${userId}`}>Start a packet for {nextLevel} on your record</Link>
            </p>
          ) : (
            <p>{level} is the top of the ladder: there is no level to write a packet for.</p>
          )}
        </>
      )}
    </Panel>
  );
}

/** For anyone invited as a peer: draft packets waiting for their statements. */
export function StatementRequestsPanel({ packets }: { packets: PacketSummary[] }) {
  return (
    <Panel id="panel-statements" title="Statements requested">
      <ul className="home-list">
        {packets.map((p) => (
          <li key={p.id}>
            <Link to={`/packets/${p.id}`}>{p.builderName}</Link> <span className="muted small">packet for {p.targetLevel}</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
