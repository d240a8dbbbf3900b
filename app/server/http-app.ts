import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Express, type RequestHandler } from "express";
import { parseConfig } from "~/utils/config";
import { admissions, type Lanes } from "./admission";
import type { Readiness } from "~/domain/readiness";
import { mountProbes } from "./probes";
import { remixHandler } from "./remix-handler";
import { readBodyFirst } from "./request-body";
import { requestLog } from "./request-log";
import { cspNonce, noStore, sameOriginWrites, securityHeaders } from "./security-headers";

type Options = { development: boolean; trustProxyHops: number; logRequests: boolean; admission?: Lanes };

/**
 * Express's "trust proxy" for TRUST_PROXY (config.ts): a hop count, so req.ip is the address our
 * own outermost proxy saw and X-Forwarded-For entries a client wrote before it are ignored.
 */
export const trustProxySetting = (hops: number): number | false => (hops > 0 ? hops : false);

/**
 * Pages and actions worked on at once and waiting, each apart (admission.ts): the defaults of
 * READ_CONCURRENCY, READ_QUEUE, WRITE_CONCURRENCY and WRITE_QUEUE (config.ts), measured with test/bench/tails.ts.
 */
export const ADMISSION: Lanes = parseConfig({}).admission;

/**
 * The largest body any form or JSON endpoint accepts, and how long a client has to send it.
 * The largest legitimate body, a scorecard with every field at its maximum length in
 * three-byte characters, is about a third of the limit (test/integration/request-limits.test.ts).
 */
export const BODY_LIMITS = { maxBytes: 1024 * 1024, timeoutMs: 10_000 };

/** The Express app around Remix: headers, static files, the health probes (probes.ts), then every page and action. */
export async function createHttpApp({ development, trustProxyHops, logRequests, admission = ADMISSION }: Options) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(trustProxyHops));
  // First, so every request is logged: static files, probes and refusals too.
  if (logRequests) app.use(requestLog());
  app.use(compression());
  app.use(cspNonce);
  app.use(securityHeaders({ development }));

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (development) {
    const vite = await import("vite");
    const devServer = await vite.createServer({ server: { middlewareMode: true } });
    app.use(devServer.middlewares);
    build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const client = path.resolve("build", "client");
    app.use("/assets", express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(client, { maxAge: "1h" }));
    const serverBuild = path.resolve("build", "server", "index.js");
    build = (await import(serverBuild)) as ServerBuild;
  }

  const { databaseReadiness } = await import("~/data/readiness.server");
  mountRoutes(
    app,
    () => databaseReadiness(),
    remixHandler({
      build,
      mode: development ? "development" : "production",
      getLoadContext: (req, res) => ({
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
        cspNonce: res.locals.cspNonce as string,
      }),
    }),
    BODY_LIMITS,
    admission,
  );
  return app;
}

/**
 * The health probes first, outside admission (probes.ts says why), then every page and action
 * behind guardPages. Tests mount the same routes around a handler of their own (test/integration/probes.test.ts).
 */
export function mountRoutes(
  app: Express,
  readiness: () => Promise<Readiness>,
  handler: RequestHandler,
  limits = BODY_LIMITS,
  lanes: Lanes | number = ADMISSION,
): Express {
  mountProbes(app, readiness);
  return guardPages(app, handler, limits, lanes);
}

/**
 * What stands before every page and action (not static files, not the probes): no caching,
 * cross-site writes refused, the body read within its limits, then admission a few at a time, pages
 * and actions apart. Tests mount the same chain around a handler of their own
 * (test/integration/http-guards.test.ts); a number there is both lanes' concurrency.
 */
export function guardPages(app: Express, handler: RequestHandler, limits = BODY_LIMITS, lanes: Lanes | number = ADMISSION): Express {
  app.use(noStore);
  app.use(sameOriginWrites);
  // The body is read before admission: a slow client holds a socket, not a slot.
  app.use(readBodyFirst(limits));
  const lane = (concurrency: number) => ({ concurrency, queue: ADMISSION.reads.queue });
  app.use(admissions(typeof lanes === "number" ? { reads: lane(lanes), writes: lane(lanes) } : lanes));
  app.all("*", handler);
  return app;
}
