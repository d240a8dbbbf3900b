import { randomUUID } from "node:crypto";
import os from "node:os";
import nodemailer from "nodemailer";
import { SYSTEM_ACTOR, recordChange } from "~/data/audit.server";
import { prisma } from "~/data/db.server";
import { acquireLease, releaseLease } from "~/data/scheduler-lease.server";
import { calendarMethodOf } from "~/domain/calendar";
import { afterFailure } from "~/domain/notifications/backoff";
import type { Config, SmtpConfig } from "~/utils/config";

/**
 * The delivery worker: sends the transactional outbox's due emails (OutboxMessage, written in the
 * transaction of the change that caused them), retries failures with backoff, marks them sent.
 *
 * Each message goes through claim → send → mark:
 * 1. claim: one conditional update sets `claimedBy`/`claimedUntil` (CLAIM_MS ahead) and counts the
 *    attempt, only if the message is pending, due, and unclaimed or its claim has run out. SQLite
 *    runs one write at a time, so of two workers exactly one claims it; the other skips it.
 * 2. send: over SMTP with the message's own Message-ID (the same on every try), abandoned (its
 *    connection closed) once it has taken half the claim: the transport's time-outs only bound each
 *    wait, and a server answering every step just in time would otherwise keep a send going past
 *    the claim, into the time another worker may take the message and send it too.
 * 3. mark: "sent" (or, on failure, back to pending with the next try's time) only while this worker
 *    still holds the claim, with an audit entry for the outcome.
 *
 * At least once, not exactly once: SMTP has no way to ask "did you already take this message?", so
 * if the process dies after the server accepted the message and before step 3 commits, the claim
 * runs out and another worker sends it again (same Message-ID, which many mail systems use to drop
 * the copy). Every other crash point is safe: before the claim nothing happened; between claim and
 * send the message is sent once when the claim runs out; after the mark it is never sent again.
 * A message is never lost: a crash leaves it pending.
 */

export type OutgoingEmail = { messageId: string; to: string; subject: string; text: string; ics: string | null };

/** `deadline`: when it aborts, the send stops (its connection is closed) and fails. */
export type Mailer = { send: (email: OutgoingEmail, deadline?: AbortSignal) => Promise<void>; close: () => void };

/** How long a claim lasts; a send may take at most half of it (SEND_SHARE_OF_CLAIM). */
export const CLAIM_MS = 5 * 60_000;
export const SEND_SHARE_OF_CLAIM = 0.5;
/** Each wait's own limit, so a dead or silent server fails fast; the send as a whole is bounded by the claim. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/**
 * The text/calendar part of an email: its `method` parameter must be the METHOD inside the file
 * (REQUEST for an invitation or an update, CANCEL for a cancellation), or calendar apps ignore it.
 */
function calendarPart(ics: string) {
  const method = calendarMethodOf(ics) ?? "REQUEST";
  return { method, filename: method === "CANCEL" ? "cancellation.ics" : "invitation.ics", content: ics };
}

/** A mailer sending over SMTP with nodemailer; an invitation or cancellation goes as a text/calendar alternative. */
export function smtpMailer(smtp: SmtpConfig, from: string): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.auth ? { user: smtp.auth.user, pass: smtp.auth.password } : undefined,
    ...SMTP_TIMEOUTS,
  });
  return {
    send: async (email, deadline) => {
      await transport.sendMail({
        signal: deadline,
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        messageId: email.messageId,
        ...(email.ics ? { icalEvent: calendarPart(email.ics) } : {}),
      }).catch((error: unknown) => {
        if (!deadline?.aborted) throw error;
        throw new Error("The mail server took too long to take the message; sending was abandoned and will be tried again");
      });
    },
    close: () => transport.close(),
  };
}

export type DeliveryResult = { sent: number; kept: number; retried: number; failed: number; lost: number };

export type DeliveryOptions = {
  /** null: no SMTP configured; due messages are kept for the admins' local outbox instead. */
  mailer: Mailer | null;
  workerId: string;
  now?: () => Date;
  batch?: number;
  claimMs?: number;
  /** 0–1, spreads retries after an outage (Math.random by default). */
  jitter?: () => number;
  /** Checked before each message: false stops the run (the scheduler lease was lost). */
  mayContinue?: () => Promise<boolean>;
};

/** The first line of an error, without the stack, short enough to show on the outbox page. */
function errorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.trim().split("\n")[0] ?? "").slice(0, 300) || "unknown error";
}

