import { formatMoney, formatMoneyRange } from "~/components/committee/format";
import type { PacketPageData } from "~/views/packet-page";

/** The committee's view of pay: the target band, compa-ratios, the raise to the band and the suggested base. */
export function PayPanel({ data }: { data: PacketPageData }) {
  const pay = data.pay;
  if (!pay) return null;
  const money = (n: number) => formatMoney(n, pay.currency);
  const a = pay.analysis;
  return (
    <section className="panel" aria-labelledby="pay-title">
      <h2 id="pay-title">Pay</h2>
      <dl className="facts">
        <dt>{data.packet.targetLevel} band</dt>
        <dd>
          {formatMoneyRange(pay.targetBand, pay.currency)} (mid {money(pay.targetBand.mid)})
        </dd>
        {pay.currentBand ? (
          <>
            <dt>{data.packet.fromLevel} band</dt>
            <dd>
              {formatMoneyRange(pay.currentBand, pay.currency)} (mid {money(pay.currentBand.mid)})
            </dd>
          </>
        ) : null}
        {/* Once submitted, the analysis reads the base frozen then; after a promotion the builder's base differs. */}
        <dt>{data.packet.submittedAt ? "Base at submission" : "Current base"}</dt>
        <dd>{pay.currentBase === null ? "Not recorded" : money(pay.currentBase)}</dd>
        {a ? (
          <>
            <dt>Compa-ratio, {data.packet.fromLevel}</dt>
            <dd data-testid="compa-current">{a.compaRatioCurrent.toFixed(2)}</dd>
            <dt>Compa-ratio, {data.packet.targetLevel}</dt>
            <dd data-testid="compa-target">{a.compaRatioTarget.toFixed(2)}</dd>
            <dt>Raise to the {data.packet.targetLevel} minimum</dt>
            <dd data-testid="raise-to-min">{a.raiseToTargetMin === 0 ? "None: already in the band" : money(a.raiseToTargetMin)}</dd>
            <dt>Suggested new base</dt>
            <dd data-testid="suggested-base">
              <strong>{money(a.suggestedBase)}</strong> ({a.raise >= 0 ? "+" : "−"}
              {money(Math.abs(a.raise))})
            </dd>
          </>
        ) : null}
      </dl>
      {a ? <p className="muted small">{a.rule}</p> : null}
      {a?.currentAboveTargetMax ? <p className="notice">The current base is above the {data.packet.targetLevel} band&rsquo;s maximum.</p> : null}
    </section>
  );
}
