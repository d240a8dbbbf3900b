import { z } from "zod";
import type { ReminderSettings } from "~/domain/notifications/reminders";
import type { RetentionPolicy } from "~/domain/retention";

/**
 * Every environment variable the app reads, checked once at start. `parseConfig` is pure
 * (it takes the environment as an argument) so the rules are unit-tested without a process.
 */
const flag = z
  .enum(["true", "false", "1", "0"], { error: 'must be "true" or "false"' })
  .transform((v) => v === "true" || v === "1");

/**
 * How many reverse proxies stand in front of the app: "false" or "0" none, "true" one, or a
 * count. The client's address is then the one the outermost of our proxies saw (the entry that
 * many places from the right of X-Forwarded-For), never the left-most, which the client writes
 * itself: trusting every hop would let a guesser pose as any address (as one the account signed
 * in from recently, which the sign-in throttle exempts).
 */
const proxyHops = z
  .string()
  .regex(/^(true|false|[0-9])$/, { error: 'must be "false", "true" (one reverse proxy) or the number of proxies in front of the app (0–9)' })
  .transform((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v)));

/** A whole number within [min, max], with one message for every way of missing it. */
const wholeNumber = (min: number, max: number, error: string) => z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"], { error: 'must be "development", "production" or "test"' }).default("development"),
    DEPLOYMENT: z.enum(["demo", "strict"], { error: 'must be "demo" or "strict"' }).default("demo"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: wholeNumber(1, 65535, "must be a port number (1–65535)").default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, {
        error: 'must be a SQLite "file:" URL (e.g. file:data/builder-ladder.db) or a PostgreSQL "postgresql://" URL',
      })
      .default("file:data/builder-ladder.db"),
    SESSION_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
    SESSION_TTL_HOURS: wholeNumber(1, 24 * 90, "must be a whole number of hours (1–2160)").default(24 * 7),
    TRUST_PROXY: proxyHops.default(0),
    SEED_DEMO: flag.optional(),
    LOG_REQUESTS: flag.optional(),
    TEST_CLOCK: flag.default(false),
    BACKUP_DIR: z.string().min(1).optional(),
    DATABASE_POOL_SIZE: wholeNumber(1, 100, "must be a whole number of connections (1–100)").default(10),
    BACKUP_KEEP: wholeNumber(1, 1000, "must be a whole number of backups to keep (1–1000)").default(7),
    BACKUP_EVERY_HOURS: wholeNumber(0, 24 * 366, "must be a whole number of hours between scheduled backups (0 = none, up to 8784)").default(0),
    RETENTION_NOT_HIRED_MONTHS: wholeNumber(1, 1200, "must be a whole number of months (1–1200)").default(12),
    RETENTION_HIRED_NOT_JOINED_MONTHS: wholeNumber(1, 1200, "must be a whole number of months (1–1200)").default(24),
    RETENTION_NO_DECISION_MONTHS: wholeNumber(1, 1200, "must be a whole number of months (1–1200)").default(12),
    RETENTION_EVERY_HOURS: wholeNumber(0, 24 * 366, "must be a whole number of hours between retention runs (0 = never, up to 8784)").default(24),
    APP_URL: z
      .url({ protocol: /^https?$/, error: "must be the app's address as people open it, e.g. https://ladder.example.com" })
      .default("http://localhost:3000"),
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: wholeNumber(1, 65535, "must be a port number (1–65535)").default(587),
    SMTP_SECURE: flag.default(false),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    SMTP_FROM: z.string().min(3).default("Builder Ladder <no-reply@localhost>"),
    DELIVERY_EVERY_SECONDS: wholeNumber(0, 3600, "must be a whole number of seconds between delivery runs (0 = never, up to 3600)").default(30),
    OUTBOX_KEEP_DAYS: wholeNumber(1, 3650, "must be a whole number of days to keep sent emails (1–3650)").default(30),
    REMINDER_EVERY_SECONDS: wholeNumber(0, 3600, "must be a whole number of seconds between reminder runs (0 = never, up to 3600)").default(60),
    SCORECARD_REMINDER_FIRST_HOURS: wholeNumber(0, 720, "must be a whole number of hours after the interview ends (0–720)").default(1),
    SCORECARD_REMINDER_EVERY_HOURS: wholeNumber(1, 720, "must be a whole number of hours between overdue reminders (1–720)").default(24),
    SCORECARD_REMINDER_MAX: wholeNumber(0, 100, "must be a whole number of overdue reminders (0 = none, up to 100)").default(7),
    READ_CONCURRENCY: wholeNumber(1, 256, "must be a whole number of pages worked on at once (1–256)").default(4),
    READ_QUEUE: wholeNumber(0, 100_000, "must be a whole number of pages that may wait (0–100000)").default(200),
    WRITE_CONCURRENCY: wholeNumber(1, 256, "must be a whole number of actions worked on at once (1–256)").default(2),
    WRITE_QUEUE: wholeNumber(0, 100_000, "must be a whole number of actions that may wait (0–100000)").default(200),
  })
  .superRefine((env, ctx) => {
    if ((env.SMTP_USER === undefined) !== (env.SMTP_PASSWORD === undefined)) {
      ctx.addIssue({ code: "custom", path: [env.SMTP_USER ? "SMTP_PASSWORD" : "SMTP_USER"], message: "must be set together with " + (env.SMTP_USER ? "SMTP_USER" : "SMTP_PASSWORD") });
    }
    if (!env.SMTP_HOST && env.SMTP_USER) {
      ctx.addIssue({ code: "custom", path: ["SMTP_HOST"], message: "is required when SMTP_USER is set" });
    }
    if (!senderAddress(env.SMTP_FROM)) {
      ctx.addIssue({ code: "custom", path: ["SMTP_FROM"], message: 'must be an email address, optionally with a name: "Builder Ladder <ladder@example.com>"' });
    }
    // Every instance on one PostgreSQL database must sign sessions with the same secret, and
    // there is no file beside the database to keep a generated one in.
    if (/^postgres/.test(env.DATABASE_URL) && !env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required with a PostgreSQL DATABASE_URL (the same value on every instance)" });
    }
    // The app's own backups copy the SQLite file; PostgreSQL is backed up with its own tools (pg_dump).
    if (/^postgres/.test(env.DATABASE_URL) && env.BACKUP_EVERY_HOURS > 0) {
      ctx.addIssue({ code: "custom", path: ["BACKUP_EVERY_HOURS"], message: "must be 0 with a PostgreSQL DATABASE_URL: back PostgreSQL up with pg_dump (see the README)" });
    }
    if (env.DEPLOYMENT !== "strict") return;
    if (!env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required when DEPLOYMENT=strict (at least 32 random characters)" });
    }
    if (env.SEED_DEMO === true) {
      ctx.addIssue({ code: "custom", path: ["SEED_DEMO"], message: "cannot be true when DEPLOYMENT=strict: the demo accounts share a published password" });
    }
    if (env.TEST_CLOCK) {
      ctx.addIssue({ code: "custom", path: ["TEST_CLOCK"], message: "cannot be true when DEPLOYMENT=strict: it lets any request set the server's clock" });
    }
  });

