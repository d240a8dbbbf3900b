import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { notify } from "~/data/notifications.server";
import * as root from "~/root";
import * as outboxRoute from "~/routes/admin.outbox/route";
import * as inboxRoute from "~/routes/inbox/route";
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
    const page = (await call(inboxRoute.loader, { url: "/inbox", cookie })).body as { items: Array<{ id: string; path: string }>; choices: Record<string, boolean> };
    expect(page.items.map((i) => i.path).sort()).toEqual(["/interviews/i-1/scorecard", "/interviews/i-2/scorecard"]);
    expect(page.choices).toEqual({ "interview.assigned": true });

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
    expect(((await call(inboxRoute.loader, { url: "/inbox", cookie })).body as { choices: Record<string, boolean> }).choices).toEqual({ "interview.assigned": false });
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
