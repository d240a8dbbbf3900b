import { EventEmitter } from "node:events";
import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { admission } from "~/server/admission";

/** A response that can be finished or closed, like Node's. */
const response = () => new EventEmitter() as unknown as Response & EventEmitter;

describe("admission", () => {
  it("works on at most `limit` requests at once and lets the others in, in order of arrival", () => {
    const admit = admission(2);
    const started: number[] = [];
    const responses = Array.from({ length: 5 }, response);
    responses.forEach((res, i) => admit({} as Request, res, (() => started.push(i)) as NextFunction));
    expect(started).toEqual([0, 1]);

    responses[1]!.emit("finish");
    expect(started).toEqual([0, 1, 2]);
    // A connection closed after finishing releases its slot once, not twice.
    responses[1]!.emit("close");
    expect(started).toEqual([0, 1, 2]);

    responses[0]!.emit("close"); // the client went away
    responses[2]!.emit("finish");
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it("frees every slot once the queue is drained", () => {
    const admit = admission(1);
    const started: number[] = [];
    const [a, b] = [response(), response()];
    admit({} as Request, a, (() => started.push(1)) as NextFunction);
    a.emit("finish");
    admit({} as Request, b, (() => started.push(2)) as NextFunction);
    expect(started).toEqual([1, 2]);
  });

  it("skips a request whose client left while it waited, and never leaks its slot", () => {
    const admit = admission(1);
    const started: number[] = [];
    const [a, b, c] = [response(), response(), response()];
    admit({} as Request, a, (() => started.push(1)) as NextFunction);
    admit({} as Request, b, (() => started.push(2)) as NextFunction);
    admit({} as Request, c, (() => started.push(3)) as NextFunction);
    b.emit("close"); // gave up while queued
    a.emit("finish");
    expect(started).toEqual([1, 3]);
    c.emit("finish");
    const d = response();
    admit({} as Request, d, (() => started.push(4)) as NextFunction);
    expect(started).toEqual([1, 3, 4]);
  });
});
