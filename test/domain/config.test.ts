import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "~/utils/config";

describe("configuration", () => {
  it("has working defaults for a local start", () => {
    expect(parseConfig({})).toEqual({
      mode: "development",
      host: "127.0.0.1",
      port: 3000,
      databaseUrl: "file:data/builder-ladder.db",
      sessionSecret: null,
      sessionTtlHours: 168,
      trustProxy: false,
      seedDemo: true,
    });
  });

  it("names the variable at fault", () => {
    expect(() => parseConfig({ PORT: "eighty" })).toThrow(/PORT:/);
    expect(() => parseConfig({ DATABASE_URL: "postgres://x" })).toThrow(/DATABASE_URL: must be a SQLite "file:" URL/);
    expect(() => parseConfig({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY: must be "true" or "false"/);
  });

  it("requires a session secret in production, and no demo seeding there unless asked", () => {
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET: is required in production/);
    const secret = "s".repeat(32);
    expect(parseConfig({ NODE_ENV: "production", SESSION_SECRET: secret }).seedDemo).toBe(false);
    expect(parseConfig({ NODE_ENV: "production", SESSION_SECRET: secret, SEED_DEMO: "true" }).seedDemo).toBe(true);
  });

  it("rejects a short session secret", () => {
    expect(() => parseConfig({ SESSION_SECRET: "short" })).toThrow(ConfigError);
  });

  it("reports every problem at once", () => {
    try {
      parseConfig({ PORT: "0", SESSION_TTL_HOURS: "-1" });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.split(":")[0])).toEqual(["PORT", "SESSION_TTL_HOURS"]);
    }
  });
});
