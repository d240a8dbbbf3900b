import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loopAccess } from "~/domain/loop-access";
import { interviewerQueue, interviewHasBegun, loopProgress, notBegunMessage, owedScorecards, scorecardDueAt, stageStatus, type InterviewState } from "~/domain/loop";
import { canReadScorecard } from "~/domain/scorecard/visibility";

const now = new Date("2026-11-21T12:00:00Z");
const hoursFromNow = (h: number) => new Date(now.getTime() + h * 3600_000);
const interview = (over: Partial<InterviewState>): InterviewState => ({
  id: "i1", stageId: "s1", startsAt: hoursFromNow(-2), durationMinutes: 60, interviewerIds: ["a", "b"], scorecards: {}, ...over,
});

describe("stage status", () => {
  it("walks from not scheduled to scheduled, awaiting scorecards and complete", () => {
    expect(stageStatus([], 2, now)).toBe("not_scheduled");
    expect(stageStatus([interview({ startsAt: hoursFromNow(5) })], 2, now)).toBe("scheduled");
    expect(stageStatus([interview({ scorecards: { a: "submitted", b: "draft" } })], 2, now)).toBe("awaiting_scorecards");
    expect(stageStatus([interview({ scorecards: { a: "submitted", b: "submitted" } })], 2, now)).toBe("complete");
  });

  it("needs as many submitted scorecards as the rubric says, across the stage's interviews", () => {
    const two = [interview({ id: "x", interviewerIds: ["a"], scorecards: { a: "submitted" } }), interview({ id: "y", interviewerIds: ["b"], scorecards: { b: "submitted" } })];
    expect(stageStatus(two, 2, now)).toBe("complete");
    expect(stageStatus(two, 3, now)).toBe("awaiting_scorecards");
  });

  it("a loop is complete only when every stage is", () => {
    const stages = [{ id: "s1" }, { id: "s2" }];
    const done = interview({ scorecards: { a: "submitted" } });
    expect(loopProgress(stages, { s1: 1, s2: 1 }, [done], now).complete).toBe(false);
    expect(loopProgress(stages, { s1: 1, s2: 1 }, [done, { ...done, id: "i2", stageId: "s2" }], now).complete).toBe(true);
  });
});

describe("due times and what is owed", () => {
  it("makes a scorecard due the rubric's hours after the interview ends", () => {
    expect(scorecardDueAt({ startsAt: new Date("2026-11-20T09:00:00Z"), durationMinutes: 90 }, 24).toISOString()).toBe("2026-11-21T10:30:00.000Z");
  });

  it("lists unsubmitted scorecards of interviews that have begun, soonest due first, marking overdue ones", () => {
    const owed = owedScorecards(
      [
        interview({ id: "old", startsAt: hoursFromNow(-30), scorecards: { a: "submitted", b: "draft" } }),
        interview({ id: "recent", startsAt: hoursFromNow(-2) }),
        interview({ id: "future", startsAt: hoursFromNow(20) }),
      ],
      24,
      now,
    );
    expect(owed.map((o) => [o.interviewId, o.interviewerId, o.overdue, o.started])).toEqual([
      ["old", "b", true, true],
      ["recent", "a", false, false],
      ["recent", "b", false, false],
    ]);
  });

  it("sorts an interviewer's work into overdue, to write, drafts and upcoming", () => {
    const base = { durationMinutes: 60, dueHours: 24 };
    const queue = interviewerQueue(
      [
        { ...base, interviewId: "late", startsAt: hoursFromNow(-40), scorecard: { status: "draft" as const, draftSavedAt: hoursFromNow(-39) } },
        { ...base, interviewId: "fresh", startsAt: hoursFromNow(-3), scorecard: null },
        { ...base, interviewId: "typing", startsAt: hoursFromNow(-5), scorecard: { status: "draft" as const, draftSavedAt: hoursFromNow(-1) } },
        { ...base, interviewId: "soon", startsAt: hoursFromNow(26), scorecard: null },
        { ...base, interviewId: "done", startsAt: hoursFromNow(-50), scorecard: { status: "submitted" as const, draftSavedAt: null } },
      ],
      now,
    );
    const ids = (list: Array<{ interviewId: string }>) => list.map((x) => x.interviewId);
    expect([ids(queue.overdue), ids(queue.toWrite), ids(queue.drafts), ids(queue.upcoming)]).toEqual([["late"], ["fresh"], ["typing"], ["soon"]]);
  });

  it("never loses or duplicates an unsubmitted assignment", () => {
    const arb = fc.array(
      fc.record({
        interviewId: fc.uuid(),
        startsAt: fc.integer({ min: -100, max: 100 }).map(hoursFromNow),
        durationMinutes: fc.constantFrom(45, 60, 90),
        dueHours: fc.constantFrom(12, 24, 48),
        scorecard: fc.option(fc.record({ status: fc.constantFrom("draft" as const, "submitted" as const), draftSavedAt: fc.option(fc.constant(now), { nil: null }) }), { nil: null }),
      }),
    );
    fc.assert(
      fc.property(arb, (assignments) => {
        const q = interviewerQueue(assignments, now);
        const placed = [...q.overdue, ...q.toWrite, ...q.drafts, ...q.upcoming].map((x) => x.interviewId).sort();
        const open = assignments.filter((a) => a.scorecard?.status !== "submitted").map((a) => a.interviewId).sort();
        expect(placed).toEqual(open);
      }),
    );
  });
});

