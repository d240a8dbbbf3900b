import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { FormErrors } from "~/components/form-fields";
import type { action } from "./route";
import { AddInterviewSchema, type AddInterviewForm } from "./schema";

type Props = { stages: Array<{ id: string; name: string }>; interviewers: Array<{ id: string; name: string }> };

export function AddInterviewPanel({ stages, interviewers }: Props) {
  const fetcher = useFetcher<typeof action>();
  const form = useForm<AddInterviewForm>({
    resolver: zodResolver(AddInterviewSchema),
    defaultValues: { intent: "add-interview", stageId: stages[0]?.id ?? "", startsAtLocal: "", timeZone: "", durationMinutes: 60, interviewerIds: [] },
  });
  // The browser's IANA zone (not today's offset: a summer date typed in winter has another one),
  // so the server reads the chosen time as the user meant it. Known only once hydrated.
  const [timeZone, setTimeZone] = useState<string | null>(null);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setTimeZone(zone);
    form.setValue("timeZone", zone);
  }, [form]);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) form.reset({ ...form.getValues(), startsAtLocal: "", interviewerIds: [] });
  }, [fetcher.state, fetcher.data, form]);

  const server = fetcher.data?.fieldErrors;
  const err = (name: keyof AddInterviewForm) => (form.formState.errors[name]?.message as string | undefined) ?? server?.[name]?.[0];
  const described = (name: string, error: string | undefined) => (error ? { "aria-invalid": true, "aria-describedby": `add-${name}-error` } : {});
  const startsError = err("startsAtLocal") ?? err("timeZone");

  return (
    <section className="panel" aria-labelledby="add-interview-title">
      <h2 id="add-interview-title">Schedule an interview</h2>
      <fetcher.Form method="post" noValidate className="stack" onSubmit={form.handleSubmit((_v, e) => fetcher.submit(e?.target as HTMLFormElement))}>
        <FormErrors errors={fetcher.data?.formErrors} />
        <input type="hidden" {...form.register("intent")} />
        <input type="hidden" {...form.register("timeZone")} />
        <div className="grid-2">
          <div className="field">
            <label htmlFor="add-stage">Stage</label>
            <select id="add-stage" {...described("stageId", err("stageId"))} {...form.register("stageId")}>
              {stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            {err("stageId") ? <p id="add-stageId-error" className="field-error" role="alert">{err("stageId")}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="add-starts">Starts at</label>
            <p id="add-starts-hint" className="field-hint">
              {timeZone ? `In your time zone, ${timeZone}` : "In your time zone"}
            </p>
            <input
              id="add-starts"
              type="datetime-local"
              aria-invalid={startsError ? true : undefined}
              aria-describedby={startsError ? "add-starts-hint add-startsAtLocal-error" : "add-starts-hint"}
              {...form.register("startsAtLocal")}
            />
            {startsError ? <p id="add-startsAtLocal-error" className="field-error" role="alert">{startsError}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="add-duration">Length (minutes)</label>
            <input id="add-duration" type="number" min={15} max={480} step={15} {...described("durationMinutes", err("durationMinutes"))} {...form.register("durationMinutes")} />
            {err("durationMinutes") ? <p id="add-durationMinutes-error" className="field-error" role="alert">{err("durationMinutes")}</p> : null}
          </div>
        </div>
        <fieldset {...described("interviewerIds", err("interviewerIds"))}>
          <legend>Interviewers</legend>
          <div className="checkbox-grid">
            {interviewers.map((p) => (
              <label key={p.id} className="checkbox">
                <input type="checkbox" value={p.id} {...form.register("interviewerIds")} />
                {p.name}
              </label>
            ))}
          </div>
        </fieldset>
        {err("interviewerIds") ? <p id="add-interviewerIds-error" className="field-error" role="alert">{err("interviewerIds")}</p> : null}
        <div className="row">
          <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
            Schedule interview
          </button>
          {fetcher.state === "idle" && fetcher.data?.ok ? <span role="status" className="muted">Interview scheduled</span> : null}
        </div>
      </fetcher.Form>
    </section>
  );
}
