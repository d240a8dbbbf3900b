import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseFilePath } from "~/data/database-file";
import { makeFolders } from "~/data/private-files";
import { parseConfig, type Config } from "./config";
import { fileProblem, isFileError } from "./startup-error";

export type ServerConfig = Omit<Config, "sessionSecret"> & {
  sessionSecret: string;
  /** Where the generated session secret is kept, when SESSION_SECRET was not given (demo deployments only). */
  generatedSecretFile: string | null;
};

let cached: ServerConfig | undefined;

/** The validated configuration, read from the environment once per process. */
export function getConfig(): ServerConfig {
  if (cached) return cached;
  const config = parseConfig(process.env);
  if (config.sessionSecret) {
    cached = { ...config, sessionSecret: config.sessionSecret, generatedSecretFile: null };
  } else {
    const file = path.join(path.dirname(databaseFilePath(config.databaseUrl)), ".session-secret");
    let secret: string;
    try {
      secret = generatedSecret(file);
    } catch (error) {
      // The secret is kept beside the database: a folder that cannot hold it cannot hold the database either.
      if (isFileError(error)) throw fileProblem("DATABASE_URL", "keep the generated session secret (set SESSION_SECRET, or point DATABASE_URL elsewhere) in", file, error);
      throw error;
    }
    cached = { ...config, sessionSecret: secret, generatedSecretFile: file };
  }
  return cached;
}

/**
 * A demo deployment without SESSION_SECRET gets a random one, kept beside the database so that
 * sessions survive a restart (the start-up says so in one line). DEPLOYMENT=strict refuses to
 * start without one (parseConfig).
 */
function generatedSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  if (!fs.existsSync(path.dirname(file))) makeFolders(path.dirname(file), 0o700);
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
