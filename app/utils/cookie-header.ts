// Every value a Cookie header gives one name, in order: another app on the domain or a path-scoped cookie can put a same-named cookie first.

/**
 * The raw values of every `name=value` pair named `name`. Pairs without `=`, empty pairs and
 * values that are not valid percent-encoding are kept apart from each other: one bad pair never
 * hides the others. Values are returned as sent (still encoded, quotes included).
 */
export function cookieValues(header: string | null | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() !== name) continue;
    values.push(pair.slice(eq + 1).trim());
  }
  return values;
}
