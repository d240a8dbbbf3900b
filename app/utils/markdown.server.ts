import MarkdownIt, { type StateCore, type Token } from "markdown-it";

/**
 * Markdown written by users (builders' PRDs), rendered to an HTML string that is safe to put into
 * the page with dangerouslySetInnerHTML. It runs on the server only (the project page's view sends
 * the HTML, so the browser never loads the parser), and it is a pure function of its input (no URL
 * parser, locale or clock), so a cached render is as good as a fresh one.
 *
 * What is safe here, and why:
 * - `html: false`: raw HTML in the source is escaped and shown as text, never passed through;
 *   the only tags in the output are the ones markdown-it itself writes.
 * - Links: only absolute `http:`/`https:` URLs with a plain host name, and `mailto:` addresses
 *   (markdown-it's `validateLink` is replaced by the stricter `isSafeHref`). Everything else
 *   (javascript:, data:, vbscript:, file:, relative and protocol-relative links) is not a link:
 *   the markdown stays as text. This holds for inline, reference-style, autolinks (`<…>`) and
 *   linkified bare URLs, which all pass through `validateLink`. Every link that remains opens in a
 *   new tab with `rel="noopener noreferrer nofollow"`.
 * - Images are never rendered as `<img>`: a reader's browser would fetch a URL the author chose
 *   and tell its owner who read the PRD and when (and the CSP's `img-src 'self' data:` would block
 *   it anyway). An image becomes a link to its URL whose text is the alt text (the URL itself when
 *   the alt text is empty); an image inside a link, or with an unsafe URL, becomes its alt text.
 * - Headings keep their relative levels, the document's shallowest becoming h3: `#`, `##`, `###`
 *   → h3, h4, h5 (and a PRD written from `##` down renders `##` as h3), capped at h6. The page
 *   around a PRD already has its h1 (the page) and h2 (the section), so a PRD's top heading must
 *   not compete with them, nor skip a level below them (axe's heading-order).
 * - Table column alignment becomes a class (`md-align-left|center|right`) instead of markdown-it's
 *   `style="text-align:…"`, so the output has no style attributes and keeps working if the CSP
 *   stops allowing inline styles.
 * - Input longer than MARKDOWN_MAX_LENGTH characters is cut there (the PRD form already caps it),
 *   so a stored oversize value cannot make rendering slow. Unpaired UTF-16 surrogates become
 *   U+FFFD (as markdown-it already does with NUL).
 */

/** The most characters rendered: the PRD form's cap. Anything after it is not rendered. */
export const MARKDOWN_MAX_LENGTH = 50_000;

/** What every rendered link carries. */
export const LINK_REL = "noopener noreferrer nofollow";
export const LINK_TARGET = "_blank";

/** The shift applied to heading levels (the shallowest → h3), and the deepest level (h6). */
export const HEADING_SHIFT = 2;
const DEEPEST_HEADING = 6;

// A host: DNS labels (letters, digits, hyphens, underscores), dot-separated, or an IPv4 address.
// markdown-it's normalizeLink has already turned international names into punycode (xn--…).
const HOST = String.raw`(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?`;
const HTTP_URL = new RegExp(String.raw`^https?://${HOST}(?::\d{1,5})?(?:[/?#]|$)`, "i");
const MAILTO_URL = /^mailto:[^@]+@[^@]+$/i;
// After normalizeLink every character outside printable ASCII is percent-encoded; anything else
// (spaces, control characters, quotes left raw) means the URL is not one we produced.
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
const MAX_URL_LENGTH = 2048;

/**
 * Whether a (normalized) URL may be a link's href: absolute http(s) with a host and no user
 * name or password (`http://bank.example@evil.example` hides where a link goes), or mailto.
 */
export function isSafeHref(url: string): boolean {
  if (url.length === 0 || url.length > MAX_URL_LENGTH || !PRINTABLE_ASCII.test(url)) return false;
  if (MAILTO_URL.test(url)) return true;
  return HTTP_URL.test(url);
}

const md = new MarkdownIt("default", {
  html: false,
  linkify: true,
  typographer: false,
  breaks: false,
  xhtmlOut: false,
});
// Only URLs with a scheme are linkified (not `README.md` or `example.com`); bare emails become mailto.
md.linkify.set({ fuzzyLink: false, fuzzyIP: false, fuzzyEmail: true });
// markdown-it's own check only refuses javascript:/vbscript:/file:/data: (and lets data:image/png
// through). Replace it with the allowlist; `MarkdownIt.prototype.validateLink` is not consulted.
md.validateLink = (url: string) => isSafeHref(url);

