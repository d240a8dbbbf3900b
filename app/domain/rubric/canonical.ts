/**
 * A rubric's content as canonical JSON: keys sorted, no whitespace. Two files with the same
 * content (whatever their comments, key order or YAML style) give the same text, so its hash
 * says whether a published version's content changed.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
