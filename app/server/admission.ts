import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * How many requests of one kind are worked on at once, and how many may wait for a turn. Node
 * interleaves every request in flight at each await, so an unbounded server hands out latency
 * unfairly under load: most requests wait their turn, some wait many turns. A few at a time keeps
 * the order of arrival at the same throughput, and a bounded line keeps the wait bounded: a request
 * that finds the line full is answered 503 with Retry-After at once instead of waiting for minutes.
 */
export type Lane = { concurrency: number; queue: number };

/** Pages (GET, HEAD, OPTIONS) and actions (every other method) each have their own lane. */
export type Lanes = { reads: Lane; writes: Lane };

/** What a refused client is told to wait before trying again, in seconds. */
export const RETRY_AFTER_SECONDS = 1;

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Reads and writes admitted apart: a form submission never waits in line behind page renders,
 * and a burst of saves never holds up the pages.
 */
export function admissions(lanes: Lanes): RequestHandler {
  const reads = admission(lanes.reads);
  const writes = admission(lanes.writes);
  return (req, res, next) => (READS.has(req.method) ? reads : writes)(req, res, next);
}

type Entry = { state: "waiting" | "active" | "done"; start: () => void };

/**
 * First come, first served within one lane: at most `concurrency` requests are worked on at once,
 * at most `queue` wait in arrival order, and any more are refused with 503. A slot is released
 * exactly once: when the response has been sent or the connection is gone, whichever comes first.
 * A request whose client left while it waited is skipped; one whose client left before it
 * reached admission (while its body or a static file lookup was being read) is never admitted,
 * because the connection's "close" has already been emitted and would never release its slot.
 *
 * Admitted requests start on the next turn of the event loop (setImmediate), never inside the
 * "finish" of the response before them: Node accepts new connections and reads new requests in
 * the loop's poll phase, and a server that starts the next page from the previous one's callback
 * keeps the loop busy enough that new connections wait in the kernel for hundreds of
 * milliseconds. Those waits, not the database, were the long tails of writes under load.
 */
export function admission({ concurrency, queue }: Lane): RequestHandler {
  let active = 0;
  const waiting: Entry[] = [];

  // Hands a freed slot to the next request still waiting, or gives it back.
  const release = () => {
    const entry = waiting.shift();
    if (entry) entry.start();
    else active -= 1;
  };

  return (req: Request, res: Response, next: NextFunction) => {
    // The client is already gone: nobody is left to answer, and no event would free a slot.
    if (res.destroyed || res.writableEnded || req.socket?.destroyed) return;

    const entry: Entry = {
      state: "waiting",
      start: () => {
        entry.state = "active";
        setImmediate(() => {
          // The connection closed between admission and this turn: the slot went back already.
          if (entry.state !== "active") return;
          try {
            next();
          } catch (error) {
            next(error);
          }
        });
      },
    };
    const end = () => {
      const was = entry.state;
      entry.state = "done";
      if (was === "active") return release();
      // A client that gave up while waiting leaves the line, making room for another.
      const at = waiting.indexOf(entry);
      if (at >= 0) waiting.splice(at, 1);
    };
    // Listening from arrival: a connection may close while the request waits. "close" follows
    // "finish", a destroyed socket and a response that failed alike; the first one counts.
    res.once("finish", end);
    res.once("close", end);

    if (active < concurrency) {
      active += 1;
      entry.start();
    } else if (waiting.length < queue) {
      waiting.push(entry);
    } else {
      entry.state = "done";
      refuse(res);
    }
  };
}

function refuse(res: Response): void {
  res
    .status(503)
    .set("Retry-After", String(RETRY_AFTER_SECONDS))
    .type("text/plain")
    .send("The server is busy. Please try again in a moment.");
}
