/**
 * The events that notify people, what each says and where it links. An email says what to do and
 * links to the page that does it; it never carries ratings, evidence, pay or a candidate's name
 * (the page behind the link checks who may see what). Pure: the origin and times are passed in.
 */

export const NOTIFICATION_KINDS = [
  "interview.assigned",
  "interview.moved",
  "interview.cancelled",
  "interview.unassigned",
  "scorecard.due",
  "scorecard.overdue",
  "loop.ready",
  "loop.decided",
  "packet.submitted",
  "packet.in_review",
  "packet.decided",
  "peer.requested",
  "project.prd_awaiting_approval",
  "project.checkpoint_due",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** The record a notification is about, as stored on it. */
export const SUBJECT_TYPES = ["interview", "loop", "packet", "project"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export type NotificationSubject = { type: SubjectType; id: string };

/** Which record each kind is about. */
export const SUBJECT_TYPE_OF: Record<NotificationKind, SubjectType> = {
  "interview.assigned": "interview",
  "interview.moved": "interview",
  "interview.cancelled": "interview",
  "interview.unassigned": "interview",
  "scorecard.due": "interview",
  "scorecard.overdue": "interview",
  "loop.ready": "loop",
  "loop.decided": "loop",
  "packet.submitted": "packet",
  "packet.in_review": "packet",
  "packet.decided": "packet",
  "peer.requested": "packet",
  "project.prd_awaiting_approval": "project",
  "project.checkpoint_due": "project",
};

/** What each kind is called on the email settings page and what the inbox says. */
export const NOTIFICATION_LABELS: Record<NotificationKind, { label: string; inbox: string }> = {
  "interview.assigned": { label: "An interview is assigned to me", inbox: "You have an interview to run" },
  "interview.moved": { label: "An interview of mine moves", inbox: "An interview of yours has a new time" },
  "interview.cancelled": { label: "An interview of mine is cancelled", inbox: "An interview of yours was cancelled" },
  "interview.unassigned": { label: "I am taken off an interview", inbox: "You no longer run an interview" },
  "scorecard.due": { label: "A scorecard of mine is due", inbox: "Your scorecard is due" },
  "scorecard.overdue": { label: "A scorecard of mine is overdue (repeats until submitted)", inbox: "Your scorecard is overdue" },
  "loop.ready": { label: "A loop is ready for the hiring committee", inbox: "A loop is ready for the committee" },
  "loop.decided": { label: "A hiring decision is recorded", inbox: "A hiring decision was recorded" },
  "packet.submitted": { label: "A promotion packet is submitted", inbox: "A promotion packet was submitted" },
  "packet.in_review": { label: "A promotion packet goes into review", inbox: "A promotion packet is in review" },
  "packet.decided": { label: "A promotion packet is decided", inbox: "A promotion packet was decided" },
  "peer.requested": { label: "Someone asks me for a peer statement", inbox: "You are asked for a peer statement" },
  "project.prd_awaiting_approval": { label: "A PRD waits for my approval", inbox: "A PRD waits for your approval" },
  "project.checkpoint_due": { label: "A project's 28-day checkpoint is due", inbox: "A 28-day checkpoint is due" },
};

/** The page a notification links to (a path; the email prefixes the app's address). */
export function notificationPath(kind: NotificationKind, subject: NotificationSubject): string {
  const id = encodeURIComponent(subject.id);
  switch (kind) {
    case "interview.assigned":
    case "interview.moved":
    case "scorecard.due":
    case "scorecard.overdue":
      return `/interviews/${id}/scorecard`;
    case "interview.cancelled":
    case "interview.unassigned":
      // The interview is no longer theirs to run: the home page lists what is.
      return "/";
    case "loop.ready":
      return `/loops/${id}/committee`;
    case "loop.decided":
      return `/loops/${id}`;
    case "packet.submitted":
    case "packet.in_review":
    case "packet.decided":
    case "peer.requested":
      return `/packets/${id}`;
    case "project.prd_awaiting_approval":
    case "project.checkpoint_due":
      return `/projects/${id}`;
  }
}

type InterviewFacts = { interviewId: string; stageName: string; startsAt: Date; durationMinutes: number };

export type NotificationEvent =
  | ({ kind: "interview.assigned" } & InterviewFacts)
  | ({ kind: "interview.moved"; previousStartsAt: Date } & InterviewFacts)
  | ({ kind: "interview.cancelled" } & InterviewFacts)
  | ({ kind: "interview.unassigned" } & InterviewFacts)
  | ({ kind: "scorecard.due"; dueAt: Date } & InterviewFacts)
  | ({ kind: "scorecard.overdue"; dueAt: Date } & InterviewFacts)
  | { kind: "loop.ready"; loopId: string }
  | { kind: "loop.decided"; loopId: string }
  | { kind: "packet.submitted"; packetId: string; builderName: string; targetLevel: string }
  | { kind: "packet.in_review"; packetId: string; builderName: string; targetLevel: string }
  | { kind: "packet.decided"; packetId: string; builderName: string; targetLevel: string }
  | { kind: "peer.requested"; packetId: string; builderName: string; requestedBy: string }
  | { kind: "project.prd_awaiting_approval"; projectId: string; projectTitle: string; ownerName: string }
  | { kind: "project.checkpoint_due"; projectId: string; projectTitle: string; dueOn: Date };

export type EventOfKind<K extends NotificationKind> = Extract<NotificationEvent, { kind: K }>;

export function subjectOf(event: NotificationEvent): NotificationSubject {
  switch (event.kind) {
    case "loop.ready":
    case "loop.decided":
      return { type: "loop", id: event.loopId };
    case "packet.submitted":
    case "packet.in_review":
    case "packet.decided":
    case "peer.requested":
      return { type: "packet", id: event.packetId };
    case "project.prd_awaiting_approval":
    case "project.checkpoint_due":
      return { type: "project", id: event.projectId };
    default:
      return { type: "interview", id: event.interviewId };
  }
}

/** 2026-12-01T09:30:00Z → "Tue 1 Dec 2026, 09:30 UTC" (emails go to people in any zone; UTC is unambiguous). */
export function emailTime(date: Date): string {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const hh = String(date.getUTCHours()).padStart(2, "0");
  const mm = String(date.getUTCMinutes()).padStart(2, "0");
  return `${days[date.getUTCDay()]} ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

/** 2026-12-01 → "Tue 1 Dec 2026" (a calendar day, no time). */
export function emailDay(date: Date): string {
  return emailTime(date).replace(/, \d\d:\d\d UTC$/, "");
}

const FOOTER = "You receive this email because of your notification settings in Builder Ladder (Inbox → Email settings).";

function letter(recipientName: string, lines: string[], link: string): string {
  return [`Hello ${recipientName},`, "", ...lines, "", link, "", FOOTER].join("\n");
}

/** An email's subject and plain text: what to do, when, and the link to do it. */
export function emailFor(event: NotificationEvent, origin: string, recipientName: string): { subject: string; text: string } {
  const link = origin.replace(/\/+$/, "") + notificationPath(event.kind, subjectOf(event));
  switch (event.kind) {
    case "interview.assigned":
      return {
        subject: `Interview to run: ${event.stageName}, ${emailTime(event.startsAt)}`,
        text: letter(
          recipientName,
          [
            `You are an interviewer for a ${event.stageName} interview on ${emailTime(event.startsAt)} (${event.durationMinutes} minutes).`,
            "The attached invitation adds it to your calendar.",
            "",
            "Before the interview, open its page to read the stage's focus areas; afterwards, submit your scorecard there:",
          ],
          link,
        ),
      };
    case "interview.moved":
      return {
        subject: `Interview moved: ${event.stageName}, now ${emailTime(event.startsAt)}`,
        text: letter(
          recipientName,
          [
            `The ${event.stageName} interview you run has moved from ${emailTime(event.previousStartsAt)} to ${emailTime(event.startsAt)} (${event.durationMinutes} minutes).`,
            "The attached invitation updates the event in your calendar; your scorecard's due time follows the new time.",
            "",
            "The interview's page:",
          ],
          link,
        ),
      };
    case "interview.cancelled":
      return {
        subject: `Interview cancelled: ${event.stageName}, ${emailTime(event.startsAt)}`,
        text: letter(
          recipientName,
          [
            `The ${event.stageName} interview on ${emailTime(event.startsAt)} is cancelled. There is nothing for you to do; no scorecard is due.`,
            "The attached cancellation removes it from your calendar.",
            "",
            "What waits for you:",
          ],
          link,
        ),
      };
    case "interview.unassigned":
      return {
        subject: `You no longer run: ${event.stageName}, ${emailTime(event.startsAt)}`,
        text: letter(
          recipientName,
          [
            `You were taken off the ${event.stageName} interview on ${emailTime(event.startsAt)}. No scorecard is due from you; anything you already wrote is kept.`,
            "The attached cancellation removes it from your calendar.",
            "",
            "What waits for you:",
          ],
          link,
        ),
      };
    case "scorecard.due":
      return {
        subject: `Scorecard due ${emailTime(event.dueAt)}: ${event.stageName}`,
        text: letter(
          recipientName,
          [
            `Your scorecard for the ${event.stageName} interview on ${emailTime(event.startsAt)} is due by ${emailTime(event.dueAt)}.`,
            "Write it while the interview is fresh:",
          ],
          link,
        ),
      };
    case "scorecard.overdue":
      return {
        subject: `Scorecard overdue: ${event.stageName}, due ${emailTime(event.dueAt)}`,
        text: letter(
          recipientName,
          [
            `Your scorecard for the ${event.stageName} interview on ${emailTime(event.startsAt)} was due by ${emailTime(event.dueAt)} and is not submitted.`,
            "The hiring committee waits for it. Submit it here (this reminder repeats until you do):",
          ],
          link,
        ),
      };
    case "loop.ready":
      return {
        subject: "A loop is ready for the hiring committee",
        text: letter(recipientName, ["Every scorecard of an interview loop is in: the loop is ready for the committee's decision.", "Open it:"], link),
      };
    case "loop.decided":
      return {
        subject: "A hiring decision was recorded",
        text: letter(recipientName, ["The hiring committee recorded a decision on a loop you took part in.", "Open the loop:"], link),
      };
    case "packet.submitted":
      return {
        subject: `Promotion packet submitted: ${event.builderName} for ${event.targetLevel}`,
        text: letter(recipientName, [`${event.builderName}'s promotion packet for ${event.targetLevel} is submitted and waits for the promotion committee.`, "Open it:"], link),
      };
    case "packet.in_review":
      return {
        subject: `Promotion packet in review: ${event.builderName} for ${event.targetLevel}`,
        text: letter(recipientName, [`The promotion committee started reviewing ${event.builderName}'s packet for ${event.targetLevel}.`, "Follow it here:"], link),
      };
    case "packet.decided":
      return {
        subject: `Promotion packet decided: ${event.builderName} for ${event.targetLevel}`,
        text: letter(recipientName, [`The promotion committee recorded its decision on ${event.builderName}'s packet for ${event.targetLevel}.`, "Read it here:"], link),
      };
    case "peer.requested":
      return {
        subject: `Peer statement requested for ${event.builderName}'s promotion packet`,
        text: letter(
          recipientName,
          [`${event.requestedBy} asks you for a peer statement on ${event.builderName}'s promotion packet.`, "Write it on the packet's page:"],
          link,
        ),
      };
    case "project.prd_awaiting_approval":
      return {
        subject: `PRD awaiting your approval: ${event.projectTitle}`,
        text: letter(
          recipientName,
          [`${event.ownerName} submitted the PRD of "${event.projectTitle}". You are its single approver: approve it or ask for changes.`, "Open it:"],
          link,
        ),
      };
    case "project.checkpoint_due":
      return {
        subject: `28-day checkpoint due: ${event.projectTitle}`,
        text: letter(
          recipientName,
          [`The 28-day checkpoint of "${event.projectTitle}" is due on ${emailDay(event.dueOn)}: record what the success metrics show.`, "Open the project:"],
          link,
        ),
      };
  }
}

