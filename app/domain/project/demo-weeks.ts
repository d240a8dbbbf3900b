import { calendarDate, dateOfCalendarDay } from "../calendar-date";
import { formatCalendarDate } from "../time-format";
import { demoSchema } from "./forms";
import { addDays } from "./process";

/**
 * Demos by week, and the one rule about a demo's date.
 *
 * A demo is dated by a calendar day (`demoOn`, YYYY-MM-DD), the same day in every time zone, so
 * its week is that day's week: weeks start on Monday (ISO 8601) and are computed on the calendar
 * day alone, never on a moment in someone's zone.
 */

/** The Monday of the week `day` (YYYY-MM-DD) falls in. */
export function weekStartOf(day: string): string {
  const date = dateOfCalendarDay(day);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return calendarDate(addDays(date, -sinceMonday));
}

/** The Sunday that ends the week starting on `weekStart`. */
export function weekEndOf(weekStart: string): string {
  return calendarDate(addDays(dateOfCalendarDay(weekStart), 6));
}

export type DemoWeek<T> = { weekStart: string; weekEnd: string; demos: T[] };

/**
 * Demos grouped by the Monday-start week of their date: the newest week first and, within a
 * week, the latest day first (demos of the same day keep the order they were given in).
 */
export function groupDemosByWeek<T extends { demoOn: string }>(demos: readonly T[]): DemoWeek<T>[] {
  const weeks = new Map<string, T[]>();
  const ordered = demos.map((demo, index) => ({ demo, index })).sort((a, b) => (a.demo.demoOn === b.demo.demoOn ? a.index - b.index : a.demo.demoOn < b.demo.demoOn ? 1 : -1));
  for (const { demo } of ordered) {
    const start = weekStartOf(demo.demoOn);
    const week = weeks.get(start);
    if (week) week.push(demo);
    else weeks.set(start, [demo]);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([weekStart, items]) => ({ weekStart, weekEnd: weekEndOf(weekStart), demos: items }));
}

/** How many weeks of highlights the highlights view shows: a quarter. */
export const HIGHLIGHT_WEEKS = 13;

/**
 * The first day of the highlights period at `now`: the Monday `weeks - 1` weeks before this
 * week's (UTC), so the view shows this week and the `weeks - 1` before it.
 */
export function highlightsSince(now: Date, weeks = HIGHLIGHT_WEEKS): Date {
  const thisWeek = dateOfCalendarDay(weekStartOf(calendarDate(now)));
  return addDays(thisWeek, -7 * (Math.max(1, Math.floor(weeks)) - 1));
}

/**
 * The latest day a demo may be dated at `now`: a demo is posted once it has happened, with one
 * day of slack, since the poster's today may already be tomorrow in UTC.
 */
export function latestDemoDay(now: Date): string {
  return calendarDate(addDays(now, 1));
}

/** Why a demo cannot be dated `day` when `latestDay` is the latest allowed, or null when it can. */
export function demoDayProblem(day: string, latestDay: string): string | null {
  return day > latestDay ? `Post a demo once it has happened: choose a date no later than ${formatCalendarDate(latestDay)}.` : null;
}

/**
 * The demo form's schema: the project log's `demoSchema` and the date rule, with the latest day
 * the server allows at the time (`latestDemoDay(now)`), so the browser and the action agree.
 */
export function demoFormSchema(latestDay: string) {
  return demoSchema.superRefine((value, ctx) => {
    const problem = demoDayProblem(value.demoOn, latestDay);
    if (problem) ctx.addIssue({ code: "custom", path: ["demoOn"], message: problem });
  });
}
