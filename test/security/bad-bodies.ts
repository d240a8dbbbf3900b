/**
 * Bad input, generated (fast-check): hostile values, form fields with at least one poison each,
 * JSON documents with at least one poison each, and the transports that carry them — proper
 * urlencoded, multipart (whole or broken), no Content-Type, the wrong one, JSON to a form action,
 * a form to a JSON action, unparseable JSON. Every generated input is invalid by construction:
 * a well-behaved action refuses each with a 4xx and writes nothing.
 */
import fc from "fast-check";

export type Fields = Array<[string, string]>;

/** Strings that have broken parsers, databases and renderers. */
export const EDGE_STRINGS = [
  "",
  " ",
  "\t \r\n",
  "\u0000",
  "a\u0000b",
  "\u202Eevil\u202C",
  "\u200F\u200E",
  "e\u0301\u0301\u0301\u0301",
  "\uD800",
  "x\uDFFFy",
  "\uFEFF",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧨",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "null",
  "undefined",
  "[object Object]",
  "<script>alert(1)</script>",
  "'; DROP TABLE \"User\"; --",
  "../../etc/passwd",
  "%00%ZZ",
  "${jndi:ldap://x}",
] as const;

/** Numbers, as a form sends them, that no field of the app takes. */
export const BAD_NUMBERS = ["-1", "-0.5", "1.5", "1e309", "NaN", "Infinity", "-Infinity", "0x1F", "9007199254740993", "1_000", "١٢٣", "12abc", "abc"] as const;

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 24 }) },
);

/**
 * At least `min` characters, counted as zod counts them (code points: "🧨" is one), so longer than
 * the field's limit whatever the unit repeated.
 */
export const oversize = (min: number): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min, max: min + 3000 }), fc.constantFrom("x", "é", "🧨", "e\u0301", " a")).map(([n, unit]) => unit.repeat(Math.ceil(n / [...unit].length)));

// ---- Poisons --------------------------------------------------------------------------------

/** One change to an input, named for failure messages. */
export type Poison<T> = { label: string; apply: (value: T) => T };

export const show = (value: unknown): string => {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  const shown = text.length > 40 ? `${text.slice(0, 24)}…(${text.length} chars)` : text;
  return JSON.stringify(shown);
};

export type Poisoned<T> = { value: T; poisons: string[] };

/** `base` spoiled by one to three poisons, plus up to `maxNoise` harmless extras. */
export function poisoned<T>(base: () => T, poison: fc.Arbitrary<Poison<T>>, noise: fc.Arbitrary<Poison<T>>, maxNoise = 3): fc.Arbitrary<Poisoned<T>> {
  return fc
    .tuple(fc.array(poison, { minLength: 1, maxLength: 3 }), fc.array(noise, { maxLength: maxNoise }))
    .map(([poisons, extras]) => ({ value: [...poisons, ...extras].reduce((v, m) => m.apply(v), base()), poisons: [...poisons, ...extras].map((m) => m.label) }));
}

// ---- Form fields -------------------------------------------------------------------------

export const setField = (name: string, value: string): Poison<Fields> => ({ label: `${name}=${show(value)}`, apply: (f) => [...f.filter(([k]) => k !== name), [name, value]] });
export const dropField = (name: string): Poison<Fields> => ({ label: `no ${name}`, apply: (f) => f.filter(([k]) => k !== name) });
export const addField = (name: string, value: string): Poison<Fields> => ({ label: `+${name}=${show(value)}`, apply: (f) => [...f, [name, value]] });
/** The same field sent twice: a text field then arrives as a list. */
export const repeatField = (name: string): Poison<Fields> => ({
  label: `${name} twice`,
  apply: (f) => {
    const found = f.find(([k]) => k === name);
    // After another poison dropped the field, "twice" still means twice (once would be valid).
    return found ? [...f, [name, found[1]]] : [...f, [name, "x"], [name, "x"]];
  },
});

/** Extra fields nobody asked for (they must change nothing): prototype keys, unknown names. */
export const noiseField: fc.Arbitrary<Poison<Fields>> = fc
  .tuple(
    fc.constantFrom("__proto__", "constructor", "prototype", "__proto__[admin]", "constructor.prototype.polluted", "unknown_field", "hasOwnProperty"),
    // Often text the app refuses (NUL), so the refusal names the field: a field named after an
    // Object.prototype member must not break the error report.
    fc.oneof({ weight: 2, arbitrary: hostileString }, { weight: 1, arbitrary: fc.constantFrom("\u0000", "a\u0000b") }),
  )
  .map(([name, value]) => addField(name, value));

export const formPoisons = (...arbitraries: Array<fc.Arbitrary<Poison<Fields>>>) => fc.oneof(...arbitraries);

// ---- JSON ----------------------------------------------------------------------------------

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Doc = Record<string, Json>;

