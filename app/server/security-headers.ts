import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import helmet from "helmet";

/** A fresh nonce per response; Remix's inline scripts carry it, so no other inline script runs. */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
};

export function securityHeaders({ development }: { development: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`],
        // Charts and React set style attributes; styles cannot run code, so inline styles are allowed.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        // Vite's hot reload talks over a websocket in development only.
        "connect-src": development ? ["'self'", "ws:", "wss:"] : ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        ...(development ? {} : { "upgrade-insecure-requests": null }),
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "same-origin" },
    frameguard: { action: "deny" },
    xContentTypeOptions: true,
  });
}

/**
 * Pages hold personal data: never cache them, so "back" after sign-out cannot show a page
 * from the browser's cache. Hashed build assets are immutable and served before this runs.
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set("Cache-Control", "no-store");
  next();
};

/**
 * A state-changing request from another site is refused. SameSite=Lax cookies already stop most
 * of these; checking Origin also covers old browsers and same-site subdomains. An opaque origin
 * (`Origin: null`: a sandboxed frame, a document from disk) cannot be shown to be this site and is
 * refused too. A request without Origin (curl, old browsers' same-origin posts) passes.
 */
export const sameOriginWrites: RequestHandler = (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const origin = req.get("origin");
  if (origin === undefined) return next();
  let originHost = "";
  try {
    originHost = origin === "null" ? "" : new URL(origin).host;
  } catch {
    originHost = "";
  }
  // The host the app answers as: the proxy's (X-Forwarded-Host) behind a trusted proxy.
  const host = (req.app.get("trust proxy") ? req.get("x-forwarded-host") : undefined) ?? req.get("host");
  if (originHost !== "" && originHost === host) return next();
  res.status(403).type("text/plain").send("Cross-site request refused.");
};
