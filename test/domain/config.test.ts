import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigError, parseConfig } from "~/utils/config";

describe("configuration", () => {
  it("has working defaults for a local start", () => {
    expect(parseConfig({})).toEqual({
      mode: "development",
      deployment: "demo",
      host: "127.0.0.1",
      port: 3000,
      databaseUrl: "file:data/builder-ladder.db",
      sessionSecret: null,
      sessionTtlHours: 168,
      trustProxyHops: 0,
      seedDemo: true,
      logRequests: true,
      testClock: false,
      backupDir: null,
      databasePoolSize: 10,
      backupKeep: 7,
      backupEveryHours: 0,
      retention: { notHiredMonths: 12, hiredNotJoinedMonths: 24, noDecisionMonths: 12 },
      retentionEveryHours: 24,
      appUrl: "http://localhost:3000",
      smtp: null,
      mailFrom: "Builder Ladder <no-reply@localhost>",
      deliveryEverySeconds: 30,
      outboxKeepDays: 30,
      reminderEverySeconds: 60,
      reminders: { firstHours: 1, everyHours: 24, maxOverdue: 7 },
      admission: { reads: { concurrency: 4, queue: 200 }, writes: { concurrency: 2, queue: 200 } },
    });
  });

  it("reads how many pages and actions are worked on at once and may wait, refusing no slots at all", () => {
    expect(parseConfig({ READ_CONCURRENCY: "6", READ_QUEUE: "0", WRITE_CONCURRENCY: "1", WRITE_QUEUE: "50" }).admission).toEqual({
      reads: { concurrency: 6, queue: 0 },
      writes: { concurrency: 1, queue: 50 },
    });
    expect(() => parseConfig({ READ_CONCURRENCY: "0" })).toThrow(/READ_CONCURRENCY must be a whole number of pages worked on at once/);
    expect(() => parseConfig({ WRITE_CONCURRENCY: "1.5" })).toThrow(/WRITE_CONCURRENCY must be/);
    expect(() => parseConfig({ WRITE_QUEUE: "-1" })).toThrow(/WRITE_QUEUE must be/);
  });

  it("reads the reminder cadence and the outbox's keep time, refusing what makes no cadence", () => {
    expect(parseConfig({ SCORECARD_REMINDER_FIRST_HOURS: "0", SCORECARD_REMINDER_EVERY_HOURS: "12", SCORECARD_REMINDER_MAX: "0", REMINDER_EVERY_SECONDS: "0", OUTBOX_KEEP_DAYS: "90" })).toMatchObject({
      reminders: { firstHours: 0, everyHours: 12, maxOverdue: 0 },
      reminderEverySeconds: 0,
      outboxKeepDays: 90,
    });
    expect(() => parseConfig({ SCORECARD_REMINDER_EVERY_HOURS: "0" })).toThrow(/SCORECARD_REMINDER_EVERY_HOURS must be a whole number of hours between overdue reminders/);
    expect(() => parseConfig({ SCORECARD_REMINDER_MAX: "101" })).toThrow(/SCORECARD_REMINDER_MAX must be/);
    expect(() => parseConfig({ SCORECARD_REMINDER_FIRST_HOURS: "1.5" })).toThrow(/SCORECARD_REMINDER_FIRST_HOURS must be/);
    expect(() => parseConfig({ OUTBOX_KEEP_DAYS: "0" })).toThrow(/OUTBOX_KEEP_DAYS must be/);
  });

  it("reads the mail settings: no SMTP means the local outbox; user and password go together", () => {
    expect(parseConfig({ SMTP_HOST: "smtp.example.com", SMTP_USER: "u", SMTP_PASSWORD: "p", SMTP_FROM: "Ladder <ladder@example.com>", APP_URL: "https://ladder.example.com/" })).toMatchObject({
      smtp: { host: "smtp.example.com", port: 587, secure: false, auth: { user: "u", password: "p" } },
      mailFrom: "Ladder <ladder@example.com>",
      appUrl: "https://ladder.example.com",
    });
    expect(parseConfig({ SMTP_HOST: "127.0.0.1", SMTP_PORT: "2525", SMTP_SECURE: "true" }).smtp).toEqual({ host: "127.0.0.1", port: 2525, secure: true, auth: null });
    expect(() => parseConfig({ SMTP_HOST: "h", SMTP_USER: "u" })).toThrow(/SMTP_PASSWORD must be set together with SMTP_USER/);
    expect(() => parseConfig({ SMTP_USER: "u", SMTP_PASSWORD: "p" })).toThrow(/SMTP_HOST is required when SMTP_USER is set/);
    expect(() => parseConfig({ SMTP_FROM: "Ladder" })).toThrow(/SMTP_FROM must be an email address/);
    expect(() => parseConfig({ APP_URL: "ftp://x" })).toThrow(/APP_URL must be the app's address/);
    expect(() => parseConfig({ DELIVERY_EVERY_SECONDS: "-1" })).toThrow(/DELIVERY_EVERY_SECONDS/);
  });

  it("reads the retention periods and schedule, whole months and hours only", () => {
    expect(parseConfig({ RETENTION_NOT_HIRED_MONTHS: "6", RETENTION_HIRED_NOT_JOINED_MONTHS: "36", RETENTION_NO_DECISION_MONTHS: "3", RETENTION_EVERY_HOURS: "0" })).toMatchObject({
      retention: { notHiredMonths: 6, hiredNotJoinedMonths: 36, noDecisionMonths: 3 },
      retentionEveryHours: 0,
    });
    expect(() => parseConfig({ RETENTION_NOT_HIRED_MONTHS: "0" })).toThrow(/RETENTION_NOT_HIRED_MONTHS must be a whole number of months \(1–1200\)/);
    expect(() => parseConfig({ RETENTION_HIRED_NOT_JOINED_MONTHS: "1.5" })).toThrow(/RETENTION_HIRED_NOT_JOINED_MONTHS must be a whole number of months/);
    expect(() => parseConfig({ RETENTION_NO_DECISION_MONTHS: "a year" })).toThrow(/RETENTION_NO_DECISION_MONTHS must be a whole number of months/);
    expect(() => parseConfig({ RETENTION_NO_DECISION_MONTHS: "1201" })).toThrow(/RETENTION_NO_DECISION_MONTHS/);
    expect(() => parseConfig({ RETENTION_EVERY_HOURS: "-1" })).toThrow(/RETENTION_EVERY_HOURS must be a whole number of hours between retention runs/);
  });

  it("reads the backup settings: folder, how many to keep, the schedule (off unless asked)", () => {
    expect(parseConfig({ BACKUP_DIR: "/srv/backups", BACKUP_KEEP: "30", BACKUP_EVERY_HOURS: "6" })).toMatchObject({ backupDir: "/srv/backups", backupKeep: 30, backupEveryHours: 6 });
    expect(parseConfig({ BACKUP_EVERY_HOURS: "0" }).backupEveryHours).toBe(0);
    expect(parseConfig({ DEPLOYMENT: "strict", SESSION_SECRET: "s".repeat(32) }).backupEveryHours).toBe(0);
    expect(() => parseConfig({ BACKUP_KEEP: "0" })).toThrow(/BACKUP_KEEP must be a whole number of backups to keep \(1–1000\)/);
    expect(() => parseConfig({ BACKUP_KEEP: "many" })).toThrow(/BACKUP_KEEP must be a whole number/);
    expect(() => parseConfig({ BACKUP_EVERY_HOURS: "1.5" })).toThrow(/BACKUP_EVERY_HOURS must be a whole number of hours between scheduled backups/);
    expect(() => parseConfig({ BACKUP_EVERY_HOURS: "-1" })).toThrow(/BACKUP_EVERY_HOURS/);
  });

  it("names the variable at fault", () => {
    expect(() => parseConfig({ PORT: "eighty" })).toThrow(/^Invalid configuration: PORT must be a port number \(1–65535\)\./);
    expect(() => parseConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a SQLite "file:" URL .* or a PostgreSQL "postgresql:\/\/" URL/);
    expect(() => parseConfig({ DATABASE_URL: "postgresql://x" })).toThrow(/SESSION_SECRET is required with a PostgreSQL DATABASE_URL/);
    expect(parseConfig({ DATABASE_URL: "postgresql://app@db/ladder", SESSION_SECRET: "s".repeat(32) }).databaseUrl).toBe("postgresql://app@db/ladder");
    expect(() => parseConfig({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY must be "false", "true" \(one reverse proxy\) or the number of proxies/);
    expect(() => parseConfig({ TRUST_PROXY: "10" })).toThrow(/TRUST_PROXY/);
  });

  it("counts the reverse proxies TRUST_PROXY names: true is one, never every hop", () => {
    expect(parseConfig({ TRUST_PROXY: "true" }).trustProxyHops).toBe(1);
    expect(parseConfig({ TRUST_PROXY: "1" }).trustProxyHops).toBe(1);
    expect(parseConfig({ TRUST_PROXY: "2" }).trustProxyHops).toBe(2);
    expect(parseConfig({ TRUST_PROXY: "false" }).trustProxyHops).toBe(0);
    expect(parseConfig({ TRUST_PROXY: "0" }).trustProxyHops).toBe(0);
  });

  it("runs a demo deployment under NODE_ENV=production (what npm start sets): a generated secret, the demo organisation", () => {
    const config = parseConfig({ NODE_ENV: "production" });
    expect(config).toMatchObject({ mode: "production", deployment: "demo", sessionSecret: null, seedDemo: true });
  });

  it("keeps the strict checks behind DEPLOYMENT=strict: a session secret required, no demo organisation", () => {
    expect(() => parseConfig({ DEPLOYMENT: "strict" })).toThrow(/SESSION_SECRET is required when DEPLOYMENT=strict/);
    expect(() => parseConfig({ DEPLOYMENT: "strict", NODE_ENV: "production" })).toThrow(/SESSION_SECRET/);
    const secret = "s".repeat(32);
    expect(parseConfig({ DEPLOYMENT: "strict", SESSION_SECRET: secret })).toMatchObject({ deployment: "strict", sessionSecret: secret, seedDemo: false });
    expect(() => parseConfig({ DEPLOYMENT: "strict", SESSION_SECRET: secret, SEED_DEMO: "true" })).toThrow(/SEED_DEMO cannot be true when DEPLOYMENT=strict/);
    // A header that sets the server clock is for tests: never in a real deployment.
    expect(() => parseConfig({ DEPLOYMENT: "strict", SESSION_SECRET: secret, TEST_CLOCK: "true" })).toThrow(/TEST_CLOCK cannot be true when DEPLOYMENT=strict/);
    expect(parseConfig({ TEST_CLOCK: "true" }).testClock).toBe(true);
    expect(parseConfig({}).testClock).toBe(false);
    expect(() => parseConfig({ DEPLOYMENT: "production" })).toThrow(/DEPLOYMENT must be "demo" or "strict"/);
    // A demo deployment may still leave the demo organisation out.
    expect(parseConfig({ SEED_DEMO: "false" }).seedDemo).toBe(false);
  });

  it("npm start serves the production build with NODE_ENV=production for the server process", () => {
    const { scripts } = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(scripts.start).toMatch(/^npm run build && NODE_ENV=production node .*server\.ts$/);
  });

  it("logs requests unless told not to, and is silent under NODE_ENV=test unless asked", () => {
    expect(parseConfig({ NODE_ENV: "production" }).logRequests).toBe(true);
    expect(parseConfig({ LOG_REQUESTS: "false" }).logRequests).toBe(false);
    expect(parseConfig({ NODE_ENV: "test" }).logRequests).toBe(false);
    expect(parseConfig({ NODE_ENV: "test", LOG_REQUESTS: "true" }).logRequests).toBe(true);
  });

  it("rejects a short session secret", () => {
    expect(() => parseConfig({ SESSION_SECRET: "short" })).toThrow(ConfigError);
  });

  it("reports every problem at once", () => {
    try {
      parseConfig({ PORT: "0", SESSION_TTL_HOURS: "-1" });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.split(" ")[0])).toEqual(["PORT", "SESSION_TTL_HOURS"]);
      // One line, whatever the number of problems: the start ends with it, not with a stack trace.
      expect((error as ConfigError).message).not.toContain("\n");
    }
  });

  it("is documented: .env.example and the README's Configuration table list every variable, and no other", () => {
    expect(CONFIG_VARIABLES).toContain("DEPLOYMENT");
    const example = fs.readFileSync(".env.example", "utf8");
    const inExample = [...example.matchAll(/^# ([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(new Set(inExample)).toEqual(new Set(CONFIG_VARIABLES));
    const readme = fs.readFileSync("README.md", "utf8");
    const table = readme.slice(readme.indexOf("### Configuration"), readme.indexOf("### Database and migrations"));
    const inReadme = [...table.matchAll(/^\| `([A-Z_]+)`(?: \/ `([A-Z_]+)`)? \|/gm)].flatMap((m) => [m[1], m[2]]).filter(Boolean);
    expect(new Set(inReadme)).toEqual(new Set(CONFIG_VARIABLES));
  });
});
