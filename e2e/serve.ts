// Starts the built app for the end-to-end tests on a database made fresh for this run.
import fs from "node:fs";
import { databaseFilePath } from "../app/data/database-file";

const file = databaseFilePath(process.env.DATABASE_URL ?? "");
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });

// The app's email goes to a real SMTP server in this process (see mail-sink.ts).
if (process.env.E2E_MAIL_DIR && process.env.SMTP_PORT) {
  const { startMailSink } = await import("./mail-sink");
  await startMailSink(Number(process.env.SMTP_PORT), process.env.E2E_MAIL_DIR);
}

await import("../server");
