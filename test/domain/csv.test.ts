import fc from "fast-check";
import { parseCsv } from "../helpers/csv";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, toCsv, type CsvValue } from "~/domain/csv";


const tricky = fc.string({ unit: fc.constantFrom("a", "Z", "é", "😀", ",", '"', "\r", "\n", " ", "=", "+", "-", "@", "\t", "'", "1", ".", "e") });
const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), tricky);
const value: fc.Arbitrary<CsvValue> = fc.oneof(text, fc.integer(), fc.double({ noNaN: true }), fc.constant(null));

const table = fc
  .uniqueArray(text, { minLength: 1, maxLength: 6 })
  .chain((columns) =>
    fc.record({
      columns: fc.constant(columns),
      rows: fc.array(fc.array(value, { minLength: columns.length, maxLength: columns.length }), { maxLength: 8 }).map((rows) =>
        rows.map((values) => Object.fromEntries(columns.map((c, i) => [c, values[i]!] as const))),
      ),
    }),
  );

describe("toCsv", () => {
  it("parses back to the header and the rows it was given (values through the formula guard)", () => {
    fc.assert(
      fc.property(table, ({ columns, rows }) => {
        const parsed = parseCsv(toCsv(columns, rows));
        expect(parsed).toEqual([columns.map(neutraliseFormula), ...rows.map((row) => columns.map((c) => neutraliseFormula(row[c])))]);
      }),
      { numRuns: 300 },
    );
  });

  it("always starts with the header, ends every record with CRLF and gives every record one field per column", () => {
    fc.assert(
      fc.property(table, ({ columns, rows }) => {
        const csv = toCsv(columns, rows);
        expect(csv.endsWith("\r\n")).toBe(true);
        const parsed = parseCsv(csv);
        expect(parsed[0]).toEqual(columns.map(neutraliseFormula));
        expect(parsed).toHaveLength(rows.length + 1);
        for (const record of parsed) expect(record).toHaveLength(columns.length);
      }),
    );
  });

  it("the guard only ever adds one apostrophe, and only to formula-like text", () => {
    fc.assert(
      fc.property(value, (v) => {
        const out = neutraliseFormula(v);
        if (v === null) expect(out).toBe("");
        else if (typeof v === "number") expect(out).toBe(String(v));
        else if (/^[=+\-@\t\r]/.test(v) && !/^[+-]?[\d.]/.test(v)) expect(out).toBe(`'${v}`);
        else if (!/^[=+\-@\t\r]/.test(v)) expect(out).toBe(v);
        else expect([v, `'${v}`]).toContain(out);
      }),
    );
  });

  it("quotes commas, quotes and line breaks, and doubles quotes", () => {
    const csv = toCsv(["name", "note"], [{ name: 'Weber, Jonas "JW"', note: "line one\nline two" }, { name: "Plain", note: "cr\rhere" }]);
    expect(csv).toBe('name,note\r\n"Weber, Jonas ""JW""","line one\nline two"\r\nPlain,"cr\rhere"\r\n');
  });

  it("writes null and missing values as empty fields and numbers as they are", () => {
    expect(toCsv(["a", "b", "c"], [{ a: null, b: 3 }, { a: -2.5, b: 0, c: "x" }])).toBe("a,b,c\r\n,3,\r\n-2.5,0,x\r\n");
  });

  it("never writes a blank line: a lone empty field is quoted", () => {
    expect(toCsv(["only"], [{ only: null }, { only: "" }])).toBe('only\r\n""\r\n""\r\n');
  });

  it("keeps accented and other non-ASCII text as it is", () => {
    expect(toCsv(["candidate"], [{ candidate: "Chloé Dubois" }, { candidate: "Tomás 😀" }])).toBe("candidate\r\nChloé Dubois\r\nTomás 😀\r\n");
  });

  it("neutralises spreadsheet formulas but leaves numbers alone", () => {
    expect(neutraliseFormula("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(neutraliseFormula("+44 20 7946 0000")).toBe("'+44 20 7946 0000");
    expect(neutraliseFormula("-cmd")).toBe("'-cmd");
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("\t=1")).toBe("'\t=1");
    expect(neutraliseFormula("-3")).toBe("-3");
    expect(neutraliseFormula("+1.5")).toBe("+1.5");
    expect(neutraliseFormula("-1e3")).toBe("-1e3");
    expect(neutraliseFormula(-7)).toBe("-7");
    expect(neutraliseFormula("a=b")).toBe("a=b");
    expect(toCsv(["x"], [{ x: "=1,2" }])).toBe("x\r\n\"'=1,2\"\r\n");
  });
});
