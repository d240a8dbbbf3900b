import { effectiveChoices } from "~/domain/notifications/preferences";
import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { emailChoices, listInbox, markRead, notify, setEmailChoices, unreadCount } from "~/data/notifications.server";
import { acquireLease, leaseHolder, releaseLease } from "~/data/scheduler-lease.server";
import { actorOf } from "../helpers/actor";
import { createUser } from "../helpers/users";

const now = new Date("2026-12-01T08:00:00Z");
const event = (interviewId: string) => ({ kind: "interview.assigned" as const, interviewId, stageName: "Live build", startsAt: new Date("2026-12-02T09:00:00Z"), durationMinutes: 60 });

describe("notify, inside the change's transaction", () => {
  it("writes an inbox notification for each recipient and an email for those who take it by email", async () => {
    const ada = await createUser(["interviewer"], { name: "Ada" });
    const bo = await createUser(["interviewer"], { name: "Bo" });
    await setEmailChoices(actorOf(bo), { ...effectiveChoices({}), "interview.assigned": false }, now);
    const ids = await prisma.$transaction((tx) => notify(tx, { event: event("int-a"), recipients: [ada, bo], ics: "BEGIN:VCALENDAR\r\n", now }));
    expect(ids).toHaveLength(2);
    const mails = await prisma.outboxMessage.findMany({ where: { notificationId: { in: ids } } });
    expect(mails.map((m) => m.recipientEmail)).toEqual([ada.email]);
    expect(mails[0]).toMatchObject({ status: "pending", attempts: 0, ics: "BEGIN:VCALENDAR\r\n", nextAttemptAt: now });
    expect(mails[0]!.messageId).toMatch(/^<notification-.+@localhost>$/);
    expect(mails[0]!.text).toContain("http://localhost:3000/interviews/int-a/scorecard");
    expect(await emailChoices(bo.id)).toEqual({ ...effectiveChoices({}), "interview.assigned": false });
    expect(await emailChoices(ada.id)).toEqual(effectiveChoices({}));
  });

  it("writes nothing when the change's transaction fails", async () => {
    const ada = await createUser(["interviewer"]);
    await expect(
      prisma.$transaction(async (tx) => {
        await notify(tx, { event: event("int-b"), recipients: [ada], now });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.notification.count({ where: { recipientId: ada.id } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { recipientEmail: ada.email } })).toBe(0);
  });
});

describe("the inbox", () => {
  it("lists a person's own notifications, counts the unread and marks them read, never someone else's", async () => {
    const ada = await createUser(["interviewer"]);
    const bo = await createUser(["interviewer"]);
    const [first] = await prisma.$transaction((tx) => notify(tx, { event: event("int-1"), recipients: [ada], now }));
    await prisma.$transaction((tx) => notify(tx, { event: event("int-2"), recipients: [ada], now: new Date(now.getTime() + 1000) }));
    const [bos] = await prisma.$transaction((tx) => notify(tx, { event: event("int-3"), recipients: [bo], now }));

    const inbox = await listInbox(ada.id);
    expect(inbox.map((n) => n.path)).toEqual(["/interviews/int-2/scorecard", "/interviews/int-1/scorecard"]);
    expect(inbox[0]!.text).toBe("You have an interview to run");
    expect(await unreadCount(ada.id)).toBe(2);

    expect(await markRead(actorOf(ada), bos!, now)).toBe(0);
    expect(await unreadCount(bo.id)).toBe(1);
    expect(await markRead(actorOf(ada), first!, now)).toBe(1);
    expect(await unreadCount(ada.id)).toBe(1);
    expect(await markRead(actorOf(ada), null, now)).toBe(1);
    expect(await unreadCount(ada.id)).toBe(0);
    const entries = await prisma.auditEntry.findMany({ where: { actorId: ada.id, action: { startsWith: "notification.read" } } });
    expect(entries.map((e) => e.action).sort()).toEqual(["notification.read", "notification.read-all"]);
  });
});

describe("the scheduler lease", () => {
  it("is held by one holder at a time, renewed by it, and passes on when it expires or is released", async () => {
    const ttl = 60_000;
    expect(await acquireLease("job", "a", now, ttl)).toBe(true);
    expect(await acquireLease("job", "b", now, ttl)).toBe(false);
    expect(await acquireLease("job", "a", new Date(now.getTime() + 30_000), ttl)).toBe(true);
    expect(await acquireLease("job", "b", new Date(now.getTime() + 60_000), ttl)).toBe(false);
    expect(await acquireLease("job", "b", new Date(now.getTime() + 90_000), ttl)).toBe(true);
    expect((await leaseHolder("job"))?.holder).toBe("b");
    await releaseLease("job", "b");
    // Given up: taken at once, even by a process whose clock is behind.
    expect(await acquireLease("job", "a", now, ttl)).toBe(true);
  });

  it("goes to exactly one of many processes racing for it at once", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => acquireLease("race", `p${i}`, now, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
