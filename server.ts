/**
 * Starts Builder Ladder: reads .env, checks the configuration, prepares the database, then serves
 * the app. `npm start` serves the production build; `npm run dev` serves through Vite with hot
 * reload. A problem a person can fix (a bad variable, a path the app cannot write, a busy port)
 * ends the start with one line saying what to change; only a bug prints a stack trace.
 */
import "./app/utils/zod-config";
import path from "node:path";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./prisma/seed/demo-logins";
import { ROLE_LABELS } from "./app/domain/roles";
import { RubricPublishError } from "./app/data/rubric-files.server";
import { createHttpApp } from "./app/server/http-app";
import { startBackupSchedule } from "./app/server/backup-schedule";
import { startRetentionSchedule } from "./app/server/retention-schedule";
import { prepareDatabase } from "./app/server/startup";
import { ConfigError } from "./app/utils/config";
import { loadEnvFile } from "./app/utils/env-file";
import { getConfig, type ServerConfig } from "./app/utils/env.server";
import { listenProblem, StartupError } from "./app/utils/startup-error";

try {
  await start();
} catch (error) {
  // Invalid variables, unusable paths, invalid rubric files or a changed rubric in use, a busy port: one line.
  if (error instanceof ConfigError || error instanceof StartupError || error instanceof RubricPublishError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

async function start(): Promise<void> {
  if (loadEnvFile()) console.log("Read settings from .env (variables set in the environment win).");
  const config = getConfig();
  const demoLine = demoDeploymentLine(config);
  if (demoLine) console.log(demoLine);
  await prepareDatabase(config, (line) => console.log(line));
  // --dev serves the source through Vite with hot reload; otherwise the production build in build/.
  const app = await createHttpApp({ development: process.argv.includes("--dev"), trustProxyHops: config.trustProxyHops, logRequests: config.logRequests, admission: config.admission });

  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", (error) => reject(listenProblem(config.host, config.port, error)));
  });
  console.log(`Builder Ladder is running at http://${config.host === "127.0.0.1" ? "localhost" : config.host}:${config.port}`);
  if (config.seedDemo) {
    console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const login of DEMO_LOGINS) console.log(`  ${ROLE_LABELS[login.role].padEnd(20)} ${login.email}`);
  }

  // BACKUP_EVERY_HOURS: the app's own backups (off by default); a failure is logged, never fatal.
  const backups = startBackupSchedule(config, { info: (line) => console.log(line), error: (line) => console.error(line) });
  // RETENTION_EVERY_HOURS: erases the candidates past their retention period (default daily); a failure is logged, never fatal.
  const retention = startRetentionSchedule(config, { info: (line) => console.log(line), error: (line) => console.error(line) });
  // DELIVERY_EVERY_SECONDS: sends the outbox's emails (or keeps them for Admin → Outbox without SMTP_HOST); one instance at a time, by lease.
  // (Imported here: the worker's data modules open the database, which needs the checked configuration.)
  const { startDeliverySchedule } = await import("./app/server/delivery");
  const delivery = startDeliverySchedule(config, { info: (line) => console.log(line), error: (line) => console.error(line) });
  // REMINDER_EVERY_SECONDS: scorecard and checkpoint reminders, and deleting delivered emails past OUTBOX_KEEP_DAYS; one instance at a time, by lease.
  const { startReminderSchedule } = await import("./app/server/reminder-schedule");
  const reminders = startReminderSchedule(config, { info: (line) => console.log(line), error: (line) => console.error(line) });

  // A client gets 10 s to send its headers; the body has its own limit (BODY_LIMITS, answered 408).
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      backups?.stop();
      retention?.stop();
      const released = Promise.all([delivery?.stop(), reminders?.stop()]);
      server.close(() => void released.finally(() => process.exit(0)));
    });
  }
}

/** One line saying what a demo deployment does that a real one must not (null when it does neither). */
function demoDeploymentLine(config: ServerConfig): string | null {
  if (config.deployment !== "demo") return null;
  const does = [
    config.seedDemo ? "seeds the demo organisation into an empty database" : null,
    config.generatedSecretFile ? `signs sessions with a generated secret kept in ${shortPath(config.generatedSecretFile)}` : null,
  ].filter(Boolean);
  if (does.length === 0) return null;
  const change = config.generatedSecretFile ? "DEPLOYMENT=strict and SESSION_SECRET" : "DEPLOYMENT=strict";
  return `Demo deployment: ${does.join(" and ")}. For real data set ${change} (README, "Configuration").`;
}

/** A path inside the project as written from its root (data/.session-secret), any other in full. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
