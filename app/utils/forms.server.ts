import { data } from "@remix-run/node";
import { z } from "zod";
import { findUnstorableText } from "~/domain/text-input";

export type FieldErrors = Record<string, string[] | undefined>;
export type FormFailure = { fieldErrors: FieldErrors; formErrors: string[] };

/**
 * Reads a submitted form into an object (a name sent several times becomes an array) and
 * parses it with the form's shared zod schema, the same schema the browser used.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { success: true; data: z.output<S> } | { success: false; failure: FormFailure } {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    // An own property whatever the name: a field called __proto__ must not become the prototype.
    Object.defineProperty(raw, key, { value: values.length > 1 ? values : values[0], enumerable: true, writable: true, configurable: true });
  }
  const parsed = parseValue(schema, raw);
  if (parsed.success) return parsed;
  // A form field is a name, not an array item: "roles.1" is an error of the "roles" checkboxes.
  // Nested names (feedback.mentoring) stay as they are.
  const byName = new Map<string, string[]>();
  for (const [key, messages] of Object.entries(parsed.failure.fieldErrors)) {
    const name = key.replace(/(\.\d+)+$/, "");
    byName.set(name, [...(byName.get(name) ?? []), ...(messages ?? [])]);
  }
  return { success: false, failure: { ...parsed.failure, fieldErrors: errorsByField(byName) } };
}

/** A 400 answer carrying the errors to show beside each field. Nothing was written. */
export function badRequest(failure: FormFailure) {
  return data({ ok: false as const, ...failure }, { status: 400 });
}

/** An answer with one message for the whole form (400 unless said otherwise). */
export function formError(message: string, init: { status?: number; headers?: HeadersInit } = {}) {
  return data(
    { ok: false as const, fieldErrors: {} as FieldErrors, formErrors: [message] },
    { status: init.status ?? 400, headers: init.headers },
  );
}

/** The action succeeded; same shape as the failures so the page reads one type. */
export function formSaved() {
  return { ok: true as const, fieldErrors: {} as FieldErrors, formErrors: [] as string[] };
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

function mediaType(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * The submitted form's fields. A body that is not a form answers 415 and a broken one 400 (both
 * thrown, with a message), never the 500 that `request.formData()` would cause by throwing.
 */
export async function readFormData(request: Request): Promise<FormData> {
  if (!FORM_TYPES.includes(mediaType(request))) {
    throw formError("Send this form as application/x-www-form-urlencoded or multipart/form-data.", { status: 415 });
  }
  try {
    return await request.formData();
  } catch {
    throw formError("The form could not be read: its body is malformed.");
  }
}

/** A JSON body: 415 unless sent as application/json, 400 when it does not parse (both thrown). */
export async function readJson(request: Request): Promise<unknown> {
  if (mediaType(request) !== "application/json") throw formError("Send this request as application/json.", { status: 415 });
  try {
    return await request.json();
  } catch {
    throw formError("The request body is not valid JSON.");
  }
}

/**
 * Parses a JSON request body (forms too nested for form fields, such as the scorecard) with the
 * form's zod schema. Field errors are keyed by react-hook-form's dotted names (`ratings.0.evidence`).
 */
export async function parseJsonBody<S extends z.ZodType>(
  schema: S,
  request: Request,
): Promise<{ success: true; data: z.output<S> } | { success: false; failure: FormFailure }> {
  return parseValue(schema, await readJson(request));
}

export function parseValue<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { success: true; data: z.output<S> } | { success: false; failure: FormFailure } {
  const unstorable = findUnstorableText(value);
  if (unstorable) {
    const key = unstorable.path.map(String).join(".");
    return key
      ? { success: false, failure: { fieldErrors: errorsByField(new Map([[key, [unstorable.message]]])), formErrors: [] } }
      : { success: false, failure: { fieldErrors: {}, formErrors: [`The request ${unstorable.message}.`] } };
  }
  const result = schema.safeParse(value);
  if (result.success) return { success: true, data: result.data };
  const byField = new Map<string, string[]>();
  const formErrors: string[] = [];
  for (const issue of result.error.issues) {
    if (issue.path.length === 0) {
      formErrors.push(issue.message);
      continue;
    }
    const key = issue.path.map(String).join(".");
    byField.set(key, [...(byField.get(key) ?? []), issue.message]);
  }
  return { success: false, failure: { fieldErrors: errorsByField(byField), formErrors } };
}

/**
 * Field errors as an object. Built from a Map because field names come from the client: a field
 * called `constructor` or `__proto__` must be a key like any other, not Object.prototype's.
 */
function errorsByField(errors: Map<string, string[]>): FieldErrors {
  return Object.fromEntries(errors);
}
