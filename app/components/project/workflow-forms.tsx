import { useMemo, useState } from "react";
import { ConfirmDialog, ConfirmSubmit } from "~/components/confirm-dialog";
import { ErrorSummary } from "~/components/error-summary";
import { FormErrors } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import {
  approveSchema,
  blockSchema,
  changeApproverSchema,
  checkpointSchema,
  closeSchema,
  launchSchema,
  requestChangesSchema,
  reviewSchema,
  unblockSchema,
} from "~/domain/project/forms";
import { describeTarget, formatMetricValue } from "~/domain/project/metrics";
import {
  CHECKPOINT_VERDICT_LABELS,
  CHECKPOINT_VERDICTS,
  LAUNCHED_OUTCOMES,
  PROJECT_OUTCOME_LABELS,
  REVIEW_HEALTH,
  REVIEW_HEALTH_LABELS,
  type ProjectOutcome,
} from "~/domain/project/workflow";
import { InputField, SelectField, TextAreaField } from "./fields";
import type { ProjectPageData } from "~/views/project-page";
import { useActionForm } from "./use-action-form";

type Props = { data: ProjectPageData };

/** The hidden fields every workflow form sends: which step, and the version of the page it was made on. */
function Hidden({ register }: { register: (name: "intent" | "version") => object }) {
  return (
    <>
      <input type="hidden" {...register("intent")} />
      <input type="hidden" {...register("version")} />
    </>
  );
}

/** The approver's thumbs-up, or their request for changes (with comments). Only the named approver sees these. */
export function PrdDecisionForms({ data }: Props) {
  return (
    <section className="panel stack" aria-labelledby="decide-prd-title">
      <h2 id="decide-prd-title">Your thumbs-up</h2>
      <p className="small">
        {data.project.owner.name} submitted this PRD to you. Approve it for launch, or say what should change: they edit it and resubmit to you.
      </p>
      <ApproveForm data={data} />
      <RequestChangesForm data={data} />
    </section>
  );
}

function ApproveForm({ data }: Props) {
  const f = useActionForm<{ intent: string; version: string; note: string }>(approveSchema, { intent: "approve", version: String(data.project.version), note: "" }, ["note"]);
  return (
    <f.fetcher.Form method="post" noValidate className="stack" aria-label="Approve the PRD" onSubmit={f.onSubmit()}>
      <ErrorSummary items={f.summary} attempt={f.attempt} />
      <FormErrors errors={f.formErrors} />
      <Hidden register={f.form.register} />
      <TextAreaField id={f.id("note")} label="Note to the owner (optional)" rows={2} error={f.errorOf("note")} {...f.form.register("note")} />
      <div className="row">
        <button type="submit" className="button" disabled={f.busy}>
          Approve PRD
        </button>
      </div>
    </f.fetcher.Form>
  );
}

function RequestChangesForm({ data }: Props) {
  const f = useActionForm<{ intent: string; version: string; comments: string }>(
    requestChangesSchema,
    { intent: "request_changes", version: String(data.project.version), comments: "" },
    ["comments"],
  );
  return (
    <f.fetcher.Form method="post" noValidate className="stack" aria-label="Request changes" onSubmit={f.onSubmit()}>
      <ErrorSummary items={f.summary} attempt={f.attempt} />
      <FormErrors errors={f.formErrors} />
      <Hidden register={f.form.register} />
      <TextAreaField id={f.id("comments")} label="What should change" rows={3} error={f.errorOf("comments")} {...f.form.register("comments")} />
      <div className="row">
        <button type="submit" className="button button-secondary" disabled={f.busy}>
          Request changes
        </button>
      </div>
    </f.fetcher.Form>
  );
}

