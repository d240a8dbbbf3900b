/**
 * prisma/schema.prisma is the one source of truth for the data model, written for SQLite (the
 * embedded default). PostgreSQL's schema is generated from it: the same models, another
 * datasource and another generated client (each database has its own query compiler).
 *
 *   node --import tsx prisma/provider-schema.ts           writes prisma/postgresql/schema.prisma
 *   node --import tsx prisma/provider-schema.ts --check   fails when the file is not what it would write
 */
import fs from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");

const GENERATED_NOTE =
  "// Generated from prisma/schema.prisma by prisma/provider-schema.ts: edit that file, then run\n" +
  "// `npm run db:schemas`. `npm test` fails when the two disagree.\n\n";

/** The PostgreSQL schema for a SQLite schema's text. Throws when the text is not shaped as expected. */
export function postgresSchemaOf(sqlite: string): string {
  const replace = (text: string, pattern: RegExp, by: string, what: string) => {
    if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: could not find ${what}`);
    return text.replace(pattern, by);
  };
  let out = sqlite;
  out = replace(out, /output\s*=\s*"\.\.\/app\/generated\/prisma"/, 'output     = "../../app/generated/prisma-postgresql"', "the generator's output");
  out = replace(out, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"', 'the datasource provider "sqlite"');
  // A literal url of the provider's scheme keeps the CLI from wanting a native engine; it is never used.
  out = replace(out, /url\s*=\s*"file:\.\/dev\.db"/, 'url      = "postgresql://unused@localhost/unused"', "the datasource url");
  return GENERATED_NOTE + out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const expected = postgresSchemaOf(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  if (process.argv.includes("--check")) {
    const actual = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : "";
    if (actual !== expected) {
      console.error(`${POSTGRES_SCHEMA} is not generated from ${SQLITE_SCHEMA}: run \`npm run db:schemas\`.`);
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
    fs.writeFileSync(POSTGRES_SCHEMA, expected);
    console.log(`Wrote ${POSTGRES_SCHEMA}`);
  }
}
