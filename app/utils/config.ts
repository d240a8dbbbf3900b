import { z } from "zod";

/**
 * Every environment variable the app reads, checked once at start. `parseConfig` is pure
 * (it takes the environment as an argument) so the rules are unit-tested without a process.
 */
const flag = z
  .enum(["true", "false", "1", "0"], { error: 'must be "true" or "false"' })
  .transform((v) => v === "true" || v === "1");

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number({ error: "must be a port number (1–65535)" }).int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .startsWith("file:", { error: 'must be a SQLite "file:" URL, e.g. file:data/builder-ladder.db' })
      .default("file:data/builder-ladder.db"),
    SESSION_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
    TRUST_PROXY: flag.default(false),
    SEED_DEMO: flag.optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "is required in production (at least 32 random characters)",
      });
    }
  });

export type Config = {
  mode: "development" | "production" | "test";
  host: string;
  port: number;
  databaseUrl: string;
  sessionSecret: string | null;
  sessionTtlHours: number;
  trustProxy: boolean;
  /** Seed the demo organisation into an empty database at start. */
  seedDemo: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  return {
    mode: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET ?? null,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV !== "production",
  };
}
