/**
 * The session, read once per request (app/utils/request-scope.server.ts): the loaders of one GET
 * share the read, whatever Request object Remix hands each; actions, and loaders outside a
 * request's scope, read for themselves. Through the app's own Remix handler (remix-handler.ts)
 * with a two-route build: Remix gives the root's loader and the page's a Request each.
 */
import type { AddressInfo } from "node:net";
import type { EntryContext, ServerBuild } from "@remix-run/node";
import express from "express";
import { describe, expect, it } from "vitest";
import { countStatements } from "~/data/statement-count";
import { prisma } from "~/data/db.server";
import { remixHandler } from "~/server/remix-handler";
import { getUser } from "~/utils/auth.server";
import { withinRequest } from "~/utils/request-scope.server";
import { buildRequest } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

const sessionReads = (sql: string[]) => sql.filter((s) => /FROM "Session"/.test(s)).length;

async function signedIn() {
  const user = await createUser(["interviewer"]);
  return { user, cookie: await sessionCookieFor(user.id) };
}

describe("the session in a request's scope", () => {
  it("is read once by the loaders of one GET, and each gets the user", async () => {
    const { user, cookie } = await signedIn();
    const request = () => buildRequest({ url: "/", cookie });
    const counted = await withinRequest(() => countStatements(() => Promise.all([getUser(request()), getUser(request()), getUser(request())])));
    expect(counted.result.map((u) => u?.id)).toEqual([user.id, user.id, user.id]);
    expect(sessionReads(counted.sql)).toBe(1);
  });

  it("is read by every asker outside a scope, in separate requests, and for an action", async () => {
    const { user, cookie } = await signedIn();
    const outside = await countStatements(() => Promise.all([getUser(buildRequest({ url: "/", cookie })), getUser(buildRequest({ url: "/", cookie }))]));
    expect(sessionReads(outside.sql)).toBe(2);

    const twoRequests = await countStatements(() => Promise.all([withinRequest(() => getUser(buildRequest({ url: "/", cookie }))), withinRequest(() => getUser(buildRequest({ url: "/", cookie })))]));
    expect(sessionReads(twoRequests.sql)).toBe(2);

    // An action may sign in or out: it reads for itself, and the loaders after it read afresh.
    const post = () => buildRequest({ url: "/", cookie, form: { intent: "x" } });
    const action = await withinRequest(() => countStatements(async () => [await getUser(post()), await getUser(post())]));
    expect(action.result.map((u) => u?.id)).toEqual([user.id, user.id]);
    expect(sessionReads(action.sql)).toBe(2);
  });

  it("is checked against each asker's own clock: shared, an expired session is still no session", async () => {
    const user = await createUser(["interviewer"]);
    const expiresAt = new Date(Date.now() + 60_000);
    const cookie = await sessionCookieFor(user.id);
    await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt } });
    const request = () => buildRequest({ url: "/", cookie });
    const [before, after] = await withinRequest(async () => [await getUser(request(), new Date(expiresAt.getTime() - 1000)), await getUser(request(), new Date(expiresAt.getTime() + 1000))]);
    expect(before?.id).toBe(user.id);
    expect(after).toBeNull();
    // The expired session was deleted, as without the scope.
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("is read once per page request through the app's Remix handler, though each loader gets its own Request", async () => {
    const { user, cookie } = await signedIn();
    const seen: Request[] = [];
    const loader = async ({ request }: { request: Request }) => {
      seen.push(request);
      return { user: (await getUser(request))?.id ?? null };
    };
    const build = twoRouteBuild(loader);
    const app = express();
    let counted: Promise<string[]> | undefined;
    // Counts what the handler sends, from the moment the request reaches it to the end of the answer.
    app.use((_req, res, next) => {
      counted = countStatements(
        () =>
          new Promise<void>((resolve) => {
            res.on("finish", resolve);
            next();
          }),
      ).then((c) => c.sql);
    });
    app.all("*", remixHandler({ build, mode: "production", getLoadContext: () => ({ clientAddress: "203.0.113.9", cspNonce: "" }) }));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const answer = await fetch(`${base}/page`, { headers: { Cookie: cookie } });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ root: { user: user.id }, "routes/page": { user: user.id } });
      expect(seen).toHaveLength(2);
      expect(seen[0]).not.toBe(seen[1]);
      expect(sessionReads(await counted!)).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/** The smallest build Remix serves: a root and one page, both with `loader`; the document is the loaders' data as JSON. */
function twoRouteBuild(loader: (args: { request: Request }) => Promise<unknown>): ServerBuild {
  const route = (id: string, path: string, parentId?: string) => ({ id, path, parentId, index: undefined, caseSensitive: undefined });
  const entryRoute = (id: string, path: string, parentId?: string) => ({
    ...route(id, path, parentId),
    module: `/${id}.js`,
    hasAction: false,
    hasLoader: true,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: false,
  });
  return {
    mode: "production",
    entry: {
      module: {
        default: (_request: Request, status: number, headers: Headers, context: EntryContext) =>
          new Response(JSON.stringify(context.staticHandlerContext.loaderData), { status, headers: { ...Object.fromEntries(headers), "Content-Type": "application/json" } }),
      },
    },
    routes: {
      root: { ...route("root", ""), module: { loader, default: () => null } },
      "routes/page": { ...route("routes/page", "page", "root"), module: { loader, default: () => null } },
    },
    assets: { entry: { imports: [], module: "/entry.js" }, routes: { root: entryRoute("root", ""), "routes/page": entryRoute("routes/page", "page", "root") }, url: "/manifest.js", version: "1" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: true, unstable_optimizeDeps: false, v3_routeConfig: false },
    isSpaMode: false,
  } as unknown as ServerBuild;
}
