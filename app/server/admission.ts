import type { NextFunction, Request, Response } from "express";

/**
 * First come, first served: at most `limit` pages and actions are worked on at once; the others
 * wait in arrival order. Node interleaves every request in flight at each database await, so
 * under load (50 connections on a server that answers ~100 a second) an unbounded server hands
 * out latency unfairly: most requests wait their turn, some wait many turns. Admitting a few at a
 * time keeps the order of arrival and the same throughput. A slot is released when the response
 * has been sent or the connection is gone; a request whose client left while it waited is skipped.
 */
export function admission(limit: number) {
  let active = 0;
  // Each entry starts its request, or answers false when that client has already gone.
  const waiting: Array<() => boolean> = [];
  const release = () => {
    while (waiting.length > 0) if (waiting.shift()!()) return;
    active -= 1;
  };
  return (_req: Request, res: Response, next: NextFunction) => {
    let state: "waiting" | "active" | "done" = "waiting";
    const end = () => {
      const wasActive = state === "active";
      state = "done";
      if (wasActive) release();
    };
    // Listening from arrival: a connection may close while the request waits.
    res.once("finish", end);
    res.once("close", end);
    const start = () => {
      if (state !== "waiting") return false;
      state = "active";
      next();
      return true;
    };
    if (active < limit) {
      active += 1;
      start();
    } else {
      waiting.push(start);
    }
  };
}
