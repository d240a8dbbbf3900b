import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { approvalQueue, dueWork, GRACE_DAYS, nextScheduledWork, pastDecisionDate, UPCOMING_DAYS, urgencyOf, type ProjectTimeline, type Urgency } from "~/domain/project/due";
import type { ProjectProcess } from "~/domain/rubric/schema";
import { PROJECT_MODES, PROJECT_STATUSES } from "~/domain/project/workflow";

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

const PROCESS: ProjectProcess = {
  prd: { required_sections: [{ id: "problem", heading: "Problem", guidance: "The problem." }], satellite_approver: "anyone" },
  min_success_metrics: 1,
  checkpoint_after_days: 28,
  quarterly_review_every_days: 91,
  founder_mode: { decision_date_required: true, max_decision_days: 365 },
  demos: { cadence_days: 7 },
};

const timeline = (overrides: Partial<ProjectTimeline> = {}): ProjectTimeline => ({
  status: "launched",
  launchedAt: at("2026-03-02T10:00:00Z"),
  checkpointRecordedAt: null,
  lastReview: null,
  ...overrides,
});

// Moments from 2000 to 2100, to the millisecond.
const moment = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));
const ORDER: Array<Urgency | null> = [null, "upcoming", "due", "overdue"];

describe("urgency", () => {
  const dueAt = at("2026-03-30T10:00:00Z");

  it("is nothing until the last seven days before the date, then upcoming", () => {
    expect(UPCOMING_DAYS).toBe(7);
    expect(urgencyOf(dueAt, plus(dueAt, -7 * DAY - 1))).toBeNull();
    expect(urgencyOf(dueAt, plus(dueAt, -7 * DAY))).toBeNull();
    expect(urgencyOf(dueAt, plus(dueAt, -7 * DAY + 1))).toBe("upcoming");
    expect(urgencyOf(dueAt, plus(dueAt, -1))).toBe("upcoming");
  });

  it("is due from the moment itself for seven days, then overdue", () => {
    expect(GRACE_DAYS).toBe(7);
    expect(urgencyOf(dueAt, dueAt)).toBe("due");
    expect(urgencyOf(dueAt, plus(dueAt, 7 * DAY - 1))).toBe("due");
    expect(urgencyOf(dueAt, plus(dueAt, 7 * DAY))).toBe("overdue");
    expect(urgencyOf(dueAt, plus(dueAt, 400 * DAY))).toBe("overdue");
  });

  it("only ever moves forward as time passes: nothing → upcoming → due → overdue", () => {
    fc.assert(
      fc.property(moment, moment, moment, (due, a, b) => {
        const [earlier, later] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
        expect(ORDER.indexOf(urgencyOf(due, earlier))).toBeLessThanOrEqual(ORDER.indexOf(urgencyOf(due, later)));
      }),
    );
  });

  it("is due or overdue exactly from the date on", () => {
    fc.assert(
      fc.property(moment, moment, (due, now) => {
        const u = urgencyOf(due, now);
        expect(u === "due" || u === "overdue").toBe(now.getTime() >= due.getTime());
      }),
    );
  });
});

describe("the next scheduled work", () => {
  it("is the checkpoint, checkpoint_after_days after launch, while the project is launched", () => {
    expect(nextScheduledWork(timeline(), PROCESS)).toEqual({ kind: "checkpoint", dueAt: at("2026-03-30T10:00:00Z") });
    expect(nextScheduledWork(timeline(), { ...PROCESS, checkpoint_after_days: 14 })?.dueAt).toEqual(at("2026-03-16T10:00:00Z"));
  });

  it("is a quarterly review once live: a review period after the checkpoint, then the date the last review set", () => {
    const live = timeline({ status: "live", checkpointRecordedAt: at("2026-04-01T09:00:00Z") });
    expect(nextScheduledWork(live, PROCESS)).toEqual({ kind: "review", dueAt: at("2026-07-01T09:00:00Z") });
    const reviewed = { ...live, lastReview: { nextReviewOn: at("2026-06-15T00:00:00Z") } };
    expect(nextScheduledWork(reviewed, PROCESS)).toEqual({ kind: "review", dueAt: at("2026-06-15T00:00:00Z") });
  });

  it("is nothing before launch and once closed", () => {
    for (const status of ["draft", "submitted", "changes_requested", "approved", "closed"] as const) {
      expect(nextScheduledWork(timeline({ status, launchedAt: status === "closed" ? at("2026-01-01T00:00:00Z") : null }), PROCESS)).toBeNull();
    }
  });
});

