import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interviewEndsAt, scorecardDueAt } from "~/domain/loop";
import { NOTIFICATION_KINDS } from "~/domain/notifications/events";
import { groupOf, NOTIFICATION_GROUPS } from "~/domain/notifications/groups";
import { formatCursor, outboxSearch, parseCursor, parseOutboxQuery } from "~/domain/notifications/outbox-query";
import { checkpointReminderDue, dueScorecardReminder, reminderKey, scorecardCadence, STEPS_PER_SEQUENCE, type ReminderSettings } from "~/domain/notifications/reminders";

const HOUR = 3_600_000;
const DEFAULTS: ReminderSettings = { firstHours: 1, everyHours: 24, maxOverdue: 7 };
const interview = { startsAt: new Date("2026-12-01T09:00:00Z"), durationMinutes: 60, sequence: 0 };
const at = (iso: string) => new Date(iso);

describe("the scorecard reminder cadence", () => {
  it("is due an hour after the interview ends, overdue at the due time, then daily, at most seven times", () => {
    const steps = scorecardCadence(interview, 48, DEFAULTS);
    expect(steps.map((s) => [s.kind, s.index, s.at.toISOString()])).toEqual([
      ["scorecard.due", 0, "2026-12-01T11:00:00.000Z"],
      ["scorecard.overdue", 1, "2026-12-03T10:00:00.000Z"],
      ["scorecard.overdue", 2, "2026-12-04T10:00:00.000Z"],
      ["scorecard.overdue", 3, "2026-12-05T10:00:00.000Z"],
      ["scorecard.overdue", 4, "2026-12-06T10:00:00.000Z"],
      ["scorecard.overdue", 5, "2026-12-07T10:00:00.000Z"],
      ["scorecard.overdue", 6, "2026-12-08T10:00:00.000Z"],
      ["scorecard.overdue", 7, "2026-12-09T10:00:00.000Z"],
    ]);
    expect(steps.every((s) => s.dueAt.getTime() === at("2026-12-03T10:00:00Z").getTime())).toBe(true);
  });

  it("sends only the latest step that has come: nothing before, the newest after an outage, nothing once submitted", () => {
    expect(dueScorecardReminder(interview, 48, DEFAULTS, null, at("2026-12-01T10:59:59Z"))).toBeNull();
    expect(dueScorecardReminder(interview, 48, DEFAULTS, "draft", at("2026-12-01T11:00:00Z"))).toMatchObject({ kind: "scorecard.due", index: 0 });
    // Down from the 1st to the 5th at noon: one reminder, the third overdue one, not the four missed.
    expect(dueScorecardReminder(interview, 48, DEFAULTS, null, at("2026-12-05T12:00:00Z"))).toMatchObject({ kind: "scorecard.overdue", index: 3 });
    expect(dueScorecardReminder(interview, 48, DEFAULTS, null, at("2027-06-01T00:00:00Z"))).toMatchObject({ kind: "scorecard.overdue", index: 7 });
    expect(dueScorecardReminder(interview, 48, DEFAULTS, "submitted", at("2026-12-05T12:00:00Z"))).toBeNull();
  });

  it("drops the 'due' reminder when the scorecard is due no later than it, and sends no overdue ones with a maximum of 0", () => {
    expect(scorecardCadence(interview, 1, DEFAULTS).map((s) => s.kind)[0]).toBe("scorecard.overdue");
    expect(scorecardCadence(interview, 48, { ...DEFAULTS, maxOverdue: 0 }).map((s) => s.kind)).toEqual(["scorecard.due"]);
  });

  it("restarts for a moved interview: the steps' keys carry its sequence", () => {
    const moved = { ...interview, startsAt: at("2026-12-02T09:00:00Z"), sequence: 1 };
    const before = scorecardCadence(interview, 48, DEFAULTS).map((s) => s.key);
    const after = scorecardCadence(moved, 48, DEFAULTS).map((s) => s.key);
    expect(after[0]).toBe(reminderKey(1, 0));
    expect(after.filter((k) => before.includes(k))).toEqual([]);
    // After the move, the old time's "due" moment has passed but the new one's has not come.
    expect(dueScorecardReminder(moved, 48, DEFAULTS, null, at("2026-12-01T12:00:00Z"))).toBeNull();
  });

  const settings = fc.record({ firstHours: fc.integer({ min: 0, max: 720 }), everyHours: fc.integer({ min: 1, max: 720 }), maxOverdue: fc.integer({ min: 0, max: 100 }) });
  const anInterview = fc.record({
    startsAt: fc.date({ min: at("2020-01-01T00:00:00Z"), max: at("2035-01-01T00:00:00Z"), noInvalidDate: true }),
    durationMinutes: fc.integer({ min: 15, max: 480 }),
    sequence: fc.integer({ min: 0, max: 50 }),
  });
  const dueHours = fc.integer({ min: 1, max: 500 });

  it("never has a step due before the interview ends, and its steps come in order with distinct keys", () => {
    fc.assert(
      fc.property(anInterview, dueHours, settings, fc.integer({ min: -1000, max: 100_000 }), (i, hours, s, offsetHours) => {
        const now = new Date(i.startsAt.getTime() + offsetHours * HOUR);
        const step = dueScorecardReminder(i, hours, s, null, now);
        if (now.getTime() < interviewEndsAt(i).getTime()) expect(step).toBeNull();
        const steps = scorecardCadence(i, hours, s);
        for (const [n, x] of steps.entries()) {
          expect(x.at.getTime()).toBeGreaterThanOrEqual(interviewEndsAt(i).getTime());
          if (x.kind === "scorecard.overdue") expect(x.at.getTime()).toBeGreaterThanOrEqual(scorecardDueAt(i, hours).getTime());
          if (n > 0) expect(x.at.getTime()).toBeGreaterThan(steps[n - 1]!.at.getTime());
          expect(Math.floor(x.key / STEPS_PER_SEQUENCE)).toBe(i.sequence);
        }
        expect(new Set(steps.map((x) => x.key)).size).toBe(steps.length);
        expect(steps.filter((x) => x.kind === "scorecard.overdue")).toHaveLength(s.maxOverdue);
      }),
    );
  });

  it("is idempotent: whichever times a sender looks at, each step is picked at most once per key, and at most one per look", () => {
    fc.assert(
      fc.property(anInterview, dueHours, settings, fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 40 }), (i, hours, s, minutes) => {
        const sent = new Set<number>();
        let sends = 0;
        for (const m of [...minutes].sort((a, b) => a - b)) {
          const step = dueScorecardReminder(i, hours, s, null, new Date(i.startsAt.getTime() + m * 60_000));
          if (step && !sent.has(step.key)) {
            sent.add(step.key);
            sends++;
          }
        }
        // Never more sends than steps, however often or rarely the run looked.
        expect(sends).toBeLessThanOrEqual(scorecardCadence(i, hours, s).length);
      }),
    );
  });

  it("owes nothing once submitted, at any time", () => {
    fc.assert(
      fc.property(anInterview, dueHours, settings, fc.integer({ min: -1000, max: 100_000 }), (i, hours, s, offsetHours) => {
        expect(dueScorecardReminder(i, hours, s, "submitted", new Date(i.startsAt.getTime() + offsetHours * HOUR))).toBeNull();
      }),
    );
  });

  it("keeps its cadence in instants across the Europe/London change to summer time (24 h apart in UTC)", () => {
    // Friday 27 March 2026, 10:00 in London (GMT); clocks go forward on Sunday 29 March at 01:00 UTC.
    const friday = { startsAt: at("2026-03-27T10:00:00Z"), durationMinutes: 60, sequence: 0 };
    const overdue = scorecardCadence(friday, 24, DEFAULTS).filter((s) => s.kind === "scorecard.overdue");
    const gaps = overdue.slice(1).map((s, n) => s.at.getTime() - overdue[n]!.at.getTime());
    expect(gaps.every((g) => g === 24 * HOUR)).toBe(true);
    const london = (d: Date) => new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" }).format(d);
    // Due Saturday 11:00 UTC; the instants stay 24 h apart, so London's wall clock moves from 11:00 (GMT) to 12:00 (BST) on Sunday.
    expect(overdue.slice(0, 3).map((s) => s.at.toISOString())).toEqual(["2026-03-28T11:00:00.000Z", "2026-03-29T11:00:00.000Z", "2026-03-30T11:00:00.000Z"]);
    expect(overdue.slice(0, 3).map((s) => london(s.at))).toEqual(["11:00", "12:00", "12:00"]);
  });
});

