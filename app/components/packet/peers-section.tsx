import { useFetcher } from "@remix-run/react";
import { useId } from "react";
import { ConfirmSubmit } from "~/components/confirm-dialog";
import { FormErrors } from "~/components/form-fields";
import { peerInvitationRefusal } from "~/domain/promotion/readiness";
import { countOf } from "~/domain/wording";
import type { PacketPageData } from "~/views/packet-page";
import type { PacketAnswer } from "./use-server-errors";

/** Peers invited to add statements on the evidence; the manager invites and withdraws them. */
export function PeersSection({ data }: { data: PacketPageData }) {
  const uid = useId();
  const inviter = useFetcher<PacketAnswer>();
  const remover = useFetcher<PacketAnswer>();
  if (!data.invitations) return null;
  const invited = new Set(data.invitations.map((i) => i.peerId));
  const candidates = (data.peerCandidates ?? []).filter((p) => !invited.has(p.id));
  const wrote = (peerId: string) => data.statements.filter((s) => s.authorId === peerId).length;
  const error = inviter.state === "idle" ? inviter.data?.fieldErrors?.peerId?.[0] : undefined;
  const notYet = peerInvitationRefusal(data.evidence.length);
  return (
    <section className="panel" aria-labelledby="peers-title">
      <h2 id="peers-title">Peers</h2>
      {data.invitations.length === 0 ? <p className="muted">No peers invited yet.</p> : null}
      <ul className="plain">
        {data.invitations.map((i) => (
          <li key={i.peerId} className="row">
            <span>
              {i.peerName} · <span className="muted">{countOf(wrote(i.peerId), "statement")}</span>
            </span>
            {data.access.invitePeers ? (
              <remover.Form method="post" className="no-print">
                <input type="hidden" name="intent" value="remove-peer" />
                <input type="hidden" name="peerId" value={i.peerId} />
                <ConfirmSubmit
                  className="button button-secondary"
                  disabled={remover.state !== "idle"}
                  confirm={{
                    title: `Withdraw ${i.peerName}’s invitation?`,
                    confirmLabel: "Withdraw invitation",
                    danger: true,
                    children: (
                      <p>
                        {i.peerName} will no longer see this packet
                        {wrote(i.peerId) > 0 ? `, and the ${countOf(wrote(i.peerId), "statement")} they wrote will be deleted` : ""}. You can invite them again, but
                        deleted statements do not come back.
                      </p>
                    ),
                  }}
                >
                  Withdraw <span className="visually-hidden">{i.peerName}&rsquo;s invitation</span>
                </ConfirmSubmit>
              </remover.Form>
            ) : null}
          </li>
        ))}
      </ul>
      {data.access.invitePeers && notYet ? <p className="notice no-print">{notYet}</p> : null}
      {data.access.invitePeers && !notYet ? (
        <inviter.Form method="post" className="row no-print">
          <input type="hidden" name="intent" value="invite-peer" />
          <FormErrors errors={inviter.state === "idle" ? inviter.data?.formErrors : undefined} />
          <div className="field">
            <label htmlFor={`${uid}-peer`}>Invite a peer</label>
            <select id={`${uid}-peer`} name="peerId" defaultValue="" aria-invalid={error ? true : undefined} aria-describedby={error ? `${uid}-peer-error` : undefined}>
              <option value="">Choose a person</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            {error ? (
              <p id={`${uid}-peer-error`} className="field-error" role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button" disabled={inviter.state !== "idle"}>
            Invite
          </button>
        </inviter.Form>
      ) : null}
    </section>
  );
}
