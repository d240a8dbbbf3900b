import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { notify } from "~/data/notifications.server";
import * as root from "~/root";
import * as outboxRoute from "~/routes/admin.outbox/route";
import * as inboxRoute from "~/routes/inbox/route";
import { NOTIFICATION_KINDS } from "~/domain/notifications/events";
import { EMAIL_DEFAULTS } from "~/domain/notifications/preferences";
import { deliverDue } from "~/server/delivery";
import { call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

const assigned = (interviewId: string) => ({ kind: "interview.assigned" as const, interviewId, stageName: "Live build", startsAt: new Date("2026-12-03T10:00:00Z"), durationMinutes: 60 });

describe("the inbox page", () => {
  it("lists one's own notifications, shows the unread count in the shell, and marks them read", async () => {
    const ada = await createUser(["interviewer"], { name: "Ada" });
    const bo = await createUser(["interviewer"], { name: "Bo" });
    const cookie = await sessionCookieFor(ada.id);
    const [first] = await prisma.$transaction((tx) => notify(tx, { event: assigned("i-1"), recipients: [ada], now: new Date() }));
    await prisma.$transaction((tx) => notify(tx, { event: assigned("i-2"), recipients: [ada], now: new Date() }));
    const [bos] = await prisma.$transaction((tx) => notify(tx, { event: assigned("i-3"), recipients: [bo], now: new Date() }));

    const shell = (await call(root.loader, { url: "/", cookie })).body as { user: { unread: number } };
    expect(shell.user.unread).toBe(2);
    const page = (await call(inboxRoute.loader, { url: "/inbox", cookie })).body as { items: Array<{ id: string; path: string; group: string }>; choices: Record<string, boolean> };
    expect(page.items.map((i) => i.path).sort()).toEqual(["/interviews/i-1/scorecard", "/interviews/i-2/scorecard"]);
    expect(page.items.map((i) => i.group)).toEqual(["Interviews", "Interviews"]);
    // Every kind with its default until the person chooses.
    expect(page.choices).toEqual(EMAIL_DEFAULTS);

    expect((await call(inboxRoute.action, { url: "/inbox", cookie, form: { intent: "read", id: bos! } })).status).toBe(404);
    expect((await call(inboxRoute.action, { url: "/inbox", cookie, form: { intent: "read", id: first! } })).status).toBe(200);
    expect(((await call(root.loader, { url: "/", cookie })).body as { user: { unread: number } }).user.unread).toBe(1);
    expect((await call(inboxRoute.action, { url: "/inbox", cookie, form: { intent: "read-all" } })).status).toBe(200);
    expect(((await call(root.loader, { url: "/", cookie })).body as { user: { unread: number } }).user.unread).toBe(0);
    expect(await prisma.notification.count({ where: { recipientId: bo.id, readAt: null } })).toBe(1);
  });

  it("stores which events come by email, and no email is queued for a kind turned off", async () => {
    const ada = await createUser(["interviewer"]);
    const cookie = await sessionCookieFor(ada.id);
    expect((await call(inboxRoute.action, { url: "/inbox", cookie, form: { intent: "email" } })).status).toBe(200);
    expect(((await call(inboxRoute.loader, { url: "/inbox", cookie })).body as { choices: Record<string, boolean> }).choices).toEqual(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, false])));
    await prisma.$transaction((tx) => notify(tx, { event: assigned("i-4"), recipients: [ada], now: new Date() }));
    expect(await prisma.outboxMessage.count({ where: { recipientEmail: ada.email } })).toBe(0);
    expect((await call(inboxRoute.action, { url: "/inbox", cookie, form: { intent: "email", email: "interview.assigned" } })).status).toBe(200);
    expect((await call(inboxRoute.action, { url: "/inbox", cookie, form: { intent: "email", email: "interview.rated" } })).status).toBe(400);
  });

  it("sends a signed-out visitor to sign in", async () => {
    const answer = await call(inboxRoute.loader, { url: "/inbox" });
    expect(answer.status).toBe(302);
  });
});

