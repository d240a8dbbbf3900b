// PostgreSQL's schema is generated from SQLite's, and its migrations keep up with it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMigrations } from "~/data/migrate.server";
import { POSTGRES_MIGRATIONS_DIR } from "~/data/migrate-postgres.server";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchemaOf } from "../../prisma/provider-schema";

/** The schema without comments and blank lines: what a migration depends on. */
const models = (text: string) =>
  text
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trimEnd())
    .filter((line) => line.trim() !== "")
    .join("\n");

describe("the PostgreSQL schema", () => {
  it("is the SQLite schema with PostgreSQL's datasource and its own client, nothing else", () => {
    const sqlite = fs.readFileSync(SQLITE_SCHEMA, "utf8");
    const postgres = fs.readFileSync(POSTGRES_SCHEMA, "utf8");
    expect(postgres).toBe(postgresSchemaOf(sqlite));
    expect(postgres).toMatch(/provider = "postgresql"/);
    expect(postgres).toMatch(/output\s+= "\.\.\/\.\.\/app\/generated\/prisma-postgresql"/);
    expect(models(postgres).split("\n").filter((line) => !models(sqlite).split("\n").includes(line))).toHaveLength(3);
  });

  it("refuses a SQLite schema it does not recognise rather than writing a wrong one", () => {
    expect(() => postgresSchemaOf('datasource db {\n  provider = "mysql"\n}')).toThrow(/could not find/);
  });

  it("is what its newest migration was written from (write one with npm run db:migration)", () => {
    const newest = readMigrations(POSTGRES_MIGRATIONS_DIR).at(-1);
    expect(newest).toBeDefined();
    const copy = fs.readFileSync(path.join(POSTGRES_MIGRATIONS_DIR, newest!.name, "schema.prisma"), "utf8");
    expect(models(copy)).toBe(models(fs.readFileSync(POSTGRES_SCHEMA, "utf8")));
  });
});
