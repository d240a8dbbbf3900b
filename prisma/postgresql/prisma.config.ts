// Prisma CLI configuration for PostgreSQL (`--config prisma/postgresql/prisma.config.ts`): the
// generated schema, its own migrations folder, and the pg driver adapter, so that, as with SQLite,
// the schema engine runs as WebAssembly and no native engine is downloaded.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "postgresql://localhost/builder_ladder";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // Relative to this file, as the CLI resolves them.
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  adapter: async () => new PrismaPg({ connectionString: url }),
});
