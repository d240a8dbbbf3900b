import type { RetentionPolicy } from "~/domain/retention";
import type { Config } from "~/utils/config";

export type RetentionTick = "done" | "not-due" | "skipped" | "failed";

export type RetentionSchedule = {
  /** Runs retention now if the last recorded run is old enough and none is running; resolves to what happened. (The timer calls it.) */
  tick: (now?: Date) => Promise<RetentionTick>;
  stop: () => void;
};

export type RetentionJob = {
  /** When a run was last recorded in the audit trail (by this instance, another, the command or the page). */
  lastRunAt: () => Promise<Date | null>;
  /** Erases the candidates due at `now` as the system; resolves to the counts. */
  run: (policy: RetentionPolicy, now: Date) => Promise<{ erased: number; refused: number }>;
};

/** How often the timer looks whether a run is due: hourly, so a restart delays a run by an hour at most. */
export const RETENTION_CHECK_MS = 3_600_000;

/**
 * The running app's own retention runs, every RETENTION_EVERY_HOURS (off when 0). The timer looks
 * hourly and runs when the last run recorded in the audit trail is at least that old (or there is
 * none), so restarting the app neither skips a run nor repeats one, and several instances on one
 * database mostly take turns (two that overlap are harmless: erasing twice is refused). The first
 * look is an hour after start, so short-lived processes (tests, a quick restart loop) never erase.
 * A run never overlaps the previous one in this process (a tick while one runs is skipped), and a
 * failure is logged, never fatal: the app keeps serving and the next look tries again. Logs hold
 * counts only, never names. The timer does not keep the process alive.
 */
export function startRetentionSchedule(
  config: Pick<Config, "retention" | "retentionEveryHours">,
  log: { info: (line: string) => void; error: (line: string) => void },
  job: RetentionJob = defaultJob,
  checkEveryMs = RETENTION_CHECK_MS,
): RetentionSchedule | null {
  if (config.retentionEveryHours <= 0) return null;
  const everyMs = config.retentionEveryHours * 3_600_000;
  let running = false;
  const tick = async (now = new Date()): Promise<RetentionTick> => {
    if (running) {
      log.info("Scheduled retention skipped: the previous run is still going.");
      return "skipped";
    }
    running = true;
    try {
      const last = await job.lastRunAt();
      if (last && now.getTime() - last.getTime() < everyMs) return "not-due";
      const result = await job.run(config.retention, now);
      log.info(`Scheduled retention: erased ${result.erased} candidate(s) past their retention period${result.refused ? `, ${result.refused} refused (see the audit trail)` : ""}.`);
      return "done";
    } catch (error) {
      const why = error instanceof Error ? error.message.trim().split("\n")[0] : String(error);
      log.error(`Scheduled retention failed (the app keeps running; it tries again within the hour): ${why}`);
      return "failed";
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), Math.min(checkEveryMs, everyMs));
  timer.unref();
  const p = config.retention;
  log.info(
    `Candidate retention every ${config.retentionEveryHours} h (not hired ${p.notHiredMonths} months, hired but never joined ${p.hiredNotJoinedMonths}, no decision ${p.noDecisionMonths}).`,
  );
  return { tick, stop: () => clearInterval(timer) };
}

const defaultJob: RetentionJob = {
  lastRunAt: async () => (await import("~/data/retention.server")).lastRetentionRunAt(),
  run: async (policy, now) => {
    const [{ runRetention }, { SYSTEM_ACTOR }] = await Promise.all([import("~/data/retention.server"), import("~/data/audit.server")]);
    const run = await runRetention(policy, now, SYSTEM_ACTOR);
    return { erased: run.erased.length, refused: run.refused.length };
  },
};
