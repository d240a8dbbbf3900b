import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseFilePath } from "~/data/database-file";
import { parseConfig, type Config } from "./config";

export type ServerConfig = Omit<Config, "sessionSecret"> & { sessionSecret: string };

let cached: ServerConfig | undefined;

/** The validated configuration, read from the environment once per process. */
export function getConfig(): ServerConfig {
  if (cached) return cached;
  const config = parseConfig(process.env);
  cached = { ...config, sessionSecret: config.sessionSecret ?? developmentSecret(config) };
  return cached;
}

/**
 * Outside production a missing SESSION_SECRET gets a random one, kept beside the database
 * so that sessions survive a restart. Production refuses to start without one (parseConfig).
 */
function developmentSecret(config: Config): string {
  const file = path.join(path.dirname(databaseFilePath(config.databaseUrl)), ".session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, secret, { mode: 0o600 });
  if (config.mode === "development") {
    console.warn(`SESSION_SECRET is not set: using a generated development secret stored in ${file}.`);
  }
  return secret;
}
