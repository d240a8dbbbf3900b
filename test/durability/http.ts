// The trial clients talk to the server as browsers do: a session cookie, the Origin header on writes, redirects read rather than followed.
export type Answer = { status: number; location: string | null; text: string };

type Body = { form: Record<string, string | string[]> } | { json: unknown } | Record<string, never>;

export async function send(base: string, path: string, cookie: string | null, body: Body = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (cookie) headers.Cookie = cookie;
  let payload: string | undefined;
  if ("form" in body) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(body.form)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
    payload = params.toString();
    headers["Content-Type"] = "application/x-www-form-urlencoded";
  } else if ("json" in body) {
    payload = JSON.stringify(body.json);
    headers["Content-Type"] = "application/json";
  }
  if (payload !== undefined) headers.Origin = base;
  const response = await fetch(base + path, {
    method: payload === undefined ? "GET" : "POST",
    headers,
    body: payload,
    redirect: "manual",
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, location: response.headers.get("Location"), text: await response.text() };
}

/** Signs in through the sign-in form's action; the session cookie to send back. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const params = new URLSearchParams({ email, password });
  const response = await fetch(`${base}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: params.toString(),
    redirect: "manual",
  });
  await response.arrayBuffer();
  const cookie = response.headers.get("Set-Cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Signing in as ${email} answered ${response.status}`);
  return cookie;
}

export function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