describe("who sees what on a loop", () => {
  const interviewerViewer = { id: "a", roles: ["interviewer" as const] };

  it("keeps an interviewer from others' scorecards until all theirs are submitted", () => {
    const others = { interviewerId: "b", status: "submitted" as const };
    expect(canReadScorecard(interviewerViewer, others, { assignedInterviews: 2, submittedScorecards: 1 })).toBe(false);
    expect(canReadScorecard(interviewerViewer, others, { assignedInterviews: 2, submittedScorecards: 2 })).toBe(true);
    expect(canReadScorecard(interviewerViewer, { interviewerId: "b", status: "draft" }, { assignedInterviews: 1, submittedScorecards: 1 })).toBe(false);
    expect(canReadScorecard(interviewerViewer, { interviewerId: "a", status: "draft" }, { assignedInterviews: 1, submittedScorecards: 0 })).toBe(true);
  });

  it("lets committees read submitted scorecards and recruiters none", () => {
    const submitted = { interviewerId: "b", status: "submitted" as const };
    const none = { assignedInterviews: 0, submittedScorecards: 0 };
    expect(canReadScorecard({ id: "h", roles: ["hiring_committee"] }, submitted, none)).toBe(true);
    expect(canReadScorecard({ id: "r", roles: ["recruiter"] }, submitted, none)).toBe(false);
    expect(canReadScorecard({ id: "m", roles: ["admin"] }, { ...submitted, status: "draft" }, none)).toBe(false);
  });

  it("opens a loop to its interviewers, recruiters, committees and admins only", () => {
    const none = { assignedInterviews: 0, submittedScorecards: 0 };
    expect(loopAccess({ id: "x", roles: ["interviewer"] }, none)).toBeNull();
    expect(loopAccess({ id: "x", roles: ["builder", "manager"] }, none)).toBeNull();
    expect(loopAccess({ id: "x", roles: ["interviewer"] }, { assignedInterviews: 1, submittedScorecards: 0 })).toEqual({ canManage: false, isInterviewer: true, canSeePanel: false });
    expect(loopAccess({ id: "x", roles: ["recruiter"] }, none)).toEqual({ canManage: true, isInterviewer: false, canSeePanel: false });
    expect(loopAccess({ id: "x", roles: ["hiring_committee"] }, none)).toEqual({ canManage: false, isInterviewer: false, canSeePanel: true });
  });
});


describe("when an interview has taken place", () => {
  it("from its start on: a scorecard can be submitted at the start, not a millisecond before", () => {
    const startsAt = hoursFromNow(0);
    expect(interviewHasBegun({ startsAt }, now)).toBe(true);
    expect(interviewHasBegun({ startsAt: new Date(now.getTime() + 1) }, now)).toBe(false);
    expect(interviewHasBegun({ startsAt: hoursFromNow(-0.5) }, now)).toBe(true); // under way, not yet ended
    expect(notBegunMessage(new Date("2027-07-01T08:00:00Z"))).toBe(
      "This interview begins Thu, 1 Jul 2027, 08:00 UTC: its scorecard can be submitted once it has begun. Until then your draft keeps saving.",
    );
  });

  it("agrees with what is owed: a scorecard is owed exactly for the interviews that have begun (generated)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -48, max: 48 }), { maxLength: 8 }), (offsets) => {
        const interviews = offsets.map((h, n) => interview({ id: `i${n}`, startsAt: hoursFromNow(h), interviewerIds: ["a"] }));
        const owed = new Set(owedScorecards(interviews, 24, now).map((o) => o.interviewId));
        for (const i of interviews) expect(owed.has(i.id)).toBe(interviewHasBegun(i, now));
      }),
    );
  });
});
