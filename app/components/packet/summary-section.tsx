import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormErrors } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import { packetSummarySchema } from "~/domain/promotion/forms";
import type { PacketPageData } from "~/views/packet-page";
import { useServerErrors, type PacketAnswer } from "./use-server-errors";

type Input = z.input<typeof packetSummarySchema>;
type Output = z.output<typeof packetSummarySchema>;
type StaleSummary = { summary: string; version: number; updatedByName: string; updatedAt: string };

/** The packet's summary: read-only, or a form that saves against the version it was loaded at. */
export function SummarySection({ data }: { data: PacketPageData }) {
  const { packet, access } = data;
  return (
    <section className="panel" aria-labelledby="summary-title">
      <h2 id="summary-title">Summary</h2>
      {access.editDraft ? (
        <SummaryForm summary={packet.summary} version={packet.version} />
      ) : packet.summary ? (
        <p className="pre-line">{packet.summary}</p>
      ) : (
        <p className="muted">No summary yet.</p>
      )}
    </section>
  );
}

function SummaryForm({ summary, version }: { summary: string; version: number }) {
  const uid = useId();
  const fetcher = useFetcher<PacketAnswer>();
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(packetSummarySchema), defaultValues: { summary, version } });
  const { register, formState, setError, setValue, getValues, reset } = form;
  useServerErrors(fetcher.state, fetcher.data, setError);
  // A newer version arrived (a save, revalidated): edit on top of it. An untouched box (still the
  // text it showed) takes the new text; text the user has typed since is kept.
  const shown = useRef(summary);
  useEffect(() => {
    const untouched = getValues("summary") === shown.current || getValues("summary") === summary;
    shown.current = summary;
    if (untouched) reset({ summary, version });
    else setValue("version", version);
  }, [summary, version, getValues, reset, setValue]);
  const stale = fetcher.state === "idle" && fetcher.data?.stale ? (fetcher.data.stale as StaleSummary) : null;
  useEffect(() => {
    if (stale) setValue("version", stale.version);
  }, [stale, setValue]);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) setSaved(true);
  }, [fetcher.state, fetcher.data]);
  const error = formState.errors.summary?.message;
  return (
    <fetcher.Form
      method="post"
      noValidate
      className="stack"
      onChange={() => setSaved(false)}
      onSubmit={form.handleSubmit((_v, event) => fetcher.submit(event?.target as HTMLFormElement, { method: "post" }))}
    >
      <input type="hidden" name="intent" value="summary" />
      <input type="hidden" {...register("version")} />
      <FormErrors errors={fetcher.state === "idle" ? fetcher.data?.formErrors : undefined} />
      {stale ? (
        <div className="stale-version" aria-label="The version saved meanwhile">
          <h4>
            Saved meanwhile by {stale.updatedByName}, <LocalTime value={stale.updatedAt} /> (version {stale.version})
          </h4>
          <p className="pre-line">{stale.summary || "(empty)"}</p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${uid}-summary`}>The case in a few paragraphs</label>
        <p id={`${uid}-summary-hint`} className="field-hint">
          Why this builder already works at the target level: the scope they own, the influence they have, who they lead and grow.
        </p>
        <textarea
          id={`${uid}-summary`}
          rows={6}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${uid}-summary-hint${error ? ` ${uid}-summary-error` : ""}`}
          {...register("summary")}
        />
        {error ? (
          <p id={`${uid}-summary-error`} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="row">
        <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
          Save summary
        </button>
        {saved && !stale ? (
          <span role="status" className="muted">
            Summary saved.
          </span>
        ) : null}
      </div>
    </fetcher.Form>
  );
}