/**
 * Account emails (an invitation, a password reset): not notifications (no inbox entry, no
 * setting turns them off). The link carries the one-time token; nothing else is personal.
 */
export function accountEmail(
  purpose: "invite" | "reset",
  input: { origin: string; recipientName: string; token: string; expiresAt: Date; invitedBy?: string },
): { subject: string; text: string } {
  const base = input.origin.replace(/\/+$/, "");
  if (purpose === "invite") {
    const link = `${base}/account/welcome/${encodeURIComponent(input.token)}`;
    return {
      subject: "You are invited to Builder Ladder",
      text: [
        `Hello ${input.recipientName},`,
        "",
        `${input.invitedBy ?? "An administrator"} created an account for you in Builder Ladder. Choose your password here (the link works once, until ${emailTime(input.expiresAt)}):`,
        "",
        link,
      ].join("\n"),
    };
  }
  const link = `${base}/password/reset/${encodeURIComponent(input.token)}`;
  return {
    subject: "Reset your Builder Ladder password",
    text: [
      `Hello ${input.recipientName},`,
      "",
      `Someone asked to reset the password of this Builder Ladder account. Choose a new one here (the link works once, until ${emailTime(input.expiresAt)}):`,
      "",
      link,
      "",
      "If it was not you, ignore this email: your password stays as it is.",
    ].join("\n"),
  };
}
