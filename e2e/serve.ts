// Starts the built app for the end-to-end tests on a database made fresh for this run.
import fs from "node:fs";
import { databaseFilePath } from "../app/data/database-file";

const file = databaseFilePath(process.env.DATABASE_URL ?? "");
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });

await import("../server");
