import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { forwardRef, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useController, useForm, type Control } from "react-hook-form";
import { FormErrors } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import { RECOMMENDATIONS, RECOMMENDATION_LABELS, type ScorecardContent, type StageRubric } from "~/domain/scorecard/content";
import type { CurrentDraft } from "~/domain/scorecard/draft-save";
import { scorecardSchemas } from "~/domain/scorecard/schema";
import { DraftConflict } from "./draft-conflict";
import { useAutosave, type SaveState } from "./use-autosave";

type FormValues = ScorecardContent & { reason?: string };
type ServerAnswer = { ok: boolean; reason?: string; fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[]; current?: CurrentDraft };

type Props = {
  stage: StageRubric;
  initial: ScorecardContent;
  /** "draft": autosaves and submits; "amend": changes a submitted scorecard with a reason. */
  mode: "draft" | "amend";
  draftUrl: string;
  /** The draft version the page was loaded at: saves and the submission name the version they are based on. */
  initialVersion: number;
  initialSavedAt: Date | null;
  /** Amendments: the revision shown when the form opened, which the amendment is written over. */
  baseRevision?: number;
  onCancel?: () => void;
  /** Drafts: the start of an interview that has not begun yet; it can be submitted only from then. */
  submitsFrom?: Date | string | null;
};

/**
 * The scorecard editor: react-hook-form validated by the same zod schema the action uses,
 * native radios and checkboxes (usable with the keyboard alone), anchors beside each rating.
 */
