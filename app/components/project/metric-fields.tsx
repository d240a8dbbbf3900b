import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { METRIC_DIRECTIONS, METRIC_DIRECTION_LABELS } from "~/domain/project/metrics";
import { PROJECT_METRICS_MAX } from "~/domain/project/forms";
import { InputField, SelectField, TextAreaField } from "./fields";
import type { ProjectInput } from "~/domain/project/forms";
import type { ProjectFormValues } from "./project-form";

export const EMPTY_METRIC = { name: "", unit: "", baseline: "", target: "", direction: "at_least", measurement: "" } as const;

const DIRECTION_OPTIONS = METRIC_DIRECTIONS.map((value) => ({ value, label: METRIC_DIRECTION_LABELS[value] }));

/** The id of a metric's field, for its label and the error summary's link. */
export const metricFieldId = (uid: string, index: number, field: string) => `${uid}-metrics-${index}-${field}`;

/**
 * The success metrics, one fieldset per metric, added and removed in place (react-hook-form's
 * useFieldArray). Names are flat (`metrics.0.name`), so the form posts without JavaScript too and
 * the server nests them back (domain/project/forms.ts nestFields).
 */
export function MetricFields({
  uid,
  control,
  register,
  errors,
  minimum,
}: {
  uid: string;
  control: Control<ProjectFormValues, unknown, ProjectInput>;
  register: UseFormRegister<ProjectFormValues>;
  errors: FieldErrors<ProjectFormValues>["metrics"];
  minimum: number;
}) {
  const { fields, append, remove } = useFieldArray({ control, name: "metrics" });
  const error = (index: number, field: keyof typeof EMPTY_METRIC) => (errors as Array<Record<string, { message?: string } | undefined>> | undefined)?.[index]?.[field]?.message;
  const listError = (errors as { message?: string } | undefined)?.message ?? (errors as { root?: { message?: string } } | undefined)?.root?.message;

  return (
    <section className="metric-fields" aria-labelledby={`${uid}-metrics-title`}>
      <h2 id={`${uid}-metrics-title`}>Success metrics</h2>
      <p className="field-hint" id={`${uid}-metrics-hint`}>
        How you will know it worked, defined before launch: the checkpoint compares each metric&rsquo;s actual with its target. The PRD needs at least{" "}
        {minimum === 1 ? "one metric" : `${minimum} metrics`} before it is submitted.
      </p>
      {fields.length === 0 ? <p className="muted">No success metrics yet.</p> : null}
      <ol className="metric-list">
        {fields.map((field, index) => (
          <li key={field.id}>
            <fieldset className="metric-row">
              <legend>Metric {index + 1}</legend>
              <div className="grid-2">
                <InputField id={metricFieldId(uid, index, "name")} label="Name" autoComplete="off" error={error(index, "name")} {...register(`metrics.${index}.name`)} />
                <InputField
                  id={metricFieldId(uid, index, "unit")}
                  label="Unit"
                  hint="Such as %, ms, signups; may be empty."
                  autoComplete="off"
                  error={error(index, "unit")}
                  {...register(`metrics.${index}.unit`)}
                />
                <InputField
                  id={metricFieldId(uid, index, "baseline")}
                  label="Baseline"
                  hint="Where it stands today."
                  inputMode="decimal"
                  autoComplete="off"
                  error={error(index, "baseline")}
                  {...register(`metrics.${index}.baseline`)}
                />
                <InputField
                  id={metricFieldId(uid, index, "target")}
                  label="Target"
                  inputMode="decimal"
                  autoComplete="off"
                  error={error(index, "target")}
                  {...register(`metrics.${index}.target`)}
                />
              </div>
              <SelectField
                id={metricFieldId(uid, index, "direction")}
                label="Met when the actual is"
                options={DIRECTION_OPTIONS}
                error={error(index, "direction")}
                {...register(`metrics.${index}.direction`)}
              />
              <TextAreaField
                id={metricFieldId(uid, index, "measurement")}
                label="How it is measured"
                hint="The dashboard, query or survey the actual will come from."
                rows={2}
                error={error(index, "measurement")}
                {...register(`metrics.${index}.measurement`)}
              />
              <button type="button" className="button button-secondary" onClick={() => remove(index)}>
                Remove metric {index + 1}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      {fields.length < PROJECT_METRICS_MAX ? (
        <button type="button" className="button button-secondary" onClick={() => append({ ...EMPTY_METRIC })}>
          Add a success metric
        </button>
      ) : (
        <p className="muted small">A project has at most {PROJECT_METRICS_MAX} success metrics.</p>
      )}
    </section>
  );
}