export const jsonNoise: fc.Arbitrary<Poison<Doc>> = fc
  .constantFrom<[string, Json]>(["__proto__", { polluted: true }], ["constructor", { prototype: { polluted: true } }], ["extra", "x"], ["toString", 1])
  .map(([key, value]) => ({ label: `+${key}`, apply: (doc) => ({ ...doc, [key]: value }) }));

/** Sets (or with `undefined`, deletes) the value at a path of a JSON document, on a copy. */
export function setAt(doc: Doc, path: ReadonlyArray<string | number>, value: Json | undefined): Doc {
  const copy = structuredClone(doc) as Doc;
  let node: Json = copy;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== "object") return copy;
    node = (node as Record<string, Json>)[key as string] ?? null;
  }
  if (node === null || typeof node !== "object") return copy;
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete (node as Record<string, Json>)[last as string];
  } else (node as Record<string, Json>)[last as string] = value;
  return copy;
}

export const jsonSet = (path: ReadonlyArray<string | number>, value: Json | undefined): Poison<Doc> => ({
  label: `${path.join(".")}${value === undefined ? " removed" : `=${show(value)}`}`,
  apply: (doc) => setAt(doc, path, value),
});

// ---- Transports ----------------------------------------------------------------------------

export type Wire = { transport: string; contentType: string | null; body: string | Uint8Array };

const encoder = new TextEncoder();
const urlencoded = (fields: Fields) => new URLSearchParams(fields).toString();

function multipart(fields: Fields, boundary: string): string {
  return fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, "%22")}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`;
}

/** How a form action's fields travel: mostly as a browser sends them, often not. */
export function formWire(fields: Fields): fc.Arbitrary<Wire> {
  const form = urlencoded(fields);
  return fc.oneof(
    { weight: 10, arbitrary: fc.constant<Wire>({ transport: "urlencoded", contentType: "application/x-www-form-urlencoded", body: form }) },
    { weight: 2, arbitrary: fc.constant<Wire>({ transport: "multipart", contentType: "multipart/form-data; boundary=XyZ", body: multipart(fields, "XyZ") }) },
    { weight: 1, arbitrary: fc.constant<Wire>({ transport: "urlencoded, broken escapes", contentType: "application/x-www-form-urlencoded", body: `${form}&%E0%A4%A=%ZZ&=&&%` }) },
    { weight: 1, arbitrary: fc.constant<Wire>({ transport: "no Content-Type", contentType: null, body: encoder.encode(form) }) },
    { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/xml", "application/octet-stream", "image/png").map<Wire>((type) => ({ transport: `Content-Type ${type}`, contentType: type, body: form })) },
    { weight: 1, arbitrary: fc.constant<Wire>({ transport: "JSON to a form action", contentType: "application/json", body: JSON.stringify(Object.fromEntries(fields)) }) },
    { weight: 1, arbitrary: fc.constant<Wire>({ transport: "multipart without a boundary", contentType: "multipart/form-data", body: multipart(fields, "XyZ") }) },
    { weight: 1, arbitrary: fc.constant<Wire>({ transport: "multipart, wrong boundary", contentType: "multipart/form-data; boundary=Other", body: multipart(fields, "XyZ") }) },
    { weight: 1, arbitrary: fc.constant<Wire>({ transport: "multipart, truncated", contentType: "multipart/form-data; boundary=XyZ", body: multipart(fields, "XyZ").slice(0, -9) }) },
    { weight: 1, arbitrary: fc.constant<Wire>({ transport: "empty body", contentType: "application/x-www-form-urlencoded", body: "" }) },
  );
}

/** How a JSON action's document travels, or what arrives instead. */
export function jsonWire(doc: Doc): fc.Arbitrary<Wire> {
  const text = JSON.stringify(doc);
  return fc.oneof(
    { weight: 10, arbitrary: fc.constant<Wire>({ transport: "JSON", contentType: "application/json", body: text }) },
    { weight: 1, arbitrary: fc.constant<Wire>({ transport: "JSON without Content-Type", contentType: null, body: encoder.encode(text) }) },
    { weight: 1, arbitrary: fc.constant<Wire>({ transport: "JSON as text/plain", contentType: "text/plain", body: text }) },
    { weight: 1, arbitrary: fc.constant<Wire>({ transport: "form to a JSON action", contentType: "application/x-www-form-urlencoded", body: urlencoded(Object.entries(doc).map(([k, v]) => [k, JSON.stringify(v)])) }) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom("", "{", "[1,", "null", "[]", "42", '"submit"', "\uFEFF{}", "{\"a\":1}}", "\u0000", "[".repeat(5000) + "]".repeat(5000), '{"intent":"submit","intent":"amend"}')
        .map<Wire>((raw) => ({ transport: "not the document", contentType: "application/json", body: raw })),
    },
  );
}
