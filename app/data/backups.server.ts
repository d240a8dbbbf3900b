// Online backups of the SQLite database, their verification, keep-last-N, and restore into a stopped instance.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { backupFileName, backupsToDelete, backupTime, manifestFileName } from "~/domain/backup-retention";
import { DATA_FOLDER, makeFolders } from "./private-files";
import { readMigrations, type Migration } from "./migrate.server";

const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;

/** A backup or restore that cannot go ahead, with a one-line message saying why (the CLIs print it alone). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** What the manifest beside a backup records; a restore checks the file against it. */
export type BackupManifest = {
  /** The backup file's name (the manifest sits beside it). */
  file: string;
  /** When the backup's snapshot was taken (ISO, UTC). */
  takenAt: string;
  /** The database it was taken from. */
  source: string;
  /** `PRAGMA integrity_check` of the copy: always "ok" (a copy that fails is not kept). */
  integrityCheck: "ok";
  /** Rows in every table of the copy. */
  tables: Record<string, number>;
  /** `_prisma_migrations` of the copy: the migrations applied, in order. */
  migrations: string[];
  bytes: number;
};

export type BackupResult = { file: string; manifest: BackupManifest; deleted: string[] };

/** BACKUP_DIR, or a `backups` folder beside the database. */
export function backupFolder(databaseFile: string, backupDir: string | null): string {
  return backupDir ? path.resolve(backupDir) : path.join(path.dirname(databaseFile), "backups");
}

/**
 * A consistent copy of the live database, taken while the app runs: `VACUUM INTO` reads one
 * snapshot (a single read transaction; in WAL mode writers go on and are not waited for) and writes
 * it to a temporary name in the backup folder. The copy is switched out of WAL mode (one
 * self-contained file), checked (`integrity_check`, rows per table, the migrations it holds),
 * flushed to disk, given its manifest and only then renamed to its final name, so a half-written
 * backup never carries one. Then the oldest backups beyond `keep` are deleted with their manifests.
 */
export function takeBackup(options: { databaseFile: string; folder: string; keep: number; now?: () => Date }): BackupResult {
  const { databaseFile, folder, keep } = options;
  const now = options.now ?? (() => new Date());
  if (!fs.existsSync(databaseFile)) throw new BackupError(`DATABASE_URL: there is no database at ${databaseFile} to back up.`);
  preparePrivateFolder(folder);

  const takenAt = now();
  const name = backupFileName(takenAt);
  const final = path.join(folder, name);
  if (fs.existsSync(final)) throw new BackupError(`A backup named ${final} already exists; nothing was changed.`);
  const temporary = path.join(folder, `.${name}.partial`);
  const manifestFinal = path.join(folder, manifestFileName(name));
  const manifestTemporary = path.join(folder, `.${manifestFileName(name)}.partial`);
  fs.rmSync(temporary, { force: true });

  try {
    // Created empty with the private mode first: VACUUM INTO writes into an empty file, and the copy is never readable by others.
    fs.closeSync(fs.openSync(temporary, "w", FILE_MODE));
    const source = new Database(databaseFile, { fileMustExist: true, timeout: 5000 });
    try {
      source.prepare("VACUUM INTO ?").run(temporary);
    } finally {
      source.close();
    }
    fs.chmodSync(temporary, FILE_MODE);
    const check = inspectDatabaseFile(temporary, { singleFile: true });
    if (check.integrity !== "ok") throw new BackupError(`The copy failed its integrity check (${check.integrity}); no backup was kept.`);
    fsyncFile(temporary);
    const manifest: BackupManifest = {
      file: name,
      takenAt: takenAt.toISOString(),
      source: databaseFile,
      integrityCheck: "ok",
      tables: check.tables,
      migrations: check.migrations ?? [],
      bytes: fs.statSync(temporary).size,
    };
    fs.writeFileSync(manifestTemporary, `${JSON.stringify(manifest, null, 2)}\n`, { mode: FILE_MODE });
    fsyncFile(manifestTemporary);
    // The manifest first: a backup file with the final name always has its manifest.
    fs.renameSync(manifestTemporary, manifestFinal);
    fs.renameSync(temporary, final);
    fsyncFolder(folder);

    const deleted = pruneBackups(folder, keep);
    return { file: final, manifest, deleted };
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    fs.rmSync(manifestTemporary, { force: true });
    if (!fs.existsSync(final)) fs.rmSync(manifestFinal, { force: true });
    throw error;
  }
}

/** Deletes the backups beyond the newest `keep` in `folder` (and their manifests); returns the backup files deleted. */
export function pruneBackups(folder: string, keep: number): string[] {
  const doomed = backupsToDelete(fs.readdirSync(folder), keep);
  for (const name of doomed) {
    fs.rmSync(path.join(folder, name), { force: true });
    fs.rmSync(path.join(folder, manifestFileName(name)), { force: true });
  }
  return doomed.map((name) => path.join(folder, name));
}

