import { zodResolver } from "@hookform/resolvers/zod";
import { Form, Link, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useId, useMemo, useState } from "react";
import { useForm, type Path } from "react-hook-form";
import type { z } from "zod";
import { ErrorSummary, summaryOf, type SummaryItem } from "~/components/error-summary";
import { FormErrors } from "~/components/form-fields";
import { projectSchema, PRD_MAX, type ProjectInput } from "~/domain/project/forms";
import { missingPrdSections } from "~/domain/project/process";
import { PROJECT_MODE_LABELS, PROJECT_MODES } from "~/domain/project/workflow";
import type { ProjectProcess } from "~/domain/rubric/schema";
import { draftGaps } from "./draft-gaps";
import { InputField, SelectField, TextAreaField } from "./fields";
import { useHydrated } from "./use-hydrated";
import { EMPTY_METRIC, MetricFields, metricFieldId } from "./metric-fields";

type MetricValues = { name: string; unit: string; baseline: string; target: string; direction: string; measurement: string };

/** The form's values as the browser holds them (numbers and dates as typed). */
export type ProjectFormValues = {
  version: string;
  title: string;
  problem: string;
  mode: string;
  team: string;
  decisionDate: string;
  approverId: string;
  prd: string;
  links: string;
  metrics: MetricValues[];
};

