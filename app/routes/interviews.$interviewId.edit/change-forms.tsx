import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ConfirmSubmit } from "~/components/confirm-dialog";
import { FormErrors } from "~/components/form-fields";
import { MAX_CANCEL_REASON } from "~/domain/interview-changes";
import { wallClockInZone } from "~/domain/time-zone";
import type { action } from "./route";
import { CancelSchema, ReassignSchema, RescheduleSchema, type CancelForm, type ReassignForm, type RescheduleForm } from "./schema";

type Person = { id: string; name: string };

/** What the forms need to know of an interview (the loop page and the change page both pass it). */
export type ChangeableInterview = {
  id: string;
  /** The version the forms name: a change over an older one is refused. */
  sequence: number;
  startsAt: Date | string;
  durationMinutes: number;
  panel: Person[];
  /** Why it takes no change (cancelled, loop closed, candidate erased), or null. */
  lockedReason: string | null;
  /** A scorecard for it is submitted: it can no longer move or be cancelled; its panel can change. */
  tookPlace: boolean;
};

/** The small forms that reschedule, reassign and cancel one interview, each posting to its own intent. */
export function InterviewChangeForms({ interview, interviewers }: { interview: ChangeableInterview; interviewers: Person[] }) {
  if (interview.lockedReason) return <p className="muted">{interview.lockedReason}</p>;
  return (
    <div className="stack interview-changes">
      {interview.tookPlace ? (
        <p className="muted small">A scorecard for this interview is submitted: it took place, so it can no longer be moved or cancelled. Its panel can still change.</p>
      ) : (
        <RescheduleInterview interview={interview} />
      )}
      <ReassignInterview interview={interview} interviewers={interviewers} />
      {interview.tookPlace ? null : <CancelInterview interview={interview} />}
    </div>
  );
}

/** The errors of a field from the browser's check, else from the server's answer. */
function useErrors(errors: Record<string, { message?: unknown } | undefined>, fetcher: ReturnType<typeof useFetcher<typeof action>>, prefix: string) {
  const server = fetcher.data && !fetcher.data.ok ? (fetcher.data.fieldErrors as Record<string, string[] | undefined>) : undefined;
  const err = (name: string) => (errors[name]?.message as string | undefined) ?? server?.[name]?.[0];
  const errorId = (name: string) => `${prefix}-${name}-error`;
  const described = (name: string) => (err(name) ? { "aria-invalid": true, "aria-describedby": errorId(name) } : {});
  const errorOf = (name: string) => (err(name) ? <p id={errorId(name)} className="field-error" role="alert">{err(name)}</p> : null);
  return { err, described, errorOf, formErrors: fetcher.data && !fetcher.data.ok ? fetcher.data.formErrors : undefined };
}

const done = (fetcher: ReturnType<typeof useFetcher<typeof action>>) => fetcher.state === "idle" && fetcher.data?.ok === true;

function RescheduleInterview({ interview }: { interview: ChangeableInterview }) {
  const fetcher = useFetcher<typeof action>();
  const form = useForm<RescheduleForm, unknown, z.output<typeof RescheduleSchema>>({
    resolver: zodResolver(RescheduleSchema),
    defaultValues: { intent: "reschedule", sequence: String(interview.sequence), startsAtLocal: "", timeZone: "", durationMinutes: interview.durationMinutes },
  });
  const prefix = `change-${interview.id}-reschedule`;
  const { err, described, errorOf, formErrors } = useErrors(form.formState.errors, fetcher, prefix);
  // The browser's zone (known once hydrated): the current time is shown, and the new one read, in it.
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const startsAt = new Date(interview.startsAt).getTime();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setTimeZone(zone);
    form.setValue("timeZone", zone);
    form.setValue("startsAtLocal", wallClockInZone(new Date(startsAt), zone));
  }, [form, startsAt]);
  // After any change the page reloads the interview: the form names its new version.
  useEffect(() => form.setValue("sequence", String(interview.sequence)), [form, interview.sequence]);
  const startsError = err("startsAtLocal") ?? err("timeZone");

  return (
    <fetcher.Form method="post" action={`/interviews/${interview.id}/edit`} noValidate className="stack" aria-label="Reschedule" onSubmit={form.handleSubmit((_v, e) => fetcher.submit(e?.target as HTMLFormElement))}>
      <h3 className="small-heading">Reschedule</h3>
      <FormErrors errors={formErrors} />
      <input type="hidden" {...form.register("intent")} />
      <input type="hidden" {...form.register("sequence")} />
      <input type="hidden" {...form.register("timeZone")} />
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${prefix}-starts`}>New start</label>
          <p id={`${prefix}-starts-hint`} className="field-hint">
            {timeZone ? `In your time zone, ${timeZone}` : "In your time zone"}
          </p>
          <input
            id={`${prefix}-starts`}
            type="datetime-local"
            aria-invalid={startsError ? true : undefined}
            aria-describedby={startsError ? `${prefix}-starts-hint ${prefix}-startsAtLocal-error` : `${prefix}-starts-hint`}
            {...form.register("startsAtLocal")}
          />
          {startsError ? <p id={`${prefix}-startsAtLocal-error`} className="field-error" role="alert">{startsError}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-duration`}>Length (minutes)</label>
          <input id={`${prefix}-duration`} type="number" min={15} max={480} step={15} {...described("durationMinutes")} {...form.register("durationMinutes")} />
          {errorOf("durationMinutes")}
        </div>
      </div>
      <div className="row">
        <button type="submit" className="button button-secondary" disabled={fetcher.state !== "idle"}>
          Move interview
        </button>
        {done(fetcher) ? <span role="status" className="muted">Interview moved; its interviewers are told</span> : null}
      </div>
    </fetcher.Form>
  );
}

