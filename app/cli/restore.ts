/**
 * npm run restore -- <backup file>: puts a backup in place of the live database of a STOPPED
 * instance, after checking the file (integrity_check, a Builder Ladder database with no migration
 * unknown to this code, the counts of its manifest). Refused while anything has the database open.
 * The current database (with its -wal and -shm) is kept aside under a timestamped name, never deleted.
 */
import path from "node:path";
import { restoreBackup } from "~/data/backups.server";
import { databaseFilePath } from "~/data/database-file";
import { parseConfig } from "~/utils/config";
import { loadEnvFile } from "~/utils/env-file";
import { describeFailure } from "./failure";

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length !== 1) {
  console.error("Usage: npm run restore -- <backup file>   (stop the app first; see the README, \"Backups\")");
  process.exit(1);
}

try {
  loadEnvFile();
  const config = parseConfig(process.env);
  const databaseFile = databaseFilePath(config.databaseUrl);
  const result = restoreBackup({ backup: path.resolve(args[0]!), databaseFile });
  const rows = Object.values(result.check.tables).reduce((sum, n) => sum + n, 0);
  const manifest = result.check.manifest ? ", rows match its manifest" : ", no manifest beside it";
  console.log(`Checked ${path.resolve(args[0]!)}: integrity_check ok, ${result.check.migrations?.length ?? 0} known migrations, ${rows} rows${manifest}.`);
  const [aside, ...beside] = result.keptAside;
  if (aside) console.log(`Kept the previous database aside: ${aside}${beside.length ? ` (with its ${beside.map((f) => f.slice(aside.length)).join(", ")})` : ""}`);
  console.log(`Restored ${result.restored}. Start the app: it applies any migration newer than the backup.`);
} catch (error) {
  console.error(describeFailure("Restore failed", error));
  process.exit(1);
}
