import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { TextAreaField } from "~/components/candidate-fields";
import { CandidateStatusBadge } from "~/components/candidate-status";
import { FormErrors } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import {
  CANDIDATE_STATUS_LABELS,
  CandidateStatusSchema,
  closesLoops,
  needsReason,
  STATUS_REASON_MAX,
  type CandidateStatus,
  type CandidateStatusForm,
  type ManualStatus,
} from "~/domain/candidate-pipeline";
import { countOf } from "~/domain/wording";
import type { action } from "./route";

export type PipelineView = {
  status: CandidateStatus;
  reason: string;
  changedAt: Date | null;
  /** The version the form sends back (statusVersion): a change based on another one is refused. */
  version: string;
  /** Where a recruiter may move them now; empty when the status is fixed (hired and onboarded, erased). */
  moves: readonly ManualStatus[];
  openLoops: number;
};

const MOVE_HINTS: Record<ManualStatus, string> = {
  active: "Back in the pipeline. Closed loops stay closed: reopen the one to continue from its page.",
  on_hold: "Paused. Loops stay open.",
  rejected: "We are not going ahead.",
  withdrawn: "They are not going ahead (or declined the offer).",
};

/** The candidate's pipeline status, and for recruiters and admins the form that changes it. */
export function StatusPanel({ pipeline, canChange }: { pipeline: PipelineView; canChange: boolean }) {
  return (
    <section className="panel" aria-labelledby="candidate-status">
      <h2 id="candidate-status">Pipeline status</h2>
      <p className="row">
        <CandidateStatusBadge status={pipeline.status} />
        {pipeline.changedAt ? (
          <span className="muted">
            since <LocalTime value={pipeline.changedAt} precision="day" />
          </span>
        ) : null}
      </p>
      {pipeline.reason ? <p className="candidate-notes">{pipeline.reason}</p> : null}
      {pipeline.status === "hired" ? <p className="muted">Set by the hiring committee&rsquo;s hire decision; it cannot be set by hand.</p> : null}
      {canChange && pipeline.moves.length > 0 ? <StatusForm key={pipeline.version} pipeline={pipeline} /> : null}
    </section>
  );
}

function StatusForm({ pipeline }: { pipeline: PipelineView }) {
  const fetcher = useFetcher<typeof action>();
  const form = useForm<CandidateStatusForm>({
    resolver: zodResolver(CandidateStatusSchema),
    defaultValues: { intent: "set-status", status: pipeline.moves[0], reason: "", statusChangedAt: pipeline.version },
  });
  const chosen = form.watch("status") as ManualStatus;
  const server = fetcher.data && !fetcher.data.ok ? fetcher.data : undefined;
  const err = (name: "status" | "reason") => (form.formState.errors[name]?.message as string | undefined) ?? server?.fieldErrors?.[name]?.[0];

  return (
    <fetcher.Form method="post" noValidate className="stack" onSubmit={form.handleSubmit((_v, e) => fetcher.submit(e?.target as HTMLFormElement))}>
      <h3>Change the status</h3>
      <FormErrors errors={server?.formErrors} />
      <input type="hidden" {...form.register("intent")} />
      <input type="hidden" {...form.register("statusChangedAt")} />
      <fieldset aria-describedby={err("status") ? "status-error" : undefined}>
        <legend>Move the candidate to</legend>
        {pipeline.moves.map((move) => (
          <label key={move} className="checkbox">
            <input type="radio" value={move} {...form.register("status")} />
            <span>
              {CANDIDATE_STATUS_LABELS[move]} <span className="muted">{MOVE_HINTS[move]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {err("status") ? (
        <p id="status-error" className="field-error" role="alert">
          {err("status")}
        </p>
      ) : null}
      <TextAreaField
        label={needsReason(chosen) ? "Reason" : "Reason (optional)"}
        hint={`Kept on their record${closesLoops(chosen) ? " and on each loop it closes" : ""}; erased with them. At most ${STATUS_REASON_MAX} characters.`}
        rows={3}
        maxLength={STATUS_REASON_MAX}
        error={err("reason")}
        {...form.register("reason")}
      />
      {closesLoops(chosen) && pipeline.openLoops > 0 ? (
        <p className="notice">
          This closes {pipeline.openLoops === 1 ? "their open loop" : `their ${countOf(pipeline.openLoops, "open loop")}`}: {pipeline.openLoops === 1 ? "it leaves" : "they leave"} the
          committee&rsquo;s queue and the interviewers&rsquo; to-do lists.
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
          Save the status
        </button>
      </div>
    </fetcher.Form>
  );
}
