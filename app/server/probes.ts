// /healthz and /readyz for a process supervisor or a load balancer: no session, no personal data, never queued.
import type { Express } from "express";
import type { Readiness } from "~/domain/readiness";

/**
 * - `GET /healthz`: the process is up and serving HTTP. Always 200 `{"status":"up"}`.
 * - `GET /readyz`: the database answers and every migration this code ships is applied: 200
 *   `{"status":"ready","database":"sqlite"}` (or "postgresql"), else 503
 *   `{"status":"not ready","reason":"…","database":"…"}`.
 *
 * They are mounted before the pages' chain (http-app.ts guardPages), so they skip admission: a
 * probe queued behind eight slow pages would time out, and a supervisor would restart (or a load
 * balancer drop) an instance that is only busy, turning load into an outage. They read no body,
 * take no session and answer nothing about people, so the chain has nothing to add.
 */
export function mountProbes(app: Express, readiness: () => Promise<Readiness>): Express {
  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").status(200).json({ status: "up" });
  });
  app.get("/readyz", async (_req, res) => {
    let state: Readiness;
    try {
      state = await readiness();
    } catch {
      state = { ready: false, reason: "the readiness check failed" };
    }
    res.set("Cache-Control", "no-store");
    const database = state.database ? { database: state.database } : {};
    if (state.ready) res.status(200).json({ status: "ready", ...database });
    else res.status(503).json({ status: "not ready", reason: state.reason, ...database });
  });
  return app;
}
