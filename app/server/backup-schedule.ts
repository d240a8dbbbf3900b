import { execFile } from "node:child_process";
import path from "node:path";
import { backupFolder } from "~/data/backups.server";
import { databaseFilePath } from "~/data/database-file";
import type { Config } from "~/utils/config";

export type BackupSchedule = {
  /** Takes a backup now unless one is still running; resolves to what happened. (The timer calls it.) */
  tick: () => Promise<"done" | "skipped" | "failed">;
  stop: () => void;
};

/**
 * The running app's own backups, every BACKUP_EVERY_HOURS (off when 0). A backup never overlaps the
 * previous one (a tick while one runs is skipped), and a failure is logged, never fatal: the app
 * keeps serving and the next tick tries again. The timer does not keep the process alive.
 * Each instance running on the same database schedules its own backups.
 *
 * A backup runs `npm run backup`'s script in a child process (same Node options and environment),
 * so the copy and its checks never hold up the server's event loop.
 */
export function startBackupSchedule(
  config: Pick<Config, "databaseUrl" | "backupDir" | "backupKeep" | "backupEveryHours">,
  log: { info: (line: string) => void; error: (line: string) => void },
  backup: () => Promise<string> = runBackupScript,
): BackupSchedule | null {
  if (config.backupEveryHours <= 0) return null;
  let running = false;
  const tick = async (): Promise<"done" | "skipped" | "failed"> => {
    if (running) {
      log.info("Scheduled backup skipped: the previous one is still running.");
      return "skipped";
    }
    running = true;
    try {
      const report = await backup();
      for (const line of report.split("\n").filter(Boolean)) log.info(`Scheduled backup: ${line}`);
      return "done";
    } catch (error) {
      const why = error instanceof Error ? error.message.trim().split("\n")[0] : String(error);
      log.error(`Scheduled backup failed (the app keeps running; next try in ${config.backupEveryHours} h): ${why}`);
      return "failed";
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), config.backupEveryHours * 3_600_000);
  timer.unref();
  log.info(`Backups every ${config.backupEveryHours} h into ${backupFolder(databaseFilePath(config.databaseUrl), config.backupDir)}, keeping the newest ${config.backupKeep}.`);
  return { tick, stop: () => clearInterval(timer) };
}

/** `node <this process's options> app/cli/backup.ts` from the project root; resolves to its output, rejects with its one-line error. */
export function runBackupScript(): Promise<string> {
  return new Promise((resolve, reject) => {
    // The same loader (--import tsx), without a debugger port the parent already holds.
    const nodeOptions = process.execArgv.filter((arg) => !arg.startsWith("--inspect"));
    execFile(process.execPath, [...nodeOptions, path.resolve("app", "cli", "backup.ts")], { env: process.env, timeout: 3_600_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr.trim() || error.message));
      else resolve(stdout.trim());
    });
  });
}
