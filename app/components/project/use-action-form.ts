import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import { summaryOf } from "~/components/error-summary";

/** What the project page's action answers: the same shape for success and refusal. */
export type ActionAnswer = { ok: boolean; fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] };

/**
 * One workflow form of the project page: react-hook-form checked with the form's zod schema (the
 * action parses with the same one), sent by a fetcher, the server's field errors put on the same
 * fields, and an error summary that is focused each time a submit is refused.
 *
 * `send` is called with the form once it is valid; by default it posts at once (a form that asks
 * first passes its own).
 */
export function useActionForm<T extends FieldValues>(schema: z.ZodType, defaultValues: DefaultValues<T>, fieldOrder: readonly string[]) {
  const uid = useId();
  const fetcher = useFetcher<ActionAnswer>();
  const form = useForm<T>({
    resolver: zodResolver(schema as unknown as z.ZodType<T, T>) as never,
    defaultValues,
    shouldFocusError: false,
  });
  const [attempt, setAttempt] = useState(0);
  const { setError } = form;
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data || fetcher.data.ok) return;
    for (const [name, messages] of Object.entries(fetcher.data.fieldErrors ?? {})) {
      if (messages?.[0]) setError(name as Path<T>, { type: "server", message: messages[0] });
    }
    setAttempt((n) => n + 1);
  }, [fetcher.state, fetcher.data, setError]);

  const id = (name: string) => `${uid}-${name.replace(/\./g, "-")}`;
  const summary = summaryOf(form.formState.errors, fieldOrder, (name) => id(name));
  const errorOf = (name: string): string | undefined => {
    let node: unknown = form.formState.errors;
    for (const key of name.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    const message = (node as { message?: unknown } | undefined)?.message;
    return typeof message === "string" ? message : undefined;
  };
  const onSubmit = (send?: (form: HTMLFormElement) => void) =>
    form.handleSubmit(
      (_values, event) => {
        const target = event?.target as HTMLFormElement;
        if (send) send(target);
        else fetcher.submit(target, { method: "post" });
      },
      () => setAttempt((n) => n + 1),
    );
  const formErrors = fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data.formErrors : undefined;
  return { uid, id, fetcher, form, attempt, summary, errorOf, onSubmit, formErrors, busy: fetcher.state !== "idle" };
}
