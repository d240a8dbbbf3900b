/**
 * Why a write did not happen: one vocabulary for every write in the data layer. A refusal writes
 * nothing (the transaction rolls back, or the write never starts), and the route answers it with
 * one mapping (utils/refusals.server.ts): the kind decides the status, the message is shown.
 *
 * - not_found: what the write is about does not exist (any more).
 * - forbidden: it exists, but this person may not do this to it.
 * - locked:    it can no longer be changed (submitted, cancelled, erased, closed).
 * - stale:     someone changed it after the page was read; `current` is what is stored now.
 * - conflict:  the write does not fit the record's state (not ready, already done, not allowed there).
 */
export const REFUSAL_KINDS = ["not_found", "forbidden", "locked", "stale", "conflict"] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

export type Refusal<Current = never> = {
  readonly ok: false;
  readonly reason: RefusalKind;
  /**
   * The words shown to the person refused. Absent only where the page words the refusal itself
   * (the scorecard's draft saves: their messages live with the scorecard page).
   */
  readonly message?: string;
  /** What is stored now, when it helps the person refused (a stale draft's current version). */
  readonly current?: Current;
};

/** A refusal whose message is always there: what every write outside the scorecard's drafts returns. */
export type WordedRefusal<Current = never> = Refusal<Current> & { readonly message: string };

export const notFound = (message: string): WordedRefusal => ({ ok: false, reason: "not_found", message });
export const forbidden = (message: string): WordedRefusal => ({ ok: false, reason: "forbidden", message });
export const locked = (message: string): WordedRefusal => ({ ok: false, reason: "locked", message });
export const conflict = (message: string): WordedRefusal => ({ ok: false, reason: "conflict", message });
/** `current` is what is stored now, when the page shows it beside what the person had written. */
export function stale<Current = never>(message: string, current?: Current): WordedRefusal<Current> {
  return current === undefined ? { ok: false, reason: "stale", message } : { ok: false, reason: "stale", message, current };
}

/** True for a refusal (of any kind): `ok: false` with one of the five reasons. */
export function isRefusal(value: unknown): value is Refusal<unknown> {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { ok?: unknown; reason?: unknown };
  return candidate.ok === false && (REFUSAL_KINDS as readonly unknown[]).includes(candidate.reason);
}

/**
 * What was sent breaks a rule that only the stored records can judge (a cited project that is not
 * the builder's, an approver who is not in the organisation, a gap the PRD still has): bad input,
 * answered 400 beside the field it is about (`fieldErrors`, keyed by the form's field names; empty
 * when no one field is at fault), like any input the form's schema refuses. Not one of the five
 * refusals: nothing about the record stops the write, and sending something else will do.
 */
export type Invalid = {
  readonly ok: false;
  readonly reason: "invalid";
  readonly message: string;
  readonly fieldErrors: Readonly<Record<string, string[]>>;
};

export const invalid = (message: string, fieldErrors: Record<string, string[]> = {}): Invalid => ({ ok: false, reason: "invalid", message, fieldErrors });
/** Bad input with its message beside the one form field it is about. */
export const invalidField = (field: string, message: string): Invalid => invalid(message, { [field]: [message] });

/** True for bad input the server judged (`ok: false`, reason `invalid`). */
export function isInvalid(value: unknown): value is Invalid {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { ok?: unknown; reason?: unknown };
  return candidate.ok === false && candidate.reason === "invalid";
}

/**
 * A refusal thrown from inside a transaction, so that it rolls back everything written before the
 * check failed. The one error class for refusals: routes turn it into the same answer as a
 * returned refusal.
 */
export class RefusalError extends Error {
  readonly refusal: WordedRefusal<unknown>;
  constructor(refusal: WordedRefusal<unknown>) {
    super(refusal.message);
    this.name = "RefusalError";
    this.refusal = refusal;
  }
}

/** Throws the refusal (inside a transaction: nothing it wrote is kept). */
export function refuse(refusal: WordedRefusal<unknown>): never {
  throw new RefusalError(refusal);
}
