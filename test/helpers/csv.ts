/**
 * A strict RFC 4180 reader, written for these tests: records end with CRLF (the last may not);
 * a quoted field may hold commas, CR, LF and doubled quotes; an unquoted field may hold none of
 * them. Anything else throws, so an unquoted special character fails the test.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const fields: string[] = [];
    for (;;) {
      let value = "";
      if (text[i] === '"') {
        i += 1;
        for (;;) {
          if (i >= text.length) throw new Error("Unterminated quoted field");
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
            } else {
              i += 1;
              break;
            }
          } else value += text[i++];
        }
      } else {
        while (i < text.length && !",\r\n".includes(text[i]!)) {
          if (text[i] === '"') throw new Error(`A quote inside an unquoted field at ${i}`);
          value += text[i++];
        }
      }
      fields.push(value);
      if (text[i] === ",") {
        i += 1;
        continue;
      }
      if (text.startsWith("\r\n", i)) {
        i += 2;
        break;
      }
      if (i >= text.length) break;
      throw new Error(`Unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
    records.push(fields);
  }
  return records;
}
