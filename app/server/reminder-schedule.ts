import { randomUUID } from "node:crypto";
import os from "node:os";
import { pruneOutbox } from "~/data/outbox.server";
import { sendDueReminders } from "~/data/reminders.server";
import { acquireLease, releaseLease } from "~/data/scheduler-lease.server";
import type { Config } from "~/utils/config";
import { getConfig } from "~/utils/env.server";

/**
 * The reminder run: the reminders due (scorecards owed, a project's checkpoint) and the pruning of
 * old delivered emails. Every instance runs the timer; only the holder of the "reminders"
 * SchedulerLease runs it, and each reminder's ReminderSent key keeps it from going out twice even
 * if two runs ever overlapped (two instances, or a test calling runReminders twice at once).
 */
export type ReminderRunResult = { scorecard: number; checkpoint: number; pruned: number };

type RunConfig = Pick<Config, "reminders" | "outboxKeepDays">;

/** One run at `now`: sends what is due, deletes delivered emails past OUTBOX_KEEP_DAYS. */
export async function runReminders(now: Date, config: RunConfig = getConfig()): Promise<ReminderRunResult> {
  const sent = await sendDueReminders(config.reminders, now);
  const pruned = await pruneOutbox(config.outboxKeepDays, now);
  return { ...sent, pruned };
}

export const REMINDER_LEASE = "reminders";

export type ReminderTick = "done" | "standby" | "skipped" | "failed";

export type ReminderSchedule = {
  /** Runs now if this process holds (or takes) the reminder lease; what happened. (The timer calls it.) */
  tick: (now?: Date) => Promise<ReminderTick>;
  /** Stops the timer and gives the lease up, so another instance takes over at once. */
  stop: () => Promise<void>;
  holder: string;
};

/**
 * The running app's reminders, every REMINDER_EVERY_SECONDS (off when 0). The lease lasts three
 * periods (at least five minutes), so a holder that dies hands over within that; a tick while a
 * run is still going is skipped. A failure is logged (counts and the error's first line only,
 * never names), never fatal. The timer does not keep the process alive.
 */
export function startReminderSchedule(
  config: RunConfig & Pick<Config, "reminderEverySeconds">,
  log: { info: (line: string) => void; error: (line: string) => void },
  holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
): ReminderSchedule | null {
  if (config.reminderEverySeconds <= 0) return null;
  const everyMs = config.reminderEverySeconds * 1000;
  const leaseMs = Math.max(3 * everyMs, 5 * 60_000);
  let running = false;
  const tick = async (at?: Date): Promise<ReminderTick> => {
    if (running) return "skipped";
    const now = at ?? new Date();
    running = true;
    try {
      if (!(await acquireLease(REMINDER_LEASE, holder, now, leaseMs))) return "standby";
      const result = await runReminders(now, config);
      const counts = [
        result.scorecard && `${result.scorecard} scorecard reminder(s)`,
        result.checkpoint && `${result.checkpoint} checkpoint reminder(s)`,
        result.pruned && `${result.pruned} old delivered email(s) deleted`,
      ].filter(Boolean);
      if (counts.length > 0) log.info(`Reminders: ${counts.join(", ")}.`);
      return "done";
    } catch (error) {
      const why = error instanceof Error ? (error.message.trim().split("\n")[0] ?? "") : String(error);
      log.error(`Reminder run failed (the app keeps running; the next run tries again): ${why.slice(0, 300)}`);
      return "failed";
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  const r = config.reminders;
  log.info(
    `Reminders every ${config.reminderEverySeconds} s: a scorecard ${r.firstHours} h after its interview, then when due and every ${r.everyHours} h (at most ${r.maxOverdue}); delivered emails kept ${config.outboxKeepDays} days.`,
  );
  return {
    tick,
    holder,
    stop: async () => {
      clearInterval(timer);
      await releaseLease(REMINDER_LEASE, holder).catch(() => undefined);
    },
  };
}
