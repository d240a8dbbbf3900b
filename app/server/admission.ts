import type { NextFunction, Request, Response } from "express";

/**
 * First come, first served: at most `limit` pages and actions are worked on at once; the others
 * wait in arrival order. Node interleaves every request in flight at each database await, so
 * under load (50 connections on a server that answers ~100 a second) an unbounded server hands
 * out latency unfairly: most requests wait their turn, some wait many turns. Admitting a few at a
 * time keeps the order of arrival and the same throughput. A slot is released when the response
 * has been sent or the connection is gone.
 */
export function admission(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };
  return (_req: Request, res: Response, next: NextFunction) => {
    let released = false;
    const done = () => {
      if (released) return;
      released = true;
      release();
    };
    const start = () => {
      res.once("finish", done);
      res.once("close", done);
      next();
    };
    if (active < limit) {
      active += 1;
      start();
    } else {
      waiting.push(start);
    }
  };
}