/** Delivers the due messages once (at most `batch`); resolves to what happened to them. */
export async function deliverDue(options: DeliveryOptions): Promise<DeliveryResult> {
  const clock = options.now ?? (() => new Date());
  const claimMs = options.claimMs ?? CLAIM_MS;
  const result: DeliveryResult = { sent: 0, kept: 0, retried: 0, failed: 0, lost: 0 };
  const start = clock();
  const due = await prisma.outboxMessage.findMany({
    where: { status: "pending", nextAttemptAt: { lte: start }, OR: [{ claimedUntil: null }, { claimedUntil: { lte: start } }] },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    select: { id: true },
    take: options.batch ?? 50,
  });
  for (const { id } of due) {
    if (options.mayContinue && !(await options.mayContinue())) break;
    const now = clock();
    const claimed = await prisma.outboxMessage.updateMany({
      where: { id, status: "pending", nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }] },
      data: { claimedBy: options.workerId, claimedUntil: new Date(now.getTime() + claimMs), attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) continue; // another worker has it
    // The send is abandoned halfway through the claim, so its outcome is written while the claim holds.
    const deadline = AbortSignal.timeout(claimMs * SEND_SHARE_OF_CLAIM);
    const message = await prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
    const mine = { id, claimedBy: options.workerId, status: "pending" };

    if (!options.mailer) {
      const at = clock();
      await prisma.$transaction(async (tx) => {
        const { count } = await tx.outboxMessage.updateMany({ where: mine, data: { status: "local", sentAt: at, claimedUntil: null, lastError: null } });
        if (count === 1) await recordChange(tx, SYSTEM_ACTOR, { action: "outbox.keep-local", recordType: "outboxMessage", recordId: id, detail: { attempts: message.attempts } }, at);
      });
      result.kept++;
      continue;
    }

    let failure: unknown = null;
    try {
      await options.mailer.send({ messageId: message.messageId, to: message.recipientEmail, subject: message.subject, text: message.text, ics: message.ics }, deadline);
    } catch (error) {
      failure = error;
    }
    const at = clock();
    if (failure === null) {
      const marked = await prisma.$transaction(async (tx) => {
        const { count } = await tx.outboxMessage.updateMany({ where: mine, data: { status: "sent", sentAt: at, claimedUntil: null, lastError: null } });
        if (count === 1) await recordChange(tx, SYSTEM_ACTOR, { action: "outbox.send", recordType: "outboxMessage", recordId: id, detail: { attempts: message.attempts } }, at);
        return count;
      });
      // 0: the claim ran out during the send and another worker took the message over.
      if (marked === 1) result.sent++;
      else result.lost++;
      continue;
    }
    const next = afterFailure(message.attempts, at, (options.jitter ?? Math.random)());
    await prisma.$transaction(async (tx) => {
      if (next.status === "failed") {
        const { count } = await tx.outboxMessage.updateMany({ where: mine, data: { status: "failed", claimedUntil: null, lastError: errorLine(failure) } });
        if (count === 1) await recordChange(tx, SYSTEM_ACTOR, { action: "outbox.give-up", recordType: "outboxMessage", recordId: id, detail: { attempts: message.attempts } }, at);
      } else {
        await tx.outboxMessage.updateMany({ where: mine, data: { nextAttemptAt: next.nextAttemptAt, claimedUntil: null, lastError: errorLine(failure) } });
      }
    });
    if (next.status === "failed") result.failed++;
    else result.retried++;
  }
  return result;
}

export const DELIVERY_LEASE = "delivery";

export type DeliveryTick = "done" | "standby" | "skipped" | "failed";

export type DeliverySchedule = {
  /** Delivers now if this process holds (or takes) the delivery lease; what happened. (The timer calls it.) */
  tick: (now?: Date) => Promise<DeliveryTick>;
  /** Stops the timer and gives the lease up, so another instance takes over at once. */
  stop: () => Promise<void>;
  holder: string;
};

/**
 * The running app's delivery, every DELIVERY_EVERY_SECONDS (off when 0). Every instance runs the
 * timer, but only the holder of the "delivery" SchedulerLease delivers: a tick takes or renews it
 * first (it lasts three periods, at least CLAIM_MS) and otherwise stands by, so two instances never
 * deliver at the same time and a dead holder's turn passes on when its lease runs out. The claims
 * (deliverDue) keep a message from going out twice even if two ever did. A failure is logged,
 * never fatal; logs hold counts only. The timer does not keep the process alive.
 */
export function startDeliverySchedule(
  config: Pick<Config, "smtp" | "mailFrom" | "deliveryEverySeconds">,
  log: { info: (line: string) => void; error: (line: string) => void },
  mailer: Mailer | null = config.smtp ? smtpMailer(config.smtp, config.mailFrom) : null,
  holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
): DeliverySchedule | null {
  if (config.deliveryEverySeconds <= 0) return null;
  const everyMs = config.deliveryEverySeconds * 1000;
  const leaseMs = Math.max(3 * everyMs, CLAIM_MS);
  let running = false;
  const tick = async (at?: Date): Promise<DeliveryTick> => {
    if (running) return "skipped";
    const clock = at ? () => at : () => new Date();
    const now = clock();
    running = true;
    try {
      if (!(await acquireLease(DELIVERY_LEASE, holder, now, leaseMs))) return "standby";
      const result = await deliverDue({
        mailer,
        workerId: holder,
        now: clock,
        mayContinue: () => acquireLease(DELIVERY_LEASE, holder, clock(), leaseMs),
      });
      const counts = [
        result.sent && `${result.sent} sent`,
        result.kept && `${result.kept} kept in the local outbox`,
        result.retried && `${result.retried} to retry`,
        result.failed && `${result.failed} given up (see Admin → Outbox)`,
        result.lost && `${result.lost} taken over by another worker`,
      ].filter(Boolean);
      if (counts.length > 0) log.info(`Email delivery: ${counts.join(", ")}.`);
      return "done";
    } catch (error) {
      log.error(`Email delivery failed (the app keeps running; the next run tries again): ${errorLine(error)}`);
      return "failed";
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  log.info(
    config.smtp
      ? `Email delivery every ${config.deliveryEverySeconds} s through ${config.smtp.host}:${config.smtp.port}.`
      : `Email delivery every ${config.deliveryEverySeconds} s into the local outbox (no SMTP_HOST: nothing is sent; admins read it at /admin/outbox).`,
  );
  return {
    tick,
    holder,
    stop: async () => {
      clearInterval(timer);
      mailer?.close();
      await releaseLease(DELIVERY_LEASE, holder).catch(() => undefined);
    },
  };
}
