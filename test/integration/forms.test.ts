import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm, parseValue, readFormData, readJson } from "~/utils/forms.server";

// The one path every form and JSON body takes into an action (utils/forms.server.ts).
const Schema = z.object({ name: z.string().min(1), tags: z.array(z.string()).optional() });

function form(entries: Array<[string, string]>) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

const thrownStatus = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 0;
  } catch (thrown) {
    return (thrown as { init?: { status?: number } }).init?.status ?? -1;
  }
};

describe("reading forms", () => {
  it("treats field names from Object.prototype as plain names (a review found a 500 on constructor=…)", () => {
    for (const name of ["constructor", "__proto__", "hasOwnProperty", "toString", "prototype"]) {
      const parsed = parseForm(Schema, form([["name", "ok"], [name, "a\u0000b"]]));
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(Object.getOwnPropertyNames(parsed.failure.fieldErrors)).toEqual([name]);
    }
    const proto = parseForm(Schema, form([["__proto__", "x"], ["__proto__", "y"], ["name", "n"]]));
    expect(proto).toEqual({ success: true, data: { name: "n" } });
  });

  it("keys errors of repeated fields by the field's name", () => {
    const parsed = parseValue(z.object({ constructor: z.string().min(3) }), { constructor: "a" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(Object.keys(parsed.failure.fieldErrors)).toEqual(["constructor"]);
  });

  it("answers 415 to a body that is not a form and 400 to a broken one, instead of throwing", async () => {
    const post = (type: string | null, body: string) =>
      new Request("http://localhost/x", { method: "POST", headers: type ? { "Content-Type": type } : {}, body });
    expect(await thrownStatus(readFormData(post("application/json", "{}")))).toBe(415);
    expect(await thrownStatus(readFormData(post(null, "a=1")))).toBe(415);
    expect(await thrownStatus(readFormData(post("multipart/form-data; boundary=x", "--x\r\nbroken")))).toBe(400);
    expect(await thrownStatus(readFormData(post("application/x-www-form-urlencoded; charset=UTF-8", "a=1")))).toBe(0);
    expect(await thrownStatus(readJson(post("application/x-www-form-urlencoded", "{}")))).toBe(415);
    expect(await thrownStatus(readJson(post("application/json", "{broken")))).toBe(400);
    expect(await readJson(post("application/json; charset=utf-8", '{"a":1}'))).toEqual({ a: 1 });
  });
});
