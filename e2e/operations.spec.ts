// The built server answers its health checks without a session, before any page is opened.
import { expect, test } from "@playwright/test";

test("/healthz and /readyz answer anyone with a status and nothing else", async ({ request }) => {
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "up" });
  expect(health.headers()["set-cookie"]).toBeUndefined();
  expect(health.headers()["cache-control"]).toBe("no-store");

  const ready = await request.get("/readyz");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready", database: "sqlite" });
  expect(ready.headers()["set-cookie"]).toBeUndefined();
});
