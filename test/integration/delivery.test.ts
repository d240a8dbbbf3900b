import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { notify } from "~/data/notifications.server";
import { CLAIM_MS, deliverDue, smtpMailer, startDeliverySchedule, type Mailer } from "~/server/delivery";
import { FIRST_RETRY_MS } from "~/domain/notifications/backoff";
import { createUser } from "../helpers/users";
import { startTestSmtp, type TestSmtp } from "../helpers/smtp";

const FROM = "Builder Ladder <ladder@test.example>";
let smtp: TestSmtp;
let mailer: Mailer;

beforeAll(async () => {
  smtp = await startTestSmtp();
  mailer = smtpMailer({ host: "127.0.0.1", port: smtp.port, secure: false, auth: null }, FROM);
});
afterAll(async () => {
  mailer.close();
  await smtp.close();
});
beforeEach(async () => {
  await prisma.outboxMessage.deleteMany();
  smtp.received.length = 0;
  smtp.failing = false;
});

const t0 = new Date("2026-12-01T08:00:00Z");
const at = (ms: number) => () => new Date(t0.getTime() + ms);

async function queue(count: number, names = "Ada") {
  const people = await Promise.all(Array.from({ length: count }, (_, i) => createUser(["interviewer"], { name: `${names} ${i}` })));
  await prisma.$transaction((tx) =>
    notify(tx, { event: { kind: "interview.assigned", interviewId: "int-9", stageName: "Live build", startsAt: new Date("2026-12-03T10:00:00Z"), durationMinutes: 90 }, recipients: people, now: t0 }),
  );
  return people;
}

