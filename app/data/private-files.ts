import fs from "node:fs";
import path from "node:path";

/**
 * The database holds interview evidence and pay: its file (and SQLite's -wal and -shm files beside
 * it, which SQLite creates with the database file's mode) is readable by the app's user only, and
 * so is the folder the app makes for it. A folder that already exists is tightened only when it
 * is the app's own data folder: pointing DATABASE_URL into /tmp must not change /tmp.
 */
export const DATA_FOLDER = path.resolve("data");
const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;

export function preparePrivateDatabaseFile(file: string): void {
  const folder = path.dirname(file);
  if (!fs.existsSync(folder)) makeFolders(folder, FOLDER_MODE);
  else if (isInside(folder, DATA_FOLDER)) fs.chmodSync(folder, FOLDER_MODE);
  // Created empty with the private mode, so the file is never readable by others, not even briefly.
  fs.closeSync(fs.openSync(file, "a", FILE_MODE));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    if (fs.existsSync(file + suffix)) fs.chmodSync(file + suffix, FILE_MODE);
  }
}

/**
 * Creates a folder and its missing parents one level at a time, so a path that cannot be made
 * fails at once with the reason (Node 20's recursive mkdir never returns for some paths, e.g.
 * under /proc).
 */
export function makeFolders(folder: string, mode = FOLDER_MODE): void {
  const missing: string[] = [];
  for (let current = path.resolve(folder); !fs.existsSync(current); current = path.dirname(current)) {
    missing.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const dir of missing) fs.mkdirSync(dir, { mode });
}

function isInside(folder: string, root: string): boolean {
  const relative = path.relative(root, folder);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}
