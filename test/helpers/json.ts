// JSON actions (the scorecard page, its autosave) are called the way the page's fetches call them.
import type { AppLoadContext } from "@remix-run/node";
import { BASE } from "./route";

type Handler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown;

/** POSTs a JSON body (or a raw string) to a route action and reads its answer, returned or thrown. */
export async function postJson(handler: Handler, url: string, cookie: string, params: Record<string, string>, body: unknown) {
  const request = new Request(new URL(url, BASE), {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  let outcome: unknown;
  try {
    outcome = await handler({ request, params, context: { clientAddress: "203.0.113.1", cspNonce: "" } });
  } catch (thrown) {
    outcome = thrown;
  }
  if (outcome instanceof Response) {
    const text = await outcome.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: outcome.status, body: parsed, location: outcome.headers.get("Location") };
  }
  const d = outcome as { type?: string; data?: unknown; init?: { status?: number } };
  if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, body: d.data, location: null };
  throw outcome;
}
