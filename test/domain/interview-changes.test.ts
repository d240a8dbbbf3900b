import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarFile, calendarMethodOf } from "~/domain/calendar";
import { applyInterviewChange, cancelledByLoopClosure, lockedReason, panelChange, type InterviewChange, type InterviewSnapshot } from "~/domain/interview-changes";
import { interviewerQueue, loopProgress, owedScorecards, type InterviewState } from "~/domain/loop";

const now = new Date("2026-11-21T12:00:00Z");
const hoursFromNow = (h: number) => new Date(now.getTime() + h * 3_600_000);
const snapshot = (over: Partial<InterviewSnapshot> = {}): InterviewSnapshot => ({
  startsAt: hoursFromNow(48),
  durationMinutes: 60,
  sequence: 3,
  cancelledAt: null,
  interviewerIds: ["ada", "bo"],
  submittedBy: [],
  loopClosedAt: null,
  ...over,
});

describe("closing a loop", () => {
  const now = new Date("2027-03-01T12:00:00Z");
  const interview = (minutesFromNow: number, over: Partial<{ cancelledAt: Date | null; submittedScorecards: number }> = {}) => ({
    startsAt: new Date(now.getTime() + minutesFromNow * 60_000),
    cancelledAt: null,
    submittedScorecards: 0,
    ...over,
  });

  it("cancels the interviews still ahead, and leaves those begun, written, or already cancelled", () => {
    expect(cancelledByLoopClosure(interview(1), now)).toBe(true);
    expect(cancelledByLoopClosure(interview(0), now)).toBe(false); // starting now: it has begun
    expect(cancelledByLoopClosure(interview(-30), now)).toBe(false);
    expect(cancelledByLoopClosure(interview(60, { submittedScorecards: 1 }), now)).toBe(false);
    expect(cancelledByLoopClosure(interview(60, { cancelledAt: new Date(now.getTime() - 1) }), now)).toBe(false);
  });

  it("never cancels an interview that has begun, whatever else holds", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 0 }), fc.nat(3), fc.boolean(), (minutes, submitted, cancelled) => {
        expect(cancelledByLoopClosure(interview(minutes, { submittedScorecards: submitted, cancelledAt: cancelled ? now : null }), now)).toBe(false);
      }),
    );
  });
});

describe("rescheduling", () => {
  it("moves the interview, raises the sequence by one and sends the new time (REQUEST) to the whole panel", () => {
    const outcome = applyInterviewChange(snapshot(), { kind: "reschedule", basedOn: 3, startsAt: hoursFromNow(72), durationMinutes: 90 }, now);
    expect(outcome).toMatchObject({
      ok: true,
      next: { startsAt: hoursFromNow(72), durationMinutes: 90, sequence: 4 },
      messages: [{ kind: "interview.moved", recipients: ["ada", "bo"], method: "REQUEST", attendees: ["ada", "bo"], sequence: 4 }],
    });
  });

  it("refuses a form loaded at another version (409): someone changed it meanwhile", () => {
    expect(applyInterviewChange(snapshot(), { kind: "reschedule", basedOn: 2, startsAt: hoursFromNow(72), durationMinutes: 60 }, now)).toMatchObject({ ok: false, status: 409, message: expect.stringContaining("changed by someone else") });
  });

  it("moves an interview still ahead only to a time from the current minute on", () => {
    const past = applyInterviewChange(snapshot(), { kind: "reschedule", basedOn: 3, startsAt: hoursFromNow(-1), durationMinutes: 60 }, now);
    expect(past).toMatchObject({ ok: false, status: 400, field: "startsAtLocal" });
    // The current minute, typed a few seconds after it began, is not the past.
    const thisMinute = applyInterviewChange(snapshot(), { kind: "reschedule", basedOn: 3, startsAt: now, durationMinutes: 60 }, new Date(now.getTime() + 40_000));
    expect(thisMinute.ok).toBe(true);
  });

  it("lets an interview that has begun be set to any time: correcting when it took place, or rebooking it", () => {
    const begun = snapshot({ startsAt: hoursFromNow(-3) });
    expect(applyInterviewChange(begun, { kind: "reschedule", basedOn: 3, startsAt: hoursFromNow(-4), durationMinutes: 60 }, now).ok).toBe(true);
    expect(applyInterviewChange(begun, { kind: "reschedule", basedOn: 3, startsAt: hoursFromNow(24), durationMinutes: 60 }, now).ok).toBe(true);
  });

  it("refuses a change that changes nothing (400)", () => {
    const current = snapshot();
    expect(applyInterviewChange(current, { kind: "reschedule", basedOn: 3, startsAt: current.startsAt, durationMinutes: 60 }, now)).toMatchObject({ ok: false, status: 400 });
    expect(applyInterviewChange(current, { kind: "reschedule", basedOn: 3, startsAt: current.startsAt, durationMinutes: 45 }, now).ok).toBe(true);
  });

  it("refuses to move or cancel an interview with a submitted scorecard (it took place), but its panel can change", () => {
    const tookPlace = snapshot({ startsAt: hoursFromNow(-30), submittedBy: ["ada"] });
    expect(applyInterviewChange(tookPlace, { kind: "reschedule", basedOn: 3, startsAt: hoursFromNow(5), durationMinutes: 60 }, now)).toMatchObject({ ok: false, status: 409 });
    expect(applyInterviewChange(tookPlace, { kind: "cancel", basedOn: 3, reason: "No-show" }, now)).toMatchObject({ ok: false, status: 409 });
    expect(applyInterviewChange(tookPlace, { kind: "reassign", basedOn: 3, interviewerIds: ["bo"] }, now).ok).toBe(true);
  });
});

