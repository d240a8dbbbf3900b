// Prisma CLI configuration. Prisma 6.19 runs its schema engine as WebAssembly through the
// better-sqlite3 driver adapter, so no native engine binary is ever downloaded (see README).
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? `file:${path.join("data", "builder-ladder.db")}`;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