describe("due work", () => {
  const launched = timeline();
  const checkpointAt = at("2026-03-30T10:00:00Z");

  it("shows the checkpoint as upcoming in its last week, due on the day, overdue a week later, with the days late", () => {
    expect(dueWork(launched, PROCESS, plus(checkpointAt, -8 * DAY))).toBeNull();
    expect(dueWork(launched, PROCESS, plus(checkpointAt, -2 * DAY))).toEqual({ kind: "checkpoint", dueAt: checkpointAt, urgency: "upcoming", daysLate: 0 });
    expect(dueWork(launched, PROCESS, checkpointAt)).toEqual({ kind: "checkpoint", dueAt: checkpointAt, urgency: "due", daysLate: 0 });
    expect(dueWork(launched, PROCESS, plus(checkpointAt, 3 * DAY + 5))).toMatchObject({ urgency: "due", daysLate: 3 });
    expect(dueWork(launched, PROCESS, plus(checkpointAt, 10 * DAY))).toMatchObject({ urgency: "overdue", daysLate: 10 });
  });

  it("after launch plus 28 days the checkpoint is due (the e2e journey's clock move)", () => {
    expect(dueWork(launched, PROCESS, plus(launched.launchedAt!, 28 * DAY))?.urgency).toBe("due");
    expect(dueWork(launched, PROCESS, plus(launched.launchedAt!, 28 * DAY - 1))?.urgency).toBe("upcoming");
  });

  it("never reports days late before the date, and never work for a project with nothing scheduled", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROJECT_STATUSES), fc.option(moment, { nil: null }), fc.option(moment, { nil: null }), moment, (status, launchedAt, checkpointRecordedAt, now) => {
        const project = timeline({ status, launchedAt, checkpointRecordedAt });
        const work = dueWork(project, PROCESS, now);
        const next = nextScheduledWork(project, PROCESS);
        if (!next) {
          expect(work).toBeNull();
          return;
        }
        if (!work) {
          expect(urgencyOf(next.dueAt, now)).toBeNull();
          return;
        }
        expect(work.dueAt).toEqual(next.dueAt);
        expect(work.daysLate).toBeGreaterThanOrEqual(0);
        if (now.getTime() < next.dueAt.getTime()) expect(work.daysLate).toBe(0);
        else expect(work.daysLate).toBe(Math.floor((now.getTime() - next.dueAt.getTime()) / DAY));
      }),
    );
  });
});

describe("a founder-mode project past its decision date", () => {
  const founder = { mode: "founder" as const, status: "live" as const, decisionDate: at("2026-03-10T00:00:00Z") };

  it("passes when the decision day has ended (UTC), not during it", () => {
    expect(pastDecisionDate(founder, at("2026-03-09T12:00:00Z"))).toBe(false);
    expect(pastDecisionDate(founder, at("2026-03-10T00:00:00Z"))).toBe(false);
    expect(pastDecisionDate(founder, at("2026-03-10T23:59:59.999Z"))).toBe(false);
    expect(pastDecisionDate(founder, at("2026-03-11T00:00:00Z"))).toBe(true);
    expect(pastDecisionDate(founder, at("2027-01-01T00:00:00Z"))).toBe(true);
  });

  it("never applies to a satellite, a closed project or one without a date", () => {
    const late = at("2027-01-01T00:00:00Z");
    expect(pastDecisionDate({ ...founder, mode: "satellite" }, late)).toBe(false);
    expect(pastDecisionDate({ ...founder, status: "closed" }, late)).toBe(false);
    expect(pastDecisionDate({ ...founder, decisionDate: null }, late)).toBe(false);
  });

  it("holds for an open founder project exactly from the day after its date", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROJECT_MODES), fc.constantFrom(...PROJECT_STATUSES), moment, moment, (mode, status, dateMoment, now) => {
        const decisionDate = new Date(Date.UTC(dateMoment.getUTCFullYear(), dateMoment.getUTCMonth(), dateMoment.getUTCDate()));
        const expected = mode === "founder" && status !== "closed" && now.getTime() >= decisionDate.getTime() + DAY;
        expect(pastDecisionDate({ mode, status, decisionDate }, now)).toBe(expected);
      }),
    );
  });
});

describe("the approval queue", () => {
  const now = at("2026-03-20T12:00:00Z");

  it("lists the oldest PRD first, with its age in whole days", () => {
    const queue = approvalQueue(
      [
        { id: "recent", awaitingSince: at("2026-03-20T08:00:00Z") },
        { id: "oldest", awaitingSince: at("2026-03-10T12:00:00Z") },
        { id: "three", awaitingSince: at("2026-03-17T11:59:59Z") },
        { id: "almost-three", awaitingSince: at("2026-03-17T12:00:01Z") },
      ],
      now,
    );
    expect(queue.map((p) => [p.id, p.ageDays])).toEqual([
      ["oldest", 10],
      ["three", 3],
      ["almost-three", 2],
      ["recent", 0],
    ]);
  });

  it("counts a PRD sent after `now` (a clock moved back) as zero days old, and leaves its input as it was", () => {
    const input = [{ id: "b", awaitingSince: at("2026-03-25T00:00:00Z") }, { id: "a", awaitingSince: at("2026-03-01T00:00:00Z") }];
    const queue = approvalQueue(input, now);
    expect(queue.map((p) => [p.id, p.ageDays])).toEqual([["a", 19], ["b", 0]]);
    expect(input.map((p) => p.id)).toEqual(["b", "a"]);
  });

  it("for any PRDs: the same ones, oldest first, ages never negative and never increasing down the list", () => {
    fc.assert(
      fc.property(fc.array(moment, { maxLength: 30 }), moment, (sinces, at) => {
        const queue = approvalQueue(sinces.map((awaitingSince, i) => ({ id: i, awaitingSince })), at);
        expect(queue.map((p) => p.id).sort((x, y) => x - y)).toEqual(sinces.map((_, i) => i));
        queue.forEach((p, i) => {
          expect(p.ageDays).toBeGreaterThanOrEqual(0);
          expect(p.ageDays).toBe(Math.max(0, Math.floor((at.getTime() - p.awaitingSince.getTime()) / DAY)));
          if (i > 0) {
            expect(queue[i - 1]!.awaitingSince.getTime()).toBeLessThanOrEqual(p.awaitingSince.getTime());
            expect(queue[i - 1]!.ageDays).toBeGreaterThanOrEqual(p.ageDays);
          }
        });
      }),
    );
  });
});
