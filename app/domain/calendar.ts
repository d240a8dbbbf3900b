/**
 * An interview as an iCalendar file (RFC 5545): one VEVENT, UTC times, CRLF line ends, text
 * escaped and lines folded at 75 octets, so calendar apps import it as it is.
 */
export type CalendarEvent = {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  organizer?: { name: string; email: string };
  attendees: Array<{ name: string; email: string }>;
  /** When the file is produced (DTSTAMP). */
  now: Date;
  /**
   * PUBLISH (the default): a file to import. REQUEST (RFC 5546): an invitation sent by email, which
   * calendar apps offer to accept; it needs an organizer, and SEQUENCE counts its revisions.
   * CANCEL: the event is off for the attendees listed (all of them, or only those taken off it);
   * it carries STATUS:CANCELLED and a SEQUENCE above the last invitation's, so calendars drop it.
   */
  method?: CalendarMethod;
  sequence?: number;
};

export const CALENDAR_METHODS = ["PUBLISH", "REQUEST", "CANCEL"] as const;
export type CalendarMethod = (typeof CALENDAR_METHODS)[number];

export function calendarFile(event: CalendarEvent): string {
  const method = event.method ?? "PUBLISH";
  if (method !== "PUBLISH" && !event.organizer) throw new Error(`An iCalendar ${method} needs an organizer.`);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Builder Ladder//Interviews//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utc(event.now)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.end)}`,
    ...(event.sequence !== undefined || method !== "PUBLISH" ? [`SEQUENCE:${event.sequence ?? 0}`] : []),
    ...(method === "CANCEL" ? ["STATUS:CANCELLED"] : []),
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.organizer ? [`ORGANIZER;CN=${quoteParam(event.organizer.name)}:mailto:${event.organizer.email}`] : []),
    ...event.attendees.map((a) => `ATTENDEE;CN=${quoteParam(a.name)};ROLE=REQ-PARTICIPANT${method === "REQUEST" ? ";PARTSTAT=NEEDS-ACTION;RSVP=TRUE" : ""}:mailto:${a.email}`),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/**
 * The METHOD an iCalendar text declares (the email's text/calendar part must name the same one),
 * or null when it declares none this app writes.
 */
export function calendarMethodOf(ics: string): CalendarMethod | null {
  const found = /^METHOD:([A-Z]+)\r?$/m.exec(ics)?.[1];
  return (CALENDAR_METHODS as readonly string[]).includes(found ?? "") ? (found as CalendarMethod) : null;
}

/** 2026-11-21T09:30:00.000Z → 20261121T093000Z */
function utc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

function quoteParam(value: string): string {
  return `"${value.replace(/"/g, "'")}"`;
}

/** Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const charSize = new TextEncoder().encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + charSize > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += charSize;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
