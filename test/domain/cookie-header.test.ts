import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cookieValues } from "~/utils/cookie-header";

describe("cookieValues", () => {
  it("gives every value of a name in header order, whatever stands around it", () => {
    expect(cookieValues("__session=a; x=%E0%A4%A; junk; ;__session=b;  __session = c ", "__session")).toEqual(["a", "b", "c"]);
    expect(cookieValues("x__session=a; __session_x=b", "__session")).toEqual([]);
    expect(cookieValues("__session=a=b", "__session")).toEqual(["a=b"]);
    expect(cookieValues(null, "__session")).toEqual([]);
  });

  it("finds a value however many malformed pairs come before it", () => {
    const junk = fc.string({ unit: fc.constantFrom("a", "=", "%", " ", "\"", "E", "_", "s") }).filter((s) => !s.includes(";"));
    fc.assert(
      fc.property(fc.array(junk, { maxLength: 8 }), (pairs) => {
        const values = cookieValues([...pairs, "__session=ours"].join("; "), "__session");
        expect(values.at(-1)).toBe("ours");
      }),
    );
  });
});
