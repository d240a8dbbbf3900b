// User-written markdown (builders' PRDs) rendered to HTML that is inserted with dangerouslySetInnerHTML.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSafeHref, LINK_REL, LINK_TARGET, MARKDOWN_MAX_LENGTH, renderMarkdown } from "~/utils/markdown.server";

type Tag = { name: string; closing: boolean; attrs: [string, string][] };

// Tags markdown-it writes, and the attributes each may carry. Nothing else may appear.
const ALLOWED: Record<string, readonly string[]> = {
  p: [], br: [], hr: [], em: [], strong: [], s: [], blockquote: [], ul: [], li: [], pre: [],
  h3: [], h4: [], h5: [], h6: [], table: [], thead: [], tbody: [], tr: [],
  ol: ["start"], code: ["class"], th: ["class"], td: ["class"], a: ["href", "title", "rel", "target"],
};

/**
 * Every tag of the output with its attributes. Text and attribute values are escaped by the
 * renderer, so every "<" starts a tag it wrote: a "<" that does not parse as a well-formed tag
 * (name, then name="value" pairs with no raw quote or angle bracket inside) fails the test.
 */
function tags(html: string): Tag[] {
  const found: Tag[] = [];
  const tagRe = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/gy;
  let pos = 0;
  while ((pos = html.indexOf("<", pos)) !== -1) {
    tagRe.lastIndex = pos;
    const m = tagRe.exec(html);
    if (!m) throw new Error(`not a well-formed tag at ${pos}: ${JSON.stringify(html.slice(pos, pos + 80))}`);
    const attrs = [...m[3]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!] as [string, string]);
    found.push({ name: m[2]!, closing: m[1] === "/", attrs });
    pos = tagRe.lastIndex;
  }
  return found;
}

const decode = (value: string) =>
  value.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

const hrefs = (html: string) => tags(html).flatMap((t) => t.attrs.filter(([n]) => n === "href").map(([, v]) => decode(v)));

