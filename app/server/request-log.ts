// One JSON line per request for whoever runs the server: when, what, how it ended and how long it took, and nothing about who.
import type { RequestHandler } from "express";

export type RequestLogEntry = {
  /** When the request arrived (ISO 8601, UTC). */
  time: string;
  method: string;
  /** The path alone: no query string (it can carry search terms), no host. */
  path: string;
  /** The status sent; when the client left before the answer was complete, `aborted` is true. */
  status: number;
  duration_ms: number;
  aborted?: true;
};

const MAX_PATH = 512;

/** The path of a request target, without its query string, cut to a length a log line can hold. */
export function loggedPath(target: string): string {
  const path = target.split("?", 1)[0]!.split("#", 1)[0]!;
  return path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}…` : path;
}

/**
 * Writes one line per request when its response closes (sent, or the client gone), as JSON so a
 * log collector reads it without a pattern. No headers, cookies, addresses, query strings or
 * bodies: nothing in the line says who made the request or what they sent. LOG_REQUESTS turns it
 * on or off (on by default, off under NODE_ENV=test).
 */
export function requestLog(write: (line: string) => void = (line) => process.stdout.write(line)): RequestHandler {
  return (req, res, next) => {
    const time = new Date().toISOString();
    const started = process.hrtime.bigint();
    res.once("close", () => {
      const entry: RequestLogEntry = {
        time,
        method: req.method,
        path: loggedPath(req.originalUrl),
        status: res.statusCode,
        duration_ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      };
      if (!res.writableFinished) entry.aborted = true;
      write(`${JSON.stringify(entry)}\n`);
    });
    next();
  };
}
