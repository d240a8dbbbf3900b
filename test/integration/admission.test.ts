import { EventEmitter } from "node:events";
import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { admission, admissions, RETRY_AFTER_SECONDS } from "~/server/admission";

/** A response that can be finished or closed, like Node's, and records a refusal. */
type FakeResponse = Response & EventEmitter & { refused?: { status: number; headers: Record<string, string> } };
function response(): FakeResponse {
  const res = new EventEmitter() as FakeResponse;
  let status = 200;
  const headers: Record<string, string> = {};
  Object.assign(res, {
    status: (code: number) => ((status = code), res),
    set: (name: string, value: string) => ((headers[name] = value), res),
    type: () => res,
    send: () => {
      res.refused = { status, headers };
      res.emit("finish");
      return res;
    },
  });
  return res;
}
const request = (method = "GET") => ({ method }) as Request;

// Admitted requests start on the next turn of the event loop.
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("admission", () => {
  it("works on at most `concurrency` requests at once and lets the others in, in order of arrival", async () => {
    const admit = admission({ concurrency: 2, queue: 10 });
    const started: number[] = [];
    const responses = Array.from({ length: 5 }, response);
    responses.forEach((res, i) => admit(request(), res, (() => started.push(i)) as NextFunction));
    await turn();
    expect(started).toEqual([0, 1]);

    responses[1]!.emit("finish");
    await turn();
    expect(started).toEqual([0, 1, 2]);
    // A connection closed after finishing releases its slot once, not twice.
    responses[1]!.emit("close");
    await turn();
    expect(started).toEqual([0, 1, 2]);

    responses[0]!.emit("close"); // the client went away
    responses[2]!.emit("finish");
    await turn();
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it("starts an admitted request on a later turn of the event loop, never inside the caller", async () => {
    const admit = admission({ concurrency: 1, queue: 1 });
    const [a, b] = [response(), response()];
    const started: string[] = [];
    admit(request(), a, (() => started.push("a")) as NextFunction);
    expect(started).toEqual([]);
    await turn();
    admit(request(), b, (() => started.push("b")) as NextFunction);
    a.emit("finish");
    expect(started).toEqual(["a"]);
    await turn();
    expect(started).toEqual(["a", "b"]);
  });

  it("frees every slot once the queue is drained", async () => {
    const admit = admission({ concurrency: 1, queue: 10 });
    const started: number[] = [];
    const [a, b] = [response(), response()];
    admit(request(), a, (() => started.push(1)) as NextFunction);
    await turn();
    a.emit("finish");
    admit(request(), b, (() => started.push(2)) as NextFunction);
    await turn();
    expect(started).toEqual([1, 2]);
  });

  it("skips a request whose client left while it waited, and never leaks its slot", async () => {
    const admit = admission({ concurrency: 1, queue: 10 });
    const started: number[] = [];
    const [a, b, c] = [response(), response(), response()];
    admit(request(), a, (() => started.push(1)) as NextFunction);
    admit(request(), b, (() => started.push(2)) as NextFunction);
    admit(request(), c, (() => started.push(3)) as NextFunction);
    await turn();
    b.emit("close"); // gave up while queued
    a.emit("finish");
    await turn();
    expect(started).toEqual([1, 3]);
    c.emit("finish");
    const d = response();
    admit(request(), d, (() => started.push(4)) as NextFunction);
    await turn();
    expect(started).toEqual([1, 3, 4]);
  });

  it("gives the slot back when the client leaves between admission and its start", async () => {
    const admit = admission({ concurrency: 1, queue: 10 });
    const started: number[] = [];
    const [a, b] = [response(), response()];
    admit(request(), a, (() => started.push(1)) as NextFunction);
    a.emit("close"); // before its turn came
    admit(request(), b, (() => started.push(2)) as NextFunction);
    await turn();
    await turn();
    expect(started).toEqual([2]);
  });

  it("never admits a request whose connection closed before it reached admission", async () => {
    const admit = admission({ concurrency: 1, queue: 10 });
    const started: number[] = [];
    // Its "close" was emitted while the body or a static file lookup was being read: no event would release a slot.
    const gone = Object.assign(response(), { destroyed: true });
    admit(request(), gone, (() => started.push(1)) as NextFunction);
    const next = response();
    admit(request(), next, (() => started.push(2)) as NextFunction);
    await turn();
    expect(started).toEqual([2]);
  });

  it("answers 503 with Retry-After when its line is full, and never starts that request", async () => {
    const admit = admission({ concurrency: 1, queue: 2 });
    const started: number[] = [];
    const responses = Array.from({ length: 4 }, response);
    responses.forEach((res, i) => admit(request(), res, (() => started.push(i)) as NextFunction));
    expect(responses[3]!.refused).toEqual({ status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
    expect(responses.slice(0, 3).map((r) => r.refused)).toEqual([undefined, undefined, undefined]);
    await turn();
    responses[0]!.emit("finish");
    await turn();
    responses[1]!.emit("finish");
    await turn();
    responses[2]!.emit("finish");
    await turn();
    expect(started).toEqual([0, 1, 2]);
    // The refusal took no place in the line: the next one is let in.
    const later = response();
    admit(request(), later, (() => started.push(4)) as NextFunction);
    await turn();
    expect(started).toEqual([0, 1, 2, 4]);
  });

  it("makes room in the line when a waiting client leaves", async () => {
    const admit = admission({ concurrency: 1, queue: 1 });
    const [a, b, c] = [response(), response(), response()];
    admit(request(), a, (() => {}) as NextFunction);
    admit(request(), b, (() => {}) as NextFunction);
    b.emit("close");
    admit(request(), c, (() => {}) as NextFunction);
    expect(c.refused).toBeUndefined();
  });

  it("passes an error thrown on starting to Express, and the failed answer releases the slot", async () => {
    const admit = admission({ concurrency: 1, queue: 10 });
    const a = response();
    const errors: unknown[] = [];
    admit(request(), a, ((error?: unknown) => {
      if (error === undefined) throw new Error("broken handler");
      errors.push(error);
      a.emit("finish"); // Express's error handler answers 500
    }) as NextFunction);
    const started: number[] = [];
    admit(request(), response(), (() => started.push(2)) as NextFunction);
    await turn();
    await turn();
    expect(errors).toHaveLength(1);
    expect(started).toEqual([2]);
  });
});

describe("admissions: pages and actions apart", () => {
  it("never queues an action behind pages, nor a page behind actions", async () => {
    const admit = admissions({ reads: { concurrency: 1, queue: 10 }, writes: { concurrency: 1, queue: 10 } });
    const started: string[] = [];
    const pages = [response(), response(), response()];
    pages.forEach((res, i) => admit(request("GET"), res, (() => started.push(`GET ${i}`)) as NextFunction));
    const actions = [response(), response()];
    actions.forEach((res, i) => admit(request(i === 0 ? "POST" : "DELETE"), res, (() => started.push(`write ${i}`)) as NextFunction));
    admit(request("HEAD"), response(), (() => started.push("HEAD")) as NextFunction);
    await turn();
    // One of each is worked on; the pages held in line did not hold up the action.
    expect(started).toEqual(["GET 0", "write 0"]);
    actions[0]!.emit("finish");
    await turn();
    expect(started).toEqual(["GET 0", "write 0", "write 1"]);
    pages[0]!.emit("finish");
    await turn();
    expect(started).toEqual(["GET 0", "write 0", "write 1", "GET 1"]);
  });

  it("refuses with 503 in one lane while the other still admits", async () => {
    const admit = admissions({ reads: { concurrency: 1, queue: 0 }, writes: { concurrency: 1, queue: 0 } });
    const started: string[] = [];
    admit(request("GET"), response(), (() => started.push("GET")) as NextFunction);
    const refusedPage = response();
    admit(request("GET"), refusedPage, (() => started.push("GET 2")) as NextFunction);
    admit(request("PATCH"), response(), (() => started.push("PATCH")) as NextFunction);
    const refusedAction = response();
    admit(request("PUT"), refusedAction, (() => started.push("PUT")) as NextFunction);
    await turn();
    expect(started).toEqual(["GET", "PATCH"]);
    expect(refusedPage.refused?.status).toBe(503);
    expect(refusedAction.refused?.status).toBe(503);
  });
});
