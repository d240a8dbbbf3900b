import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { addInterview } from "~/data/loops.server";
import { listInbox } from "~/data/notifications.server";
import { deliverDue, smtpMailer } from "~/server/delivery";
import { actorOf } from "../helpers/actor";
import { loopWithInterviews } from "../helpers/loops";
import { startTestSmtp, type TestSmtp } from "../helpers/smtp";
import { createUser } from "../helpers/users";

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp.close());

function parseInvitation(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    summary: event.getFirstPropertyValue("summary"),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
    end: (event.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate(),
    organizer: event.getFirstPropertyValue("organizer"),
    attendees: event.getAllProperties("attendee").map((p) => p.getFirstValue()),
    description: String(event.getFirstPropertyValue("description")),
  };
}

describe("an interview assigned notifies its interviewers", () => {
  it("in the same transaction: an inbox entry and an email with a calendar invitation for each", async () => {
    const ada = await createUser(["interviewer"], { name: "Ada Lovelace" });
    const bo = await createUser(["interviewer"], { name: "Bo Chen" });
    const { loopId, recruiter, candidate } = await loopWithInterviews([]);
    const startsAt = new Date("2026-12-07T14:00:00Z");
    const now = new Date("2026-12-01T09:00:00Z");
    const interviewId = await addInterview({ loopId, stageId: "technical_deep_dive", startsAt, durationMinutes: 90, interviewerIds: [ada.id, bo.id], actor: actorOf(recruiter), now });

    for (const person of [ada, bo]) {
      const inbox = await listInbox(person.id);
      expect(inbox).toEqual([expect.objectContaining({ kind: "interview.assigned", path: `/interviews/${interviewId}/scorecard`, readAt: null })]);
    }
    const messages = await prisma.outboxMessage.findMany({ where: { recipientEmail: { in: [ada.email, bo.email] } }, orderBy: { recipientEmail: "asc" } });
    expect(messages).toHaveLength(2);
    for (const m of messages) {
      expect(m.text).not.toContain(candidate.name);
      const invitation = parseInvitation(m.ics!);
      expect(invitation).toMatchObject({ method: "REQUEST", uid: `interview-${interviewId}@builder-ladder`, sequence: 0, start: startsAt, end: new Date("2026-12-07T15:30:00Z") });
      expect(invitation.summary).not.toContain(candidate.name);
      expect(invitation.organizer).toBe(`mailto:${recruiter.email}`);
      expect(invitation.attendees.sort()).toEqual([`mailto:${ada.email}`, `mailto:${bo.email}`].sort());
      expect(invitation.description).toContain(`/interviews/${interviewId}/scorecard`);
    }

    // Delivered over SMTP: the invitation arrives as a text/calendar part a calendar app reads.
    const mailer = smtpMailer({ host: "127.0.0.1", port: smtp.port, secure: false, auth: null }, "Builder Ladder <ladder@test.example>");
    expect(await deliverDue({ mailer, workerId: "w", now: () => now })).toMatchObject({ sent: 2 });
    mailer.close();
    expect(smtp.received.map((r) => r.envelopeTo[0]).sort()).toEqual([ada.email, bo.email].sort());
    for (const { mail } of smtp.received) {
      expect(mail.subject).toBe("Interview to run: Stage 2: Technical deep dive, Mon 7 Dec 2026, 14:00 UTC");
      expect(mail.text).toContain(`http://localhost:3000/interviews/${interviewId}/scorecard`);
      const calendarPart = mail.attachments.find((a) => a.contentType === "text/calendar");
      expect(calendarPart).toBeDefined();
      expect(parseInvitation(calendarPart!.content.toString("utf8"))).toMatchObject({ method: "REQUEST", uid: `interview-${interviewId}@builder-ladder`, sequence: 0 });
    }
  });

  it("writes no notification when the interview is refused", async () => {
    const ada = await createUser(["interviewer"]);
    await expect(
      addInterview({ loopId: "no-such-loop", stageId: "technical_deep_dive", startsAt: new Date(), durationMinutes: 60, interviewerIds: [ada.id], actor: actorOf(ada), now: new Date() }),
    ).rejects.toThrow();
    expect(await prisma.notification.count({ where: { recipientId: ada.id } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { recipientEmail: ada.email } })).toBe(0);
  });
});
