import { gzipSync } from "node:zlib";

/**
 * The JavaScript a page ships: every module script and modulepreload link in its HTML (the
 * entry, the route and their imports), fetched once each and gzipped, summed.
 */
export async function pageJavaScript(base: string, path: string, cookie: string): Promise<{ files: number; bytes: number; gzipBytes: number }> {
  const html = await (await fetch(base + path, { headers: cookie ? { Cookie: cookie } : {}, signal: AbortSignal.timeout(30_000) })).text();
  const sources = new Set<string>();
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) sources.add(m[1]!);
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) sources.add(m[1]!);
  for (const m of html.matchAll(/import\s*(?:[^"']*from\s*)?["']([^"']+\.js)["']/g)) sources.add(m[1]!);
  let bytes = 0;
  let gzipBytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base), { signal: AbortSignal.timeout(30_000) })).arrayBuffer());
    bytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { files: sources.size, bytes, gzipBytes };
}
