// Why: the one way a page shows markdown a user wrote (a builder's PRD), rendered safely and identically on the server and in the browser.
import { useMemo } from "react";
import { renderMarkdown } from "~/utils/markdown";

/**
 * User-written markdown, rendered by `renderMarkdown` (app/utils/markdown.ts): raw HTML is shown
 * as text, links are http(s)/mailto only and open in a new tab, images become links, and headings
 * start at h3 (`#` → h3), so a PRD sits under the page's h1 and the section's h2.
 *
 * The HTML is inserted with dangerouslySetInnerHTML, which is safe only because renderMarkdown
 * escapes everything it did not write itself. The same pure function runs during the server render
 * and during hydration, so both produce the same string and React keeps the server's DOM.
 * Styles: `.markdown` in app/styles/app.css.
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div className={className ? `markdown ${className}` : "markdown"} dangerouslySetInnerHTML={{ __html: html }} />;
}
