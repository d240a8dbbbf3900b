// Why: the browser's side of wall-clock times (is this a zone, what does a zone's clock show), with Intl alone so pages do not ship a Temporal polyfill.

// An IANA name ("Europe/Berlin", "UTC", "Etc/GMT+5", "America/Argentina/Buenos_Aires"), not an offset ("+01:00").
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** Whether the runtime knows `name` as an IANA time zone. Offsets such as "+01:00" are not zones. */
export function isTimeZoneName(name: string): boolean {
  if (name.length > 64 || !ZONE_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const WALL_PARTS: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * What a `datetime-local` field in `timeZone` shows for `instant` ("2027-07-01T10:00"; seconds are
 * dropped). The zone's rules on that date come from the runtime's Intl (the IANA database), the
 * same rules `instantFromWallClock` (wall-clock.ts) reads the typed time back with.
 */
export function wallClockInZone(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { ...WALL_PARTS, timeZone });
    formatters.set(timeZone, format);
  }
  const part: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(instant)) part[type] = value;
  return `${part.year!.padStart(4, "0")}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}
