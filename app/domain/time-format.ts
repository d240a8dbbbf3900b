// Why: one way to write a moment or a calendar date for people, shared by the time component and the server's messages.

/**
 * Moments (an interview's start, a decision, a save) are written in a named time zone, the zone
 * always shown: "Thu, 1 Jul 2027, 10:00 CEST" (a zone without a common abbreviation shows its
 * offset: "GMT-4"). Pages show them in the reader's zone (`LocalTime`); the server, which does not
 * know the reader's zone, writes them in UTC ("… 08:00 UTC").
 *
 * Calendar dates (a start date, an evidence item's dates) are days, not moments: "4 Mar 2025",
 * the same in every zone.
 */
export type TimePrecision = "day" | "minute" | "second";

const OPTIONS: Record<TimePrecision, Intl.DateTimeFormatOptions> = {
  day: { day: "numeric", month: "short", year: "numeric" },
  minute: { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" },
  second: { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZoneName: "short" },
};

const formats = new Map<string, Intl.DateTimeFormat>();

function format(precision: TimePrecision, timeZone: string): Intl.DateTimeFormat {
  const key = `${precision} ${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { ...OPTIONS[precision], timeZone });
    formats.set(key, f);
  }
  return f;
}

/** A moment in `timeZone` (an IANA name), the zone named unless only the day is asked for. */
export function formatInstant(value: Date | string, timeZone: string, precision: TimePrecision = "minute"): string {
  return format(precision, timeZone).format(new Date(value));
}

/** The full moment with the zone's long name, for a tooltip: "Thursday 1 July 2027, 10:00 Central European Summer Time". */
export function describeInstant(value: Date | string, timeZone: string): string {
  const long = new Intl.DateTimeFormat("en-GB", {
    weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "long", timeZone,
  });
  return `${long.format(new Date(value))} (${timeZone})`;
}

/** A calendar date ("2025-03-04", or a Date at midnight UTC, as dates are stored) as "4 Mar 2025". */
export function formatCalendarDate(value: Date | string): string {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return format("day", "UTC").format(date);
}
