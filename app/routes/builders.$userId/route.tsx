import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findBuilderCareer } from "~/data/builders.server";
import { isLevel } from "~/domain/levels";
import { canReadBuilderRecord, canSeeBuilderPay } from "~/domain/permissions";
import { compaRatio } from "~/domain/promotion/pay";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.name} · Builder Ladder` : "Builder · Builder Ladder" }];

/** A builder's record. Only the builder, their manager, the promotion committee and admins read it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
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
  return {
    name: career.name,
    isSelf: user.id === career.userId,
    level: career.level,
    track: career.track,
    managerName: career.managerName,
    startedAt: career.startedAt,
    rubricVersion: career.rubricVersion ? { track: career.rubricVersion.track, version: career.rubricVersion.version, name: career.rubricVersion.name } : null,
    history: career.history,
    pay,
  };
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const REASONS: Record<string, string> = { joined: "Joined", hired: "Hired through a loop", promoted: "Promoted" };

export default function BuilderRecordPage() {
  const d = useLoaderData<typeof loader>();
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
            <dd>{dateFormat.format(new Date(d.startedAt))}</dd>
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
                <strong>{h.level}</strong> · {REASONS[h.reason] ?? h.reason}, {dateFormat.format(new Date(h.effectiveAt))}
                {h.note ? <span className="block muted small">{h.note}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </article>
  );
}