export type DatabaseInspection = {
  integrity: string;
  tables: Record<string, number>;
  /** The names in `_prisma_migrations` (applied, not rolled back), or null when it has no such table. */
  migrations: string[] | null;
  checksums: Map<string, string>;
};

/**
 * Opens a SQLite file and reads what a backup and a restore check: `integrity_check`, rows per table,
 * the migrations applied. `singleFile` (our own fresh copy only) switches it out of WAL mode first;
 * otherwise it is opened read-only and left as it is.
 */
export function inspectDatabaseFile(file: string, options: { singleFile?: boolean } = {}): DatabaseInspection {
  const db = new Database(file, { fileMustExist: true, readonly: !options.singleFile });
  try {
    if (options.singleFile) db.pragma("journal_mode = DELETE");
    const results = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check);
    const integrity = results.length === 1 && results[0] === "ok" ? "ok" : results.slice(0, 3).join("; ");
    const tableNames = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    const tables: Record<string, number> = {};
    for (const table of tableNames) {
      tables[table] = (db.prepare(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`).get() as { n: number }).n;
    }
    let migrations: string[] | null = null;
    const checksums = new Map<string, string>();
    if (tableNames.includes("_prisma_migrations")) {
      const rows = db
        .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`)
        .all() as { migration_name: string; checksum: string }[];
      migrations = rows.map((r) => r.migration_name);
      for (const r of rows) checksums.set(r.migration_name, r.checksum);
    }
    return { integrity, tables, migrations, checksums };
  } finally {
    db.close();
  }
}

/** SQLite's error codes for a file that is not a database, or a damaged one, in words. */
function unreadable(file: string, error: unknown): BackupError {
  const code = (error as { code?: string } | null)?.code ?? "";
  const why =
    code === "SQLITE_NOTADB" ? "it is not a SQLite database" : code.startsWith("SQLITE_CORRUPT") ? "the file is damaged" : code === "ENOENT" || code === "SQLITE_CANTOPEN" ? "it cannot be opened" : (error as Error).message;
  return new BackupError(`Refused: ${file} cannot be restored: ${why}${code ? ` (${code})` : ""}. Nothing was changed.`);
}

/**
 * Everything a restore checks before it touches the live database: the file is a sound SQLite
 * database (`integrity_check`), a Builder Ladder one (it has `_prisma_migrations`), every migration
 * in it is one this code knows, unedited (so the app can start on it and apply the rest), and when
 * its manifest is beside it, the rows per table are the ones the backup recorded.
 */
export function checkBackupFile(file: string, migrations: Migration[] = readMigrations()): DatabaseInspection & { manifest: BackupManifest | null } {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`Refused: there is no backup file at ${file}. Nothing was changed.`);
  let inspection: DatabaseInspection;
  try {
    inspection = inspectDatabaseFile(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  const refuse = (why: string) => new BackupError(`Refused: ${file} ${why}. Nothing was changed.`);
  if (inspection.integrity !== "ok") throw refuse(`fails SQLite's integrity check (${inspection.integrity})`);
  if (inspection.migrations === null) throw refuse("is not a Builder Ladder database (it has no _prisma_migrations table)");
  const known = new Map(migrations.map((m) => [m.name, m.checksum]));
  const unknown = inspection.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) throw refuse(`holds migration(s) this version of the app does not have (${unknown.join(", ")}): restore it with the version that wrote it`);
  const edited = inspection.migrations.filter((name) => known.get(name) !== inspection.checksums.get(name));
  if (edited.length > 0) throw refuse(`records migration(s) whose SQL differs from this version's (${edited.join(", ")})`);

  const manifestFile = path.join(path.dirname(file), manifestFileName(path.basename(file)));
  let manifest: BackupManifest | null = null;
  if (backupTime(path.basename(file)) !== null && fs.existsSync(manifestFile)) {
    try {
      manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as BackupManifest;
    } catch {
      throw refuse(`has a manifest that cannot be read (${manifestFile})`);
    }
    const differences = countDifferences(manifest.tables ?? {}, inspection.tables);
    if (differences.length > 0) throw refuse(`does not match its manifest: ${differences.slice(0, 5).join(", ")}`);
  }
  return { ...inspection, manifest };
}

function countDifferences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.filter((n) => expected[n] !== actual[n]).map((n) => `${n} has ${actual[n] ?? "no table, not"} rows, the manifest says ${expected[n] ?? "no such table"}`);
}

