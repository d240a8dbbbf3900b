import { BackupError } from "~/data/backups.server";
import { ConfigError } from "~/utils/config";
import { fileProblem, isFileError, StartupError } from "~/utils/startup-error";

/** One line for a command-line script's failure: its own message for a problem a person can fix, else what failed and why. */
export function describeFailure(what: string, error: unknown): string {
  if (error instanceof BackupError || error instanceof ConfigError || error instanceof StartupError) return error.message;
  const path = (error as { path?: unknown } | null)?.path;
  if (isFileError(error) && typeof path === "string") return `${what}: ${fileProblem("BACKUP_DIR or DATABASE_URL", "use", path, error).message}`;
  const message = error instanceof Error ? error.message : String(error);
  return `${what}: ${message.split("\n")[0]}`;
}
