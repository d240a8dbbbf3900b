/**
 * A PRD as the project page renders it: its headings moved up so that the shallowest is `#`.
 *
 * <Markdown> renders `#` as h3 under the page's h2, and the rubric's PRD template (and most
 * builders) write sections as `##`, which would render as h4 straight under an h2 (a skipped
 * heading level: axe's heading-order). Moving every ATX heading up by the same amount keeps the
 * PRD's own structure and puts its top level at h3. Lines inside fenced code are left alone;
 * setext headings (`Title\n===`) are level 1 or 2 and count towards the shallowest level.
 */
export function prdForDisplay(source: string): string {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const levels: number[] = [];
  const atx: number[] = [];
  let fenced = false;
  lines.forEach((line, i) => {
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    const heading = /^\s{0,3}(#{1,6})(\s|$)/.exec(line);
    if (heading) {
      levels.push(heading[1]!.length);
      atx.push(i);
    } else if (i > 0 && /^\s{0,3}(=+|-+)\s*$/.test(line) && lines[i - 1]!.trim() !== "" && !/^\s{0,3}#/.test(lines[i - 1]!)) {
      levels.push(line.trim().startsWith("=") ? 1 : 2);
    }
  });
  const shift = levels.length > 0 ? Math.min(...levels) - 1 : 0;
  if (shift === 0) return source;
  for (const i of atx) lines[i] = lines[i]!.replace(/^(\s{0,3})#{1,6}/, (_m, indent: string) => indent + "#".repeat(/^\s{0,3}(#{1,6})/.exec(lines[i]!)![1]!.length - shift));
  return lines.join("\n");
}
