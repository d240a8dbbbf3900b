/**
 * The route manifest, as Remix builds it: `flatRoutes` from @remix-run/dev reads app/routes with
 * the flat-routes convention (folders with route.tsx, `[.]` escapes, `$` params, `_index`) and
 * the same ignored files as vite.config.ts, and the root route (app/root.tsx) is added as Remix
 * adds it. Each route module is imported so the tests see which handlers it really exports.
 *
 * A `.data` URL (Remix single fetch, e.g. /loops/abc.data) runs the same loader or action as the
 * page, so calling each route's loader and action covers those URLs too.
 */
import path from "node:path";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";

/** As `ignoredRouteFiles` in vite.config.ts. */
const IGNORED_ROUTE_FILES = ["**/*.test.*", "**/*.server.test.*"];

const APP_DIR = path.resolve("app");

export type Handler = (args: { request: Request; params: Record<string, string>; context: { clientAddress: string; cspNonce: string } }) => unknown;

export type RouteEntry = {
  /** Remix's route id, e.g. `routes/loops.$loopId.committee`. */
  id: string;
  /** The URL pattern, e.g. `/loops/:loopId/committee`. */
  pattern: string;
  file: string;
  loader?: Handler;
  action?: Handler;
};

/** Every route Remix serves, root first, with its loader and action if it exports them. */
export async function loadRouteManifest(): Promise<RouteEntry[]> {
  const manifest = flatRoutes(APP_DIR, IGNORED_ROUTE_FILES);
  const files = [
    { id: "root", path: "", file: "root.tsx" },
    ...Object.values(manifest).map((r) => ({ id: r.id, path: r.path ?? "", file: r.file })),
  ];
  const entries: RouteEntry[] = [];
  for (const route of files) {
    const module = (await import(/* @vite-ignore */ path.join(APP_DIR, route.file))) as { loader?: Handler; action?: Handler };
    entries.push({
      id: route.id,
      pattern: `/${route.path}`,
      file: `app/${route.file}`,
      loader: typeof module.loader === "function" ? module.loader : undefined,
      action: typeof module.action === "function" ? module.action : undefined,
    });
  }
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}

/** The URL of a route pattern with its params filled in. */
export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${pattern}`);
    return encodeURIComponent(value);
  });
}
