/**
 * CSV text as RFC 4180 describes it, for the committee's exports.
 *
 * - The first record is the header: the column names, in order. Each row then gives one field
 *   per column, read from `row[column]`; null or a missing key is an empty field.
 * - Every record ends with CRLF (the last one too, which RFC 4180 allows).
 * - A field is quoted when it holds a comma, a double quote, a CR or an LF; a quote inside a
 *   quoted field is doubled. A record that would be an empty line (one column, empty value) is
 *   written as `""`, so no record is ever a blank line.
 * - Numbers are written with `String(n)` and never altered.
 *
 * Formula injection (CWE-1236): spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a
 * formula, so a candidate named `=HYPERLINK(...)` could act when a committee member opens the
 * export. A text value starting with one of those characters, or with a tab or a CR (which some
 * spreadsheets strip before looking), gets a leading apostrophe: the spreadsheet shows it as
 * text. Text that reads as a plain number (`-3`, `+1.5`) is left alone, since a spreadsheet
 * would read it as that number anyway. The guard changes the value, so a program reading the CSV
 * sees the apostrophe; the JSON exports carry the raw values for programs.
 */
export type CsvValue = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The text a value becomes in a cell, before quoting: formula-like text gets a leading `'`. */
export function neutraliseFormula(value: CsvValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

function field(value: CsvValue | undefined): string {
  const text = neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function record(fields: string[]): string {
  const line = fields.join(",");
  return line === "" ? '""' : line;
}

export function toCsv(columns: readonly string[], rows: ReadonlyArray<Readonly<Record<string, CsvValue | undefined>>>): string {
  const lines = [record(columns.map(field)), ...rows.map((row) => record(columns.map((c) => field(row[c]))))];
  return lines.map((line) => `${line}\r\n`).join("");
}

/** The byte order mark some spreadsheets (Excel) need to read a CSV file as UTF-8. */
export const UTF8_BOM = "\uFEFF";
