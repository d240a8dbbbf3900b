// Why: interview times typed in a browser must mean the same instant on both sides of every daylight-saving change.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTimeZoneName, wallClockInZone } from "~/domain/time-zone";
import { instantFromWallClock } from "~/domain/wall-clock";

const instant = (local: string, zone: string) => {
  const result = instantFromWallClock(local, zone);
  if (!result.ok) throw new Error(result.message);
  return result.instant.toISOString();
};

describe("a wall-clock time in a named zone", () => {
  // Berlin: CET (UTC+1) until 28 March 2027 02:00, CEST (UTC+2) until 31 October 2027 03:00.
  it.each([
    ["2027-01-15T10:00", "2027-01-15T09:00:00.000Z", "winter"],
    ["2027-03-27T10:00", "2027-03-27T09:00:00.000Z", "the day before clocks go forward"],
    ["2027-03-28T01:59", "2027-03-28T00:59:00.000Z", "the last minute before the gap"],
    ["2027-03-28T03:00", "2027-03-28T01:00:00.000Z", "the first minute after the gap"],
    ["2027-07-01T10:00", "2027-07-01T08:00:00.000Z", "summer, typed in winter"],
    ["2027-10-31T01:59", "2027-10-30T23:59:00.000Z", "just before the repeated hour"],
    ["2027-10-31T03:00", "2027-10-31T02:00:00.000Z", "just after the repeated hour"],
    ["2027-11-01T10:00", "2027-11-01T09:00:00.000Z", "winter again"],
  ])("Europe/Berlin %s is %s (%s)", (local, utc) => {
    expect(instant(local, "Europe/Berlin")).toBe(utc);
  });

  // New York: EST (UTC−5) until 14 March 2027 02:00, EDT (UTC−4) until 7 November 2027 02:00.
  it.each([
    ["2027-03-13T10:00", "2027-03-13T15:00:00.000Z"],
    ["2027-03-14T01:59", "2027-03-14T06:59:00.000Z"],
    ["2027-03-14T03:00", "2027-03-14T07:00:00.000Z"],
    ["2027-07-01T10:00", "2027-07-01T14:00:00.000Z"],
    ["2027-11-07T00:59", "2027-11-07T04:59:00.000Z"],
    ["2027-11-07T02:00", "2027-11-07T07:00:00.000Z"],
    ["2027-11-08T10:00", "2027-11-08T15:00:00.000Z"],
  ])("America/New_York %s is %s", (local, utc) => {
    expect(instant(local, "America/New_York")).toBe(utc);
  });

  it("refuses a time the clocks skip, naming the zone and a time that exists", () => {
    for (const [local, zone, suggestion] of [
      ["2027-03-28T02:30", "Europe/Berlin", "03:30"],
      ["2027-03-14T02:00", "America/New_York", "03:00"],
    ] as const) {
      const result = instantFromWallClock(local, zone);
      expect(result).toMatchObject({ ok: false, reason: "skipped" });
      if (!result.ok) expect(result.message).toBe(`${local.slice(11)} on ${local.slice(0, 10)} does not exist in ${zone}: the clocks go forward then. Choose another time (for example ${suggestion}).`);
    }
  });

  it("reads a repeated time as its first occurrence, still on summer time", () => {
    expect(instantFromWallClock("2027-10-31T02:30", "Europe/Berlin")).toEqual({ ok: true, instant: new Date("2027-10-31T00:30:00Z"), repeated: true });
    expect(instantFromWallClock("2027-11-07T01:30", "America/New_York")).toEqual({ ok: true, instant: new Date("2027-11-07T05:30:00Z"), repeated: true });
    expect(instantFromWallClock("2027-07-01T10:00", "Europe/Berlin")).toMatchObject({ repeated: false });
  });

  it("refuses impossible dates and unknown or offset zones", () => {
    expect(instantFromWallClock("2027-02-29T10:00", "Europe/Berlin")).toMatchObject({ ok: false, reason: "invalid_time" });
    expect(instantFromWallClock("2027-01-05T24:00", "Europe/Berlin")).toMatchObject({ ok: false, reason: "invalid_time" });
    expect(instantFromWallClock("tomorrow", "Europe/Berlin")).toMatchObject({ ok: false, reason: "invalid_time" });
    for (const zone of ["Mars/Olympus_Mons", "+01:00", "", "Europe/Berlin\u0000", "x".repeat(65), "__proto__"]) {
      expect(isTimeZoneName(zone)).toBe(false);
      expect(instantFromWallClock("2027-01-05T10:00", zone)).toMatchObject({ ok: false, reason: "unknown_zone" });
    }
    for (const zone of ["UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Asia/Calcutta"]) expect(isTimeZoneName(zone)).toBe(true);
  });

  it("gives back what a datetime-local field in the zone shows", () => {
    expect(wallClockInZone(new Date("2027-07-01T08:00:00Z"), "Europe/Berlin")).toBe("2027-07-01T10:00");
    expect(wallClockInZone(new Date("2027-01-15T09:00:00Z"), "Europe/Berlin")).toBe("2027-01-15T10:00");
    expect(wallClockInZone(new Date("2027-07-01T14:00:00Z"), "America/New_York")).toBe("2027-07-01T10:00");
  });
});

describe("round trips (generated)", () => {
  const zones = fc.constantFrom("Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo", "Europe/London", "UTC");
  // Whole minutes from 1990 to 2060, dense around 2027's changes.
  const minute = fc.oneof(
    fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2060, 0, 1) / 60_000 }),
    fc.integer({ min: Date.UTC(2027, 2, 13) / 60_000, max: Date.UTC(2027, 2, 29) / 60_000 }),
    fc.integer({ min: Date.UTC(2027, 9, 30) / 60_000, max: Date.UTC(2027, 10, 8) / 60_000 }),
  ).map((m) => new Date(m * 60_000));

  it("instant → wall clock in the zone → instant gives the instant back (the first occurrence of a repeated time)", () => {
    fc.assert(
      fc.property(minute, zones, (at, zone) => {
        const local = wallClockInZone(at, zone);
        const back = instantFromWallClock(local, zone);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(wallClockInZone(back.instant, zone)).toBe(local);
        if (back.repeated) expect(back.instant.getTime()).toBeLessThanOrEqual(at.getTime());
        else expect(back.instant.getTime()).toBe(at.getTime());
      }),
      { numRuns: 1000 },
    );
  });

  it("a wall-clock time that exists comes back unchanged; one that does not is refused", () => {
    const local = fc
      .record({ day: fc.integer({ min: 0, max: 365 * 3 }), minutes: fc.integer({ min: 0, max: 24 * 60 - 1 }) })
      .map(({ day, minutes }) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000 + minutes * 60_000).toISOString().slice(0, 16));
    fc.assert(
      fc.property(local, zones, (wall, zone) => {
        const result = instantFromWallClock(wall, zone);
        if (result.ok) expect(wallClockInZone(result.instant, zone)).toBe(wall);
        else expect(result.reason).toBe("skipped");
      }),
      { numRuns: 1000 },
    );
  });
});
