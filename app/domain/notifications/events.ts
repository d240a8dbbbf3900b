/**
 * The events that notify people, what each says and where it links. An email says what to do and
 * links to the page that does it; it never carries ratings, evidence, pay or a candidate's name
 * (the page behind the link checks who may see what). Pure: the origin and times are passed in.
 */

export const NOTIFICATION_KINDS = ["interview.assigned"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** What each kind is called on the preferences page and in the inbox. */
export const NOTIFICATION_LABELS: Record<NotificationKind, { label: string; inbox: string }> = {
  "interview.assigned": { label: "An interview is assigned to me", inbox: "You have an interview to run" },
};

/** The record a notification is about, as stored on it. */
export type NotificationSubject = { type: "interview"; id: string };

/** The page a notification links to (a path; the email prefixes the app's address). */
export function notificationPath(kind: NotificationKind, subject: NotificationSubject): string {
  switch (kind) {
    case "interview.assigned":
      return `/interviews/${encodeURIComponent(subject.id)}/scorecard`;
  }
}

export type InterviewAssigned = {
  kind: "interview.assigned";
  interviewId: string;
  stageName: string;
  startsAt: Date;
  durationMinutes: number;
};

export type NotificationEvent = InterviewAssigned;

export function subjectOf(event: NotificationEvent): NotificationSubject {
  return { type: "interview", id: event.interviewId };
}

/** 2026-12-01T09:30:00Z → "Tue 1 Dec 2026, 09:30 UTC" (emails go to people in any zone; UTC is unambiguous). */
export function emailTime(date: Date): string {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const hh = String(date.getUTCHours()).padStart(2, "0");
  const mm = String(date.getUTCMinutes()).padStart(2, "0");
  return `${days[date.getUTCDay()]} ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

/** An email's subject and plain text: what to do, when, and the link to do it. */
export function emailFor(event: NotificationEvent, origin: string, recipientName: string): { subject: string; text: string } {
  const link = origin.replace(/\/+$/, "") + notificationPath(event.kind, subjectOf(event));
  switch (event.kind) {
    case "interview.assigned":
      return {
        subject: `Interview to run: ${event.stageName}, ${emailTime(event.startsAt)}`,
        text: [
          `Hello ${recipientName},`,
          "",
          `You are an interviewer for a ${event.stageName} interview on ${emailTime(event.startsAt)} (${event.durationMinutes} minutes).`,
          "The attached invitation adds it to your calendar.",
          "",
          "Before the interview, open its page to read the stage's focus areas; afterwards, submit your scorecard there:",
          link,
          "",
          "You receive this email because of your notification settings in Builder Ladder (Inbox → Email settings).",
        ].join("\n"),
      };
  }
}
