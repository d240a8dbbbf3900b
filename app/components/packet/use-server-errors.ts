import { useEffect } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

export type PacketAnswer = {
  ok: boolean;
  fieldErrors?: Record<string, string[] | undefined>;
  formErrors?: string[];
  /** On a stale save: what the packet holds now, to show beside the user's unsaved text. */
  stale?: unknown;
};

/**
 * Puts the errors the server found (it parses with the same zod schema as the form) on the
 * fields they concern, once the fetcher is back.
 */
export function useServerErrors<T extends FieldValues>(state: string, answer: PacketAnswer | undefined, setError: UseFormSetError<T>) {
  useEffect(() => {
    if (state !== "idle" || !answer?.fieldErrors) return;
    for (const [name, messages] of Object.entries(answer.fieldErrors)) {
      if (messages?.[0]) setError(name as Path<T>, { type: "server", message: messages[0] });
    }
  }, [state, answer, setError]);
}
