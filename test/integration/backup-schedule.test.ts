// The running app's scheduled backup: off unless asked, never two at once, a failure logged and survived.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { takeBackup } from "~/data/backups.server";
import { migrateDatabase } from "~/data/migrate.server";
import { startBackupSchedule } from "~/server/backup-schedule";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "builder-ladder-schedule-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const settings = { databaseUrl: `file:${path.join(scratch, "ladder.db")}`, backupDir: path.join(scratch, "backups"), backupKeep: 2, backupEveryHours: 6 };

function recorder() {
  const lines: { level: "info" | "error"; line: string }[] = [];
  return { lines, log: { info: (line: string) => lines.push({ level: "info", line }), error: (line: string) => lines.push({ level: "error", line }) } };
}

describe("the scheduled backup", () => {
  it("is off when BACKUP_EVERY_HOURS is 0 (the default)", () => {
    const { lines, log } = recorder();
    expect(startBackupSchedule({ ...settings, backupEveryHours: 0 }, log, async () => "never")).toBeNull();
    expect(lines).toEqual([]);
  });

  it("says when it runs, where to and how many it keeps", () => {
    const { lines, log } = recorder();
    const schedule = startBackupSchedule(settings, log, async () => "done");
    schedule!.stop();
    expect(lines).toEqual([{ level: "info", line: `Backups every 6 h into ${settings.backupDir}, keeping the newest 2.` }]);
  });

  it("never overlaps itself: a tick while a backup runs is skipped", async () => {
    const { lines, log } = recorder();
    let finish!: (line: string) => void;
    let started = 0;
    const schedule = startBackupSchedule(settings, log, () => {
      started++;
      return new Promise<string>((resolve) => (finish = resolve));
    })!;
    try {
      const first = schedule.tick();
      expect(await schedule.tick()).toBe("skipped");
      expect(started).toBe(1);
      finish("Backed up a to b.");
      expect(await first).toBe("done");
      expect(lines.map((l) => l.line)).toContain("Scheduled backup: Backed up a to b.");
      // Once it has finished, the next tick runs.
      const third = schedule.tick();
      finish("again");
      expect(await third).toBe("done");
      expect(started).toBe(2);
    } finally {
      schedule.stop();
    }
  });

  it("logs a failure in one line and keeps going: the next tick tries again", async () => {
    const { lines, log } = recorder();
    let calls = 0;
    const schedule = startBackupSchedule(settings, log, async () => {
      if (++calls === 1) throw new Error("Backup failed: BACKUP_DIR or DATABASE_URL: cannot use /x: the disk is full (ENOSPC).\nmore");
      return "ok";
    })!;
    try {
      expect(await schedule.tick()).toBe("failed");
      expect(lines.filter((l) => l.level === "error").map((l) => l.line)).toEqual([
        "Scheduled backup failed (the app keeps running; next try in 6 h): Backup failed: BACKUP_DIR or DATABASE_URL: cannot use /x: the disk is full (ENOSPC).",
      ]);
      expect(await schedule.tick()).toBe("done");
    } finally {
      schedule.stop();
    }
  });

  it("takes real backups and keeps BACKUP_KEEP of them", async () => {
    const file = path.join(scratch, "ladder.db");
    migrateDatabase(file);
    const { log } = recorder();
    let n = 0;
    const schedule = startBackupSchedule(settings, log, async () => {
      const at = new Date(Date.UTC(2026, 10, 30, 0, 0, 0, ++n));
      return takeBackup({ databaseFile: file, folder: settings.backupDir, keep: settings.backupKeep, now: () => at }).file;
    })!;
    try {
      for (let i = 0; i < 4; i++) expect(await schedule.tick()).toBe("done");
    } finally {
      schedule.stop();
    }
    expect(fs.readdirSync(settings.backupDir).filter((f) => f.endsWith(".db"))).toHaveLength(2);
  });
});
