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

const dates = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const times = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });

/** "4 Mar 2025" for a YYYY-MM-DD calendar date or an ISO time (UTC, so server and browser agree). */
export const formatDate = (value: string) => dates.format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value));
export const formatTime = (value: string) => times.format(new Date(value));
