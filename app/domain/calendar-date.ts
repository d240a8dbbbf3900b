/** Whether `value` is a real calendar date written YYYY-MM-DD (so 2025-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A Date stored as a calendar day (UTC midnight) written YYYY-MM-DD. */
export function calendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD calendar day as the Date that stores it (UTC midnight). */
export function dateOfCalendarDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
