import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useMemo } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormErrors } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import { evidenceSchema } from "~/domain/promotion/forms";
import type { PacketPageData } from "~/views/packet-page";
import { useServerErrors, type PacketAnswer } from "./use-server-errors";

type Evidence = PacketPageData["evidence"][number];
type Schema = ReturnType<typeof evidenceSchema>;
type Input = z.input<Schema>;
type Output = z.output<Schema>;

type Props = {
  data: Pick<PacketPageData, "coverageNeeds" | "criteria" | "competencies" | "projectChoices">;
  /** The item being edited, or null for a new one. */
  item: Evidence | null;
  /** Reports the tags as they are ticked (under `editingKey`), so coverage follows the form before it is saved. Must be stable. */
  editingKey: string;
  onEditingTags: (tags: { key: string; criteria: string[]; competencies: string[] } | null) => void;
  onDone: () => void;
};

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? [v] : []);

/**
 * Adds or edits one evidence item. Validated by the same zod schema as the action; an edit carries
 * the version it started from, and a stale save shows the version someone else saved meanwhile.
 */
export function EvidenceForm({ data, item, editingKey, onEditingTags, onDone }: Props) {
  const uid = useId();
  const schema = useMemo(() => evidenceSchema(data.coverageNeeds.defined), [data.coverageNeeds]);
  const fetcher = useFetcher<PacketAnswer>();
  const defaults = useMemo(
    (): Input => ({
      evidenceId: item?.id ?? "",
      version: item ? String(item.version) : "",
      title: item?.title ?? "",
      description: item?.description ?? "",
      impact: item?.impact ?? "",
      links: item?.links.join("\n") ?? "",
      startDate: item?.startDate ?? "",
      endDate: item?.endDate ?? "",
      criteria: item?.criteria ?? [],
      competencies: item?.competencies ?? [],
      projectId: item?.projectId ?? "",
    }),
    [item],
  );
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(schema), defaultValues: defaults });
  const { register, formState, setError, watch, setValue } = form;
  useServerErrors(fetcher.state, fetcher.data, setError);

  const criteria = watch("criteria");
  const competencies = watch("competencies");
  const criteriaKey = asList(criteria).join(",");
  const competenciesKey = asList(competencies).join(",");
  useEffect(() => {
    onEditingTags({ key: editingKey, criteria: criteriaKey ? criteriaKey.split(",") : [], competencies: competenciesKey ? competenciesKey.split(",") : [] });
  }, [criteriaKey, competenciesKey, editingKey, onEditingTags]);
  useEffect(() => () => onEditingTags(null), [onEditingTags]);

  // Saved: the page's data now holds the item; close the form.
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) onDone();
  }, [fetcher.state, fetcher.data, onDone]);

  // Stale: keep the user's text, take the current version, so that saving again is a deliberate overwrite.
  const stale = fetcher.state === "idle" && fetcher.data?.stale ? (fetcher.data.stale as Evidence) : null;
  useEffect(() => {
    if (stale) setValue("version", String(stale.version));
  }, [stale, setValue]);

  const error = (name: keyof Input) => formState.errors[name]?.message as string | undefined;
  const field = (name: "title" | "startDate" | "endDate", label: string, type = "text", hint?: string) => (
    <div className="field">
      <label htmlFor={`${uid}-${name}`}>{label}</label>
      {hint ? (
        <p id={`${uid}-${name}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        id={`${uid}-${name}`}
        type={type}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={[hint ? `${uid}-${name}-hint` : "", error(name) ? `${uid}-${name}-error` : ""].filter(Boolean).join(" ") || undefined}
        {...register(name)}
      />
      {error(name) ? (
        <p id={`${uid}-${name}-error`} className="field-error" role="alert">
          {error(name)}
        </p>
      ) : null}
    </div>
  );
  const area = (name: "description" | "impact" | "links", label: string, hint: string, rows = 4) => (
    <div className="field">
      <label htmlFor={`${uid}-${name}`}>{label}</label>
      <p id={`${uid}-${name}-hint`} className="field-hint">
        {hint}
      </p>
      <textarea
        id={`${uid}-${name}`}
        rows={rows}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={[`${uid}-${name}-hint`, error(name) ? `${uid}-${name}-error` : ""].filter(Boolean).join(" ")}
        {...register(name)}
      />
      {error(name) ? (
        <p id={`${uid}-${name}-error`} className="field-error" role="alert">
          {error(name)}
        </p>
      ) : null}
    </div>
  );
  const tagGroup = (name: "criteria" | "competencies", legend: string, options: ReadonlyArray<{ id: string; name: string }>) => (
    <fieldset aria-describedby={error(name) ? `${uid}-${name}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="checkbox-grid">
        {options.map((o) => (
          <label key={o.id} className="checkbox">
            <input type="checkbox" value={o.id} {...register(name)} /> {o.name}
          </label>
        ))}
      </div>
      {error(name) ? (
        <p id={`${uid}-${name}-error`} className="field-error" role="alert">
          {error(name)}
        </p>
      ) : null}
    </fieldset>
  );

  // The builder's launched projects; the one the item cites stays offered whatever happens to the list.
  const projects = [...(data.projectChoices ?? [])];
  if (item?.project && !projects.some((p) => p.id === item.project!.projectId)) projects.push({ id: item.project.projectId, title: item.project.title, status: "launched" });
  const projectSelect = (
    <div className="field">
      <label htmlFor={`${uid}-projectId`}>Project it cites</label>
      <p id={`${uid}-projectId-hint`} className="field-hint">
        One of the builder's launched projects: the packet then shows its recorded outcome (approval, launch, the checkpoint's actuals against the targets, the reviews).
      </p>
      <select
        id={`${uid}-projectId`}
        aria-invalid={error("projectId") ? true : undefined}
        aria-describedby={[`${uid}-projectId-hint`, error("projectId") ? `${uid}-projectId-error` : ""].filter(Boolean).join(" ")}
        {...register("projectId")}
      >
        <option value="">None</option>
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
      {error("projectId") ? (
        <p id={`${uid}-projectId-error`} className="field-error" role="alert">
          {error("projectId")}
        </p>
      ) : null}
    </div>
  );

  return (
    <fetcher.Form
      method="post"
      noValidate
      className="stack evidence-form"
      aria-label={item ? `Edit “${item.title}”` : "New evidence item"}
      onSubmit={form.handleSubmit((_v, event) => fetcher.submit(event?.target as HTMLFormElement, { method: "post" }))}
    >
      <input type="hidden" name="intent" value="evidence" />
      <input type="hidden" {...register("evidenceId")} />
      <input type="hidden" {...register("version")} />
      <FormErrors errors={fetcher.state === "idle" ? fetcher.data?.formErrors : undefined} />
      {stale ? <StaleEvidence current={stale} /> : null}
      {field("title", "Title")}
      {area("description", "What was done", "Your part in it, in a few sentences: decisions, trade-offs, who you worked with.")}
      {area("impact", "Impact", "What changed because of it, with figures where you have them (revenue, adoption, time saved, incidents).", 3)}
      {area("links", "Links", "One web address per line: PRDs, launch notes, dashboards, talks.", 2)}
      {projects.length > 0 ? projectSelect : <input type="hidden" {...register("projectId")} />}
      <div className="grid-2">
        {field("startDate", "Started", "date")}
        {field("endDate", "Ended", "date", "Leave empty while the work goes on.")}
      </div>
      {tagGroup("criteria", "Advancement criteria it shows", data.criteria)}
      {tagGroup("competencies", "Competencies it shows", data.competencies)}
      <div className="row">
        <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
          {item ? "Save evidence" : "Add evidence"}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </fetcher.Form>
  );
}

function StaleEvidence({ current }: { current: Evidence }) {
  return (
    <div className="stale-version" aria-label="The version saved meanwhile">
      <h4>
        Saved meanwhile by {current.updatedByName ?? "someone else"}
        {current.updatedAt ? <>, <LocalTime value={current.updatedAt} /></> : ""} (version {current.version})
      </h4>
      <p>
        <strong>{current.title}</strong>
      </p>
      <p className="pre-line">{current.description}</p>
      <p className="pre-line">
        <strong>Impact:</strong> {current.impact}
      </p>
    </div>
  );
}
