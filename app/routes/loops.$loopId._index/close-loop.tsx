import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { TextAreaField } from "~/components/candidate-fields";
import { FormErrors } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import { CLOSE_REASON_MAX, CloseLoopSchema, type CloseLoopForm } from "~/domain/candidate-pipeline";
import type { action } from "./route";

export type ClosureView = { closedAt: Date | null; closeReason: string | null };

/** The loop's closure, said at the top of its page (for everyone who reads the loop). */
export function ClosedNotice({ closure }: { closure: ClosureView }) {
  if (!closure.closedAt) return null;
  return (
    <p className="notice" role="note">
      <strong>Closed</strong> on <LocalTime value={closure.closedAt} precision="day" />
      {closure.closeReason ? <span className="candidate-notes">: {closure.closeReason}</span> : null}. It is out of the committee&rsquo;s queue
      and the interviewers&rsquo; to-do lists, and takes no new interviews or decisions.
    </p>
  );
}

/** For recruiters and admins: close the loop with a reason, or reopen a closed one. */
export function CloseLoopPanel({ closure }: { closure: ClosureView }) {
  return (
    <section className="panel" aria-labelledby="close-loop-title">
      <h2 id="close-loop-title">{closure.closedAt ? "Reopen the loop" : "Close the loop"}</h2>
      {closure.closedAt ? <ReopenForm /> : <CloseForm />}
    </section>
  );
}

function CloseForm() {
  const fetcher = useFetcher<typeof action>();
  const form = useForm<CloseLoopForm>({ resolver: zodResolver(CloseLoopSchema), defaultValues: { intent: "close-loop", reason: "" } });
  const server = fetcher.data && !fetcher.data.ok ? fetcher.data : undefined;
  const error = (form.formState.errors.reason?.message as string | undefined) ?? server?.fieldErrors?.reason?.[0];
  return (
    <fetcher.Form method="post" noValidate className="stack" onSubmit={form.handleSubmit((_v, e) => fetcher.submit(e?.target as HTMLFormElement))}>
      <p className="muted">
        For a loop that will not go on (the role closed, the candidate moved to another loop). Rejecting the candidate or marking them withdrawn
        closes all their loops by itself.
      </p>
      <FormErrors errors={server?.formErrors} />
      <input type="hidden" {...form.register("intent")} />
      <TextAreaField
        label="Reason"
        hint={`Shown on the loop and the candidate's page; erased with the candidate. At most ${CLOSE_REASON_MAX} characters.`}
        rows={2}
        maxLength={CLOSE_REASON_MAX}
        error={error}
        {...form.register("reason")}
      />
      <div className="row">
        <button type="submit" className="button button-secondary" disabled={fetcher.state !== "idle"}>
          Close the loop
        </button>
      </div>
    </fetcher.Form>
  );
}

function ReopenForm() {
  const fetcher = useFetcher<typeof action>();
  const refusal = fetcher.data && !fetcher.data.ok ? fetcher.data.formErrors : undefined;
  return (
    <fetcher.Form method="post" className="stack">
      <p className="muted">It comes back to the committee list and its interviewers&rsquo; to-do lists, where it stands.</p>
      <FormErrors errors={refusal} />
      <input type="hidden" name="intent" value="reopen-loop" />
      <div className="row">
        <button type="submit" className="button button-secondary" disabled={fetcher.state !== "idle"}>
          Reopen the loop
        </button>
      </div>
    </fetcher.Form>
  );
}
