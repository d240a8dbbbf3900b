/**
 * Starts Builder Ladder: checks the configuration, prepares the database, then serves the app.
 * `npm start` serves the production build; `npm run dev` serves through Vite with hot reload.
 */
import "./app/utils/zod-config";
import path from "node:path";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./prisma/seed/demo-logins";
import { ConfigError } from "./app/utils/config";
import { getConfig, type ServerConfig } from "./app/utils/env.server";
import { ROLE_LABELS } from "./app/domain/roles";
import { createHttpApp } from "./app/server/http-app";
import { prepareDatabase } from "./app/server/startup";
import { RubricPublishError } from "./app/data/rubric-files.server";

function loadConfig(): ServerConfig {
  try {
    return getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const config = loadConfig();
const demoLine = demoDeploymentLine(config);
if (demoLine) console.log(demoLine);
try {
  await prepareDatabase(config, (line) => console.log(line));
} catch (error) {
  // Invalid rubric files, or a change to a rubric version in use: say why and do not start.
  if (error instanceof RubricPublishError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
// --dev serves the source through Vite with hot reload; otherwise the production build in build/.
const app = await createHttpApp({ development: process.argv.includes("--dev"), trustProxy: config.trustProxy });

const server = app.listen(config.port, config.host, () => {
  console.log(`Builder Ladder is running at http://${config.host === "127.0.0.1" ? "localhost" : config.host}:${config.port}`);
  if (config.seedDemo) {
    console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const login of DEMO_LOGINS) console.log(`  ${ROLE_LABELS[login.role].padEnd(20)} ${login.email}`);
  }
});

// A client gets 10 s to send its headers; the body has its own limit (BODY_LIMITS, answered 408).
server.headersTimeout = 10_000;
server.requestTimeout = 30_000;

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

/** One line saying what a demo deployment does that a real one must not (null when it does neither). */
function demoDeploymentLine(config: ServerConfig): string | null {
  if (config.deployment !== "demo") return null;
  const does = [
    config.seedDemo ? "seeds the demo organisation into an empty database" : null,
    config.generatedSecretFile ? `signs sessions with a generated secret kept in ${shortPath(config.generatedSecretFile)}` : null,
  ].filter(Boolean);
  if (does.length === 0) return null;
  return `Demo deployment: ${does.join(" and ")}. For real data set DEPLOYMENT=strict and SESSION_SECRET (README, "Configuration").`;
}

/** A path inside the project as written from its root (data/.session-secret), any other in full. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
