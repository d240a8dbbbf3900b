/**
 * Calls a loader or action with any Request, the way Remix would, and reads the answer whatever
 * form it takes: a returned or thrown Response (redirects included), `data(…, { status })`, a plain
 * object (200), or a thrown Error — which Remix would turn into a 500.
 */
import type { Handler } from "./routes";

export type Outcome = {
  status: number;
  headers: Headers;
  /** Loader data (objects) or a resource route's text. */
  body: unknown;
  /** Set when the handler threw something that is not an answer: a 500 in production. */
  error?: unknown;
};

export const CLIENT_ADDRESS = "203.0.113.7";

export async function invoke(handler: Handler, request: Request, params: Record<string, string>): Promise<Outcome> {
  let outcome: unknown;
  try {
    outcome = await handler({ request, params, context: { clientAddress: CLIENT_ADDRESS, cspNonce: "" } });
  } catch (thrown) {
    outcome = thrown;
  }
  if (outcome instanceof Response) {
    const text = await outcome.text();
    let body: unknown = text;
    if ((outcome.headers.get("Content-Type") ?? "").includes("application/json") && !outcome.headers.get("Content-Disposition")) {
      try {
        body = JSON.parse(text);
      } catch {
        /* left as text */
      }
    }
    return { status: outcome.status, headers: outcome.headers, body };
  }
  if (isDataWithInit(outcome)) {
    return { status: outcome.init?.status ?? 200, headers: new Headers(outcome.init?.headers), body: outcome.data };
  }
  if (outcome instanceof Error) return { status: 500, headers: new Headers(), body: null, error: outcome };
  return { status: 200, headers: new Headers(), body: outcome };
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit";
}

/** A one-line account of an answer, for failure messages. */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.error) return `threw ${outcome.error instanceof Error ? `${outcome.error.name}: ${outcome.error.message}` : String(outcome.error)}`.slice(0, 300);
  const location = outcome.headers.get("Location");
  const message = messageOf(outcome.body);
  return `${outcome.status}${location ? ` → ${location}` : ""}${message ? ` "${message.slice(0, 160)}"` : ""}`;
}

/** The human message an answer carries: `message`, or the first form error or field error. */
export function messageOf(body: unknown): string | null {
  if (typeof body === "string") return body.trim() ? body.trim().split("\n")[0]! : null;
  if (!body || typeof body !== "object") return null;
  const b = body as { message?: unknown; formErrors?: unknown; fieldErrors?: unknown };
  if (typeof b.message === "string" && b.message) return b.message;
  if (Array.isArray(b.formErrors) && typeof b.formErrors[0] === "string") return b.formErrors[0];
  if (b.fieldErrors && typeof b.fieldErrors === "object") {
    for (const [field, messages] of Object.entries(b.fieldErrors as Record<string, unknown>)) {
      if (Array.isArray(messages) && typeof messages[0] === "string") return `${field}: ${messages[0]}`;
    }
  }
  return null;
}
