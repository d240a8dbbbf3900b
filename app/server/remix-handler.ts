import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { withinRequest } from "~/utils/request-scope.server";

/**
 * Hands a request to Remix with the body that request-body.ts has already read (Remix's own
 * Express adapter would read the socket again, after admission). Loaders and actions are told
 * when the client goes away before the answer is sent (the request's signal aborts). Each request
 * runs in a scope of its own, so its loaders read the session once (request-scope.server.ts).
 */
export function remixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "development" | "production";
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}): RequestHandler {
  const handle = createRequestHandler(options.build, options.mode);
  return async (req, res, next) => {
    let request: Request;
    try {
      request = fetchRequest(req, res);
    } catch {
      // A Host header that makes no URL: the client's mistake, not the server's.
      res.status(400).type("text/plain").send("Bad request: the Host header is not a valid host.");
      return;
    }
    try {
      const response = await withinRequest(() => handle(request, options.getLoadContext(req, res)));
      await send(res, response);
    } catch (error) {
      next(error);
    }
  };
}

function fetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // The protocol follows TRUST_PROXY (X-Forwarded-Proto) as Express reads it; the host likewise.
  const host = (req.app.get("trust proxy") ? req.get("x-forwarded-host") : undefined) ?? req.get("host");
  const url = new URL(req.originalUrl, `${req.protocol}://${host}`);
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const body = res.locals.body as Buffer | undefined;
  return new Request(url, {
    method: req.method,
    headers: headersOf(req),
    signal: controller.signal,
    body: body && req.method !== "GET" && req.method !== "HEAD" ? (body as Uint8Array<ArrayBuffer>) : undefined,
  });
}

function headersOf(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

async function send(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  // Iterating Headers yields each Set-Cookie on its own.
  for (const [name, value] of response.headers) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