/** What must hold for any output, whatever the input. */
function expectSafe(html: string): void {
  expect(typeof html).toBe("string");
  for (const needle of ["<script", "<img", "<iframe", "<object", "<embed", "<svg", "<math", "<style", "<form", "<input", "<h1", "<h2"]) {
    expect(html.toLowerCase()).not.toContain(needle);
  }
  for (const tag of tags(html)) {
    const allowed = ALLOWED[tag.name];
    expect(allowed, `<${tag.name}> in ${html}`).toBeDefined();
    if (tag.closing) expect(tag.attrs).toEqual([]);
    for (const [name, value] of tag.attrs) {
      expect(name).not.toMatch(/^on/i);
      expect(allowed, `${name} on <${tag.name}>`).toContain(name);
      if (name === "href") {
        const href = decode(value);
        expect(href).toMatch(/^(?:https?:\/\/[a-z0-9_.-]+(?::\d{1,5})?(?:[/?#]|$)|mailto:[^@]+@)/i);
        expect(href).not.toMatch(/^\s*(?:javascript|vbscript|data|file):/i);
        expect(href).not.toMatch(/[\s\x00-\x1f\x7f]/);
      }
      if (name === "rel") expect(value).toBe(LINK_REL);
      if (name === "target") expect(value).toBe(LINK_TARGET);
    }
    if (tag.name === "a" && !tag.closing) {
      expect(tag.attrs.map(([n]) => n)).toEqual(expect.arrayContaining(["href", "rel", "target"]));
    }
  }
}

function render(source: string): string {
  const html = renderMarkdown(source);
  expectSafe(html);
  return html;
}

describe("renderMarkdown: raw HTML is text", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ['<iframe src="https://evil.example"></iframe>', "&lt;iframe src=&quot;"],
    ["<svg onload=alert(1)>", "&lt;svg onload=alert(1)&gt;"],
    ['<a href="javascript:alert(1)">x</a>', "&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;"],
    ["<div>\n<script>alert(1)</script>\n</div>", "&lt;div&gt;"],
    ["<!-- comment --><style>body{}</style>", "&lt;!-- comment --&gt;&lt;style&gt;"],
  ])("%j is escaped", (source, expected) => {
    expect(render(source)).toContain(expected);
  });

  it("HTML entities are decoded to text and escaped again, never become tags", () => {
    expect(render("&lt;script&gt;alert(1)&lt;/script&gt;")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    expect(render("&#60;script&#62; &#x3C;img src=x onerror=alert(1)&#x3E;")).toBe(
      "<p>&lt;script&gt; &lt;img src=x onerror=alert(1)&gt;</p>\n",
    );
    expect(render("&copy; &amp; &quot;")).toBe("<p>© &amp; &quot;</p>\n");
  });

  it("a code fence's info string cannot break out of its class attribute", () => {
    const html = render('```js"><script>alert(1)</script>\nx < y\n```');
    expect(html).toBe('<pre><code class="language-js&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x &lt; y\n</code></pre>\n');
  });
});

describe("renderMarkdown: links", () => {
  it.each([
    "[a](javascript:alert(1))",
    "[a](JaVaScRiPt:alert(1))",
    "[a]( javascript:alert(1) )",
    "[a](<javascript:alert(1)>)",
    "[a](jav&#x61;script:alert(1))",
    "[a](&#106;avascript:alert(1))",
    "[a](javascript&colon;alert(1))",
    "[a](java\nscript:alert(1))",
    "[a](<java\nscript:alert(1)>)",
    "[a](<java\tscript:alert(1)>)",
    "[a](<java script:alert(1)>)",
    "[a](javascript%3Aalert(1))",
    "[a](\\javascript:alert(1))",
    "[a](vbscript:msgbox(1))",
    "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[a](data:image/png;base64,iVBORw0KGgo=)",
    "[a](file:///etc/passwd)",
    "[a](/relative/path)",
    "[a](relative.html)",
    "[a](#fragment)",
    "[a](//evil.example/x)",
    "[a](ftp://files.example/x)",
    "[a]()",
    "<javascript:alert(1)>",
    "<JAVASCRIPT:alert(1)>",
    "<vbscript:msgbox(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "javascript:alert(1)",
    "[a][r]\n\n[r]: javascript:alert(1)",
    "[a][r]\n\n[r]: <javascript:alert(1)>",
    "[a][r]\n\n[r]: data:text/html,x",
    "[r]\n\n[r]: jav&#x61;script:alert(1)",
  ])("%j is not a link", (source) => {
    const html = render(source);
    expect(html).not.toContain("<a");
    expect(html).not.toMatch(/href=/i);
  });

  it.each([
    ["[spec](https://example.com/spec?a=1&b=2#x)", "https://example.com/spec?a=1&b=2#x"],
    ["[spec](HTTP://EXAMPLE.COM)", "HTTP://EXAMPLE.COM"],
    ["[mail](mailto:bea@northwind.example)", "mailto:bea@northwind.example"],
    ["<https://example.com/a>", "https://example.com/a"],
    ["<bea@northwind.example>", "mailto:bea@northwind.example"],
    ["see https://example.com/docs.", "https://example.com/docs"],
    ["write to bea@northwind.example", "mailto:bea@northwind.example"],
    ["[a][r]\n\n[r]: https://example.com/ref", "https://example.com/ref"],
    ["[ref]\n\n[ref]: <https://example.com/ref> 'Title'", "https://example.com/ref"],
    ["[a](https://example.com/<script>)", "https://example.com/%3Cscript%3E"],
    ["[a](https://münchen.example/ä)", "https://xn--mnchen-3ya.example/%C3%A4"],
  ])("%j links to %s", (source, href) => {
    expect(hrefs(render(source))).toEqual([href]);
  });

  it("every link opens in a new tab with rel=noopener noreferrer nofollow", () => {
    const html = render("[a](https://a.example) <https://b.example> https://c.example x@d.example\n\n[e][e]\n\n[e]: https://e.example");
    const links = tags(html).filter((t) => t.name === "a" && !t.closing);
    expect(links).toHaveLength(5);
    for (const link of links) {
      expect(Object.fromEntries(link.attrs)).toMatchObject({ rel: "noopener noreferrer nofollow", target: "_blank" });
    }
  });

  it("a URL with a user name or password is not a link to its real host", () => {
    // The inline link is refused; linkify may still link the part before ":"/"@", which is what the text shows.
    for (const source of ["[a](http://user:pw@evil.example)", "[a](http://bank.example@evil.example)", "http://bank.example@evil.example"]) {
      expect(hrefs(render(source)).filter((h) => h.includes("evil"))).toEqual([]);
    }
  });

  it("bare names without a scheme are not linkified", () => {
    expect(render("see README.md and example.com and www.example.com")).not.toContain("<a");
  });

  it("a link title cannot inject attributes", () => {
    const html = render('[a](http://x.example "\\" onmouseover=alert(1)")');
    expect(html).toBe(
      '<p><a href="http://x.example" title="&quot; onmouseover=alert(1)" rel="noopener noreferrer nofollow" target="_blank">a</a></p>\n',
    );
    const [link] = tags(html).filter((t) => t.name === "a");
    expect(link!.attrs.map(([n]) => n)).toEqual(["href", "title", "rel", "target"]);
    expect(render("[a](http://x.example 'x\" onclick=\"alert(1)')")).toContain('title="x&quot; onclick=&quot;alert(1)"');
    expect(render("[a](http://x.example (\"><script>x</script>))")).toContain('title="&quot;&gt;&lt;script&gt;');
  });

  it("the link text is rendered markdown, escaped", () => {
    expect(render("[*hi* <b>](https://x.example)")).toBe(
      '<p><a href="https://x.example" rel="noopener noreferrer nofollow" target="_blank"><em>hi</em> &lt;b&gt;</a></p>\n',
    );
  });
});

describe("renderMarkdown: images are links, never <img>", () => {
  it("an image becomes a link to its URL with its alt text", () => {
    expect(render("![x](https://evil/x.png)")).toBe(
      '<p><a href="https://evil/x.png" rel="noopener noreferrer nofollow" target="_blank">x</a></p>\n',
    );
  });

  it("an image without alt text shows its URL", () => {
    expect(render("![](https://evil.example/x.png)")).toContain(">https://evil.example/x.png</a>");
  });

  it("an image keeps its title, and reference-style images work the same way", () => {
    expect(hrefs(render('![chart](https://x.example/c.png "Q3")'))).toEqual(["https://x.example/c.png"]);
    expect(render('![chart](https://x.example/c.png "Q3")')).toContain('title="Q3"');
    expect(render("![chart][c]\n\n[c]: https://x.example/c.png")).toContain('href="https://x.example/c.png"');
  });

  it("an image inside a link is its alt text (links do not nest)", () => {
    const html = render("[![badge](https://img.example/b.svg)](https://ci.example)");
    expect(html).toBe('<p><a href="https://ci.example" rel="noopener noreferrer nofollow" target="_blank">badge</a></p>\n');
  });

  it.each(["![x](javascript:alert(1))", "![x](data:image/png;base64,iVBORw0KGgo=)", "![x](/local.png)", '![x" onerror="alert(1)](https://x.example/a.png)'])(
    "%j has no <img> and no unsafe link",
    (source) => {
      const html = render(source);
      expect(html).not.toContain("<img");
      expect(hrefs(html).every((h) => h.startsWith("https://"))).toBe(true);
    },
  );
});

describe("renderMarkdown: headings keep their relative levels, the shallowest at h3, capped at h6", () => {
  it("# → h3, ## → h4, ### → h5, #### and deeper → h6", () => {
    expect(render("# A\n## B\n### C\n#### D\n##### E\n###### F")).toBe(
      "<h3>A</h3>\n<h4>B</h4>\n<h5>C</h5>\n<h6>D</h6>\n<h6>E</h6>\n<h6>F</h6>\n",
    );
  });

  it("setext headings shift too", () => {
    expect(render("Title\n=====\n\nPart\n----")).toBe("<h3>Title</h3>\n<h4>Part</h4>\n");
  });

  it("starts from the document's shallowest heading, so a PRD written from ## down never skips a level", () => {
    expect(render("## Problem\n\ntext\n\n### Detail\n\n```\n# not a heading\n```\n")).toBe(
      "<h3>Problem</h3>\n<p>text</p>\n<h4>Detail</h4>\n<pre><code># not a heading\n</code></pre>\n",
    );
    expect(render("Problem\n---\n\n#### Detail")).toBe("<h3>Problem</h3>\n<h5>Detail</h5>\n");
    expect(render("No headings at all.")).toBe("<p>No headings at all.</p>\n");
  });
});

describe("renderMarkdown: ordinary markdown", () => {
  it("emphasis, strong, strikethrough, inline code", () => {
    expect(render("*a* **b** ~~c~~ `d<e>`")).toBe("<p><em>a</em> <strong>b</strong> <s>c</s> <code>d&lt;e&gt;</code></p>\n");
  });

  it("lists, ordered lists with a start, nested", () => {
    expect(render("- a\n- b\n  - c\n\n3. x\n4. y")).toBe(
      "<ul>\n<li>a</li>\n<li>b\n<ul>\n<li>c</li>\n</ul>\n</li>\n</ul>\n<ol start=\"3\">\n<li>x</li>\n<li>y</li>\n</ol>\n",
    );
  });

  it("code fences keep their content verbatim, escaped", () => {
    expect(render("```ts\nconst a = <T>(x: T) => x && '<b>';\n```")).toBe(
      '<pre><code class="language-ts">const a = &lt;T&gt;(x: T) =&gt; x &amp;&amp; \'&lt;b&gt;\';\n</code></pre>\n',
    );
  });

  it("tables, with alignment as classes rather than style attributes", () => {
    const html = render("| Metric | Target |\n| :-- | --: |\n| Activation | 40% |");
    expect(html).toBe(
      "<table>\n<thead>\n<tr>\n<th class=\"md-align-left\">Metric</th>\n<th class=\"md-align-right\">Target</th>\n</tr>\n</thead>\n" +
        "<tbody>\n<tr>\n<td class=\"md-align-left\">Activation</td>\n<td class=\"md-align-right\">40%</td>\n</tr>\n</tbody>\n</table>\n",
    );
    expect(render("| a | b | c |\n| :-: | - | -: |\n| 1 | 2 | 3 |")).not.toContain("style=");
  });

  it("blockquotes, rules, hard breaks, and no typographic replacements", () => {
    expect(render("> quoted\n\n---\n\nline  \nbreak (c) -- \"q\"")).toBe(
      "<blockquote>\n<p>quoted</p>\n</blockquote>\n<hr>\n<p>line<br>\nbreak (c) -- &quot;q&quot;</p>\n",
    );
  });

  it("empty input renders nothing", () => {
    expect(renderMarkdown("")).toBe("");
    expect(renderMarkdown(undefined as unknown as string)).toBe("");
  });
});

describe("renderMarkdown: size", () => {
  it(`renders at most ${MARKDOWN_MAX_LENGTH.toLocaleString("en")} characters`, () => {
    const within = "a".repeat(MARKDOWN_MAX_LENGTH);
    expect(renderMarkdown(within + "TAIL")).toBe(renderMarkdown(within));
    expect(renderMarkdown(within)).toBe(`<p>${within}</p>\n`);
  });

  it("does not cut a surrogate pair in half", () => {
    const html = renderMarkdown("a".repeat(MARKDOWN_MAX_LENGTH - 1) + "😀" + "b");
    expect(html).toBe(`<p>${"a".repeat(MARKDOWN_MAX_LENGTH - 1)}</p>\n`);
  });

  it("an unpaired surrogate becomes U+FFFD, as the page's UTF-8 would make it", () => {
    expect(renderMarkdown("a\ud800b\udc00c😀")).toBe("<p>a\ufffdb\ufffdc😀</p>\n");
  });

  // A catastrophic case would hang here until the test's timeout; the speed itself is not asserted.
  it("a pathological input of the maximum size renders, safely", () => {
    for (const source of ["[".repeat(MARKDOWN_MAX_LENGTH), "*a".repeat(MARKDOWN_MAX_LENGTH / 2), ">".repeat(MARKDOWN_MAX_LENGTH), "![[".repeat(MARKDOWN_MAX_LENGTH / 3)]) {
      expect(render(source).length).toBeGreaterThan(0);
    }
  });
});

describe("isSafeHref", () => {
  it.each(["https://example.com", "http://example.com:8080/a?b#c", "https://xn--mnchen-3ya.de/", "mailto:a@b.example"])("%s is allowed", (url) => {
    expect(isSafeHref(url)).toBe(true);
  });
  it.each(["", "javascript:alert(1)", "JAVASCRIPT:x", "data:image/png;base64,x", "/a", "//a.example", "https://", "https://a b", "http://u@a.example", "mailto:", "ftp://a.example", "https:javascript:alert(1)"])(
    "%j is refused",
    (url) => {
      expect(isSafeHref(url)).toBe(false);
    },
  );
});

describe("renderMarkdown: generated input", () => {
  const fragments = [
    "<script>", "</script>", "<img src=x onerror=alert(1)>", "<iframe src=", "<svg/onload=alert(1)>", " onerror=", " onmouseover=", "<a href=",
    "javascript:", "JaVaScRiPt:", "java\nscript:", "java\tscript:", "&#x6a;", "&#106;", "&colon;", "&#58;", "&Tab;", "&NewLine;", "%0a",
    "data:text/html,", "data:image/png;base64,", "vbscript:", "file:", "alert(1)", "http://", "https://", "mailto:", "//", "x.example", "@", "a@b.example",
    "[", "]", "(", ")", "![", "<", ">", '"', "'", "`", "```", "~~~", "*", "_", "~~", "#", "# ", "|", "-", "---", ":", "\\", "&", ";", "=", " ",
    "\n", "\n\n", "  \n", "\t", "    ", "> ", "1. ", "- ", "[r]: ", "[r]", "a", "x.png", "\u0000", "\u2028", "\u200b", "😀", "\ud800",
  ];
  const hostile = fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((parts) => parts.join(""));
  const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), hostile);

  it("never throws and never writes a script, an image, a frame, an event handler or an unsafe href", () => {
    fc.assert(
      fc.property(anyText, (source) => {
        const html = renderMarkdown(source);
        expectSafe(html);
        expect(html).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        for (const href of hrefs(html)) expect(href).not.toMatch(/^\s*javascript:/i);
      }),
      { numRuns: 3_000 },
    );
  });

  it("renders the same string every time (a cached render equals a fresh one)", () => {
    fc.assert(
      fc.property(anyText, (source) => {
        expect(renderMarkdown(source)).toBe(renderMarkdown(source));
      }),
      { numRuns: 300 },
    );
  });
});
