import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldForSearch, matchesSearch, searchNeedle, searchTextParam } from "~/domain/search-text";

const needle = (text: string) => searchNeedle(text)!;

describe("folding text for search", () => {
  it("ignores case, accents and the way an accent is encoded", () => {
    for (const stored of ["Zoë", "ZOË", "Zoe\u0308", "zoe"]) {
      for (const typed of ["zoë", "ZOË", "Zoe", "zoe\u0308"]) expect(matchesSearch(needle(typed), stored), `${typed} in ${stored}`).toBe(true);
    }
    expect(matchesSearch(needle("łukasz"), "ŁUKASZ Nowak")).toBe(true);
    expect(matchesSearch(needle("LUKASZ"), "Łukasz Nowak")).toBe(true);
    expect(matchesSearch(needle("strasse"), "Anna Straße")).toBe(true);
    expect(matchesSearch(needle("ΟΔΟΣ"), "οδος")).toBe(true);
    expect(matchesSearch(needle("oyvind"), "Øyvind")).toBe(true);
    expect(matchesSearch(needle("finn"), "ﬁnn")).toBe(true);
    // Case mappings that change length: the capital sharp s, and a Greek mark that upper-cases to a letter.
    expect(foldForSearch("ẞ")).toBe(foldForSearch("ß"));
    expect(foldForSearch("ᾀ")).toBe(foldForSearch("ᾀ".toUpperCase()));
  });

  it("reads % and _ as themselves, not as wildcards", () => {
    expect(matchesSearch(needle("100%"), "Wen 100%_Match")).toBe(true);
    expect(matchesSearch(needle("a_b"), "axb")).toBe(false);
    expect(matchesSearch(needle("%"), "no percent here")).toBe(false);
  });

  it("is the same for any case of the text, and folding twice changes nothing", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 20 }), (text) => {
        const folded = foldForSearch(text);
        expect(foldForSearch(folded)).toBe(folded);
        expect(foldForSearch(text.toUpperCase())).toBe(folded);
        expect(foldForSearch(text.toLowerCase())).toBe(folded);
      }),
    );
  });

  it("finds any part of a text in the whole", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 10 }), fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }), fc.string({ unit: "grapheme", maxLength: 10 }), (before, part, after) => {
        const typed = searchNeedle(part);
        fc.pre(typed !== null);
        expect(matchesSearch(typed!, before + part + after)).toBe(true);
      }),
    );
  });

  it("has no needle for blank text", () => {
    expect(searchNeedle("  \t ")).toBeNull();
    expect(searchNeedle("\u0301")).toBeNull();
  });
});

describe("the search text in an address", () => {
  it("is trimmed, cut to 200 characters without splitting a character, and empty means none", () => {
    expect(searchTextParam.parse("  ada  ")).toBe("ada");
    expect(searchTextParam.parse("   ")).toBeUndefined();
    expect(searchTextParam.parse(undefined)).toBeUndefined();
    const long = searchTextParam.parse("😀".repeat(300))!;
    expect(Array.from(long)).toHaveLength(200);
    expect(long).toBe("😀".repeat(200));
  });
});
