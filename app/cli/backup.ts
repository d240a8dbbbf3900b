/**
 * npm run backup: a consistent copy of the live database, taken while the app runs, verified
 * (integrity_check, rows per table) and kept with a manifest in BACKUP_DIR (default: a `backups`
 * folder beside the database); the oldest beyond BACKUP_KEEP are deleted. One line per result;
 * a failure is one line on stderr and exit status 1.
 */
import path from "node:path";
import { backupFolder, takeBackup } from "~/data/backups.server";
import { databaseFilePath } from "~/data/database-file";
import { parseConfig } from "~/utils/config";
import { loadEnvFile } from "~/utils/env-file";
import { describeFailure } from "./failure";

try {
  loadEnvFile();
  const config = parseConfig(process.env);
  const databaseFile = databaseFilePath(config.databaseUrl);
  const result = takeBackup({ databaseFile, folder: backupFolder(databaseFile, config.backupDir), keep: config.backupKeep });
  const rows = Object.values(result.manifest.tables).reduce((sum, n) => sum + n, 0);
  const tables = Object.keys(result.manifest.tables).length;
  console.log(`Backed up ${databaseFile} to ${result.file} (integrity_check ok, ${tables} tables, ${rows} rows, ${result.manifest.migrations.length} migrations; manifest ${path.basename(result.file, ".db")}.json).`);
  for (const file of result.deleted) console.log(`Deleted an older backup (BACKUP_KEEP=${config.backupKeep}): ${file}`);
} catch (error) {
  console.error(describeFailure("Backup failed", error));
  process.exit(1);
}