export function ScorecardForm({ stage, initial, mode, draftUrl, initialVersion, initialSavedAt, baseRevision, onCancel, submitsFrom = null }: Props) {
  const schemas = useMemo(() => scorecardSchemas(stage), [stage]);
  const fetcher = useFetcher<ServerAnswer>();
  const form = useForm<FormValues>({
    resolver: zodResolver(mode === "draft" ? schemas.submission : schemas.amendmentForm) as never,
    defaultValues: mode === "draft" ? initial : { ...initial, reason: "" },
    shouldFocusError: true,
  });
  const { register, control, formState, setError, getValues, watch } = form;
  const errors = formState.errors;

  const read = useCallback(() => getValues(), [getValues]);
  const subscribe = useCallback((onChange: () => void) => watch(() => onChange()).unsubscribe, [watch]);
  const restore = useCallback(
    (values: unknown) => {
      const parsed = schemas.draft.safeParse(values);
      if (!parsed.success) return false;
      form.reset(parsed.data as FormValues, { keepDefaultValues: true });
      return true;
    },
    [schemas, form],
  );
  const autosave = useAutosave({ url: draftUrl, enabled: mode === "draft", initialVersion, initialSavedAt, read, subscribe, restore });
  const conflictHeading = useRef<HTMLHeadingElement>(null);
  const saveStatus = useRef<HTMLParagraphElement>(null);
  const { reportConflict } = autosave;

  // A submission refused because another tab or window saved a newer draft: the same choice as for an autosave.
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.reason === "stale" && fetcher.data.current) reportConflict(fetcher.data.current);
  }, [fetcher.state, fetcher.data, reportConflict]);

  // Errors the server found (it parses with the same schema) go to the fields they concern.
  useEffect(() => {
    const fieldErrors = fetcher.data?.fieldErrors;
    if (fetcher.state !== "idle" || !fieldErrors) return;
    for (const [name, messages] of Object.entries(fieldErrors)) {
      if (messages?.[0]) setError(name as keyof FormValues, { type: "server", message: messages[0] });
    }
  }, [fetcher.state, fetcher.data, setError]);

  const onValid = async (values: FormValues) => {
    if (mode === "draft") {
      const version = await autosave.flushNow();
      if (version === null) {
        conflictHeading.current?.focus();
        return;
      }
      const { reason: _reason, ...content } = values;
      fetcher.submit({ intent: "submit", version, content } as never, { method: "post", encType: "application/json" });
    } else {
      const { reason, ...content } = values;
      fetcher.submit({ intent: "amend", reason: reason ?? "", revision: baseRevision ?? 1, content } as never, { method: "post", encType: "application/json" });
    }
  };

  const values = watch();
  const errorAt = (path: string): string | undefined => {
    const parts = path.split(".");
    let node: unknown = errors;
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
    return (node as { message?: string } | undefined)?.message;
  };
  const competencyOf = (id: string) => stage.competencies.find((c) => c.id === id);
  const busy = fetcher.state !== "idle";
  // The server says whether the interview had begun when the page loaded; the page opens the submit button when it does.
  const waitingFor = useInterviewStart(mode === "draft" ? submitsFrom : null);

  return (
    <form className="scorecard-form stack" noValidate onSubmit={form.handleSubmit(onValid)} aria-label={mode === "draft" ? "Scorecard" : "Amend scorecard"}>
      {mode === "draft" ? (
        <SaveIndicator
          ref={saveStatus}
          state={autosave.state}
          onReview={autosave.conflict ? () => conflictHeading.current?.focus() : undefined}
        />
      ) : null}
      {autosave.conflict ? (
        <DraftConflict
          ref={conflictHeading}
          stage={stage}
          current={autosave.conflict}
          onKeepMine={() => {
            void autosave.keepMine();
            saveStatus.current?.focus();
          }}
          onTakeNewer={() => {
            autosave.takeNewer();
            saveStatus.current?.focus();
          }}
        />
      ) : null}
      <FormErrors errors={fetcher.data?.reason === "stale" ? undefined : fetcher.data?.formErrors} />
      {Object.keys(errors).length > 0 ? (
        <p className="form-errors" role="alert">
          Some answers need attention: see the messages below.
        </p>
      ) : null}

      <section aria-labelledby="criteria-title" className="stack">
        <h2 id="criteria-title">Criteria</h2>
        {stage.stage.criteria.map((criterion, i) => {
          const competency = competencyOf(criterion.competency);
          const rating = values.ratings?.[i]?.rating ?? null;
          const evidenceRequired = rating !== null && stage.evidenceRequiredFor.includes(rating);
          const evidenceError = errorAt(`ratings.${i}.evidence`);
          const ratingError = errorAt(`ratings.${i}.rating`);
          return (
            <fieldset key={criterion.id} className="panel criterion" aria-describedby={`criterion-${criterion.id}-about`}>
              <legend>{criterion.name}</legend>
              <div id={`criterion-${criterion.id}-about`}>
                <p className="muted">Evidences {competency?.name ?? criterion.competency}</p>
                <ul className="prompts">
                  {criterion.prompts.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
              <RatingGroup
                control={control}
                name={`ratings.${i}.rating` as const}
                criterionId={criterion.id}
                scale={stage.scale}
                anchors={competency?.anchors ?? {}}
                error={ratingError}
              />
              <div className="field">
                <label htmlFor={`evidence-${criterion.id}`}>
                  Evidence {evidenceRequired ? <span className="required">(required for this rating)</span> : <span className="muted">(what did you see and hear?)</span>}
                </label>
                <textarea
                  id={`evidence-${criterion.id}`}
                  rows={3}
                  aria-invalid={evidenceError ? true : undefined}
                  aria-describedby={evidenceError ? `evidence-${criterion.id}-error` : undefined}
                  {...register(`ratings.${i}.evidence` as const)}
                />
                {evidenceError ? <p id={`evidence-${criterion.id}-error`} className="field-error" role="alert">{evidenceError}</p> : null}
              </div>
            </fieldset>
          );
        })}
      </section>

      <fieldset className="panel">
        <legend>Positive signals observed</legend>
        <div className="stack tight">
          {stage.signals.map((signal, i) => (
            <div key={signal.id} className="option-with-note">
              <label className="checkbox">
                <input type="checkbox" {...register(`signals.${i}.observed` as const)} />
                {signal.text}
              </label>
              {values.signals?.[i]?.observed ? (
                <div className="field">
                  <label htmlFor={`signal-note-${signal.id}`}>Note (optional)</label>
                  <input id={`signal-note-${signal.id}`} type="text" {...register(`signals.${i}.note` as const)} />
                </div>
              ) : null}
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend>Red flags raised</legend>
        <p className="muted">Raise a red flag only with evidence: what the candidate said or did.</p>
        <div className="stack tight">
          {stage.redFlags.map((flag, i) => {
            const error = errorAt(`redFlags.${i}.evidence`);
            return (
              <div key={flag.id} className="option-with-note">
                <label className="checkbox">
                  <input type="checkbox" {...register(`redFlags.${i}.raised` as const)} />
                  <span>
                    {flag.name} <span className={`badge badge-${flag.severity}`}>{flag.severity}</span>
                    <span className="muted small block">{flag.description}</span>
                  </span>
                </label>
                {values.redFlags?.[i]?.raised ? (
                  <div className="field">
                    <label htmlFor={`flag-evidence-${flag.id}`}>Evidence for “{flag.name}” (required)</label>
                    <textarea
                      id={`flag-evidence-${flag.id}`}
                      rows={2}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `flag-evidence-${flag.id}-error` : undefined}
                      {...register(`redFlags.${i}.evidence` as const)}
                    />
                    {error ? <p id={`flag-evidence-${flag.id}-error`} className="field-error" role="alert">{error}</p> : null}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="panel" aria-describedby={errorAt("recommendation") ? "recommendation-error" : undefined}>
        <legend>Overall recommendation</legend>
        <div className="choice-row">
          {RECOMMENDATIONS.map((value) => (
            <label key={value} className="choice">
              <input type="radio" value={value} {...register("recommendation")} />
              {RECOMMENDATION_LABELS[value]}
            </label>
          ))}
        </div>
        {errorAt("recommendation") ? <p id="recommendation-error" className="field-error" role="alert">{errorAt("recommendation")}</p> : null}
      </fieldset>

      <div className="field panel">
        <label htmlFor="takeaways">Key take-aways</label>
        <textarea
          id="takeaways"
          rows={4}
          aria-invalid={errorAt("takeaways") ? true : undefined}
          aria-describedby={errorAt("takeaways") ? "takeaways-error" : undefined}
          {...register("takeaways")}
        />
        {errorAt("takeaways") ? <p id="takeaways-error" className="field-error" role="alert">{errorAt("takeaways")}</p> : null}
      </div>

      {mode === "amend" ? (
        <div className="field panel">
          <label htmlFor="amend-reason">Why are you amending this scorecard?</label>
          <textarea
            id="amend-reason"
            rows={2}
            aria-invalid={errorAt("reason") ? true : undefined}
            aria-describedby={errorAt("reason") ? "amend-reason-error" : undefined}
            {...register("reason")}
          />
          {errorAt("reason") ? <p id="amend-reason-error" className="field-error" role="alert">{errorAt("reason")}</p> : null}
        </div>
      ) : null}

      {waitingFor ? (
        <p id="scorecard-not-begun" className="notice">
          This interview begins <LocalTime value={waitingFor} />. You can prepare a draft now (it saves as you type); you can submit it once the interview has begun.
        </p>
      ) : null}
      <div className="row">
        <button
          type="submit"
          className="button"
          disabled={busy || waitingFor !== null}
          aria-describedby={waitingFor ? "scorecard-not-begun" : undefined}
        >
          {mode === "draft" ? (busy ? "Submitting…" : "Submit scorecard") : busy ? "Saving…" : "Save amendment"}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        {mode === "draft" ? <span className="muted">Submitting locks the scorecard; later changes are amendments with a reason.</span> : null}
      </div>
    </form>
  );
}

/** The interview's start while it is ahead (null once it has begun, or when there is none to wait for). */
function useInterviewStart(startsAt: Date | string | null): Date | null {
  const start = startsAt === null ? null : new Date(startsAt).getTime();
  const [waiting, setWaiting] = useState(start !== null);
  useEffect(() => {
    if (start === null) return setWaiting(false);
    const left = start - Date.now();
    if (left <= 0) return setWaiting(false);
    setWaiting(true);
    const timer = setTimeout(() => setWaiting(false), Math.min(left, 2_147_483_647));
    return () => clearTimeout(timer);
  }, [start]);
  return waiting && start !== null ? new Date(start) : null;
}

function RatingGroup({
  control,
  name,
  criterionId,
  scale,
  anchors,
  error,
}: {
  control: Control<FormValues>;
  name: `ratings.${number}.rating`;
  criterionId: string;
  scale: StageRubric["scale"];
  anchors: Record<string, string>;
  error: string | undefined;
}) {
  const { field } = useController({ control, name });
  const errorId = `rating-${criterionId}-error`;
  return (
    <>
      <div role="radiogroup" aria-label="Rating" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} className="rating-group">
        {scale.map((point) => (
          <label key={point.value} className="rating-option">
            <input
              type="radio"
              name={field.name}
              value={point.value}
              checked={field.value === point.value}
              onChange={() => field.onChange(point.value)}
              onBlur={field.onBlur}
              ref={point.value === scale[0]!.value ? field.ref : undefined}
            />
            <span className="rating-label">
              {point.value} · {point.label}
            </span>
            <span className="rating-anchor">{anchors[String(point.value)]}</span>
          </label>
        ))}
      </div>
      {error ? <p id={errorId} className="field-error" role="alert">{error}</p> : null}
    </>
  );
}

const SaveIndicator = forwardRef<HTMLParagraphElement, { state: SaveState; onReview?: () => void }>(function SaveIndicator({ state, onReview }, ref) {
  return (
    <p ref={ref} tabIndex={-1} className={`save-indicator save-${state.status}`} role="status" aria-live="polite">
      {state.status === "saving"
        ? "Saving…"
        : state.status === "error"
          ? (
            <>
              {state.message}
              {onReview ? (
                <>
                  {" "}
                  <a href="#draft-conflict" onClick={(e) => (e.preventDefault(), onReview())}>
                    Choose which version to keep
                  </a>
                </>
              ) : null}
            </>
          )
          : state.savedAt
            ? (
              <>
                Draft saved <LocalTime value={state.savedAt} precision="second" />
              </>
            )
            : "Your draft saves itself as you type."}
    </p>
  );
});
