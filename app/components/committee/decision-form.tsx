import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ConfirmDialog } from "~/components/confirm-dialog";
import { ErrorSummary, summaryOf } from "~/components/error-summary";
import { FormErrors } from "~/components/form-fields";
import { decisionSchema, withinBand } from "~/domain/decision";
import { overridesFor, overrideStatement, type DecisionSituation } from "~/domain/decision-overrides";
import { HIRING_RECOMMENDATION_LABELS } from "~/domain/aggregation";
import { LEVELS } from "~/domain/levels";
import { formatMoney, formatMoneyRange } from "./format";
import type { CommitteePay } from "~/views/committee-page";

type Schema = ReturnType<typeof decisionSchema>;
type DecisionFormInput = z.input<Schema>;
type DecisionFormOutput = z.output<Schema>;
type FieldName = "outcome" | "level" | "baseSalary" | "bandJustification" | "rationale" | "correctsId" | "confirmedOverrides" | "overrideJustification";
/** A refusal carries the loop's situation as the server read it, which the form then follows. */
type ServerAnswer = { ok: boolean; fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[]; situation?: DecisionSituation };

type Props = {
  bands: CommitteePay["bands"];
  /** The level the evidence supports and the band's suggested base: the form's starting values. */
  supportedLevel: string | null;
  suggestedBase: number | null;
  /** The decision in force: a new entry corrects it. */
  currentDecisionId: string | null;
  /** What the decision in force says: a correction starts from it, not from the suggestion. */
  current?: { outcome: "hire" | "no_hire"; level: string | null; baseSalary: number | null; bandJustification: string | null } | null;
  /** Stages complete and the aggregate's recommendation: what a decision may be taken against. */
  situation: DecisionSituation;
};

/**
 * The committee's decision: hire or not, the level, the base (outside the level's band only with a
 * written justification) and the rationale. Validated in the browser by the same zod schema the
 * action parses with, then posted as an ordinary form. Once a decision exists, the form records a
 * correction of it instead: entries are never edited. Deciding before every stage is complete, or
 * against the recommendation, shows a warning and asks to confirm each and to justify it
 * (decision-overrides.ts). A valid form asks once more in a dialog before it is recorded.
 */