function headingTag(tag: string, shallowest: number): string {
  const level = Number(tag.slice(1)) - shallowest + 1;
  return `h${Math.min(level + HEADING_SHIFT, DEEPEST_HEADING)}`;
}

const ALIGN_STYLE = /^text-align:(left|center|right)$/;

/** A link token with the attributes every rendered link carries. */
function linkOpen(state: StateCore, href: string, title: string, level: number): Token {
  const token = new state.Token("link_open", "a", 1);
  token.attrs = [["href", href]];
  if (title) token.attrs.push(["title", title]);
  token.level = level;
  return token;
}

/** An attribute's value as a string ("" when absent). */
function attr(token: Token, name: string): string {
  const value = token.attrGet(name);
  return value === null ? "" : String(value);
}

function safeInline(state: StateCore, children: Token[]): Token[] {
  const out: Token[] = [];
  // markdown-it never nests links; the stack still pairs each close with its open.
  const linkStack: boolean[] = [];
  for (const token of children) {
    if (token.type === "link_open") {
      const href = attr(token, "href");
      const keep = isSafeHref(href);
      linkStack.push(keep);
      if (!keep) continue; // its text stays, without the link
      token.attrSet("rel", LINK_REL);
      token.attrSet("target", LINK_TARGET);
      out.push(token);
    } else if (token.type === "link_close") {
      if (linkStack.pop()) out.push(token);
    } else if (token.type === "image") {
      const alt = safeInline(state, token.children ?? []);
      const src = attr(token, "src");
      const insideLink = linkStack.some(Boolean);
      if (insideLink || !isSafeHref(src)) {
        out.push(...alt);
        continue;
      }
      const open = linkOpen(state, src, attr(token, "title"), token.level);
      open.attrSet("rel", LINK_REL);
      open.attrSet("target", LINK_TARGET);
      out.push(open);
      if (alt.length > 0 && token.content.trim() !== "") {
        out.push(...alt);
      } else {
        const text = new state.Token("text", "", 0);
        text.content = src;
        out.push(text);
      }
      out.push(new state.Token("link_close", "a", -1));
    } else {
      out.push(token);
    }
  }
  return out;
}

/** Runs after linkify: links, images, headings and table cells, as described at the top. */
function safeTokens(state: StateCore): void {
  const levels = state.tokens.filter((t) => t.type === "heading_open").map((t) => Number(t.tag.slice(1)));
  const shallowest = levels.length > 0 ? Math.min(...levels) : 1;
  for (const token of state.tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") {
      token.tag = headingTag(token.tag, shallowest);
    } else if (token.type === "th_open" || token.type === "td_open") {
      const style = attr(token, "style");
      if (style !== "") {
        token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
        const align = ALIGN_STYLE.exec(style);
        if (align) token.attrJoin("class", `md-align-${align[1]}`);
      }
    } else if (token.type === "inline" && token.children) {
      token.children = safeInline(state, token.children);
    }
  }
}
md.core.ruler.push("builder_ladder_safe", safeTokens);

/** Cut at `max` characters without splitting a surrogate pair. */
function truncate(source: string, max: number): string {
  if (source.length <= max) return source;
  const code = source.charCodeAt(max - 1);
  return source.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

// A UTF-16 half without its other half cannot be sent as UTF-8: it becomes U+FFFD here, so what
// is cached and what the reader receives are the same.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** User-written markdown as an HTML string that is safe to insert into the page (see above). */
export function renderMarkdown(source: string): string {
  if (typeof source !== "string" || source.length === 0) return "";
  const cached = rendered.get(source);
  if (cached !== undefined) {
    // Refresh its place: the least recently read entry is the one dropped.
    rendered.delete(source);
    rendered.set(source, cached);
    return cached;
  }
  const html = md.render(truncate(source, MARKDOWN_MAX_LENGTH).replace(LONE_SURROGATE, "\ufffd"));
  rendered.set(source, html);
  if (rendered.size > RENDER_CACHE_SIZE) rendered.delete(rendered.keys().next().value!);
  return html;
}

/**
 * A long PRD takes up to a few hundred milliseconds to render and is read far more often than it
 * changes: the last RENDER_CACHE_SIZE sources' HTML is kept (output depends on the source alone).
 */
const RENDER_CACHE_SIZE = 200;
const rendered = new Map<string, string>();
