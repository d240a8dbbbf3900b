/**
 * npm run db:copy -- --from file:data/builder-ladder.db --to postgresql://user:password@host/db
 *
 * Copies the whole organisation from a SQLite file (up to date: start the app on it once) into an
 * empty PostgreSQL database, in one transaction, then verifies every table's row count and the
 * audit trail's hash chain on the target (app/data/database-copy.server.ts). Prints one line per
 * table and a summary; a refusal or failure is one line on stderr and exit status 1. Passwords in
 * the URL are never printed. Reads no .env and no DATABASE_URL: both databases are named here.
 */
import { parseArgs } from "node:util";
import { copySqliteToPostgres, DbCopyError } from "~/data/database-copy.server";
import { databaseFilePath } from "~/data/database-file";
import { databaseKind, redactedUrl } from "~/data/database-kind";
import { StartupError } from "~/utils/startup-error";

const USAGE = "Usage: npm run db:copy -- --from file:data/builder-ladder.db --to postgresql://user:password@host:5432/database";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let from: string;
let to: string;
try {
  const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.from || !values.to) fail(`db:copy needs both --from and --to. ${USAGE}`);
  from = values.from;
  to = values.to;
} catch (error) {
  fail(`db:copy: ${(error as Error).message.split("\n")[0]} ${USAGE}`);
}

const kindOf = (url: string) => {
  try {
    return databaseKind(url);
  } catch {
    return null;
  }
};
if (kindOf(from) !== "sqlite") fail(`--from must be a SQLite file: URL (e.g. file:data/builder-ladder.db), got "${redactedUrl(from)}".`);
if (kindOf(to) !== "postgresql") fail(`--to must be a postgresql:// URL, got "${redactedUrl(to)}".`);

const file = databaseFilePath(from);
const target = redactedUrl(to);
try {
  console.log(`Copying ${file} to ${target}…`);
  const result = await copySqliteToPostgres({ from: file, to, log: (line) => console.log(line) });
  const audit = result.audit.head ? `${result.audit.entries} entries, head ${result.audit.head.seq} ${result.audit.head.hash}` : "no entries yet";
  console.log(
    `Copied ${result.rows} rows in ${result.tables.length} tables in ${(result.milliseconds / 1000).toFixed(1)} s; audit trail verified: ${audit}.`,
  );
  console.log(`Point DATABASE_URL at ${target} (and set SESSION_SECRET) to run the app on PostgreSQL; keep ${file} as it is until you have checked it.`);
  process.exit(0);
} catch (error) {
  if (error instanceof DbCopyError || error instanceof StartupError) fail(error.message.replaceAll(to, target));
  const message = error instanceof Error ? error.message : String(error);
  fail(`Copy failed: ${message.split("\n")[0]!.replaceAll(to, target)}`);
}
