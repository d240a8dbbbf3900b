import type { AppLoadContext } from "@remix-run/node";

/** What a loader or action answered, whether it returned or threw. */
export type Answer = { status: number; headers: Headers; body: unknown };

export type Handler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown;

export type Call = {
  url: string;
  cookie?: string | null;
  form?: Record<string, string | string[]>;
  /** A JSON body instead (POSTed as application/json), as the scorecard page sends. */
  json?: unknown;
  address?: string;
  params?: Record<string, string>;
};

export const BASE = "http://localhost";

export function buildRequest({ url, cookie, form, json }: Call): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  if (json !== undefined) {
    headers.set("Content-Type", "application/json");
    return new Request(new URL(url, BASE), { method: "POST", headers, body: JSON.stringify(json) });
  }
  if (!form) return new Request(new URL(url, BASE), { headers });
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return new Request(new URL(url, BASE), { method: "POST", headers, body });
}

/** Calls a route's loader or action the way Remix would, and reads its answer. */
export async function call(handler: Handler | undefined, input: Call): Promise<Answer> {
  if (!handler) throw new Error("The route has no such handler");
  const context: AppLoadContext = { clientAddress: input.address ?? "203.0.113.7", cspNonce: "" };
  let outcome: unknown;
  try {
    outcome = await handler({ request: buildRequest(input), params: input.params ?? {}, context });
  } catch (thrown) {
    outcome = thrown;
  }
  if (outcome instanceof Response) {
    const text = await outcome.text();
    return { status: outcome.status, headers: outcome.headers, body: text };
  }
  if (isDataWithInit(outcome)) {
    return { status: outcome.init?.status ?? 200, headers: new Headers(outcome.init?.headers), body: outcome.data };
  }
  if (outcome instanceof Error) throw outcome;
  return { status: 200, headers: new Headers(), body: outcome };
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit";
}

/** The `name=value` part of a Set-Cookie header, ready to send back as a Cookie header. */
export function cookieFrom(answer: Answer): string | null {
  const setCookie = answer.headers.get("Set-Cookie");
  return setCookie ? setCookie.split(";")[0]! : null;
}