/** The owner's manager names another approver while the PRD awaits approval or changes, with a reason kept in the history. */
export function ChangeApproverForm({ data }: Props) {
  const f = useActionForm<{ intent: string; version: string; approverId: string; reason: string }>(
    changeApproverSchema,
    { intent: "change_approver", version: String(data.project.version), approverId: "", reason: "" },
    ["approverId", "reason"],
  );
  const options = (data.people ?? []).filter((p) => p.id !== data.project.approver.id).map((p) => ({ value: p.id, label: p.name }));
  return (
    <section className="panel stack" aria-labelledby="change-approver-title">
      <h2 id="change-approver-title">Change the approver</h2>
      <p className="small">As {data.project.owner.name}&rsquo;s manager you may name another approver until the PRD is approved. The reason is kept in the history.</p>
      <f.fetcher.Form method="post" noValidate className="stack" onSubmit={f.onSubmit()}>
        <ErrorSummary items={f.summary} attempt={f.attempt} />
        <FormErrors errors={f.formErrors} />
        <Hidden register={f.form.register} />
        <SelectField id={f.id("approverId")} label="New approver" placeholder="Choose the new approver" options={options} error={f.errorOf("approverId")} {...f.form.register("approverId")} />
        <TextAreaField id={f.id("reason")} label="Why the approver changes" rows={2} error={f.errorOf("reason")} {...f.form.register("reason")} />
        <div className="row">
          <button type="submit" className="button button-secondary" disabled={f.busy}>
            Change approver
          </button>
        </div>
      </f.fetcher.Form>
    </section>
  );
}

/** The owner launches an approved project: it ships to users, and the checkpoint clock starts. */
export function LaunchForm({ data }: Props) {
  const f = useActionForm<{ intent: string; version: string }>(launchSchema, { intent: "launch", version: String(data.project.version) }, []);
  return (
    <section className="panel stack" aria-labelledby="launch-title">
      <h2 id="launch-title">Launch</h2>
      <p className="small">
        {data.project.approver.name} approved the PRD. Launch when it reaches users: the checkpoint falls due {data.process.checkpointAfterDays} days later.
      </p>
      <f.fetcher.Form method="post" noValidate onSubmit={f.onSubmit()}>
        <FormErrors errors={f.formErrors} />
        <Hidden register={f.form.register} />
        <ConfirmSubmit
          className="button"
          disabled={f.busy}
          confirm={{
            title: `Launch “${data.project.title}”?`,
            confirmLabel: "Launch",
            children: (
              <p>
                You confirm it ships to users today. Its success metrics are fixed, and the {data.process.checkpointAfterDays}-day checkpoint compares
                their actuals with the targets.
              </p>
            ),
          }}
        >
          Launch
        </ConfirmSubmit>
      </f.fetcher.Form>
    </section>
  );
}

/** The milestone checkpoint: each metric's actual against its target, a verdict and follow-ups. Shown once it is due. */
export function CheckpointForm({ data }: Props) {
  const metricIds = useMemo(() => data.metrics.map((m) => m.id), [data.metrics]);
  const schema = useMemo(() => checkpointSchema(metricIds), [metricIds]);
  const f = useActionForm<{ intent: string; version: string; verdict: string; followUps: string; actuals: Record<string, string> }>(
    schema,
    { intent: "record_checkpoint", version: String(data.project.version), verdict: "", followUps: "", actuals: Object.fromEntries(metricIds.map((id) => [id, ""])) },
    [...metricIds.map((id) => `actuals.${id}`), "verdict", "followUps"],
  );
  const days = data.process.checkpointAfterDays;
  if (!data.checkpointOpen) {
    return (
      <section className="panel stack" aria-labelledby="checkpoint-title">
        <h2 id="checkpoint-title">{days}-day checkpoint</h2>
        <p>
          The checkpoint can be recorded from {data.checkpointDueAt ? <LocalTime value={data.checkpointDueAt} precision="day" /> : `${days} days after launch`}.
        </p>
      </section>
    );
  }
  return (
    <section className="panel stack" aria-labelledby="checkpoint-title">
      <h2 id="checkpoint-title">Record the {days}-day checkpoint</h2>
      <p className="small">Give each success metric&rsquo;s actual value as measured now, decide what happens next, and note the follow-ups.</p>
      <f.fetcher.Form method="post" noValidate className="stack" onSubmit={f.onSubmit()}>
        <ErrorSummary items={f.summary} attempt={f.attempt} />
        <FormErrors errors={f.formErrors} />
        <Hidden register={f.form.register} />
        {data.metrics.map((m) => (
          <InputField
            key={m.id}
            id={f.id(`actuals.${m.id}`)}
            label={`Actual: ${m.name}${m.unit ? ` (${m.unit})` : ""}`}
            hint={`Target ${describeTarget(m)}; baseline ${formatMetricValue(m.baseline, m.unit)}. ${m.measurement}`}
            inputMode="decimal"
            autoComplete="off"
            error={f.errorOf(`actuals.${m.id}`)}
            {...f.form.register(`actuals.${m.id}`)}
          />
        ))}
        <SelectField
          id={f.id("verdict")}
          label="Verdict"
          placeholder="Choose the verdict"
          options={CHECKPOINT_VERDICTS.map((v) => ({ value: v, label: CHECKPOINT_VERDICT_LABELS[v] }))}
          error={f.errorOf("verdict")}
          {...f.form.register("verdict")}
        />
        <TextAreaField
          id={f.id("followUps")}
          label="Follow-ups"
          hint="What happens next: iterations, the rollback plan, who does what."
          rows={3}
          error={f.errorOf("followUps")}
          {...f.form.register("followUps")}
        />
        <div className="row">
          <button type="submit" className="button" disabled={f.busy}>
            Record checkpoint
          </button>
        </div>
      </f.fetcher.Form>
    </section>
  );
}