/** Every variable the app reads (.env.example and the README's Configuration table list each; a test checks). */
export const CONFIG_VARIABLES = Object.keys(configSchema.shape);

export type Config = {
  /** NODE_ENV: which build of React and Remix runs (`npm start` sets production). Nothing else depends on it. */
  mode: "development" | "production" | "test";
  /**
   * `demo` (the default) generates a session secret when none is given and seeds the demo
   * organisation into an empty database; `strict`, for real deployments, requires SESSION_SECRET
   * and never seeds the demo organisation.
   */
  deployment: "demo" | "strict";
  host: string;
  port: number;
  databaseUrl: string;
  sessionSecret: string | null;
  sessionTtlHours: number;
  /** Reverse proxies in front of the app whose X-Forwarded-* headers are believed (0: none). */
  trustProxyHops: number;
  /** Seed the demo organisation into an empty database at start. */
  seedDemo: boolean;
  /** One JSON line per request on standard output (app/server/request-log.ts); off by default under NODE_ENV=test. */
  logRequests: boolean;
  /**
   * Tests only: a request's `X-Test-Now` header (an ISO time) is the server's "now" for that request,
   * so an end-to-end test can move a project 28 days on. Refused with DEPLOYMENT=strict.
   */
  testClock: boolean;
  /** BACKUP_DIR: where backups go; null = a `backups` folder beside the database (app/data/backups.server.ts). */
  backupDir: string | null;
  /** DATABASE_POOL_SIZE: PostgreSQL connections each instance keeps at most (SQLite has one). */
  databasePoolSize: number;
  /** BACKUP_KEEP: how many backups npm run backup and the scheduled backup keep (the newest). */
  backupKeep: number;
  /** BACKUP_EVERY_HOURS: hours between the running app's own backups; 0 = no scheduled backup. */
  backupEveryHours: number;
  /** RETENTION_*_MONTHS: how long candidate data is kept after each outcome (domain/retention.ts). */
  retention: RetentionPolicy;
  /**
   * RETENTION_EVERY_HOURS: how often the running app erases the candidates due (0 = never; default
   * 24). Periods are whole months and candidates fall due at a UTC midnight, so a daily run erases
   * each within a day of its due time; running more often gains nothing. On by default because
   * keeping data past its period is the failure that matters; npm run retention runs it by hand.
   */
  retentionEveryHours: number;
  /** APP_URL: the app's address as people open it; links in emails start with it. */
  appUrl: string;
  /** SMTP_*: the mail server emails go through; null = none (emails go to the admins' local outbox). */
  smtp: SmtpConfig | null;
  /** SMTP_FROM: who emails come from, as "Name <address>" or an address. */
  mailFrom: string;
  /** DELIVERY_EVERY_SECONDS: how often the running app delivers due emails (0 = never). */
  deliveryEverySeconds: number;
  /** OUTBOX_KEEP_DAYS: sent emails (and those kept locally) older than this are deleted by the reminder run; pending and failed ones stay. */
  outboxKeepDays: number;
  /** REMINDER_EVERY_SECONDS: how often the running app sends the reminders due (0 = never). */
  reminderEverySeconds: number;
  /** SCORECARD_REMINDER_*: when an owed scorecard's reminders go out (domain/notifications/reminders.ts). */
  reminders: ReminderSettings;
  /**
   * READ_* and WRITE_*: how many pages (GET, HEAD) and actions (every other method) are worked on
   * at once, and how many of each may wait; one more is answered 503 with Retry-After (app/server/admission.ts).
   */
  admission: { reads: { concurrency: number; queue: number }; writes: { concurrency: number; queue: number } };
};

