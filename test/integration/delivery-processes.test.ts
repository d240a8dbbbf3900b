import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { notify } from "~/data/notifications.server";
import { startTestSmtp, type TestSmtp } from "../helpers/smtp";
import { createUser } from "../helpers/users";

const ROOT = path.resolve(".");
const now = new Date("2026-12-01T08:00:00Z");
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp.close());

/** Runs a worker in its own Node process, on this test file's database. */
async function worker(id: string, useLease: boolean): Promise<{ leased: boolean; result: { sent: number } | null }> {
  const env = { ...process.env, WORKER_ID: id, NOW: now.toISOString(), USE_LEASE: String(useLease), SMTP_PORT: String(smtp.port), TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") };
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "test/helpers/delivery-process.ts"], { cwd: ROOT, env, timeout: 60_000 });
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

async function queue(count: number) {
  const people = await Promise.all(Array.from({ length: count }, () => createUser(["interviewer"])));
  await prisma.$transaction((tx) =>
    notify(tx, { event: { kind: "interview.assigned", interviewId: "int-p", stageName: "Live build", startsAt: now, durationMinutes: 60 }, recipients: people, now }),
  );
}

describe("delivery from several processes on one database", () => {
  it("sends each message once when three processes claim at the same time", async () => {
    await queue(15);
    const runs = await Promise.all([worker("p1", false), worker("p2", false), worker("p3", false)]);
    expect(runs.reduce((n, r) => n + (r.result?.sent ?? 0), 0)).toBe(15);
    const ids = smtp.received.map((r) => r.mail.messageId);
    expect(ids).toHaveLength(15);
    expect(new Set(ids).size).toBe(15);
  }, 120_000);

  it("lets one process hold the delivery lease: the others stand by", async () => {
    await prisma.schedulerLease.deleteMany();
    const runs = await Promise.all([worker("q1", true), worker("q2", true), worker("q3", true)]);
    expect(runs.filter((r) => r.leased)).toHaveLength(1);
  }, 120_000);
});