/** A quarterly project review: health, return on investment, follow-through, and when the next one is. */
export function ReviewForm({ data }: Props) {
  const f = useActionForm<{ intent: string; version: string; health: string; roi: string; followThrough: string; nextReviewOn: string }>(
    reviewSchema,
    { intent: "record_review", version: String(data.project.version), health: "", roi: "", followThrough: "", nextReviewOn: data.defaultNextReviewOn },
    ["health", "roi", "followThrough", "nextReviewOn"],
  );
  return (
    <section className="panel stack" aria-labelledby="review-form-title">
      <h2 id="review-form-title">Record a quarterly review</h2>
      <f.fetcher.Form method="post" noValidate className="stack" onSubmit={f.onSubmit()}>
        <ErrorSummary items={f.summary} attempt={f.attempt} />
        <FormErrors errors={f.formErrors} />
        <Hidden register={f.form.register} />
        <SelectField
          id={f.id("health")}
          label="Health"
          placeholder="Choose the project's health"
          options={REVIEW_HEALTH.map((h) => ({ value: h, label: REVIEW_HEALTH_LABELS[h] }))}
          error={f.errorOf("health")}
          {...f.form.register("health")}
        />
        <TextAreaField id={f.id("roi")} label="Return on investment so far" rows={3} error={f.errorOf("roi")} {...f.form.register("roi")} />
        <TextAreaField
          id={f.id("followThrough")}
          label="Follow-through needed"
          hint="What still needs doing, and by whom (optional)."
          rows={2}
          error={f.errorOf("followThrough")}
          {...f.form.register("followThrough")}
        />
        <InputField
          id={f.id("nextReviewOn")}
          type="date"
          label="Next review"
          hint={`Within ${data.process.reviewEveryDays} days.`}
          error={f.errorOf("nextReviewOn")}
          {...f.form.register("nextReviewOn")}
        />
        <div className="row">
          <button type="submit" className="button" disabled={f.busy}>
            Record review
          </button>
        </div>
      </f.fetcher.Form>
    </section>
  );
}