describe("cancelling", () => {
  it("cancels for the whole panel with a CANCEL at the next sequence", () => {
    expect(applyInterviewChange(snapshot(), { kind: "cancel", basedOn: 3, reason: "Candidate withdrew" }, now)).toMatchObject({
      ok: true,
      next: { cancelledAt: now, sequence: 4 },
      messages: [{ kind: "interview.cancelled", recipients: ["ada", "bo"], method: "CANCEL", attendees: ["ada", "bo"], sequence: 4 }],
    });
  });

  it("a cancelled interview, or one of a closed loop, takes no change at all (409), whatever version the form names", () => {
    const cancelled = snapshot({ cancelledAt: hoursFromNow(-1) });
    const closed = snapshot({ loopClosedAt: hoursFromNow(-1) });
    const changes: InterviewChange[] = [
      { kind: "reschedule", basedOn: 3, startsAt: hoursFromNow(80), durationMinutes: 60 },
      { kind: "cancel", basedOn: 3, reason: "again" },
      { kind: "reassign", basedOn: 3, interviewerIds: ["cy"] },
    ];
    for (const change of changes) {
      expect(applyInterviewChange(cancelled, change, now)).toMatchObject({ ok: false, status: 409, message: expect.stringContaining("cancelled") });
      expect(applyInterviewChange(closed, change, now)).toMatchObject({ ok: false, status: 409, message: expect.stringContaining("closed") });
    }
    expect(lockedReason({ cancelledAt: null, loopClosedAt: null, candidateErasedAt: now })).toContain("erased");
    expect(lockedReason({ cancelledAt: null, loopClosedAt: null, candidateErasedAt: null })).toBeNull();
  });
});

describe("reassigning", () => {
  it("invites those added (REQUEST listing the new panel) and calls it off for those taken off (CANCEL listing only them), at the next sequence", () => {
    expect(applyInterviewChange(snapshot(), { kind: "reassign", basedOn: 3, interviewerIds: ["bo", "cy", "cy"] }, now)).toEqual({
      ok: true,
      next: expect.objectContaining({ interviewerIds: ["bo", "cy"], sequence: 4 }),
      added: ["cy"],
      removed: ["ada"],
      messages: [
        { kind: "interview.assigned", recipients: ["cy"], method: "REQUEST", attendees: ["bo", "cy"], sequence: 4 },
        { kind: "interview.unassigned", recipients: ["ada"], method: "CANCEL", attendees: ["ada"], sequence: 4 },
      ],
    });
  });

  it("refuses the same panel, or nobody (400)", () => {
    expect(applyInterviewChange(snapshot(), { kind: "reassign", basedOn: 3, interviewerIds: ["bo", "ada"] }, now)).toMatchObject({ ok: false, status: 400, field: "interviewerIds" });
    expect(applyInterviewChange(snapshot(), { kind: "reassign", basedOn: 3, interviewerIds: [] }, now)).toMatchObject({ ok: false, status: 400, field: "interviewerIds" });
  });

  it("panelChange: who joins and who leaves", () => {
    expect(panelChange(["a", "b"], ["b", "c"])).toEqual({ added: ["c"], removed: ["a"] });
    expect(panelChange(["a"], ["a"])).toEqual({ added: [], removed: [] });
  });
});

const PEOPLE = ["ada", "bo", "cy", "di"];
const changeArb = (sequence: () => number): fc.Arbitrary<InterviewChange> =>
  fc.oneof(
    fc.record({ hours: fc.integer({ min: -48, max: 400 }), duration: fc.constantFrom(30, 45, 60, 90), stale: fc.boolean() }).map(({ hours, duration, stale }) => ({
      kind: "reschedule" as const,
      basedOn: stale ? sequence() - 1 : sequence(),
      startsAt: hoursFromNow(hours),
      durationMinutes: duration,
    })),
    fc.subarray(PEOPLE).map((ids) => ({ kind: "reassign" as const, basedOn: sequence(), interviewerIds: ids })),
    fc.constant(null).map(() => ({ kind: "cancel" as const, basedOn: sequence(), reason: "Off" })),
  );

