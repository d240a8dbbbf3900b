// The draft-save contract's pure parts: the body schema and the comparison autosave uses to tell its own write from someone else's.
import { describe, expect, it } from "vitest";
import { draftSaveSchema, sameContent, staleDraftMessage } from "~/domain/scorecard/draft-save";
import { z } from "zod";

const schemas = { draft: z.object({ takeaways: z.string() }) };

describe("the draft save body", () => {
  it("needs a whole, non-negative version beside the content", () => {
    const schema = draftSaveSchema(schemas);
    expect(schema.safeParse({ version: 3, content: { takeaways: "x" } }).success).toBe(true);
    for (const version of [-1, 0.5, "1", null, undefined]) expect(schema.safeParse({ version, content: { takeaways: "x" } }).success).toBe(false);
    expect(schema.safeParse({ takeaways: "x" }).success).toBe(false);
  });
});

describe("sameContent", () => {
  it("ignores the order of keys, not values or array order", () => {
    expect(sameContent({ a: 1, b: [{ x: 1, y: 2 }] }, { b: [{ y: 2, x: 1 }], a: 1 })).toBe(true);
    expect(sameContent({ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] })).toBe(false);
    expect(sameContent({ a: null }, { a: "" })).toBe(false);
  });
});

describe("staleDraftMessage", () => {
  it("says when the newer version was saved, in UTC", () => {
    expect(staleDraftMessage(new Date("2026-11-30T09:05:00Z"))).toContain("saved in another tab or window at Mon, 30 Nov 2026, 09:05 UTC,");
    expect(staleDraftMessage(null)).toContain("saved in another tab or window,");
  });
});
