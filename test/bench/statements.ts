/**
 * Statements per request, counted in-process (run as a child process with DATABASE_URL set, like
 * micro.ts): the production build's request handler answers each request as the server would
 * (in a request scope of its own, as app/server/remix-handler.ts runs it), inside a count of the
 * SQL statements it sends (app/data/statement-count.ts). Each page is asked for once before it is
 * counted, as a server that has served it before answers it. Prints JSON.
 *
 *   node --import tsx test/bench/statements.ts '<requests as JSON>'
 */
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
// The budgets' split by purpose (session read, audit entry, data), from a file that loads nothing of the app.
import { statementsByPurpose as byPurpose } from "../helpers/statement-purposes";

/** One request to count: a GET of a page, or a POST of a JSON body. */
export type CountedRequest = { name: string; url: string; cookie: string; json?: unknown; expect: number };
export type Counted = { statements: number; transactions: number; status: number; session: number; audit: number; data: number };


const requests = JSON.parse(process.argv[2] ?? "[]") as CountedRequest[];
const { createRequestHandler } = await import("@remix-run/node");
const { countStatements } = await import("~/data/statement-count");
const { withinRequest } = await import("~/utils/request-scope.server");
const build = (await import(path.resolve("build", "server", "index.js"))) as ServerBuild;
const handle = createRequestHandler(build, "production");

const BASE = "http://127.0.0.1";
async function answer({ url, cookie, json }: CountedRequest): Promise<number> {
  // No cookie: signed out (the floor, the sign-in page).
  const headers = new Headers(cookie ? { Cookie: cookie } : {});
  if (json !== undefined) headers.set("Content-Type", "application/json");
  const request = new Request(BASE + url, json === undefined ? { headers } : { method: "POST", headers, body: JSON.stringify(json) });
  const response = await withinRequest(() => handle(request, { clientAddress: "127.0.0.1", cspNonce: "" }));
  await response.arrayBuffer();
  return response.status;
}

const counted: Record<string, Counted> = {};
for (const request of requests) {
  if (request.json === undefined) await answer(request);
  const { result: status, statements, transactions, sql } = await countStatements(() => answer(request));
  if (status !== request.expect) throw new Error(`${request.name}: ${request.url} answered ${status}, not ${request.expect}`);
  counted[request.name] = { statements, transactions, status, ...byPurpose(sql) };
}
const { prisma } = await import("~/data/db.server");
await prisma.$disconnect();
console.log(JSON.stringify(counted));
