// Drafts carry a version so that two tabs (or windows, or devices) saving one scorecard never overwrite each other silently.
import { z } from "zod";
import { formatInstant } from "../time-format";
import type { ScorecardContent } from "./content";
import type { ScorecardSchemas } from "./schema";

/**
 * The autosave contract, `POST /scorecards/:id/draft` with a JSON body:
 *
 *   body   { "version": n, "content": { …the draft… } }
 *          n is the draft version this page last loaded or saved (0 for a scorecard never saved).
 *   200    { ok: true, savedAt, version: n + 1 }
 *   409    { ok: false, reason: "stale", formErrors: [message], current: { version, content, savedAt } }
 *          someone saved a newer version since n: nothing was written; the page shows `current`
 *          beside its own unsaved text. Saving again with `current.version` overwrites it on purpose.
 *   409    { ok: false, reason: "locked", formErrors: [message] }: the scorecard was submitted meanwhile.
 *   409    { ok: false, reason: "cancelled" | "removed", formErrors: [message] }: its interview was
 *          cancelled, or its author taken off it. The scorecard is kept as it is, no longer changed.
 *   400    { ok: false, fieldErrors, formErrors }: not JSON, or not this shape. Nothing was written.
 *
 * Submitting names the version too (`{ intent: "submit", version, content }`): a submission from a
 * page that has not seen the newest draft is refused the same way, so it never replaces newer text.
 */
export const draftVersionSchema = z
  .number({ error: "Send the draft version this page is based on" })
  .int("The draft version is a whole number")
  .min(0, "The draft version is a whole number");

export function draftSaveSchema<S extends z.ZodType = ScorecardSchemas["draft"]>(schemas: { draft: S }) {
  return z.object({ version: draftVersionSchema, content: schemas.draft });
}

export function submitSchema<S extends z.ZodType = ScorecardSchemas["submission"]>(schemas: { submission: S }) {
  return z.object({ version: draftVersionSchema, content: schemas.submission });
}

/** The stored draft a stale save is told about, laid over the stage's form (`contentFromDraft`). */
export type CurrentDraft = { version: number; content: ScorecardContent; savedAt: string | null };

export type DraftSaveAnswer =
  | { ok: true; savedAt: string; version: number }
  | { ok: false; reason: "stale"; formErrors: string[]; current: CurrentDraft }
  | { ok: false; reason: "locked"; formErrors: string[] }
  | { ok: false; reason: "cancelled" | "removed"; formErrors: string[] }
  | { ok: false; fieldErrors: Record<string, string[] | undefined>; formErrors: string[] };

// The server does not know the reader's zone: its messages name UTC, written as pages write moments.
const utc = (d: Date) => formatInstant(d, "UTC");

export function staleDraftMessage(savedAt: Date | null): string {
  const when = savedAt ? ` at ${utc(savedAt)}` : "";
  return `This scorecard was saved in another tab or window${when}, after this page last loaded or saved it. Nothing was overwritten: choose which version to keep.`;
}

/** An amendment written over a revision that is no longer the newest: nothing was written. */
export function amendedMeanwhileMessage(current: { number: number; authorName: string; createdAt: Date }): string {
  return `${current.authorName || "Someone"} amended this scorecard at ${utc(current.createdAt)} (revision ${current.number}), after this page loaded it. Nothing was saved and your changes are still in the form: copy what you need, then reload the page to amend the newest revision.`;
}

export const LOCKED_DRAFT_MESSAGE = "This scorecard was submitted meanwhile (perhaps in another tab or window); change it with an amendment.";

/** The same answers in the same places, whatever the order of keys (drafts round-trip through JSON). */
export function sameContent(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

/** Field errors of `{ content: … }` reported at the form's own names (`ratings.0.evidence`). */
export function unwrapContentErrors(fieldErrors: Record<string, string[] | undefined>) {
  return Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k.replace(/^content\./, ""), v]));
}
