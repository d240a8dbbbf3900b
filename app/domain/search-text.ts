import { z } from "zod";

/**
 * How every search of the app compares text: the same folding for what is typed and what is
 * stored, so "zoë", "ZOË", "Zoe" and a decomposed "Zoë" (e + combining diaeresis) all find "Zoë",
 * and "łukasz" finds "ŁUKASZ". SQLite's LIKE folds ASCII letters only and treats % and _ as
 * wildcards, so the app never asks the database to match text: it reads the candidate rows' few
 * searchable columns and compares them here (app/data/search.server.ts says why that is
 * bounded). Pure, so the rule is one function and testable on its own.
 *
 * Folding: compatibility decomposition (NFKD: "ﬁ" → "fi", full-width letters → ASCII), accents
 * dropped (combining marks), case folded (lower, upper, lower: "ß" and "ẞ" → "ss"), final sigma as
 * sigma, letters that carry their stroke in the letter itself (ł, ø, đ, ħ, ı) to their base
 * letter, and runs of white space to one space.
 */
const BASE_LETTERS: Record<string, string> = { ł: "l", ø: "o", đ: "d", ħ: "h", ı: "i", ŧ: "t", ƀ: "b", ɨ: "i", æ: "ae", œ: "oe", þ: "th", ð: "d" };
const BASE_LETTER = new RegExp(`[${Object.keys(BASE_LETTERS).join("")}]`, "g");

// Printable ASCII has no accents, compatibility forms or special cases: lower case is the fold.
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

export function foldForSearch(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replace(/ {2,}/g, " ").trim();
  return (
    text
      .normalize("NFKD")
      // Case first, marks after: some marks have a case mapping of their own (Greek ypogegrammeni → ι).
      // Lower, upper, lower: "ẞ" → "ß" → "SS" → "ss", the same as "ß" and "SS".
      .toLowerCase()
      .toUpperCase()
      .toLowerCase()
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      // Compatibility letters can decompose to capitals ("ℌ" → "H").
      .toLowerCase()
      .replace(/ς/g, "σ")
      .replace(BASE_LETTER, (letter) => BASE_LETTERS[letter]!)
      .replace(/\s+/gu, " ")
      .trim()
  );
}

/** A search prepared once: its folded text, and whether a stored text matches it. */
export type SearchNeedle = { text: string; folded: string };

export function searchNeedle(text: string): SearchNeedle | null {
  const folded = foldForSearch(text);
  return folded === "" ? null : { text: text.trim(), folded };
}

/** Whether any of the stored texts contains the search, folded alike. */
export function matchesSearch(needle: SearchNeedle, ...texts: ReadonlyArray<string | null | undefined>): boolean {
  return texts.some((text) => text != null && foldForSearch(text).includes(needle.folded));
}

export const SEARCH_TEXT_MAX = 200;

/** A search box's text from the address: trimmed, cut to 200 characters; empty or missing means none. */
export const searchTextParam = z.preprocess(
  // Cut by code point, never inside a surrogate pair.
  (v) => (typeof v === "string" ? Array.from(v.trim()).slice(0, SEARCH_TEXT_MAX).join("").trim() : undefined),
  z.string().optional().transform((v) => v || undefined),
).catch(undefined);