export type SmtpConfig = { host: string; port: number; secure: boolean; auth: { user: string; password: string } | null };

/** "Builder Ladder <ladder@example.com>" or "ladder@example.com" → the address; null when neither. */
export function senderAddress(from: string): string | null {
  const match = /^(?:[^<>]*<([^<>\s@]+@[^<>\s@]+)>|([^<>\s@]+@[^<>\s@]+))$/.exec(from.trim());
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** Every problem with the environment, each naming its variable ("PORT must be a port number (1–65535)"), in one line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}. Every variable is described in .env.example.`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`),
    );
  }
  const e = parsed.data;
  return {
    mode: e.NODE_ENV,
    deployment: e.DEPLOYMENT,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET ?? null,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    trustProxyHops: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO ?? e.DEPLOYMENT === "demo",
    logRequests: e.LOG_REQUESTS ?? e.NODE_ENV !== "test",
    testClock: e.TEST_CLOCK,
    backupDir: e.BACKUP_DIR ?? null,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    backupKeep: e.BACKUP_KEEP,
    backupEveryHours: e.BACKUP_EVERY_HOURS,
    retention: {
      notHiredMonths: e.RETENTION_NOT_HIRED_MONTHS,
      hiredNotJoinedMonths: e.RETENTION_HIRED_NOT_JOINED_MONTHS,
      noDecisionMonths: e.RETENTION_NO_DECISION_MONTHS,
    },
    retentionEveryHours: e.RETENTION_EVERY_HOURS,
    appUrl: e.APP_URL.replace(/\/+$/, ""),
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE, auth: e.SMTP_USER && e.SMTP_PASSWORD ? { user: e.SMTP_USER, password: e.SMTP_PASSWORD } : null }
      : null,
    mailFrom: e.SMTP_FROM,
    deliveryEverySeconds: e.DELIVERY_EVERY_SECONDS,
    outboxKeepDays: e.OUTBOX_KEEP_DAYS,
    reminderEverySeconds: e.REMINDER_EVERY_SECONDS,
    reminders: { firstHours: e.SCORECARD_REMINDER_FIRST_HOURS, everyHours: e.SCORECARD_REMINDER_EVERY_HOURS, maxOverdue: e.SCORECARD_REMINDER_MAX },
    admission: {
      reads: { concurrency: e.READ_CONCURRENCY, queue: e.READ_QUEUE },
      writes: { concurrency: e.WRITE_CONCURRENCY, queue: e.WRITE_QUEUE },
    },
  };
}
