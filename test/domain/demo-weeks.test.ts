import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarDate, dateOfCalendarDay } from "~/domain/calendar-date";
import { demoDayProblem, demoFormSchema, groupDemosByWeek, highlightsSince, latestDemoDay, weekEndOf, weekStartOf } from "~/domain/project/demo-weeks";

// Any day from 1990 to 2100, as YYYY-MM-DD.
const day = fc.integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 }).map((n) => calendarDate(new Date(n * 86_400_000)));

describe("weeks start on Monday", () => {
  it("puts each day of a week with its Monday, and Sunday with the Monday before it", () => {
    // 2026-03-09 is a Monday.
    expect(weekStartOf("2026-03-09")).toBe("2026-03-09");
    expect(weekStartOf("2026-03-12")).toBe("2026-03-09");
    expect(weekStartOf("2026-03-15")).toBe("2026-03-09");
    expect(weekStartOf("2026-03-16")).toBe("2026-03-16");
    expect(weekEndOf("2026-03-09")).toBe("2026-03-15");
  });

  it("crosses months, years and leap days", () => {
    expect(weekStartOf("2026-01-01")).toBe("2025-12-29");
    expect(weekStartOf("2024-03-01")).toBe("2024-02-26");
    expect(weekEndOf("2024-02-26")).toBe("2024-03-03");
  });

  it("for any day: a Monday at most six days before it, and its week contains it", () => {
    fc.assert(
      fc.property(day, (d) => {
        const start = weekStartOf(d);
        expect(dateOfCalendarDay(start).getUTCDay()).toBe(1);
        expect(start <= d && d <= weekEndOf(start)).toBe(true);
        expect(weekStartOf(start)).toBe(start);
      }),
    );
  });
});

describe("grouping demos by week", () => {
  const demo = (id: string, demoOn: string) => ({ id, demoOn });

  it("gives the newest week first and the latest day first within a week", () => {
    const weeks = groupDemosByWeek([demo("a", "2026-03-02"), demo("b", "2026-03-11"), demo("c", "2026-03-15"), demo("d", "2026-03-09"), demo("e", "2026-02-20")]);
    expect(weeks.map((w) => [w.weekStart, w.weekEnd, w.demos.map((d) => d.id)])).toEqual([
      ["2026-03-09", "2026-03-15", ["c", "b", "d"]],
      ["2026-03-02", "2026-03-08", ["a"]],
      ["2026-02-16", "2026-02-22", ["e"]],
    ]);
  });

  it("keeps the given order of demos of the same day (newest posted first, as the feed reads them)", () => {
    const weeks = groupDemosByWeek([demo("later", "2026-03-10"), demo("earlier", "2026-03-10")]);
    expect(weeks[0]!.demos.map((d) => d.id)).toEqual(["later", "earlier"]);
  });

  it("is empty for no demos", () => {
    expect(groupDemosByWeek([])).toEqual([]);
  });

  it("for any demos: each appears once, in the week of its date, weeks newest first and distinct", () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 40 }), (days) => {
        const demos = days.map((d, i) => demo(String(i), d));
        const weeks = groupDemosByWeek(demos);
        expect(weeks.flatMap((w) => w.demos.map((d) => d.id)).sort()).toEqual(demos.map((d) => d.id).sort());
        for (const w of weeks) for (const d of w.demos) expect(weekStartOf(d.demoOn)).toBe(w.weekStart);
        const starts = weeks.map((w) => w.weekStart);
        expect(starts).toEqual([...new Set(starts)].sort().reverse());
      }),
    );
  });
});

describe("the highlights period", () => {
  it("starts on the Monday twelve weeks before this week's, so it shows thirteen weeks", () => {
    // Wednesday 2026-03-11: this week starts on 2026-03-09.
    expect(calendarDate(highlightsSince(new Date("2026-03-11T15:00:00Z")))).toBe("2025-12-15");
    expect(calendarDate(highlightsSince(new Date("2026-03-11T15:00:00Z"), 1))).toBe("2026-03-09");
    expect(highlightsSince(new Date("2026-03-11T15:00:00Z"), 1).toISOString()).toBe("2026-03-09T00:00:00.000Z");
  });
});

describe("a demo's date", () => {
  it("may be up to tomorrow (UTC): one day of slack for time zones ahead", () => {
    expect(latestDemoDay(new Date("2026-03-10T00:00:00Z"))).toBe("2026-03-11");
    expect(latestDemoDay(new Date("2026-03-10T23:59:59Z"))).toBe("2026-03-11");
    expect(latestDemoDay(new Date("2026-12-31T12:00:00Z"))).toBe("2027-01-01");
  });

  it("refuses a date after that, and says until when", () => {
    expect(demoDayProblem("2026-03-11", "2026-03-11")).toBeNull();
    expect(demoDayProblem("2025-01-01", "2026-03-11")).toBeNull();
    expect(demoDayProblem("2026-03-12", "2026-03-11")).toBe("Post a demo once it has happened: choose a date no later than 11 Mar 2026.");
  });

  it("is checked by the form's schema, on the date field", () => {
    const schema = demoFormSchema("2026-03-11");
    const valid = { title: "Usage billing", shows: "The new invoice page", link: "https://video.example/1", demoOn: "2026-03-11" };
    expect(schema.safeParse(valid).success).toBe(true);
    const late = schema.safeParse({ ...valid, demoOn: "2026-03-12" });
    expect(late.success).toBe(false);
    expect(late.error?.issues.map((i) => i.path)).toEqual([["demoOn"]]);
    // An impossible date is the base schema's to refuse, once.
    expect(schema.safeParse({ ...valid, demoOn: "2026-02-30" }).error?.issues.map((i) => i.path)).toEqual([["demoOn"]]);
  });

  it("for any moment: today's UTC date is allowed and the day after tomorrow is not", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), (now) => {
        const latest = latestDemoDay(now);
        expect(demoDayProblem(calendarDate(now), latest)).toBeNull();
        expect(demoDayProblem(calendarDate(new Date(now.getTime() + 2 * 86_400_000)), latest)).not.toBeNull();
      }),
    );
  });
});
