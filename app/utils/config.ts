import { z } from "zod";
import type { RetentionPolicy } from "~/domain/retention";

/**
 * Every environment variable the app reads, checked once at start. `parseConfig` is pure
 * (it takes the environment as an argument) so the rules are unit-tested without a process.
 */
const flag = z
  .enum(["true", "false", "1", "0"], { error: 'must be "true" or "false"' })
  .transform((v) => v === "true" || v === "1");

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
      .startsWith("file:", { error: 'must be a SQLite "file:" URL, e.g. file:data/builder-ladder.db' })
      .default("file:data/builder-ladder.db"),
    SESSION_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
    SESSION_TTL_HOURS: wholeNumber(1, 24 * 90, "must be a whole number of hours (1–2160)").default(24 * 7),
    TRUST_PROXY: flag.default(false),
    SEED_DEMO: flag.optional(),
    LOG_REQUESTS: flag.optional(),
    TEST_CLOCK: flag.default(false),
    BACKUP_DIR: z.string().min(1).optional(),
    BACKUP_KEEP: wholeNumber(1, 1000, "must be a whole number of backups to keep (1–1000)").default(7),
    BACKUP_EVERY_HOURS: wholeNumber(0, 24 * 366, "must be a whole number of hours between scheduled backups (0 = none, up to 8784)").default(0),
    RETENTION_NOT_HIRED_MONTHS: wholeNumber(1, 1200, "must be a whole number of months (1–1200)").default(12),
    RETENTION_HIRED_NOT_JOINED_MONTHS: wholeNumber(1, 1200, "must be a whole number of months (1–1200)").default(24),
    RETENTION_NO_DECISION_MONTHS: wholeNumber(1, 1200, "must be a whole number of months (1–1200)").default(12),
    RETENTION_EVERY_HOURS: wholeNumber(0, 24 * 366, "must be a whole number of hours between retention runs (0 = never, up to 8784)").default(24),
  })
  .superRefine((env, ctx) => {
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
  trustProxy: boolean;
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
};

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
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO ?? e.DEPLOYMENT === "demo",
    logRequests: e.LOG_REQUESTS ?? e.NODE_ENV !== "test",
    testClock: e.TEST_CLOCK,
    backupDir: e.BACKUP_DIR ?? null,
    backupKeep: e.BACKUP_KEEP,
    backupEveryHours: e.BACKUP_EVERY_HOURS,
    retention: {
      notHiredMonths: e.RETENTION_NOT_HIRED_MONTHS,
      hiredNotJoinedMonths: e.RETENTION_HIRED_NOT_JOINED_MONTHS,
      noDecisionMonths: e.RETENTION_NO_DECISION_MONTHS,
    },
    retentionEveryHours: e.RETENTION_EVERY_HOURS,
  };
}
