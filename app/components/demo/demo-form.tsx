import { zodResolver } from "@hookform/resolvers/zod";
import { Form, Link, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ErrorSummary, summaryOf } from "~/components/error-summary";
import { FormErrors } from "~/components/form-fields";
import { demoFormSchema } from "~/domain/project/demo-weeks";

type Schema = ReturnType<typeof demoFormSchema>;
type DemoValues = z.input<Schema>;
type FieldName = keyof DemoValues;
type ServerAnswer = { ok: boolean; fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | undefined;

const FIELDS: readonly FieldName[] = ["title", "shows", "link", "demoOn"];

/**
 * Posting a demo of a project: its title, what it shows, the link to watch it and the day it was
 * given. Checked in the browser with the schema the action parses (`demoFormSchema`, with the
 * latest day the server allowed when the page was loaded), then posted as an ordinary form.
 */
export function DemoForm({ latestDay, defaultDay, answer, cancelTo }: { latestDay: string; defaultDay: string; answer: ServerAnswer; cancelTo: string }) {
  const uid = useId();
  const navigation = useNavigation();
  const submit = useSubmit();
  const schema = useMemo(() => demoFormSchema(latestDay), [latestDay]);
  const form = useForm<DemoValues, unknown, z.output<Schema>>({
    resolver: zodResolver(schema),
    defaultValues: { title: "", shows: "", link: "", demoOn: defaultDay },
    // A refused submit focuses the error summary, which links to each field.
    shouldFocusError: false,
  });
  const { register, formState, setError } = form;
  const [refusals, setRefusals] = useState(0);

  // Errors the server found (same schema, and its own clock) go to the fields they concern.
  useEffect(() => {
    if (navigation.state !== "idle" || !answer?.fieldErrors) return;
    let any = false;
    for (const [name, messages] of Object.entries(answer.fieldErrors)) {
      if (messages?.[0] && (FIELDS as readonly string[]).includes(name)) {
        setError(name as FieldName, { type: "server", message: messages[0] });
        any = true;
      }
    }
    if (any) setRefusals((n) => n + 1);
  }, [navigation.state, answer, setError]);

  const ids = (name: FieldName) => ({ input: `${uid}-${name}`, error: `${uid}-${name}-error`, hint: `${uid}-${name}-hint` });
  const error = (name: FieldName) => formState.errors[name]?.message;
  const describedBy = (name: FieldName, hint: boolean) => [hint ? ids(name).hint : null, error(name) ? ids(name).error : null].filter(Boolean).join(" ") || undefined;
  const control = (name: FieldName) => ({ id: ids(name).input, "aria-invalid": error(name) ? true : undefined, ...register(name) });
  const errorText = (name: FieldName) =>
    error(name) ? (
      <p id={ids(name).error} className="field-error" role="alert">
        {error(name)}
      </p>
    ) : null;
  const summary = summaryOf(formState.errors, FIELDS, (name) => (FIELDS as readonly string[]).includes(name) ? ids(name as FieldName).input : undefined);
  const submitting = navigation.state === "submitting";

  return (
    <Form
      method="post"
      noValidate
      className="stack demo-form"
      onSubmit={form.handleSubmit(
        (_values, event) => submit(event?.target as HTMLFormElement),
        () => setRefusals((n) => n + 1),
      )}
    >
      <ErrorSummary items={summary} attempt={refusals} />
      <FormErrors errors={navigation.state === "idle" ? answer?.formErrors : undefined} />
      <div className="field">
        <label htmlFor={ids("title").input}>Title</label>
        <input type="text" autoComplete="off" aria-describedby={describedBy("title", false)} {...control("title")} />
        {errorText("title")}
      </div>
      <div className="field">
        <label htmlFor={ids("shows").input}>What it shows</label>
        <p id={ids("shows").hint} className="field-hint">
          What a colleague will see, and why it matters to users.
        </p>
        <textarea rows={4} aria-describedby={describedBy("shows", true)} {...control("shows")} />
        {errorText("shows")}
      </div>
      <div className="field">
        <label htmlFor={ids("link").input}>Link to the demo</label>
        <p id={ids("link").hint} className="field-hint">
          A recording, a deck or the thing itself, starting with https://
        </p>
        <input type="url" inputMode="url" autoComplete="off" spellCheck={false} aria-describedby={describedBy("link", true)} {...control("link")} />
        {errorText("link")}
      </div>
      <div className="field">
        <label htmlFor={ids("demoOn").input}>Date of the demo</label>
        <p id={ids("demoOn").hint} className="field-hint">
          The day it was given: a demo is posted once it has happened.
        </p>
        <input type="date" max={latestDay} aria-describedby={describedBy("demoOn", true)} {...control("demoOn")} />
        {errorText("demoOn")}
      </div>
      <div className="row">
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? "Posting…" : "Post the demo"}
        </button>
        <Link to={cancelTo} className="button button-secondary">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
