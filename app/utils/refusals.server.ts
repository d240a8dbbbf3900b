import { data } from "@remix-run/node";
import { RefusalError, type Invalid, type Refusal, type RefusalKind } from "~/domain/refusal";
import type { FieldErrors } from "./forms.server";

const STATUS: Record<RefusalKind, 403 | 404 | 409> = {
  not_found: 404,
  forbidden: 403,
  // A locked record is a conflict with its state, like a stale one: the page reloads and shows why.
  locked: 409,
  stale: 409,
  conflict: 409,
};

/** Said when the data layer left the wording to the page and the page has none of its own. */
const FALLBACK: Record<RefusalKind, string> = {
  not_found: "This no longer exists: reload the page.",
  forbidden: "You may not do this.",
  locked: "This can no longer be changed: reload the page.",
  stale: "Someone changed this after you opened it: reload the page.",
  conflict: "This cannot be done now: reload the page.",
};

/**
 * The answer to a refused write, the same for every write: its status comes from the kind, and
 * its body is a form error (the shape every form reads: `fieldErrors`, `formErrors`) that also
 * names the kind, the message, and what is stored now when the refusal carries it. `extra` adds
 * what one page reads besides (the packet page's `stale`), or words the message there.
 */
export function refusalResponse<Extra extends Record<string, unknown> = Record<never, never>>(
  refusal: Refusal<unknown>,
  { message: wording, ...extra }: Extra & { message?: string } = {} as Extra,
) {
  const message = wording ?? refusal.message ?? FALLBACK[refusal.reason];
  const current = refusal.current !== undefined ? { current: refusal.current } : {};
  return data(
    { ok: false as const, reason: refusal.reason, ...current, ...(extra as Omit<Extra, "message">), message, fieldErrors: {} as FieldErrors, formErrors: [message] },
    { status: STATUS[refusal.reason] },
  );
}

/**
 * The answer to input the server judged against what is stored (domain/refusal.ts `Invalid`): 400,
 * in the same body as a refusal's. The message goes beside the field it names; it is the form error
 * only when no field is named, so a form that lists both never shows it twice.
 */
export function invalidResponse<Extra extends Record<string, unknown> = Record<never, never>>(invalid: Invalid, extra: Extra = {} as Extra) {
  const fieldErrors: FieldErrors = { ...invalid.fieldErrors };
  const formErrors = Object.keys(fieldErrors).length > 0 ? [] : [invalid.message];
  return data({ ok: false as const, reason: invalid.reason, ...extra, message: invalid.message, fieldErrors, formErrors }, { status: 400 });
}

/**
 * The answer to any write that did not happen: bad input the server judged is 400 (invalidResponse),
 * a refusal takes its status from its kind (refusalResponse). `extra` is added to either body.
 */
export function failureResponse<Extra extends Record<string, unknown> = Record<never, never>>(failure: Refusal<unknown> | Invalid, extra: Extra = {} as Extra) {
  return failure.reason === "invalid" ? invalidResponse(failure, extra) : refusalResponse(failure, extra);
}

/**
 * Runs a write whose data layer throws its refusal (from inside a transaction, so nothing it wrote
 * stays): the refusal is thrown on as its answer, never a 500. Other errors go on as they are.
 */
export async function refusing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof RefusalError) throw refusalResponse(error.refusal);
    throw error;
  }
}