describe("the sequence and what each calendar holds (property)", () => {
  it("the sequence only rises, by one per accepted change; each person's calendar only ever receives higher ones, and ends holding the event exactly when they are on the panel of an interview not cancelled", () => {
    fc.assert(
      fc.property(fc.subarray(PEOPLE, { minLength: 1 }), fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 12 }), (panel, seeds) => {
        let current = snapshot({ sequence: 0, interviewerIds: panel });
        // What each person's calendar holds: the invitation sent when it was scheduled (SEQUENCE 0).
        const calendars = new Map<string, { method: "REQUEST" | "CANCEL"; sequence: number }>(panel.map((p) => [p, { method: "REQUEST", sequence: 0 }]));
        for (const seed of seeds) {
          const [change] = fc.sample(changeArb(() => current.sequence), { seed, numRuns: 1 });
          const outcome = applyInterviewChange(current, change!, now);
          if (!outcome.ok) continue;
          expect(outcome.next.sequence).toBe(current.sequence + 1);
          for (const message of outcome.messages) {
            expect(message.sequence).toBe(outcome.next.sequence);
            for (const person of message.recipients) {
              const held = calendars.get(person);
              if (held) expect(message.sequence).toBeGreaterThan(held.sequence);
              calendars.set(person, { method: message.method, sequence: message.sequence });
            }
          }
          current = outcome.next;
        }
        for (const [person, held] of calendars) {
          const holdsIt = !current.cancelledAt && current.interviewerIds.includes(person);
          expect(held.method).toBe(holdsIt ? "REQUEST" : "CANCEL");
        }
        for (const person of current.interviewerIds) expect(calendars.has(person)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("a cancellation as an iCalendar file", () => {
  const event = {
    uid: "interview-1@builder-ladder",
    start: new Date("2026-12-01T13:30:00Z"),
    end: new Date("2026-12-01T14:30:00Z"),
    summary: "Interview: Live build",
    description: "Cancelled",
    attendees: [{ name: "Ada Lovelace", email: "ada@example.com" }],
    organizer: { name: "Rita", email: "rita@example.com" },
    now: new Date("2026-11-21T12:00:00Z"),
  };

  it("is METHOD:CANCEL with STATUS:CANCELLED and its sequence, and needs an organizer", () => {
    const text = calendarFile({ ...event, method: "CANCEL", sequence: 5 });
    expect(text).toContain("METHOD:CANCEL\r\n");
    expect(text).toContain("STATUS:CANCELLED\r\n");
    expect(text).toContain("SEQUENCE:5\r\n");
    expect(text.replace(/\r\n /g, "")).toContain('ATTENDEE;CN="Ada Lovelace";ROLE=REQ-PARTICIPANT:mailto:ada@example.com\r\n');
    expect(calendarFile({ ...event, method: "REQUEST", sequence: 5 })).not.toContain("STATUS:CANCELLED");
    expect(() => calendarFile({ ...event, organizer: undefined, method: "CANCEL" })).toThrow(/organizer/);
  });

  it("calendarMethodOf reads back the METHOD a file was written with, whatever its text", () => {
    fc.assert(
      fc.property(fc.constantFrom("PUBLISH" as const, "REQUEST" as const, "CANCEL" as const), fc.string({ maxLength: 200 }), (method, text) => {
        expect(calendarMethodOf(calendarFile({ ...event, method, summary: text, description: text }))).toBe(method);
      }),
    );
    expect(calendarMethodOf("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")).toBeNull();
  });
});

describe("cancelled interviews leave the loop's rules", () => {
  const interview = (over: Partial<InterviewState>): InterviewState => ({ id: "i1", stageId: "s1", startsAt: hoursFromNow(-30), durationMinutes: 60, interviewerIds: ["a"], scorecards: {}, ...over });

  it("owe no scorecard, and neither complete nor hold up their stage", () => {
    const cancelled = interview({ id: "c", cancelledAt: hoursFromNow(-40) });
    expect(owedScorecards([cancelled], 24, now)).toEqual([]);
    expect(owedScorecards([{ ...cancelled, cancelledAt: null }], 24, now)).toHaveLength(1);
    // Its stage's only interview is cancelled: the stage is not scheduled.
    expect(loopProgress([{ id: "s1" }], { s1: 1 }, [cancelled], now).stages[0]!.status).toBe("not_scheduled");
    // Beside a held interview with its scorecard in, the stage is complete.
    const done = interview({ id: "d", scorecards: { a: "submitted" } });
    expect(loopProgress([{ id: "s1" }], { s1: 1 }, [cancelled, done], now).complete).toBe(true);
  });

  it("leave the interviewer's queue", () => {
    const base = { interviewId: "i", startsAt: hoursFromNow(-30), durationMinutes: 60, dueHours: 24, scorecard: null };
    const queue = interviewerQueue([{ ...base, cancelledAt: hoursFromNow(-40) }, { ...base, interviewId: "j" }], now);
    expect([...queue.upcoming, ...queue.toWrite, ...queue.drafts, ...queue.overdue].map((e) => e.interviewId)).toEqual(["j"]);
  });
});
