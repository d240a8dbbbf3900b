// Why: a time typed on a wall clock means an instant only with its time zone's rules for that date (not today's offset).
import { Temporal } from "temporal-polyfill";
import { isTimeZoneName } from "./time-zone";

/**
 * Converting between what a person types into a `datetime-local` field ("2027-07-01T10:00") in
 * an IANA time zone ("Europe/Berlin") and the instant it means, with the zone's offset on that
 * date: a summer date is read in summer time even when it is typed in winter.
 *
 * Daylight-saving changes make two kinds of wall-clock time special:
 * - **skipped** (spring forward): 02:30 on 28 March 2027 never happens in Berlin. It is refused,
 *   so nobody is booked at a time they did not type.
 * - **repeated** (fall back): 02:30 on 31 October 2027 happens twice in Berlin. The earlier one
 *   (still on summer time, 00:30 UTC) is chosen, as RFC 5545 does for calendar events and
 *   Temporal's "compatible" disambiguation does. Pages show times with their zone named
 *   ("02:30 CEST"), so the choice is visible.
 *
 * The conversion uses Temporal (the TC39 standard date-time API, through `temporal-polyfill`),
 * whose time zone rules come from the runtime's Intl (the IANA database). It runs on the server:
 * the browser's side (naming a zone, showing an instant on a zone's wall clock) is in
 * `time-zone.ts`, which needs only Intl, so no page ships the polyfill.
 */

export type WallClockInstant =
  | { ok: true; instant: Date; repeated: boolean }
  | { ok: false; reason: "invalid_time" | "unknown_zone" | "skipped"; message: string };

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The instant a `datetime-local` value means in `timeZone` (see the rules above). */
export function instantFromWallClock(local: string, timeZone: string): WallClockInstant {
  if (!isTimeZoneName(timeZone)) return { ok: false, reason: "unknown_zone", message: `"${timeZone.slice(0, 64)}" is not a time zone this server knows` };
  const match = WALL_CLOCK.exec(local);
  if (!match) return { ok: false, reason: "invalid_time", message: "Choose a valid date and time" };
  let wall: Temporal.PlainDateTime;
  try {
    const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
    wall = Temporal.PlainDateTime.from({ year, month, day, hour, minute }, { overflow: "reject" }); // 31 February is refused
  } catch {
    return { ok: false, reason: "invalid_time", message: "Choose a valid date and time" };
  }
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: "earlier" });
  if (!earlier.toPlainDateTime().equals(wall)) {
    const after = wall.toZonedDateTime(timeZone, { disambiguation: "later" }).toPlainDateTime();
    return {
      ok: false,
      reason: "skipped",
      message: `${hhmm(wall)} on ${wall.toPlainDate().toString()} does not exist in ${timeZone}: the clocks go forward then. Choose another time (for example ${hhmm(after)}).`,
    };
  }
  const later = wall.toZonedDateTime(timeZone, { disambiguation: "later" });
  return { ok: true, instant: new Date(earlier.epochMilliseconds), repeated: later.epochMilliseconds !== earlier.epochMilliseconds };
}

function hhmm(wall: Temporal.PlainDateTime): string {
  return `${String(wall.hour).padStart(2, "0")}:${String(wall.minute).padStart(2, "0")}`;
}
