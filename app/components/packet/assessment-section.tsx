import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useMemo } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormErrors } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import { assessmentSchema } from "~/domain/promotion/forms";
import type { PacketPageData } from "~/views/packet-page";
import { useServerErrors, type PacketAnswer } from "./use-server-errors";

type Assessment = NonNullable<PacketPageData["assessments"]>[number];

/**
 * The manager's assessment of each advancement criterion of the target level: a rating on the
 * rubric's scale and a comment. The manager writes it before submitting; the builder reads it.
 */
export function AssessmentSection({ data }: { data: PacketPageData }) {
  if (!data.assessments) return null;
  const byCriterion = new Map(data.assessments.map((a) => [a.criterionId, a]));
  const label = (rating: number) => data.scale.find((s) => s.value === rating)?.label ?? String(rating);
  return (
    <section className="panel" aria-labelledby="assessment-title">
      <h2 id="assessment-title">Manager&rsquo;s assessment</h2>
      <p className="muted small">
        {data.builder.managerName ?? "The manager"} rates whether the evidence shows each criterion at {data.packet.targetLevel}, on the rubric&rsquo;s scale.
      </p>
      <ol className="assessment-list">
        {data.criteria.map((c) => {
          const current = byCriterion.get(c.id);
          return (
            <li key={c.id} className="assessment">
              <h3>{c.name}</h3>
              <p className="small requirement">{c.requirement}</p>
              {data.access.assess ? (
                <AssessmentForm key={`${c.id}-${current?.version ?? 0}`} criterionId={c.id} name={c.name} current={current ?? null} scale={data.scale} criterionIds={data.criteria.map((x) => x.id)} />
              ) : current ? (
                <p>
                  <strong>{label(current.rating)}</strong> ({current.rating}) — <span className="pre-line">{current.comment}</span>
                  <span className="block muted small">{current.authorName}</span>
                </p>
              ) : (
                <p className="muted">Not assessed yet.</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

type Props = { criterionId: string; name: string; current: Assessment | null; scale: PacketPageData["scale"]; criterionIds: string[] };

function AssessmentForm({ criterionId, name, current, scale, criterionIds }: Props) {
  const uid = useId();
  const schema = useMemo(() => assessmentSchema(criterionIds, scale.map((s) => s.value)), [criterionIds, scale]);
  type Input = z.input<typeof schema>;
  const fetcher = useFetcher<PacketAnswer>();
  const form = useForm<Input, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { criterionId, rating: current ? String(current.rating) : "", comment: current?.comment ?? "", version: current?.version ?? 0 },
  });
  useServerErrors(fetcher.state, fetcher.data, form.setError);
  const stale = fetcher.state === "idle" && fetcher.data?.stale ? (fetcher.data.stale as Assessment & { updatedAt: string }) : null;
  useEffect(() => {
    if (stale) form.setValue("version", stale.version);
  }, [stale, form]);
  const errors = form.formState.errors;
  return (
    <fetcher.Form method="post" noValidate className="stack" aria-label={`Assessment of ${name}`} onSubmit={form.handleSubmit((_v, e) => fetcher.submit(e?.target as HTMLFormElement, { method: "post" }))}>
      <input type="hidden" name="intent" value="assessment" />
      <input type="hidden" {...form.register("criterionId")} />
      <input type="hidden" {...form.register("version")} />
      <FormErrors errors={fetcher.state === "idle" ? fetcher.data?.formErrors : undefined} />
      {stale ? (
        <div className="stale-version" aria-label="The version saved meanwhile">
          <h4>
            Saved meanwhile by {stale.authorName}, <LocalTime value={stale.updatedAt} />: {stale.rating} — {stale.comment}
          </h4>
        </div>
      ) : null}
      <fieldset aria-describedby={errors.rating ? `${uid}-rating-error` : undefined}>
        <legend>Rating for {name}</legend>
        <div className="choice-row">
          {scale.map((s) => (
            <label key={s.value} className="choice">
              <input type="radio" value={s.value} {...form.register("rating")} /> {s.value} {s.label}
            </label>
          ))}
        </div>
        {errors.rating ? (
          <p id={`${uid}-rating-error`} className="field-error" role="alert">
            {errors.rating.message}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor={`${uid}-comment`}>Comment on {name}</label>
        <textarea id={`${uid}-comment`} rows={3} aria-invalid={errors.comment ? true : undefined} aria-describedby={errors.comment ? `${uid}-comment-error` : undefined} {...form.register("comment")} />
        {errors.comment ? (
          <p id={`${uid}-comment-error`} className="field-error" role="alert">
            {errors.comment.message}
          </p>
        ) : null}
      </div>
      <div className="row">
        <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
          Save assessment <span className="visually-hidden">of {name}</span>
        </button>
        {current ? <span className="muted small">Saved <LocalTime value={current.updatedAt} /></span> : null}
      </div>
    </fetcher.Form>
  );
}