/** The owner or their manager closes the project with what became of it; a project that never launched is withdrawn. */
export function CloseForm({ data }: Props) {
  const launched = data.project.launchedAt !== null;
  const outcomes: readonly ProjectOutcome[] = launched ? LAUNCHED_OUTCOMES : ["withdrawn"];
  const f = useActionForm<{ intent: string; version: string; outcome: string; note: string }>(
    closeSchema,
    { intent: "close", version: String(data.project.version), outcome: launched ? "" : "withdrawn", note: "" },
    ["outcome", "note"],
  );
  const [pending, setPending] = useState<HTMLFormElement | null>(null);
  const outcome = f.form.watch("outcome") as ProjectOutcome | "";
  return (
    <section className="panel stack" aria-labelledby="close-title">
      <h2 id="close-title">Close the project</h2>
      <f.fetcher.Form method="post" noValidate className="stack" onSubmit={f.onSubmit((form) => setPending(form))}>
        <ErrorSummary items={f.summary} attempt={f.attempt} />
        <FormErrors errors={f.formErrors} />
        <Hidden register={f.form.register} />
        <SelectField
          id={f.id("outcome")}
          label="Outcome"
          placeholder={launched ? "Choose what became of it" : undefined}
          options={outcomes.map((o) => ({ value: o, label: PROJECT_OUTCOME_LABELS[o] }))}
          error={f.errorOf("outcome")}
          {...f.form.register("outcome")}
        />
        <TextAreaField id={f.id("note")} label="Note (optional)" rows={2} error={f.errorOf("note")} {...f.form.register("note")} />
        <div className="row">
          <button type="submit" className="button button-secondary" disabled={f.busy}>
            Close project
          </button>
        </div>
      </f.fetcher.Form>
      <ConfirmDialog
        open={pending !== null}
        title={`Close “${data.project.title}”?`}
        confirmLabel="Close project"
        danger
        onCancel={() => setPending(null)}
        onConfirm={() => {
          const form = pending;
          setPending(null);
          if (form) f.fetcher.submit(form, { method: "post" });
        }}
      >
        <p>
          The project closes as <strong>{outcome ? PROJECT_OUTCOME_LABELS[outcome] : "—"}</strong>. No checkpoint or review can be recorded afterwards.
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** The owner marks the project blocked and escalates it to a named person, who sees it on their home. */
export function BlockForm({ data }: Props) {
  const f = useActionForm<{ intent: string; version: string; escalateToId: string; reason: string }>(
    blockSchema,
    { intent: "block", version: String(data.project.version), escalateToId: "", reason: "" },
    ["escalateToId", "reason"],
  );
  const [open, setOpen] = useState(false);
  return (
    <section className="panel stack" aria-labelledby="block-title">
      <h2 id="block-title">Blocked?</h2>
      {open ? (
        <f.fetcher.Form method="post" noValidate className="stack" onSubmit={f.onSubmit()}>
          <ErrorSummary items={f.summary} attempt={f.attempt} />
          <FormErrors errors={f.formErrors} />
          <Hidden register={f.form.register} />
          <SelectField
            id={f.id("escalateToId")}
            label="Escalate to"
            hint="The person who can unblock it; they see it on their home."
            placeholder="Choose who to escalate to"
            options={(data.people ?? []).map((p) => ({ value: p.id, label: p.name }))}
            error={f.errorOf("escalateToId")}
            {...f.form.register("escalateToId")}
          />
          <TextAreaField id={f.id("reason")} label="What blocks the project" rows={2} error={f.errorOf("reason")} {...f.form.register("reason")} />
          <div className="row">
            <button type="submit" className="button button-secondary" disabled={f.busy}>
              Mark blocked
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </f.fetcher.Form>
      ) : (
        <>
          <p className="small">If something outside your control holds the project up, escalate it to a named person.</p>
          <div className="row">
            <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
              Mark blocked…
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** Clears a block: the owner, their manager or the person it was escalated to. */
export function UnblockForm({ data }: Props) {
  const f = useActionForm<{ intent: string; version: string }>(unblockSchema, { intent: "unblock", version: String(data.project.version) }, []);
  return (
    <f.fetcher.Form method="post" noValidate onSubmit={f.onSubmit()}>
      <FormErrors errors={f.formErrors} />
      <Hidden register={f.form.register} />
      <button type="submit" className="button button-secondary" disabled={f.busy}>
        Clear the block
      </button>
    </f.fetcher.Form>
  );
}

