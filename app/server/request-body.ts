import type { RequestHandler } from "express";

/**
 * Reads a request's whole body before the request is admitted (admission.ts), within limits, so
 * that a slow or huge upload costs a socket and at most `maxBytes` of memory, never one of the
 * few slots in which pages and actions are worked on. A client that declares a body over the
 * limit is answered 413 at once without reading it; one that sends more than the limit is
 * answered 413 as soon as it passes it; one that takes longer than `timeoutMs` to send its body
 * is answered 408. Each of these answers closes the connection.
 *
 * The body is kept in `res.locals.body` for the Remix handler (remix-handler.ts).
 */
export type BodyLimits = { maxBytes: number; timeoutMs: number };

const WITHOUT_BODY = new Set(["GET", "HEAD", "OPTIONS"]);

export function readBodyFirst({ maxBytes, timeoutMs }: BodyLimits): RequestHandler {
  return (req, res, next) => {
    if (WITHOUT_BODY.has(req.method)) return next();
    const refuse = (status: 408 | 413, message: string) => {
      if (res.headersSent) return;
      // The rest of the body is never read: the connection ends with the answer.
      res.set("Connection", "close");
      res.status(status).type("text/plain").send(message);
      req.unpipe();
      req.pause();
      res.once("finish", () => req.socket.destroy());
    };
    const tooLarge = () => refuse(413, `The request body is larger than ${Math.floor(maxBytes / 1024)} KiB.`);

    const declared = Number(req.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();

    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = () => {
      settled = true;
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const timer = setTimeout(() => {
      if (settled) return;
      settle();
      refuse(408, `The request body did not arrive within ${Math.round(timeoutMs / 1000)} seconds.`);
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        settle();
        tooLarge();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      settle();
      res.locals.body = Buffer.concat(chunks, received);
      next();
    };
    const onError = () => {
      // The client went away mid-body: nobody is left to answer.
      settle();
      req.socket.destroy();
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  };
}
