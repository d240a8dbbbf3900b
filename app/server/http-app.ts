import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { admission } from "./admission";
import { cspNonce, noStore, sameOriginWrites, securityHeaders } from "./security-headers";

type Options = { development: boolean; trustProxy: boolean };

/** Pages and actions worked on at once (admission.ts); measured with `npm run bench`. */
const CONCURRENT_REQUESTS = 8;

/** The Express app around Remix: headers, static files, then every page and action. */
export async function createHttpApp({ development, trustProxy }: Options) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);
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

  app.use(noStore);
  app.use(sameOriginWrites);
  // Pages and actions only: static files above are not queued.
  app.use(admission(CONCURRENT_REQUESTS));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: development ? "development" : "production",
      getLoadContext: (req, res) => ({
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
        cspNonce: res.locals.cspNonce as string,
      }),
    }),
  );
  return app;
}
