import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarFile } from "~/domain/calendar";

const event = {
  uid: "interview-1@builder-ladder",
  start: new Date("2026-12-01T13:30:00Z"),
  end: new Date("2026-12-01T14:30:00Z"),
  summary: "Interview: Zoë Müller (Stage 2; deep dive, live build)",
  description: "Line one\nLine two",
  attendees: [{ name: "Ada Lovelace", email: "ada@example.com" }],
  now: new Date("2026-11-21T12:00:00Z"),
};

describe("calendarFile (RFC 5545)", () => {
  it("writes one event with UTC times, escaped text and CRLF line ends", () => {
    const text = calendarFile(event);
    expect(text.split("\r\n").slice(0, 8)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Builder Ladder//Interviews//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
      "UID:interview-1@builder-ladder",
      "DTSTAMP:20261121T120000Z",
    ]);
    expect(text).toContain("DTSTART:20261201T133000Z\r\n");
    expect(text).toContain("SUMMARY:Interview: Zoë Müller (Stage 2\\; deep dive\\, live build)\r\n");
    expect(text).toContain("DESCRIPTION:Line one\\nLine two\r\n");
    expect(text.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
  });

  it("folds every line at 75 octets without splitting a character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (summary) => {
        const text = calendarFile({ ...event, summary });
        const lines = text.split("\r\n").filter(Boolean);
        for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
        // Unfolding (RFC 5545 §3.1) gives back the escaped summary.
        const unfolded = text.replace(/\r\n /g, "");
        const escaped = summary.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
        expect(unfolded).toContain(`SUMMARY:${escaped}\r\n`);
      }),
    );
  });

  it("writes an invitation (METHOD:REQUEST) with a sequence, an organizer and attendees asked to answer", () => {
    const text = calendarFile({ ...event, method: "REQUEST", sequence: 0, organizer: { name: "Rita", email: "rita@example.com" } });
    expect(text).toContain("METHOD:REQUEST\r\n");
    expect(text).toContain("SEQUENCE:0\r\n");
    expect(text.replace(/\r\n /g, "")).toContain('ORGANIZER;CN="Rita":mailto:rita@example.com\r\n');
    expect(text.replace(/\r\n /g, "")).toContain('ATTENDEE;CN="Ada Lovelace";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ada@example.com\r\n');
    expect(calendarFile(event)).not.toContain("SEQUENCE");
    expect(() => calendarFile({ ...event, method: "REQUEST" })).toThrow(/organizer/);
  });
});
