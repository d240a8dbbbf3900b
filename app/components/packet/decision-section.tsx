import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { formatMoney, formatMoneyRange } from "~/components/committee/format";
import { ConfirmDialog } from "~/components/confirm-dialog";
import { ErrorSummary, summaryOf } from "~/components/error-summary";
import { FormErrors } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import { promotionDecisionSchema } from "~/domain/promotion/forms";
import { checkRaise } from "~/domain/promotion/pay";
import { PROMOTION_OUTCOME_LABELS } from "~/domain/promotion/workflow";
import type { PacketPageData } from "~/views/packet-page";
import { useServerErrors, type PacketAnswer } from "./use-server-errors";

/** The committee's decision once recorded, with its feedback per criterion. */
export function DecisionView({ data }: { data: PacketPageData }) {
  const d = data.decision;
  if (!d) return null;
  const currency = d.currency ?? data.pay?.currency ?? "USD";
  return (
    <section className={`panel decision decision-${d.outcome}`} aria-labelledby="decision-title">
      <h2 id="decision-title">Decision: {PROMOTION_OUTCOME_LABELS[d.outcome]}</h2>
      <p className="muted small">
        {d.decidedByName}, <LocalTime value={d.decidedAt} />
      </p>
      <p className="pre-line">{d.rationale}</p>
      {d.newBaseSalary !== null ? (
        <p>
          New base: <strong>{formatMoney(d.newBaseSalary, currency)}</strong>
          {d.bandJustification ? <span className="block muted small">Outside the band because: {d.bandJustification}</span> : null}
          {d.raiseJustification ? <span className="block muted small">Below the rubric&rsquo;s minimum promotion raise because: {d.raiseJustification}</span> : null}
        </p>
      ) : null}
      {Object.keys(d.feedback).length > 0 ? (
        <>
          <h3>Feedback per criterion</h3>
          <dl className="feedback">
            {data.criteria
              .filter((c) => d.feedback[c.id])
              .map((c) => (
                <div key={c.id} className="fact-row">
                  <dt>{c.name}</dt>
                  <dd className="pre-line">{d.feedback[c.id]}</dd>
                </div>
              ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}

/** The committee's decision form: promoted (with the new base) or not yet (with feedback on every criterion). */
export function DecisionForm({ data }: { data: PacketPageData }) {
  const uid = useId();
  const pay = data.pay;
  const band = pay?.targetBand ?? { min: 0, mid: 0, max: Number.MAX_SAFE_INTEGER };
  const currency = pay?.currency ?? "USD";
  const baseAtSubmission = pay?.currentBase ?? null;
  const minRaisePercent = pay?.minRaisePercent ?? 0;
  const schema = useMemo(
    () => promotionDecisionSchema(data.criteria, band, currency, { baseAtSubmission, minRaisePercent }),
    [data.criteria, band, currency, baseAtSubmission, minRaisePercent],
  );
  const fetcher = useFetcher<PacketAnswer>();
  const form = useForm<Record<string, unknown>, unknown, z.output<typeof schema>>({
    // The schema's input is `unknown` (it first nests the browser's flat feedback names).
    resolver: zodResolver(schema as unknown as z.ZodType<z.output<typeof schema>, Record<string, unknown>>),
    defaultValues: { outcome: "", rationale: "", newBaseSalary: pay?.analysis ? String(pay.analysis.suggestedBase) : "", bandJustification: "", raiseJustification: "", feedback: Object.fromEntries(data.criteria.map((c) => [c.id, ""])) },
    // The pay fields are shown only for "promoted": hidden, they are out of the values (and the schema ignores them for "not yet").
    shouldUnregister: true,
    // A refused submit focuses the error summary, which lists every problem, shown or not.
    shouldFocusError: false,
  });
  const [refusals, setRefusals] = useState(0);
  // A valid decision waits here for the committee member's confirmation: recording it is final.
  const [pending, setPending] = useState<HTMLFormElement | null>(null);
  const { register, watch, formState } = form;
  useServerErrors(fetcher.state, fetcher.data, form.setError);
  const outcome = watch("outcome");
  const base = Number(watch("newBaseSalary"));
  const outside = outcome === "promoted" && Number.isFinite(base) && base > 0 && (base < band.min || base > band.max);
  const raise = outcome === "promoted" && base > 0 ? checkRaise(baseAtSubmission, base, minRaisePercent) : null;
  const errors = formState.errors as Record<string, { message?: string } | Record<string, { message?: string }> | undefined>;
  const msg = (name: string): string | undefined => {
    if (name.startsWith("feedback.")) return (errors.feedback as Record<string, { message?: string }> | undefined)?.[name.slice(9)]?.message;
    return (errors[name] as { message?: string } | undefined)?.message;
  };
  const err = (name: string) =>
    msg(name) ? (
      <p id={`${uid}-${name}-error`} className="field-error" role="alert">
        {msg(name)}
      </p>
    ) : null;
  const described = (name: string) => (msg(name) ? `${uid}-${name}-error` : undefined);
  const fieldIds: Record<string, string> = {
    outcome: `${uid}-outcome`,
    newBaseSalary: `${uid}-base`,
    bandJustification: `${uid}-justification`,
    raiseJustification: `${uid}-raise-justification`,
    rationale: `${uid}-rationale`,
    ...Object.fromEntries(data.criteria.map((c) => [`feedback.${c.id}`, `${uid}-fb-${c.id}`])),
  };
  const summary = summaryOf(formState.errors, Object.keys(fieldIds), (name) => fieldIds[name]);

  return (
    <section className="panel no-print" aria-labelledby="decide-title">
      <h2 id="decide-title">Record the decision</h2>
      <fetcher.Form method="post" noValidate className="stack" onSubmit={form.handleSubmit(
          (_v, e) => setPending(e?.target as HTMLFormElement),
          () => setRefusals((n) => n + 1),
        )}
      >
        <input type="hidden" name="intent" value="decide" />
        <ErrorSummary items={summary} attempt={refusals} />
        <FormErrors errors={fetcher.state === "idle" ? fetcher.data?.formErrors : undefined} />
        <fieldset aria-describedby={described("outcome")}>
          <legend>Outcome</legend>
          <div className="choice-row">
            <label className="choice">
              <input id={fieldIds.outcome} type="radio" value="promoted" {...register("outcome")} /> Promoted to {data.packet.targetLevel}
            </label>
            <label className="choice">
              <input type="radio" value="not_yet" {...register("outcome")} /> Not yet
            </label>
          </div>
          {err("outcome")}
        </fieldset>
        {outcome === "promoted" ? (
          <div className="field">
            <label htmlFor={`${uid}-base`}>New base salary ({currency} a year)</label>
            <p id={`${uid}-base-hint`} className="field-hint">
              {data.packet.targetLevel} band {formatMoneyRange(band, currency)}
              {pay?.analysis ? `; suggested ${formatMoney(pay.analysis.suggestedBase, currency)}` : ""}
            </p>
            <input id={`${uid}-base`} type="number" inputMode="numeric" min={0} step={1} aria-describedby={[`${uid}-base-hint`, described("newBaseSalary")].filter(Boolean).join(" ")} aria-invalid={msg("newBaseSalary") ? true : undefined} {...register("newBaseSalary")} />
            {err("newBaseSalary")}
          </div>
        ) : null}
        {outside || msg("bandJustification") ? (
          <div className="field">
            <label htmlFor={`${uid}-justification`}>Why outside the band</label>
            <textarea id={`${uid}-justification`} rows={2} aria-describedby={described("bandJustification")} aria-invalid={msg("bandJustification") ? true : undefined} {...register("bandJustification")} />
            {err("bandJustification")}
          </div>
        ) : null}
        {raise?.belowMinimum || msg("raiseJustification") ? (
          <div className="field">
            <label htmlFor={fieldIds.raiseJustification}>Why below the minimum raise</label>
            <p id={`${uid}-raise-hint`} className="field-hint">
              {raise ? `Raise on the base at submission: ${raise.raisePercent}%. ` : ""}The rubric&rsquo;s minimum promotion raise is {minRaisePercent}%
              {raise ? ` (${formatMoney(raise.minimumBase, currency)} or more)` : ""}.
            </p>
            <textarea
              id={fieldIds.raiseJustification}
              rows={2}
              aria-describedby={[`${uid}-raise-hint`, described("raiseJustification")].filter(Boolean).join(" ")}
              aria-invalid={msg("raiseJustification") ? true : undefined}
              {...register("raiseJustification")}
            />
            {err("raiseJustification")}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${uid}-rationale`}>Rationale</label>
          <textarea id={`${uid}-rationale`} rows={3} aria-describedby={described("rationale")} aria-invalid={msg("rationale") ? true : undefined} {...register("rationale")} />
          {err("rationale")}
        </div>
        <fieldset>
          <legend>Feedback per criterion {outcome === "not_yet" ? "(required for “not yet”)" : "(optional)"}</legend>
          {data.criteria.map((c) => (
            <div className="field" key={c.id}>
              <label htmlFor={`${uid}-fb-${c.id}`}>{c.name}</label>
              <textarea id={`${uid}-fb-${c.id}`} rows={2} aria-describedby={described(`feedback.${c.id}`)} aria-invalid={msg(`feedback.${c.id}`) ? true : undefined} {...register(`feedback.${c.id}`)} />
              {err(`feedback.${c.id}`)}
            </div>
          ))}
        </fieldset>
        <div className="row">
          <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
            Record decision
          </button>
        </div>
      </fetcher.Form>
      <ConfirmDialog
        open={pending !== null}
        title={`Record “${outcome === "promoted" ? `Promoted to ${data.packet.targetLevel}` : "Not yet"}” for ${data.builder.name}?`}
        confirmLabel="Record decision"
        onCancel={() => setPending(null)}
        onConfirm={() => {
          const recorded = pending;
          setPending(null);
          if (recorded) fetcher.submit(recorded, { method: "post" });
        }}
      >
        {outcome === "promoted" ? (
          <p>
            {data.builder.name} moves to {data.packet.targetLevel} today{Number.isFinite(base) && base > 0 ? `, with a base of ${formatMoney(base, currency)}` : ""}, read
            against this packet&rsquo;s rubric version; the promotion joins their level history.
          </p>
        ) : (
          <p>
            {data.builder.name} stays at {data.packet.fromLevel} and reads the rationale and the feedback on every criterion. The packet is closed: a next
            attempt is a new packet.
          </p>
        )}
        <p>The decision is recorded with your name and the time.</p>
      </ConfirmDialog>
    </section>
  );
}