/**
 * Whether a process has the database open, e.g. a running app. SQLite in WAL mode keeps a shared
 * lock on the database file for as long as a connection that has read it stays open (the app reads
 * at start, then keeps its connection), and the operating system drops that lock when the process
 * ends, even on kill -9. So: ask for an exclusive lock (`locking_mode = EXCLUSIVE`, then a write
 * transaction) with a short busy timeout. Busy = in use. The lock is then released: a checkpoint
 * first folds the write-ahead log into the file, and closing the last connection removes the -wal.
 *
 * Chosen over a pid or lock file written by the server: nothing is left behind by a crash, and
 * nothing can name a process of another container or machine. The locks are POSIX advisory locks,
 * so two things follow: they are per machine (an instance on another host over a network file
 * system is not seen), and inside one process a plain `fs` open and close of the database file
 * drops every lock the process holds on it, SQLite's included: the app must only reach the live
 * file through SQLite once its connection is open.
 */
export function databaseInUse(file: string, timeoutMs = 500): boolean {
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true, timeout: timeoutMs });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE; COMMIT");
    db.pragma("wal_checkpoint(TRUNCATE)");
    return false;
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return true;
    throw error;
  } finally {
    db.close();
  }
}

export type RestoreResult = { restored: string; keptAside: string[]; check: ReturnType<typeof checkBackupFile> };

/**
 * Restores `backup` as the live database of a stopped instance: checks the file
 * (checkBackupFile), refuses while anything has the live database open (databaseInUse), moves the
 * current database and its -wal/-shm aside under a timestamped name (never deleted), then copies the
 * backup in under a temporary name beside it and renames it into place. The next start applies any
 * migrations newer than the backup.
 */
export function restoreBackup(options: { backup: string; databaseFile: string; now?: () => Date; migrations?: Migration[] }): RestoreResult {
  const { databaseFile } = options;
  const backup = path.resolve(options.backup);
  const now = options.now ?? (() => new Date());
  if (backup === path.resolve(databaseFile)) throw new BackupError(`Refused: ${backup} is the live database itself. Nothing was changed.`);
  const check = checkBackupFile(backup, options.migrations);

  let inUse: boolean;
  try {
    inUse = databaseInUse(databaseFile);
  } catch (error) {
    throw new BackupError(`Refused: cannot check whether the live database ${databaseFile} is in use: ${(error as Error).message}. Nothing was changed.`);
  }
  if (inUse) {
    throw new BackupError(`Refused: the database ${databaseFile} is in use (is the app running?). Stop every instance, then restore again. Nothing was changed.`);
  }

  const folder = path.dirname(databaseFile);
  if (!fs.existsSync(folder)) makeFolders(folder, FOLDER_MODE);
  // Copy in beside the live file first (same file system, so the rename below is atomic).
  const incoming = path.join(folder, `.${path.basename(databaseFile)}.restoring`);
  fs.rmSync(incoming, { force: true });
  fs.copyFileSync(backup, incoming);
  fs.chmodSync(incoming, FILE_MODE);
  fsyncFile(incoming);

  const stamp = now().toISOString().replace(/[:.]/g, "-");
  const ext = path.extname(databaseFile);
  const aside = path.join(folder, `${path.basename(databaseFile, ext)}.before-restore-${stamp}${ext}`);
  const keptAside: string[] = [];
  try {
    // The database file first (so keptAside[0] is it). The -wal may hold committed transactions (the
    // check above folded it in, but a file it could not is kept all the same): it moves with the file,
    // under the name SQLite looks for beside it; so does the -shm, SQLite's index of the -wal.
    for (const suffix of ["", "-wal", "-shm", "-journal"]) {
      if (!fs.existsSync(databaseFile + suffix)) continue;
      if (fs.existsSync(aside + suffix)) throw new BackupError(`Refused: ${aside + suffix} already exists. Nothing was changed.`);
      fs.renameSync(databaseFile + suffix, aside + suffix);
      keptAside.push(aside + suffix);
    }
    fs.renameSync(incoming, databaseFile);
    fsyncFolder(folder);
  } catch (error) {
    fs.rmSync(incoming, { force: true });
    throw error;
  }
  return { restored: databaseFile, keptAside, check };
}

/**
 * The folder for backups: created 0700 when missing, and tightened to 0700 when it is inside the app's
 * own data folder (the default, data/backups). A folder elsewhere that already exists (BACKUP_DIR on a
 * mount) keeps its mode, as private-files.ts does for the database's folder; the files are 0600 anyway.
 */
function preparePrivateFolder(folder: string): void {
  if (!fs.existsSync(folder)) makeFolders(folder, FOLDER_MODE);
  else if (!fs.statSync(folder).isDirectory()) throw Object.assign(new Error(`${folder} is not a folder`), { code: "ENOTDIR" });
  else if (isInside(folder, DATA_FOLDER)) fs.chmodSync(folder, FOLDER_MODE);
}

function isInside(folder: string, root: string): boolean {
  const relative = path.relative(root, folder);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncFolder(folder: string): void {
  try {
    const fd = fs.openSync(folder, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot open a folder to flush it; the renames still happened.
  }
}
