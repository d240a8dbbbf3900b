import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/form-fields";
import { CalendarDate } from "~/components/local-time";
import { recordRead } from "~/data/audit.server";
import { findBuilder, findBuilderCareer } from "~/data/builders.server";
import { startPacket } from "~/data/packet-workflow.server";
import { listPackets } from "~/data/packets.server";
import { isLevel } from "~/domain/levels";
import { canReadBuilderRecord, canSeeBuilderPay } from "~/domain/permissions";
import { canStartPacket, packetAccess } from "~/domain/promotion/access";
import { compaRatio } from "~/domain/promotion/pay";
import { isPacketOpen, nextLevelFor } from "~/domain/promotion/workflow";
import { auditActor } from "~/utils/audit.server";
import { requireUser } from "~/utils/auth.server";
import { formError, readFormData } from "~/utils/forms.server";
import { refusalResponse } from "~/utils/refusals.server";
import { PacketTable } from "~/components/packet/packet-table";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.name} · Builder Ladder` : "Builder · Builder Ladder" }];

/** A builder's record. Only the builder, their manager, the promotion committee and admins read it. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const career = params.userId ? await findBuilderCareer(params.userId) : null;
  if (!career) throw data({ message: "No such builder" }, { status: 404 });
  if (!canReadBuilderRecord(user, career)) {
    throw data({ message: "A builder's record is for the builder, their manager, the promotion committee and admins." }, { status: 403 });
  }
  const band = career.rubricVersion && isLevel(career.level) ? (career.rubricVersion.bands.levels[career.level] ?? null) : null;
  const pay =
    canSeeBuilderPay(user, career) && career.baseSalary !== null && band
      ? { baseSalary: career.baseSalary, currency: career.currency ?? career.rubricVersion!.bands.currency, band, compaRatio: compaRatio(career.baseSalary, band.base) }
      : null;
  // Only the packets the viewer may open: the promotion committee reads this record but never a draft.
  const packets = (await listPackets({ builderId: career.userId })).filter(
    (p) => packetAccess(user, { builderId: p.builderId, managerId: p.managerId, status: p.status, peerIds: [] }).read,
  );
  const openPacket = packets.find((p) => isPacketOpen(p.status)) ?? null;
  // Every reading of a record is on the builder's trail, their own included; pay is named when it was shown.
  await recordRead(
    auditActor(user, context),
    { action: "builder.read", recordType: "builder", recordId: career.userId, subjectUserId: career.userId, detail: pay ? { pay: true } : null },
    new Date(),
  );
  return {
    name: career.name,
    isSelf: user.id === career.userId,
    packets,
    promotion: {
      // Null at the top of the ladder (L7).
      nextLevel: isLevel(career.level) ? nextLevelFor(career.level) : null,
      openPacketId: openPacket?.id ?? null,
      canStart: canStartPacket(user, career),
    },
    level: career.level,
    track: career.track,
    managerName: career.managerName,
    startedAt: career.startedAt,
    rubricVersion: career.rubricVersion ? { track: career.rubricVersion.track, version: career.rubricVersion.version, name: career.rubricVersion.name } : null,
    history: career.history,
    pay,
  };
}

/**
 * Starts a promotion packet for the builder's next level (the builder or their manager), then
 * opens it. A refusal (an open packet already, the top of the ladder) answers 409 with why.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const builder = params.userId ? await findBuilder(params.userId) : null;
  if (!builder) throw data({ message: "No such builder" }, { status: 404 });
  if (!canStartPacket(user, builder)) {
    throw data({ message: "Only the builder and their manager start a promotion packet." }, { status: 403 });
  }
  const form = await readFormData(request);
  if (form.get("intent") !== "start-packet") return formError("Unknown action.");
  const started = await startPacket(builder.userId, auditActor(user, context), new Date());
  if (!started.ok) return refusalResponse(started);
  return redirect(`/packets/${started.id}`);
}

const REASONS: Record<string, string> = { joined: "Joined", hired: "Hired through a loop", promoted: "Promoted" };

export default function BuilderRecordPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const money = d.pay ? new Intl.NumberFormat("en-US", { style: "currency", currency: d.pay.currency, maximumFractionDigits: 0 }) : null;
  return (
    <article className="page" aria-labelledby="builder-title">
      <h1 id="builder-title">{d.isSelf ? "Your record" : d.name}</h1>
      <div className="panels">
        <section className="panel" aria-labelledby="builder-level">
          <h2 id="builder-level">Level</h2>
          <p className="figure">{d.level}</p>
          <dl className="facts">
            <dt>Track</dt>
            <dd>{d.track}</dd>
            <dt>Rubric</dt>
            <dd>
              {d.rubricVersion ? (
                <Link to={`/rubrics/${d.rubricVersion.track}/v${d.rubricVersion.version}/levels`}>
                  {d.rubricVersion.name} v{d.rubricVersion.version}
                </Link>
              ) : (
                "None pinned"
              )}
            </dd>
            <dt>Manager</dt>
            <dd>{d.managerName ?? "None assigned"}</dd>
            <dt>Builder since</dt>
            <dd>
              <CalendarDate value={d.startedAt} />
            </dd>
          </dl>
        </section>
        {d.pay && money ? (
          <section className="panel" aria-labelledby="builder-pay">
            <h2 id="builder-pay">Pay</h2>
            <dl className="facts">
              <dt>Base salary</dt>
              <dd>{money.format(d.pay.baseSalary)}</dd>
              <dt>{d.level} band</dt>
              <dd>
                {money.format(d.pay.band.base.min)} – {money.format(d.pay.band.base.max)} (mid {money.format(d.pay.band.base.mid)})
              </dd>
              <dt>Compa-ratio</dt>
              <dd>{d.pay.compaRatio.toFixed(2)} of the band&rsquo;s mid</dd>
              <dt>Equity per year</dt>
              <dd>
                {money.format(d.pay.band.equity.min)} – {money.format(d.pay.band.equity.max)}
              </dd>
              <dt>Learning budget</dt>
              <dd>{money.format(d.pay.band.learning_budget)}</dd>
            </dl>
          </section>
        ) : null}
        <section className="panel" aria-labelledby="builder-history">
          <h2 id="builder-history">Level history</h2>
          <ol className="plain">
            {[...d.history].reverse().map((h) => (
              <li key={`${h.level}-${String(h.effectiveAt)}`}>
                <strong>{h.level}</strong> · {REASONS[h.reason] ?? h.reason}, <CalendarDate value={h.effectiveAt} />
                {h.note ? <span className="block muted small">{h.note}</span> : null}
              </li>
            ))}
          </ol>
        </section>
        <PromotionPanel {...d} errors={actionData?.formErrors} busy={navigation.state !== "idle"} />
      </div>
    </article>
  );
}

type PromotionPanelProps = Pick<ReturnType<typeof useLoaderData<typeof loader>>, "packets" | "promotion" | "level" | "isSelf"> & {
  errors: readonly string[] | undefined;
  busy: boolean;
};

/** The builder's packets, and the way to start the next one for those who may. */
function PromotionPanel({ packets, promotion, level, isSelf, errors, busy }: PromotionPanelProps) {
  const { nextLevel, openPacketId, canStart } = promotion;
  const open = packets.find((p) => p.id === openPacketId);
  return (
    <section className="panel" aria-labelledby="builder-packets">
      <h2 id="builder-packets">Promotion packets</h2>
      <FormErrors errors={errors} />
      {packets.length === 0 ? (
        <p className="muted">{isSelf ? "You have" : "This builder has"} no promotion packets yet.</p>
      ) : (
        <PacketTable label="Promotion packets" packets={packets} showBuilder={false} />
      )}
      {nextLevel === null ? (
        <p>{level} is the top of the ladder: there is no level to write a packet for.</p>
      ) : open ? (
        canStart ? (
          <p>
            <Link to={`/packets/${open.id}`}>Continue the packet for {open.targetLevel}</Link>
            <span className="block small muted">One packet at a time: a new one can start once this one is decided.</span>
          </p>
        ) : null
      ) : canStart ? (
        <Form method="post">
          <input type="hidden" name="intent" value="start-packet" />
          <button type="submit" className="button" disabled={busy}>
            Start a packet for {nextLevel}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
