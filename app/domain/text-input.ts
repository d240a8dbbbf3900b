/**
 * Text the app can store and show back exactly as typed. A lone UTF-16 surrogate (possible in a
 * JSON body, "\ud800") has no UTF-8 form, so the database cannot store it; a NUL cuts text short
 * in many tools that read an export. Every input is checked for both before its form's schema,
 * so such text is refused with a message at its field instead of failing at the database.
 */
export type TextProblem = { path: Array<string | number>; message: string };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any form of the app: a body nested further is refused rather than walked. */
const MAX_DEPTH = 16;

export function findUnstorableText(value: unknown, path: Array<string | number> = []): TextProblem | null {
  if (typeof value === "string") {
    if (LONE_SURROGATE.test(value)) return { path, message: "contains a broken character (a lone UTF-16 surrogate); retype it" };
    if (value.includes("\u0000")) return { path, message: "contains a NUL character; remove it" };
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  if (path.length >= MAX_DEPTH) return { path, message: "is nested too deeply" };
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, item] of entries) {
    if (typeof key === "string" && findUnstorableText(key) !== null) return { path, message: "has a field name with a broken character" };
    const problem = findUnstorableText(item, [...path, key]);
    if (problem) return problem;
  }
  return null;
}
