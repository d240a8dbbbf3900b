// Why: every moment the app shows is written one way, in a named zone; calendar dates are the same day everywhere.
import { describe, expect, it } from "vitest";
import { describeInstant, formatCalendarDate, formatInstant } from "~/domain/time-format";

describe("moments, written in a named zone", () => {
  it("uses the zone's offset on that date, named, on both sides of each change", () => {
    expect(formatInstant("2027-07-01T08:00:00Z", "Europe/Berlin")).toBe("Thu, 1 Jul 2027, 10:00 CEST");
    expect(formatInstant("2027-01-15T09:00:00Z", "Europe/Berlin")).toBe("Fri, 15 Jan 2027, 10:00 CET");
    expect(formatInstant("2027-10-31T00:30:00Z", "Europe/Berlin")).toBe("Sun, 31 Oct 2027, 02:30 CEST");
    expect(formatInstant("2027-10-31T01:30:00Z", "Europe/Berlin")).toBe("Sun, 31 Oct 2027, 02:30 CET");
    expect(formatInstant("2027-07-01T14:00:00Z", "America/New_York")).toBe("Thu, 1 Jul 2027, 10:00 GMT-4");
    expect(formatInstant("2027-01-15T15:00:00Z", "America/New_York")).toBe("Fri, 15 Jan 2027, 10:00 GMT-5");
    expect(formatInstant(new Date("2027-07-01T08:00:00Z"), "UTC")).toBe("Thu, 1 Jul 2027, 08:00 UTC");
  });

  it("writes seconds when asked, and only the day (in that zone) for day precision", () => {
    expect(formatInstant("2027-07-01T08:00:05Z", "Europe/Berlin", "second")).toBe("Thu, 1 Jul 2027, 10:00:05 CEST");
    expect(formatInstant("2027-06-30T23:30:00Z", "Europe/Berlin", "day")).toBe("1 Jul 2027");
    expect(formatInstant("2027-06-30T23:30:00Z", "UTC", "day")).toBe("30 Jun 2027");
  });

  it("spells the moment out for a tooltip, with the zone's IANA name", () => {
    expect(describeInstant("2027-07-01T08:00:00Z", "Europe/Berlin")).toBe("Thursday, 1 July 2027 at 10:00 Central European Summer Time (Europe/Berlin)");
  });
});

describe("calendar dates", () => {
  it("are days, the same whatever the zone", () => {
    expect(formatCalendarDate("2025-03-04")).toBe("4 Mar 2025");
    expect(formatCalendarDate(new Date("2025-03-04T00:00:00Z"))).toBe("4 Mar 2025");
    expect(formatCalendarDate(new Date("2025-03-04T09:00:00Z"))).toBe("4 Mar 2025");
  });
});