export type ProjectFormAnswer = { ok: boolean; fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | undefined;

type Person = { id: string; name: string };

const MODE_HINTS: Record<(typeof PROJECT_MODES)[number], string> = {
  founder: "A surface area of your own, with a defined success and a date to decide by: folded into a team or staffed up if it succeeds, deprecated if not.",
  satellite: "You work embedded in an existing team, on its roadmap.",
};

const FIELD_ORDER = ["title", "problem", "mode", "team", "decisionDate", "approverId", "prd", "links", "metrics"];

/**
 * A project's content, for a new project and the owner's edits of a draft (or of a PRD sent back
 * with changes requested). Checked in the browser with the shared zod schema (domain/project/forms.ts)
 * and again by the action. "Save draft" keeps a half-written project; "Submit PRD" also needs what
 * the rubric's process asks (sections, metrics, approver, team or decision date): what is missing
 * is listed live beside the buttons, and a submit with gaps is refused here and by the server.
 */
export function ProjectForm({
  defaultValues,
  people,
  fixedApprover,
  process,
  ownerId,
  now,
  answer,
  cancelTo,
}: {
  defaultValues: ProjectFormValues;
  people: readonly Person[];
  /** After the first submission the approver is the manager's to change: shown, not chosen. */
  fixedApprover: Person | null;
  process: ProjectProcess;
  ownerId: string;
  /** The server's clock (a decision date may not have passed). */
  now: string;
  answer: ProjectFormAnswer;
  cancelTo: string;
}) {
  const uid = useId();
  const hydrated = useHydrated();
  const submit = useSubmit();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  const form = useForm<ProjectFormValues, unknown, ProjectInput>({
    resolver: zodResolver(projectSchema as unknown as z.ZodType<ProjectInput, ProjectFormValues>),
    defaultValues,
    // A refused submit focuses the error summary, which lists every problem.
    shouldFocusError: false,
  });
  const { register, control, watch, formState, setError } = form;
  const [attempt, setAttempt] = useState(0);
  const [gapsRefused, setGapsRefused] = useState<string[]>([]);

  // The server parses with the same schema: its field errors go to the same fields.
  useEffect(() => {
    if (navigation.state !== "idle" || !answer?.fieldErrors) return;
    let any = false;
    for (const [name, messages] of Object.entries(answer.fieldErrors)) {
      if (messages?.[0]) {
        setError(name as Path<ProjectFormValues>, { type: "server", message: messages[0] });
        any = true;
      }
    }
    if (any || (answer.formErrors?.length ?? 0) > 0) setAttempt((n) => n + 1);
  }, [navigation.state, answer, setError]);

  const values = watch();
  const mode = values.mode;
  const gaps = useMemo(() => draftGaps(values, ownerId, process, new Date(now)), [values, ownerId, process, now]);
  const missing = missingPrdSections(values.prd ?? "", process);
  const approver = fixedApprover ?? people.find((p) => p.id === values.approverId) ?? null;

  const id = (name: string) => `${uid}-${name}`;
  const fieldId = (name: string) => {
    const metric = /^metrics\.(\d+)\.(\w+)$/.exec(name);
    if (metric) return metricFieldId(uid, Number(metric[1]), metric[2]!);
    if (name === "mode") return id("mode-founder");
    if (name === "approverId" && fixedApprover) return undefined;
    return FIELD_ORDER.includes(name) ? id(name) : undefined;
  };
  const summary: SummaryItem[] = [
    ...summaryOf(formState.errors, FIELD_ORDER, fieldId),
    ...gapsRefused.map((message) => ({ message })),
  ];
  const err = (name: keyof ProjectFormValues) => formState.errors[name]?.message as string | undefined;

  return (
    <Form
      method="post"
      noValidate
      className="stack project-form"
      data-hydrated={hydrated ? "true" : undefined}
      onSubmit={form.handleSubmit(
        (_values, event) => {
          const submitter = (event?.nativeEvent as SubmitEvent | undefined)?.submitter as HTMLButtonElement | null;
          const intent = submitter?.value === "submit" ? "submit" : "save";
          if (intent === "submit" && gaps.length > 0) {
            setGapsRefused(gaps);
            setAttempt((n) => n + 1);
            return;
          }
          setGapsRefused([]);
          submit(submitter ?? (event?.target as HTMLFormElement));
        },
        () => {
          setGapsRefused([]);
          setAttempt((n) => n + 1);
        },
      )}
    >
      <input type="hidden" {...register("version")} />

      <section className="panel stack" aria-labelledby={`${uid}-about`}>
        <h2 id={`${uid}-about`}>The project</h2>
        {/* At the top of the form, under a heading of its own level's parent (the summary's title is an h3). */}
        <ErrorSummary items={summary} attempt={attempt} />
        <FormErrors errors={navigation.state === "idle" ? answer?.formErrors : undefined} />
        <InputField id={id("title")} label="Title" autoComplete="off" error={err("title")} {...register("title")} />
        <TextAreaField
          id={id("problem")}
          label="Problem or insight"
          hint="Who has the problem, and what you noticed that others have not."
          rows={4}
          error={err("problem")}
          {...register("problem")}
        />
        <fieldset aria-describedby={err("mode") ? `${id("mode")}-error` : undefined}>
          <legend>How you work on it</legend>
          <div className="option-with-note">
            <label className="choice">
              <input id={id("mode-founder")} type="radio" value="founder" aria-describedby={id("mode-founder-note")} {...register("mode")} />{" "}
              {PROJECT_MODE_LABELS.founder}
            </label>
            <p id={id("mode-founder-note")} className="field-hint">
              {MODE_HINTS.founder}
            </p>
            <InputField
              id={id("decisionDate")}
              type="date"
              label="Decision date (team founder)"
              hint={`The day by which it meets its success or is deprecated${process.founder_mode.decision_date_required ? "" : " (optional)"}: within ${process.founder_mode.max_decision_days} days.`}
              error={err("decisionDate")}
              disabled={hydrated && mode !== "founder"}
              {...register("decisionDate")}
            />
          </div>
          <div className="option-with-note">
            <label className="choice">
              <input id={id("mode-satellite")} type="radio" value="satellite" aria-describedby={id("mode-satellite-note")} {...register("mode")} />{" "}
              {PROJECT_MODE_LABELS.satellite}
            </label>
            <p id={id("mode-satellite-note")} className="field-hint">
              {MODE_HINTS.satellite}
            </p>
            <InputField
              id={id("team")}
              label="Team it is embedded in (team satellite)"
              autoComplete="off"
              error={err("team")}
              disabled={hydrated && mode !== "satellite"}
              {...register("team")}
            />
          </div>
          {err("mode") ? (
            <p id={`${id("mode")}-error`} className="field-error" role="alert">
              {err("mode")}
            </p>
          ) : null}
        </fieldset>
        {fixedApprover ? (
          <div className="field">
            <input type="hidden" {...register("approverId")} />
            <label htmlFor={id("approverId-fixed")}>Approver</label>
            <p id={id("approverId-hint")} className="field-hint">
              The PRD has been submitted to {fixedApprover.name}: only your manager can change the approver now.
            </p>
            <select id={id("approverId-fixed")} disabled aria-describedby={id("approverId-hint")} value={fixedApprover.id}>
              <option value={fixedApprover.id}>{fixedApprover.name}</option>
            </select>
          </div>
        ) : (
          <SelectField
            id={id("approverId")}
            label="Approver"
            hint={
              <>
                One named person, not you, reads the PRD and gives the thumbs-up before anything ships to users.
                {process.prd.satellite_approver === "team_lead" ? " For a team satellite, name the lead of the team it is embedded in." : ""} After you
                submit, only your manager can change the approver.
              </>
            }
            placeholder="Choose the approver"
            options={people.map((p) => ({ value: p.id, label: p.name }))}
            error={err("approverId")}
            {...register("approverId")}
          />
        )}
      </section>

      <section className="panel stack" aria-labelledby={`${uid}-prd-title`}>
        <h2 id={`${uid}-prd-title`}>The PRD</h2>
        <div id={id("prd-sections")} className="prd-sections">
          <p className="field-hint">Markdown. The rubric asks for a heading for each of these sections:</p>
          <dl className="prd-section-list">
            {process.prd.required_sections.map((s) => (
              <div key={s.id} className="fact-row">
                <dt>{s.heading}</dt>
                <dd>{s.guidance}</dd>
              </div>
            ))}
          </dl>
        </div>
        <TextAreaField
          id={id("prd")}
          label="PRD"
          rows={18}
          maxLength={PRD_MAX}
          spellCheck
          className="prd-field"
          aria-describedby={[id("prd-sections"), id("prd-missing"), err("prd") ? `${id("prd")}-error` : ""].filter(Boolean).join(" ")}
          error={err("prd")}
          {...register("prd")}
        />
        <p id={id("prd-missing")} className={missing.length > 0 ? "prd-missing small" : "prd-complete small"} aria-live="polite">
          {missing.length > 0 ? `Missing sections: ${missing.map((s) => s.heading).join(", ")}.` : "Every section the rubric asks for has a heading."}
        </p>
        <TextAreaField
          id={id("links")}
          label="Links"
          hint="One web address per line, starting with https:// (designs, dashboards, tickets)."
          rows={3}
          spellCheck={false}
          error={err("links")}
          {...register("links")}
        />
      </section>

      <div className="panel stack">
        <MetricFields uid={uid} control={control} register={register} errors={formState.errors.metrics} minimum={process.min_success_metrics} />
      </div>

      <section className="panel stack" aria-labelledby={`${uid}-send`}>
        <h2 id={`${uid}-send`}>Save or submit</h2>
        <div aria-live="polite">
          {gaps.length > 0 ? (
            <>
              <p>Before the PRD can be submitted:</p>
              <ul className="problems">
                {gaps.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>Ready to submit{approver ? ` to ${approver.name}` : ""}.</p>
          )}
        </div>
        <div className="row">
          <button type="submit" name="intent" value="save" className="button button-secondary" disabled={busy}>
            Save draft
          </button>
          <button type="submit" name="intent" value="submit" className="button" disabled={busy}>
            {approver ? `Submit PRD to ${approver.name}` : "Submit PRD"}
          </button>
          <Link to={cancelTo} className="button button-secondary">
            Cancel
          </Link>
        </div>
      </section>
    </Form>
  );
}

export { EMPTY_METRIC };
