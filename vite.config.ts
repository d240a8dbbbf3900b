import fs from "node:fs";
import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * Route modules with only a loader or an action (resource routes: exports, the calendar file, the
 * draft autosave, sign-out) have nothing for the browser, so Rollup reports their client chunk as
 * empty. That is expected for exactly those routes; any other empty chunk is still reported.
 * Chunk names are the route file names with Rollup's substitutions ("[.]" → "_._", "$" → "_").
 */
function routesWithoutComponent(dir = "app/routes"): Set<string> {
  const key = (name: string) => name.replace(/[^A-Za-z0-9]/g, "");
  const names = new Set<string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = entry.isDirectory()
      ? ["route.tsx", "route.ts"].map((f) => path.join(dir, entry.name, f)).find((f) => fs.existsSync(f))
      : /\.tsx?$/.test(entry.name) ? path.join(dir, entry.name) : undefined;
    if (file && !/^export default /m.test(fs.readFileSync(file, "utf8"))) names.add(key(entry.name.replace(/\.tsx?$/, "")));
  }
  return names;
}
const RESOURCE_ROUTES = routesWithoutComponent();
const isResourceRouteChunk = (names: readonly string[] | undefined) =>
  names !== undefined && names.length > 0 && names.every((n) => RESOURCE_ROUTES.has(n.replace(/[^A-Za-z0-9]/g, "")));

export default defineConfig({
  server: { port: 3000 },
  build: {
    rollupOptions: {
      onwarn(warning, warn) {
        // zod 4 ships /*#__PURE__*/ annotations in positions Rollup cannot use; harmless.
        if (warning.code === "INVALID_ANNOTATION") return;
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        if (warning.code === "EMPTY_BUNDLE" && isResourceRouteChunk(warning.names)) return;
        warn(warning);
      },
    },
  },
  plugins: [
    remix({
      ignoredRouteFiles: ["**/*.test.*", "**/*.server.test.*"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
  ],
});
