import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useEffect, useId } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormErrors } from "~/components/form-fields";
import { flagDemoSchema } from "~/domain/project/forms";
import type { DemoItem } from "./demo-card";

type FlagValues = z.input<typeof flagDemoSchema>;
type FlagAnswer = { ok: boolean; fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] };

/**
 * A curator's controls on one demo (managers and admins): flag it for the wider organisation, with
 * an optional note, or take the flag back. Both post to the demo feed's action (`action`), checked
 * in the browser with the same schema the action parses (`flagDemoSchema`).
 */
export function DemoCuration({ demo, action = "/demos" }: { demo: DemoItem; action?: string }) {
  return demo.flagged ? <RemoveFlag demo={demo} action={action} /> : <FlagDemo demo={demo} action={action} />;
}

function RemoveFlag({ demo, action }: { demo: DemoItem; action: string }) {
  const fetcher = useFetcher<FlagAnswer>();
  return (
    <fetcher.Form method="post" action={action} className="demo-curation row">
      <input type="hidden" name="intent" value="unflag" />
      <input type="hidden" name="demoId" value={demo.id} />
      <button type="submit" className="button button-secondary" disabled={fetcher.state !== "idle"}>
        Remove flag<span className="visually-hidden"> from “{demo.title}”</span>
      </button>
      <FormErrors errors={fetcher.state === "idle" ? fetcher.data?.formErrors : undefined} />
    </fetcher.Form>
  );
}

function FlagDemo({ demo, action }: { demo: DemoItem; action: string }) {
  const fetcher = useFetcher<FlagAnswer>();
  const uid = useId();
  const form = useForm<FlagValues, unknown, z.output<typeof flagDemoSchema>>({
    resolver: zodResolver(flagDemoSchema),
    defaultValues: { intent: "flag", demoId: demo.id, note: "" },
  });
  const { register, formState, setError } = form;

  // Errors the server found (it parses with the same schema) go to the note.
  useEffect(() => {
    const note = fetcher.data?.fieldErrors?.note?.[0];
    if (fetcher.state === "idle" && note) setError("note", { type: "server", message: note });
  }, [fetcher.state, fetcher.data, setError]);

  const noteError = formState.errors.note?.message;
  const other = [formState.errors.intent?.message, formState.errors.demoId?.message].filter((m): m is string => !!m);
  const serverErrors = fetcher.state === "idle" ? (fetcher.data?.formErrors ?? []) : [];
  return (
    <details className="demo-curation">
      <summary>
        Flag for the wider organisation<span className="visually-hidden">: “{demo.title}”</span>
      </summary>
      <fetcher.Form
        method="post"
        action={action}
        noValidate
        className="stack tight"
        onSubmit={form.handleSubmit((_values, event) => fetcher.submit(event?.target as HTMLFormElement, { method: "post", action }))}
      >
        <input type="hidden" {...register("intent")} />
        <input type="hidden" {...register("demoId")} />
        <FormErrors errors={[...other, ...serverErrors]} />
        <div className="field">
          <label htmlFor={`${uid}-note`}>Why it matters (optional)</label>
          <p id={`${uid}-note-hint`} className="field-hint">
            Shown with the demo in the highlights, with your name.
          </p>
          <textarea
            id={`${uid}-note`}
            rows={2}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={[`${uid}-note-hint`, noteError ? `${uid}-note-error` : null].filter(Boolean).join(" ")}
            {...register("note")}
          />
          {noteError ? (
            <p id={`${uid}-note-error`} className="field-error" role="alert">
              {noteError}
            </p>
          ) : null}
        </div>
        <div className="row">
          <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
            Flag for the wider organisation<span className="visually-hidden">: “{demo.title}”</span>
          </button>
        </div>
      </fetcher.Form>
    </details>
  );
}