describe("the checkpoint reminder", () => {
  it("is due from the checkpoint's due time while the project is launched", () => {
    const due = at("2026-04-01T00:00:00Z");
    expect(checkpointReminderDue({ status: "launched", checkpointDueAt: due }, at("2026-03-31T23:59:59Z"))).toBe(false);
    expect(checkpointReminderDue({ status: "launched", checkpointDueAt: due }, due)).toBe(true);
    expect(checkpointReminderDue({ status: "live", checkpointDueAt: due }, at("2026-05-01T00:00:00Z"))).toBe(false);
    expect(checkpointReminderDue({ status: "launched", checkpointDueAt: null }, at("2026-05-01T00:00:00Z"))).toBe(false);
  });
});

describe("notification groups", () => {
  it("put every kind in exactly one group", () => {
    const grouped = NOTIFICATION_GROUPS.flatMap((g) => g.kinds as readonly string[]);
    expect([...grouped].sort()).toEqual([...NOTIFICATION_KINDS].sort());
    expect(groupOf("loop.ready")).toBe("Hiring committee");
    expect(groupOf("project.checkpoint_due")).toBe("Projects");
  });
});

describe("the outbox list's address", () => {
  it("reads a state and a keyset cursor, and falls back to the first page of everything on anything else", () => {
    const cursor = { createdAt: at("2026-12-01T09:00:00Z"), id: "cm123abc" };
    expect(parseCursor(formatCursor(cursor))).toEqual(cursor);
    expect(parseOutboxQuery(new URLSearchParams(outboxSearch("failed", { direction: "before", at: cursor })))).toEqual({ status: "failed", cursor: { direction: "before", ...cursor } });
    expect(parseOutboxQuery(new URLSearchParams("status=bogus&before=x~y~z"))).toEqual({ status: null, cursor: null });
    expect(parseOutboxQuery(new URLSearchParams("after=99999999999999999999~a"))).toEqual({ status: null, cursor: null });
    expect(outboxSearch(null, null)).toBe("");
  });
});
