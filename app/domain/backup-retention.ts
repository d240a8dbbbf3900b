/**
 * Backup file names and which backups to keep (npm run backup, the scheduled backup). Pure: the
 * folder's listing and the time come in as arguments.
 *
 * A backup is `builder-ladder-<UTC time>.db` (e.g. `builder-ladder-2026-11-30T14-05-09-123Z.db`) with
 * its manifest (the same name ending in `.json`) beside it. The time in the name orders backups, not the files' times,
 * which a copy or a restore from tape can change. Any other file in the folder is not ours.
 */
export const BACKUP_PREFIX = "builder-ladder-";
export const BACKUP_EXTENSION = ".db";
export const MANIFEST_EXTENSION = ".json";

const NAME = /^builder-ladder-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.db$/;

/** `builder-ladder-2026-11-30T14-05-09-123Z.db` for that instant (colons and dots would trouble some file systems). */
export function backupFileName(at: Date): string {
  return `${BACKUP_PREFIX}${at.toISOString().replace(/[:.]/g, "-")}${BACKUP_EXTENSION}`;
}

/** The manifest that goes with a backup file: the same name ending in .json. */
export function manifestFileName(backupName: string): string {
  return backupName.replace(/\.db$/, "") + MANIFEST_EXTENSION;
}

/** The instant a backup's name records, or null when the name is not one of ours. */
export function backupTime(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`);
  // A name such as …-13-45-99… is not a time, and not ours.
  return Number.isNaN(at.getTime()) || backupFileName(at) !== name ? null : at;
}

/**
 * The backups to delete so that the newest `keep` remain: of the names given (a folder's listing),
 * only backup files named as ours count; the rest (manifests, temporary files, anything a person
 * put there) are never chosen. Oldest first.
 */
export function backupsToDelete(names: readonly string[], keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be a whole number of at least 1, got ${keep}`);
  const ours = [...new Set(names)]
    .map((name) => ({ name, at: backupTime(name) }))
    .filter((b): b is { name: string; at: Date } => b.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  return ours
    .slice(keep)
    .reverse()
    .map((b) => b.name);
}
