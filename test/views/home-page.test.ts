import { describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import { homePage, homeSections, IN_REVIEW_SHOWN, type HomeBuilder, type HomePacket, type HomeProject, type HomeRecords } from "~/views/home-page";
import { process } from "./project-fixtures";

/** The home's view over plain records: no database. */
const NOW = new Date("2026-03-10T12:00:00Z");
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
const days = (n: number) => hours(24 * n);

const NOTHING: HomeRecords = {
  name: "Sam Someone",
  ownRecord: null,
  reports: null,
  roster: null,
  candidates: null,
  candidatesTotal: null,
  people: null,
  assigned: null,
  openLoops: null,
  review: null,
  ownPackets: null,
  reportPackets: null,
  packetQueue: null,
  statementRequests: [],
  projects: { awaiting: [], owned: null, reports: null, escalated: [] },
};

const builder = (userId: string, level: HomeBuilder["level"] = "L5"): HomeBuilder => ({
  userId,
  name: userId,
  email: `${userId}@example.com`,
  level,
  track: "builder",
  managerId: "mia",
  managerName: "Mia",
  startedAt: days(-400),
});

const packet = (id: string, status: HomePacket["status"], updatedAt: Date, extra: Partial<HomePacket> = {}): HomePacket => ({
  id,
  builderId: "bo",
  builderName: "Bo",
  managerId: "mia",
  managerName: "Mia",
  fromLevel: "L5",
  targetLevel: "L6",
  status,
  evidenceCount: 2,
  createdAt: days(-30),
  updatedAt,
  submittedAt: status === "draft" ? null : updatedAt,
  outcome: status === "decided" ? "promoted" : null,
  ...extra,
});

const project = (id: string, extra: Partial<HomeProject> = {}): HomeProject => ({
  id,
  title: `Project ${id}`,
  mode: "satellite",
  status: "submitted",
  owner: { id: "bo", name: "Bo" },
  launchedAt: null,
  decisionDate: null,
  updatedAt: days(-3),
  blocked: null,
  checkpointRecordedAt: null,
  lastReview: null,
  awaitingSince: days(-3),
  process,
  ...extra,
});

const interview = (interviewId: string, startsAt: Date, scorecard: NonNullable<HomeRecords["assigned"]>[number]["scorecard"] = null) => ({
  interviewId,
  loopId: "loop-1",
  candidateName: "Cara",
  stageId: "technical",
  stageName: "Technical",
  startsAt,
  durationMinutes: 60,
  dueHours: 24,
  scorecard,
});

describe("the home page's view", () => {
  it("reads only the sections a role can have", () => {
    const sections = (roles: Role[]) => Object.entries(homeSections(roles)).filter(([, on]) => on).map(([name]) => name).sort();
    expect(sections(["interviewer"])).toEqual(["assigned"]);
    expect(sections(["builder"])).toEqual(["ownPackets", "ownProjects", "ownRecord"]);
    expect(sections(["manager"])).toEqual(expect.arrayContaining(["reportPackets", "reportProjects", "reports"]));
    expect(sections(["recruiter"])).toEqual(expect.arrayContaining(["candidates", "openLoops"]));
    expect(sections(["hiring_committee"])).toEqual(expect.arrayContaining(["review"]));
    expect(sections(["admin"])).toEqual(expect.arrayContaining(["people"]));
  });

  it("gives an interviewer their queue: overdue, to write, drafts and upcoming; submitted ones drop out", () => {
    const page = homePage(
      {
        ...NOTHING,
        assigned: [
          interview("late", hours(-48)),
          interview("write", hours(-2)),
          interview("draft", hours(-3), { id: "s1", status: "draft", draftSavedAt: hours(-1) }),
          interview("done", hours(-4), { id: "s2", status: "submitted", draftSavedAt: hours(-1) }),
          interview("soon", hours(5)),
        ],
      },
      NOW,
    );
    const ids = (items: Array<{ interviewId: string }>) => items.map((i) => i.interviewId);
    expect(page.queue && { overdue: ids(page.queue.overdue), toWrite: ids(page.queue.toWrite), drafts: ids(page.queue.drafts), upcoming: ids(page.queue.upcoming) }).toEqual({
      overdue: ["late"],
      toWrite: ["write"],
      drafts: ["draft"],
      upcoming: ["soon"],
    });
    // The scorecard is due a day after the interview ends.
    expect(page.queue!.upcoming[0]!.dueAt).toEqual(hours(5 + 1 + 24));
    expect(page).toMatchObject({ name: "Sam Someone", owed: null, inReview: null, ownPromotion: null, candidates: null, people: null, roster: null, reports: null });
  });

  it("gives a builder their record, their promotion and their projects", () => {
    const launched = project("p1", { status: "launched", launchedAt: days(-27), awaitingSince: null });
    const open = packet("open", "draft", days(-1));
    const decided = packet("old", "decided", days(-100));
    const page = homePage({ ...NOTHING, ownRecord: builder("bo"), ownPackets: [open, decided], projects: { awaiting: [], owned: [launched], reports: null, escalated: [] } }, NOW);
    expect(page.ownPromotion).toEqual({ userId: "bo", level: "L5", nextLevel: "L6", open, lastDecided: decided });
    expect(page.projects.own?.openCount).toBe(1);
    expect(page.projects.own?.due.map((d) => [d.id, d.kind, d.urgency])).toEqual([["p1", "checkpoint", "upcoming"]]);
    expect(page.projects.reports).toBeNull();
    expect(page.queue).toBeNull();
  });

  it("gives a manager their reports, their open packets and their projects", () => {
    const reports = [builder("ann"), builder("bob")];
    const blocked = project("p2", { status: "live", owner: { id: "ann", name: "Ann" }, checkpointRecordedAt: days(-200), blocked: { reason: "Waiting on legal", at: days(-2) }, awaitingSince: null });
    const page = homePage({ ...NOTHING, reports, reportPackets: [packet("a", "submitted", days(-2))], projects: { awaiting: [], owned: null, reports: [blocked], escalated: [] } }, NOW);
    expect(page.reports).toBe(reports);
    expect(page.reportPackets?.map((p) => p.id)).toEqual(["a"]);
    expect(page.projects.reports?.projects).toEqual([{ id: "p2", title: "Project p2", owner: { id: "ann", name: "Ann" }, status: "live", blocked: true }]);
    expect(page.projects.reports?.overdue.map((d) => d.kind)).toEqual(["review"]);
  });

  it("gives anyone the PRDs awaiting their approval (oldest first) and the blocks escalated to them, never the process", () => {
    const page = homePage(
      {
        ...NOTHING,
        projects: {
          awaiting: [project("new", { awaitingSince: days(-1) }), project("old", { awaitingSince: days(-5) })],
          owned: null,
          reports: null,
          escalated: [project("b", { status: "live", blocked: { reason: "Stuck", at: days(-4) }, awaitingSince: null })],
        },
      },
      NOW,
    );
    expect(page.projects.awaitingApproval.map((p) => [p.id, p.ageDays])).toEqual([
      ["old", 5],
      ["new", 1],
    ]);
    expect(page.projects.escalated).toEqual([{ id: "b", title: "Project b", owner: { id: "bo", name: "Bo" }, reason: "Stuck", since: days(-4) }]);
    expect(JSON.stringify(page)).not.toContain("checkpoint_after_days");
  });

  it("gives the promotion committee the packets awaiting review, the longest-waiting first", () => {
    const page = homePage({ ...NOTHING, packetQueue: [packet("recent", "submitted", days(-1)), packet("waiting", "in_review", days(-9))] }, NOW);
    expect(page.packetQueue?.map((p) => p.id)).toEqual(["waiting", "recent"]);
  });

  it("gives the hiring committee the loops in review it may see, by name, the first few and the total", () => {
    const rows = Array.from({ length: IN_REVIEW_SHOWN + 3 }, (_, i) => ({ loopId: `l${i}`, candidateName: `Cand ${String.fromCharCode(90 - i)}`, targetLevel: "L5", status: "in_review" }));
    rows.push({ loopId: "busy", candidateName: "Aaron", targetLevel: "L6", status: "in_progress" });
    // The viewer still owes a scorecard on l0: it is left out (independence).
    const page = homePage({ ...NOTHING, review: { rows, assigned: [{ loopId: "l0", assignedInterviews: 1, submittedScorecards: 0 }] } }, NOW);
    expect(page.inReview?.total).toBe(IN_REVIEW_SHOWN + 2);
    expect(page.inReview?.loops).toHaveLength(IN_REVIEW_SHOWN);
    expect(page.inReview?.loops[0]).toEqual({ loopId: `l${IN_REVIEW_SHOWN + 2}`, candidateName: `Cand ${String.fromCharCode(90 - IN_REVIEW_SHOWN - 2)}`, targetLevel: "L5" });
    expect(page.inReview?.loops.some((l) => l.loopId === "l0")).toBe(false);
  });

  it("gives a recruiter each open loop's missing scorecards with who owes them", () => {
    const rubric = { stages: [{ id: "technical", name: "Technical" }], decision_rules: { scorecard_due_hours: 24 } } as unknown as NonNullable<HomeRecords["openLoops"]>["loops"][number]["rubric"];
    const loops = [
      { id: "owing", candidateName: "Cara", rubric, interviews: [{ id: "i1", stageId: "technical", startsAt: hours(-30), durationMinutes: 60, interviewerIds: ["ivy", "ian"], scorecards: { ivy: "draft" as const, ian: "submitted" as const } }] },
      { id: "clear", candidateName: "Dan", rubric, interviews: [{ id: "i2", stageId: "technical", startsAt: hours(-30), durationMinutes: 60, interviewerIds: ["ian"], scorecards: { ian: "submitted" as const } }] },
    ];
    const page = homePage({ ...NOTHING, openLoops: { loops, names: new Map([["ivy", "Ivy"]]), total: 1 } }, NOW);
    expect(page.owedTotal).toBe(1);
    expect(page.owed).toEqual([
      {
        loopId: "owing",
        candidateName: "Cara",
        owed: [{ interviewId: "i1", stageId: "technical", interviewerId: "ivy", interviewerName: "Ivy", stageName: "Technical", startsAt: hours(-30), dueAt: hours(-5), overdue: true, started: true }],
      },
    ]);
  });

  it("lists the loops owing scorecards longest overdue first", () => {
    const rubric = { stages: [{ id: "technical", name: "Technical" }], decision_rules: { scorecard_due_hours: 24 } } as unknown as NonNullable<HomeRecords["openLoops"]>["loops"][number]["rubric"];
    const loop = (id: string, startsAt: Date) => ({ id, candidateName: id, rubric, interviews: [{ id: `i-${id}`, stageId: "technical", startsAt, durationMinutes: 60, interviewerIds: ["ivy"], scorecards: {} }] });
    const page = homePage({ ...NOTHING, openLoops: { loops: [loop("recent", hours(-2)), loop("oldest", hours(-50)), loop("middle", hours(-30))], names: new Map(), total: 40 } }, NOW);
    expect(page.owed?.map((l) => l.loopId)).toEqual(["oldest", "middle", "recent"]);
    expect(page.owedTotal).toBe(40);
  });

  it("passes the admin's head count and the lists it was given through unchanged", () => {
    const page = homePage({ ...NOTHING, people: { admin: 1, builder: 4 }, roster: [builder("zed", "L7")] }, NOW);
    expect(page.people).toEqual({ admin: 1, builder: 4 });
    expect(page.roster?.map((b) => b.userId)).toEqual(["zed"]);
    expect(page.statementRequests).toEqual([]);
  });
});
