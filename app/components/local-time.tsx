// Why: the one way a page shows a moment (in the reader's zone, named) or a calendar date, without a hydration mismatch.
import { useSyncExternalStore } from "react";
import { describeInstant, formatCalendarDate, formatInstant, type TimePrecision } from "~/domain/time-format";

/**
 * The server does not know the reader's time zone, so it renders moments in UTC, named
 * ("Thu, 1 Jul 2027, 08:00 UTC": true, if not yet local). While hydrating, React renders what
 * the server did (`useSyncExternalStore`'s server snapshot), then at once the reader's zone
 * ("… 10:00 CEST"); pages rendered in the browser afterwards (client-side navigation) use the
 * reader's zone from the start. A cookie carrying the zone would spare that switch on later
 * visits, but not on a first one; UTC named is never wrong, only less convenient.
 */
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const serverZone = () => "UTC";
const unchanging = () => () => {};

/** The reader's IANA zone in the browser; "UTC" on the server and while hydrating. */
export function useReaderTimeZone(): string {
  return useSyncExternalStore(unchanging, browserZone, serverZone);
}

/**
 * A moment: an interview, a decision, a save. `precision="day"` shows only the day the moment
 * falls on in the reader's zone (the full time is in its tooltip).
 */
export function LocalTime({ value, precision = "minute" }: { value: Date | string; precision?: TimePrecision }) {
  const zone = useReaderTimeZone();
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} title={describeInstant(date, zone)}>
      {formatInstant(date, zone, precision)}
    </time>
  );
}

/** A calendar date ("2025-03-04", or a Date stored at midnight UTC): the same day in every zone. */
export function CalendarDate({ value }: { value: Date | string }) {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : new Date(value).toISOString().slice(0, 10);
  return <time dateTime={date}>{formatCalendarDate(date)}</time>;
}
