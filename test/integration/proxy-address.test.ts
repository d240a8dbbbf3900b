/**
 * The client address the app believes behind reverse proxies (TRUST_PROXY, as http-app.ts sets
 * Express's "trust proxy"): the sign-in throttle and the audit trail key on it, so an entry a
 * client writes into X-Forwarded-For itself must never become its address.
 */
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trustProxySetting } from "~/server/http-app";
import { parseConfig } from "~/utils/config";

const servers: Array<{ close: () => void }> = [];
const bases = new Map<string, string>();

/** A server that answers with what Express makes of the request under TRUST_PROXY=`value`. */
async function serverFor(value: string): Promise<string> {
  const app = express();
  app.set("trust proxy", trustProxySetting(parseConfig({ TRUST_PROXY: value }).trustProxyHops));
  app.get("/", (req, res) => void res.json({ ip: req.ip, protocol: req.protocol }));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  for (const value of ["false", "true", "2"]) bases.set(value, await serverFor(value));
});
afterAll(() => servers.forEach((s) => s.close()));

async function seen(trustProxy: string, headers: Record<string, string>): Promise<{ ip: string; protocol: string }> {
  const response = await fetch(bases.get(trustProxy)!, { headers });
  return (await response.json()) as { ip: string; protocol: string };
}

describe("the client's address behind reverse proxies", () => {
  it("without TRUST_PROXY is the socket's, whatever the headers say", async () => {
    expect(await seen("false", { "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https" })).toEqual({ ip: "127.0.0.1", protocol: "http" });
  });

  it("behind one proxy is the address that proxy saw, and https is the proxy's word", async () => {
    expect(await seen("true", { "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https" })).toEqual({ ip: "203.0.113.9", protocol: "https" });
  });

  it("ignores what the client wrote into X-Forwarded-For before the proxy appended its address", async () => {
    // A guesser posing as an address the account signed in from recently (exempt from the throttle).
    expect((await seen("true", { "X-Forwarded-For": "198.51.100.7, 203.0.113.9" })).ip).toBe("203.0.113.9");
    expect((await seen("true", { "X-Forwarded-For": "10.0.0.1, 10.0.0.2, 198.51.100.7, 203.0.113.9" })).ip).toBe("203.0.113.9");
  });

  it("behind two proxies is the address the outer one saw", async () => {
    expect((await seen("2", { "X-Forwarded-For": "198.51.100.7, 203.0.113.9, 10.0.0.5" })).ip).toBe("203.0.113.9");
  });
});