describe("the admins' outbox page", () => {
  it("shows admins the emails kept without a mail server, and nobody else", async () => {
    const admin = await createUser(["admin"]);
    const ada = await createUser(["interviewer"], { name: "Ada" });
    await prisma.$transaction((tx) => notify(tx, { event: assigned("i-5"), recipients: [ada], now: new Date() }));
    await deliverDue({ mailer: null, workerId: "w" });
    const page = (await call(outboxRoute.loader, { url: "/admin/outbox", cookie: await sessionCookieFor(admin.id) })).body as {
      smtp: string | null;
      messages: Array<{ recipientEmail: string; status: string; text: string }>;
    };
    expect(page.smtp).toBeNull();
    const mine = page.messages.find((m) => m.recipientEmail === ada.email);
    expect(mine).toMatchObject({ status: "Kept here (no mail server)" });
    expect(mine!.text).toContain("/interviews/i-5/scorecard");
    expect((await call(outboxRoute.loader, { url: "/admin/outbox", cookie: await sessionCookieFor(ada.id) })).status).toBe(403);
  });
});

describe("the outbox's pages", () => {
  type OutboxPage = { status: string | null; counts: Record<string, number>; olderPage: string | null; newerPage: string | null; messages: Array<{ subject: string; status: string }> };

  it("pages through every email once, newest first, by state, and back", async () => {
    const admin = await createUser(["admin"]);
    const cookie = await sessionCookieFor(admin.id);
    await prisma.outboxMessage.deleteMany({});
    // 120 emails, three to a second (ties on the time are ordered by id), every fourth given up.
    const base = Date.UTC(2026, 11, 1);
    await prisma.outboxMessage.createMany({
      data: Array.from({ length: 120 }, (_, n) => ({
        messageId: `<page-${n}@test>`,
        recipientEmail: "x@test.example",
        subject: `email ${String(n).padStart(3, "0")}`,
        text: "t",
        status: n % 4 === 0 ? "failed" : "sent",
        createdAt: new Date(base + Math.floor(n / 3) * 1000),
        nextAttemptAt: new Date(base),
      })),
    });
    const load = async (url: string) => (await call(outboxRoute.loader, { url, cookie })).body as OutboxPage;

    const seen: string[] = [];
    const pages: string[] = [];
    let url: string | null = "/admin/outbox";
    while (url) {
      pages.push(url);
      const page: OutboxPage = await load(url);
      expect(page.messages.length).toBeLessThanOrEqual(50);
      seen.push(...page.messages.map((m) => m.subject));
      url = page.olderPage;
    }
    expect(pages).toHaveLength(3);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen[0]).toBe("email 119");
    expect(seen.at(-1)).toBe("email 000");

    // Back from the last page: the newer page is the middle one again.
    const last = await load(pages[2]!);
    expect(last.olderPage).toBeNull();
    const middle = await load(last.newerPage!);
    expect(middle.messages.map((m) => m.subject)).toEqual(seen.slice(50, 100));
    const first = await load(middle.newerPage!);
    expect(first.messages.map((m) => m.subject)).toEqual(seen.slice(0, 50));
    expect(first.newerPage).toBeNull();

    const failed = await load("/admin/outbox?status=failed");
    expect(failed.status).toBe("failed");
    expect(failed.counts).toMatchObject({ failed: 30, sent: 90, pending: 0, local: 0 });
    expect(failed.messages).toHaveLength(30);
    expect(failed.messages.every((m) => m.status === "Given up")).toBe(true);
    expect(failed.olderPage).toBeNull();
    // An unknown state or a garbled cursor shows the first page of everything.
    expect((await load("/admin/outbox?status=bogus&before=nonsense")).messages.map((m) => m.subject)).toEqual(seen.slice(0, 50));
  });
});