function ReassignInterview({ interview, interviewers }: { interview: ChangeableInterview; interviewers: Person[] }) {
  const fetcher = useFetcher<typeof action>();
  const panelIds = interview.panel.map((p) => p.id);
  const form = useForm<ReassignForm, unknown, z.output<typeof ReassignSchema>>({ resolver: zodResolver(ReassignSchema), defaultValues: { intent: "reassign", sequence: String(interview.sequence), interviewerIds: panelIds } });
  const prefix = `change-${interview.id}-reassign`;
  const { described, errorOf, formErrors } = useErrors(form.formState.errors, fetcher, prefix);
  const panelKey = panelIds.join(",");
  useEffect(() => form.reset({ intent: "reassign", sequence: String(interview.sequence), interviewerIds: panelKey ? panelKey.split(",") : [] }), [form, interview.sequence, panelKey]);
  // Someone on the panel who no longer holds the interviewer role is still shown (and kept unless unticked).
  const choices = [...interviewers, ...interview.panel.filter((p) => !interviewers.some((i) => i.id === p.id))];

  return (
    <fetcher.Form method="post" action={`/interviews/${interview.id}/edit`} noValidate className="stack" aria-label="Change the interviewers" onSubmit={form.handleSubmit((_v, e) => fetcher.submit(e?.target as HTMLFormElement))}>
      <h3 className="small-heading">Interviewers</h3>
      <FormErrors errors={formErrors} />
      <input type="hidden" {...form.register("intent")} />
      <input type="hidden" {...form.register("sequence")} />
      <fieldset {...described("interviewerIds")}>
        <legend>Who runs this interview</legend>
        <p className="field-hint">Someone taken off keeps what they wrote: it stays on the loop, marked, and a submitted scorecard still counts.</p>
        <div className="checkbox-grid">
          {choices.map((p) => (
            <label key={p.id} className="checkbox">
              <input type="checkbox" value={p.id} {...form.register("interviewerIds")} />
              {p.name}
            </label>
          ))}
        </div>
      </fieldset>
      {errorOf("interviewerIds")}
      <div className="row">
        <button type="submit" className="button button-secondary" disabled={fetcher.state !== "idle"}>
          Change interviewers
        </button>
        {done(fetcher) ? <span role="status" className="muted">Interviewers changed; those added or taken off are told</span> : null}
      </div>
    </fetcher.Form>
  );
}

function CancelInterview({ interview }: { interview: ChangeableInterview }) {
  const fetcher = useFetcher<typeof action>();
  const form = useForm<CancelForm, unknown, z.output<typeof CancelSchema>>({ resolver: zodResolver(CancelSchema), defaultValues: { intent: "cancel", sequence: String(interview.sequence), reason: "" } });
  const prefix = `change-${interview.id}-cancel`;
  const { described, errorOf, formErrors } = useErrors(form.formState.errors, fetcher, prefix);
  useEffect(() => form.setValue("sequence", String(interview.sequence)), [form, interview.sequence]);

  return (
    <fetcher.Form method="post" action={`/interviews/${interview.id}/edit`} noValidate className="stack" aria-label="Cancel the interview" onSubmit={form.handleSubmit((_v, e) => fetcher.submit(e?.target as HTMLFormElement))}>
      <h3 className="small-heading">Cancel</h3>
      <FormErrors errors={formErrors} />
      <input type="hidden" {...form.register("intent")} />
      <input type="hidden" {...form.register("sequence")} />
      <div className="field">
        <label htmlFor={`${prefix}-reason`}>Why is it cancelled?</label>
        <textarea id={`${prefix}-reason`} rows={2} maxLength={MAX_CANCEL_REASON} {...described("reason")} {...form.register("reason")} />
        {errorOf("reason")}
      </div>
      <div className="row">
        <ConfirmSubmit
          className="button button-danger"
          disabled={fetcher.state !== "idle"}
          confirm={{
            title: "Cancel this interview?",
            children: "Its interviewers are told and their calendars drop it; no scorecard is due from them. The interview stays on the loop, marked cancelled, with your reason.",
            confirmLabel: "Cancel interview",
            cancelLabel: "Keep it",
            danger: true,
          }}
        >
          Cancel interview
        </ConfirmSubmit>
        {done(fetcher) ? <span role="status" className="muted">Interview cancelled</span> : null}
      </div>
    </fetcher.Form>
  );
}