describe("delivering the outbox over SMTP", () => {
  it("sends each due message once, to its recipient, with its subject, link and Message-ID, and marks it sent", async () => {
    const [ada] = await queue(1);
    const result = await deliverDue({ mailer, workerId: "w1", now: at(0) });
    expect(result).toMatchObject({ sent: 1, retried: 0 });
    expect(smtp.received).toHaveLength(1);
    const { envelopeTo, mail } = smtp.received[0]!;
    expect(envelopeTo).toEqual([ada!.email]);
    expect(mail.from?.value[0]?.address).toBe("ladder@test.example");
    expect(mail.subject).toBe("Interview to run: Live build, Thu 3 Dec 2026, 10:00 UTC");
    expect(mail.text).toContain("http://localhost:3000/interviews/int-9/scorecard");
    const row = await prisma.outboxMessage.findFirstOrThrow();
    expect(mail.messageId).toBe(row.messageId);
    expect(row).toMatchObject({ status: "sent", attempts: 1, sentAt: t0, claimedUntil: null });
    expect(await prisma.auditEntry.count({ where: { action: "outbox.send", recordId: row.id, actorId: null } })).toBe(1);

    // Nothing left to do: a second run sends nothing.
    expect(await deliverDue({ mailer, workerId: "w1", now: at(1000) })).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("retries a message the server refused, after the backoff, and sends it once the server takes it", async () => {
    await queue(1);
    smtp.failing = true;
    expect(await deliverDue({ mailer, workerId: "w1", now: at(0), jitter: () => 0 })).toMatchObject({ sent: 0, retried: 1 });
    let row = await prisma.outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 1, claimedUntil: null });
    expect(row.nextAttemptAt).toEqual(new Date(t0.getTime() + FIRST_RETRY_MS));
    expect(row.lastError).toMatch(/451|Try again later/);

    smtp.failing = false;
    expect(await deliverDue({ mailer, workerId: "w1", now: at(FIRST_RETRY_MS - 1) })).toMatchObject({ sent: 0 });
    expect(await deliverDue({ mailer, workerId: "w1", now: at(FIRST_RETRY_MS) })).toMatchObject({ sent: 1 });
    row = await prisma.outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it("retries when no server answers at all", async () => {
    await queue(1);
    const nowhere = smtpMailer({ host: "127.0.0.1", port: 1, secure: false, auth: null }, FROM);
    expect(await deliverDue({ mailer: nowhere, workerId: "w1", now: at(0) })).toMatchObject({ retried: 1 });
    expect((await prisma.outboxMessage.findFirstOrThrow()).lastError).toMatch(/ECONNREFUSED|connect/i);
    nowhere.close();
  });

  it("never lets two workers send the same message", async () => {
    await queue(12);
    const other = smtpMailer({ host: "127.0.0.1", port: smtp.port, secure: false, auth: null }, FROM);
    const results = await Promise.all([
      deliverDue({ mailer, workerId: "w1", now: at(0) }),
      deliverDue({ mailer: other, workerId: "w2", now: at(0) }),
      deliverDue({ mailer, workerId: "w3", now: at(0) }),
    ]);
    other.close();
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
    const ids = smtp.received.map((r) => r.mail.messageId);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it("leaves a message claimed by a worker that died alone until the claim runs out, then sends it", async () => {
    await queue(1);
    // A worker claimed it and died before sending.
    await prisma.outboxMessage.updateMany({ data: { claimedBy: "dead", claimedUntil: new Date(t0.getTime() + 60_000), attempts: 1 } });
    expect(await deliverDue({ mailer, workerId: "w1", now: at(30_000) })).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(await deliverDue({ mailer, workerId: "w1", now: at(60_000) })).toMatchObject({ sent: 1 });
    expect(await prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("sends again, with the same Message-ID, after a crash between the server taking it and the mark (the documented window)", async () => {
    await queue(1);
    const row = await prisma.outboxMessage.findFirstOrThrow();
    // A worker claimed it, the server took it, and the process died before marking it sent.
    await prisma.outboxMessage.updateMany({ data: { claimedBy: "dead", claimedUntil: new Date(t0.getTime() + CLAIM_MS), attempts: 1 } });
    await mailer.send({ messageId: row.messageId, to: row.recipientEmail, subject: row.subject, text: row.text, ics: null });
    expect(await deliverDue({ mailer, workerId: "w1", now: at(CLAIM_MS - 1) })).toMatchObject({ sent: 0 });
    expect(await deliverDue({ mailer, workerId: "w1", now: at(CLAIM_MS) })).toMatchObject({ sent: 1 });
    expect(smtp.received.map((r) => r.mail.messageId)).toEqual([row.messageId, row.messageId]);
  });

  it("keeps messages for the local outbox when no SMTP server is configured", async () => {
    await queue(2);
    expect(await deliverDue({ mailer: null, workerId: "w1", now: at(0) })).toMatchObject({ kept: 2, sent: 0 });
    expect(await prisma.outboxMessage.count({ where: { status: "local", sentAt: t0 } })).toBe(2);
    expect(smtp.received).toHaveLength(0);
  });

  it("gives up after the last try, with the error kept for the admins", async () => {
    await queue(1);
    await prisma.outboxMessage.updateMany({ data: { attempts: 9 } });
    smtp.failing = true;
    expect(await deliverDue({ mailer, workerId: "w1", now: at(0) })).toMatchObject({ failed: 1 });
    expect(await prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "failed", attempts: 10 });
    expect(await deliverDue({ mailer, workerId: "w1", now: at(10 * 3_600_000) })).toMatchObject({ sent: 0, failed: 0 });
  });
});

describe("the delivery schedule", () => {
  it("delivers from one instance at a time: the other stands by until the lease is given up", async () => {
    await queue(3);
    const log = { info: () => undefined, error: () => undefined };
    const config = { smtp: null, mailFrom: FROM, deliveryEverySeconds: 3600 };
    const a = startDeliverySchedule(config, log, mailer, "instance-a")!;
    const b = startDeliverySchedule(config, log, mailer, "instance-b")!;
    expect(await a.tick(t0)).toBe("done");
    expect(await b.tick(t0)).toBe("standby");
    expect(smtp.received).toHaveLength(3);
    await a.stop();
    expect(await b.tick(t0)).toBe("done");
    await b.stop();
    expect(startDeliverySchedule({ ...config, deliveryEverySeconds: 0 }, log)).toBeNull();
  });
});