export function DecisionForm({ bands, supportedLevel, suggestedBase, currentDecisionId, current = null, situation: pageSituation }: Props) {
  const fetcher = useFetcher<ServerAnswer>();
  // The server checks with fresh data; if it saw the loop otherwise, its reading wins.
  const situation = (fetcher.state === "idle" ? fetcher.data?.situation : undefined) ?? pageSituation;
  const schema = useMemo(() => decisionSchema(bands, situation), [bands, situation]);
  const uid = useId();
  // A first decision starts from the evidence's suggestion; a correction from the decision in force.
  const defaults = useMemo((): DecisionFormInput => {
    const isLevel = (l: string | null | undefined): l is NonNullable<DecisionFormInput["level"]> => !!l && (LEVELS as readonly string[]).includes(l);
    const common = { rationale: "", confirmedOverrides: [], overrideJustification: "", correctsId: currentDecisionId ?? "" };
    if (current) {
      return {
        ...common,
        outcome: current.outcome,
        level: isLevel(current.level) ? current.level : "",
        baseSalary: current.baseSalary === null ? "" : String(current.baseSalary),
        bandJustification: current.bandJustification ?? "",
      };
    }
    return {
      ...common,
      outcome: undefined as unknown as DecisionFormInput["outcome"],
      level: isLevel(supportedLevel) ? supportedLevel : "",
      baseSalary: suggestedBase === null ? "" : String(suggestedBase),
      bandJustification: "",
    };
  }, [supportedLevel, suggestedBase, currentDecisionId, current]);
  const form = useForm<DecisionFormInput, unknown, DecisionFormOutput>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
    // Fields hidden for a no-hire (level, base) or inside the band (justification) are left out.
    shouldUnregister: true,
    // A refused submit focuses the error summary, which lists every problem, shown or not.
    shouldFocusError: false,
  });
  const [refusals, setRefusals] = useState(0);
  const { register, formState, setError, watch } = form;

  // A saved decision becomes the one in force: start the next entry (a correction) afresh.
  useEffect(() => form.reset(defaults), [defaults, form]);

  // "Decision recorded" shows from the save until the next entry is started.
  const [showSaved, setShowSaved] = useState(false);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) setShowSaved(true);
  }, [fetcher.state, fetcher.data]);

  // Errors the server found (it parses with the same schema) go to the fields they concern.
  useEffect(() => {
    const fieldErrors = fetcher.data?.fieldErrors;
    if (fetcher.state !== "idle" || !fieldErrors) return;
    for (const [name, messages] of Object.entries(fieldErrors)) {
      if (messages?.[0]) setError(name as FieldName, { type: "server", message: messages[0] });
    }
  }, [fetcher.state, fetcher.data, setError]);

  const outcome = watch("outcome");
  const level = watch("level");
  const baseText = watch("baseSalary");
  const band = typeof level === "string" && level ? bands.levels[level] : undefined;
  const base = typeof baseText === "string" && baseText.trim() !== "" ? Number(baseText) : Number.NaN;
  const outsideBand = band !== undefined && Number.isFinite(base) && !withinBand(base, band.base);
  const isHire = outcome !== "no_hire";
  // Before an outcome is chosen only the incomplete loop applies (it applies to either outcome).
  const overrides = outcome === "hire" || outcome === "no_hire" ? overridesFor(outcome, situation) : overridesFor("hire", situation).filter((o) => o === "incomplete_loop");

  // A valid form is held here while the dialog asks to confirm it.
  const pending = useRef<HTMLFormElement | null>(null);
  const [confirming, setConfirming] = useState<DecisionFormOutput | null>(null);

  const error = (name: FieldName) => formState.errors[name]?.message as string | undefined;
  const ids = (name: FieldName) => ({ error: `${uid}-${name}-error`, hint: `${uid}-${name}-hint`, input: `${uid}-${name}` });
  const describedBy = (name: FieldName, hint: boolean) =>
    [hint ? ids(name).hint : null, error(name) ? ids(name).error : null].filter(Boolean).join(" ") || undefined;
  const errorText = (name: FieldName) =>
    error(name) ? (
      <p id={ids(name).error} className="field-error" role="alert">
        {error(name)}
      </p>
    ) : null;

  const correcting = currentDecisionId !== null;
  // Every problem the browser found, in the form's order, each linking to its field when it is shown.
  const fieldIds: Partial<Record<FieldName, string>> = {
    outcome: `${uid}-outcome`,
    level: ids("level").input,
    baseSalary: ids("baseSalary").input,
    bandJustification: ids("bandJustification").input,
    confirmedOverrides: `${uid}-override-0`,
    overrideJustification: ids("overrideJustification").input,
    rationale: ids("rationale").input,
  };
  const summary = summaryOf(formState.errors, Object.keys(fieldIds), (name) => {
    const id = fieldIds[name as FieldName];
    return id && typeof document !== "undefined" && document.getElementById(id) ? id : undefined;
  });
  const busy = fetcher.state !== "idle";
  const saved = showSaved && fetcher.state === "idle" && fetcher.data?.ok === true;
  const correctsError = error("correctsId");

  return (
    <fetcher.Form
      method="post"
      noValidate
      className="stack decision-form"
      aria-labelledby={`${uid}-title`}
      onChange={() => setShowSaved(false)}
      onSubmit={form.handleSubmit(
        (values, event) => {
          pending.current = event?.target as HTMLFormElement;
          setConfirming(values);
        },
        () => setRefusals((n) => n + 1),
      )}
    >
      <h3 id={`${uid}-title`}>{correcting ? "Record a correction" : "Record the decision"}</h3>
      <p className="muted small">
        {correcting
          ? "Decisions are never edited. A correction is a new entry that names the decision it corrects; both stay in the history."
          : "The decision is recorded with your name and the time, and cannot be edited afterwards: a later change is a correction."}
      </p>
      <ErrorSummary items={summary} attempt={refusals} />
      <FormErrors errors={[...(fetcher.data?.formErrors ?? []), ...(correctsError ? [correctsError] : [])]} />
      {/* Only a correction names the entry it corrects (an empty correctsId is not "none" to the schema). */}
      {correcting ? <input type="hidden" {...register("correctsId")} /> : null}

      <fieldset aria-describedby={error("outcome") ? ids("outcome").error : undefined}>
        <legend>Outcome</legend>
        <div className="choice-row">
          <label className="choice">
            <input id={`${uid}-outcome`} type="radio" value="hire" aria-invalid={error("outcome") ? true : undefined} {...register("outcome")} /> Hire
          </label>
          <label className="choice">
            <input type="radio" value="no_hire" aria-invalid={error("outcome") ? true : undefined} {...register("outcome")} /> No hire
          </label>
        </div>
        {errorText("outcome")}
      </fieldset>

      {isHire ? (
        <div className="grid-2">
          <div className="field">
            <label htmlFor={ids("level").input}>Level</label>
            <select id={ids("level").input} aria-invalid={error("level") ? true : undefined} aria-describedby={describedBy("level", false)} {...register("level")}>
              <option value="">Choose a level</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {l}
                  {l === supportedLevel ? " (supported by the evidence)" : ""}
                </option>
              ))}
            </select>
            {errorText("level")}
          </div>
          <div className="field">
            <label htmlFor={ids("baseSalary").input}>Base salary ({bands.currency} a year)</label>
            <p id={ids("baseSalary").hint} className="field-hint">
              {band && typeof level === "string" ? (
                <>
                  {level} band: {formatMoneyRange(band.base, bands.currency)} (mid {formatMoney(band.base.mid, bands.currency)})
                  {suggestedBase !== null && level === supportedLevel ? <>; suggested {formatMoney(suggestedBase, bands.currency)}</> : null}
                </>
              ) : (
                "Choose a level to see its band."
              )}
            </p>
            <input
              id={ids("baseSalary").input}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              aria-invalid={error("baseSalary") ? true : undefined}
              aria-describedby={describedBy("baseSalary", true)}
              {...register("baseSalary")}
            />
            {errorText("baseSalary")}
          </div>
        </div>
      ) : null}

      {isHire && (outsideBand || error("bandJustification")) ? (
        <div className="field">
          <label htmlFor={ids("bandJustification").input}>Why outside the band</label>
          <p id={ids("bandJustification").hint} className="field-hint">
            {band && typeof level === "string"
              ? `The base is outside the ${level} band (${formatMoneyRange(band.base, bands.currency)}): the rubric asks for a written justification.`
              : "The base is outside the level's band: justify it in writing."}
          </p>
          <textarea
            id={ids("bandJustification").input}
            rows={3}
            aria-invalid={error("bandJustification") ? true : undefined}
            aria-describedby={describedBy("bandJustification", true)}
            {...register("bandJustification")}
          />
          {errorText("bandJustification")}
        </div>
      ) : null}

      {overrides.length > 0 ? (
        <div className="stack decision-overrides">
          <p className="notice" role="note">
            {overrides.includes("incomplete_loop")
              ? `Not every stage is complete: ${situation.stagesComplete} of ${situation.stagesTotal} stages have all their scorecards. `
              : null}
            {overrides.includes("against_recommendation") && (outcome === "hire" || outcome === "no_hire")
              ? `The evidence's recommendation is “${HIRING_RECOMMENDATION_LABELS[situation.recommendation]}”: this decision goes against it. `
              : null}
            To record it, confirm each point and say why.
          </p>
          <fieldset aria-describedby={error("confirmedOverrides") ? ids("confirmedOverrides").error : undefined}>
            <legend>The committee decides</legend>
            {overrides.map((o, n) => (
              <label key={o} className="checkbox">
                <input id={`${uid}-override-${n}`} type="checkbox" value={o} aria-invalid={error("confirmedOverrides") ? true : undefined} {...register("confirmedOverrides")} />
                {overrideStatement(o, outcome === "no_hire" ? "no_hire" : "hire", situation)}
              </label>
            ))}
            {errorText("confirmedOverrides")}
          </fieldset>
          <div className="field">
            <label htmlFor={ids("overrideJustification").input}>Why decide now</label>
            <p id={ids("overrideJustification").hint} className="field-hint">
              It stays with the decision, in its history.
            </p>
            <textarea
              id={ids("overrideJustification").input}
              rows={3}
              aria-invalid={error("overrideJustification") ? true : undefined}
              aria-describedby={describedBy("overrideJustification", true)}
              {...register("overrideJustification")}
            />
            {errorText("overrideJustification")}
          </div>
        </div>
      ) : null}

      <div className="field">
        <label htmlFor={ids("rationale").input}>Rationale</label>
        <p id={ids("rationale").hint} className="field-hint">
          Why the committee decided this, in a few sentences: it stays with the decision.
        </p>
        <textarea
          id={ids("rationale").input}
          rows={4}
          aria-invalid={error("rationale") ? true : undefined}
          aria-describedby={describedBy("rationale", true)}
          {...register("rationale")}
        />
        {errorText("rationale")}
      </div>

      <div className="row">
        <button type="submit" className="button" disabled={busy}>
          {correcting ? "Record correction" : "Record decision"}
        </button>
        {saved ? (
          <span role="status" className="muted">
            Decision recorded.
          </span>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={correcting ? "Record this correction?" : "Record this decision?"}
        confirmLabel={correcting ? "Record correction" : "Record decision"}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const target = pending.current;
          setConfirming(null);
          if (target) fetcher.submit(target, { method: "post" });
        }}
      >
        {confirming ? (
          <>
            <p>
              <strong>
                {confirming.outcome === "hire"
                  ? `Hire at ${confirming.level ?? "?"}${confirming.baseSalary !== undefined ? `, ${formatMoney(confirming.baseSalary, bands.currency)} a year` : ""}`
                  : "No hire"}
              </strong>
              , recorded with your name and the time.{correcting ? " It corrects the decision in force, which stays in the history." : ""}
            </p>
            {overrides.length > 0 ? <p>It is recorded as taken {overrides.map((o) => overrideStatement(o, confirming.outcome, situation).replace(/^Decide /, "")).join(" and ")}.</p> : null}
            <p>Decisions are never edited: a later change is a correction.</p>
          </>
        ) : null}
      </ConfirmDialog>
    </fetcher.Form>
  );
}
