import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProjectOutcome } from "~/components/packet/project-outcome";
import {
  backedCount,
  checkpointSummary,
  evidenceBackingSummary,
  isBacked,
  outcomeAsOf,
  outcomeMarker,
  projectOutcome,
  RecordedOutcomeSchema,
  withoutMeasuredOutcome,
  type OutcomeSource,
} from "~/domain/project/outcome";
import { buildSnapshot, PacketSnapshotSchema } from "~/domain/promotion/snapshot";
import { formatInstant } from "~/domain/time-format";

const at = (iso: string) => new Date(iso);

/** Insights: two metrics, approved, launched, checkpoint (both met, keep), two quarterly reviews, closed staffed up. */
function source(overrides: Partial<OutcomeSource> = {}): OutcomeSource {
  return {
    id: "p1",
    title: "Insights for workspace admins",
    mode: "founder",
    team: "",
    approval: { by: { name: "Aisha Rahman" }, at: at("2026-01-05T10:00:00Z"), note: "Go — keep the first version to three dashboards." },
    launchedAt: at("2026-02-02T09:00:00Z"),
    metrics: [
      { id: "m-adopt", name: "Admin accounts using Insights weekly", unit: "accounts", baseline: 0, target: 1500, direction: "at_least", measurement: "Weekly active admin accounts, product analytics" },
      { id: "m-churn", name: "Monthly churn of admin-led workspaces", unit: "%", baseline: 2.4, target: 2, direction: "at_most", measurement: "Billing churn report" },
    ],
    checkpoint: {
      recordedAt: at("2026-03-03T15:00:00Z"),
      recordedBy: { name: "Mei Lin" },
      verdict: "keep",
      followUps: "Add CSV export; staff a second engineer.",
      actuals: { "m-adopt": 1720, "m-churn": 1.9 },
    },
    reviews: [
      { reviewedAt: at("2026-09-01T10:00:00Z"), reviewedBy: { name: "Aisha Rahman" }, health: "at_risk", roi: "Churn back to 2.1%." },
      { reviewedAt: at("2026-06-02T10:00:00Z"), reviewedBy: { name: "Mei Lin" }, health: "healthy", roi: "USD 310k retained ARR." },
    ],
    closedAt: at("2026-10-01T12:00:00Z"),
    outcome: "staffed_up",
    ...overrides,
  };
}

describe("a project's recorded outcome", () => {
  it("gives approval, launch, each metric's target against its actual, the verdict, the reviews oldest first, and the close", () => {
    const outcome = projectOutcome(source());
    expect(outcome).toEqual({
      projectId: "p1",
      title: "Insights for workspace admins",
      mode: "founder",
      team: "",
      approval: { byName: "Aisha Rahman", at: "2026-01-05T10:00:00.000Z", note: "Go — keep the first version to three dashboards." },
      launchedAt: "2026-02-02T09:00:00.000Z",
      metrics: [
        { name: "Admin accounts using Insights weekly", unit: "accounts", baseline: 0, target: 1500, direction: "at_least", measurement: "Weekly active admin accounts, product analytics", actual: 1720, met: true },
        { name: "Monthly churn of admin-led workspaces", unit: "%", baseline: 2.4, target: 2, direction: "at_most", measurement: "Billing churn report", actual: 1.9, met: true },
      ],
      checkpoint: { recordedAt: "2026-03-03T15:00:00.000Z", recordedByName: "Mei Lin", verdict: "keep", followUps: "Add CSV export; staff a second engineer.", met: 2, of: 2 },
      reviews: [
        { reviewedAt: "2026-06-02T10:00:00.000Z", reviewedByName: "Mei Lin", health: "healthy", roi: "USD 310k retained ARR." },
        { reviewedAt: "2026-09-01T10:00:00.000Z", reviewedByName: "Aisha Rahman", health: "at_risk", roi: "Churn back to 2.1%." },
      ],
      closed: { at: "2026-10-01T12:00:00.000Z", outcome: "staffed_up" },
    });
    expect(isBacked(outcome)).toBe(true);
    expect(checkpointSummary(outcome)).toBe("2 of 2 targets met, verdict Keep");
  });

  it("is plain data: it survives JSON and parses with its schema", () => {
    const outcome = projectOutcome(source());
    const again = JSON.parse(JSON.stringify(outcome)) as unknown;
    expect(again).toEqual(outcome);
    expect(RecordedOutcomeSchema.parse(again)).toEqual(outcome);
  });

  it("says which targets were missed, in either direction", () => {
    const outcome = projectOutcome(
      source({ checkpoint: { recordedAt: at("2026-03-03T15:00:00Z"), recordedBy: { name: "Mei Lin" }, verdict: "roll_back", followUps: "", actuals: { "m-adopt": 900, "m-churn": 2.6 } } }),
    );
    expect(outcome.metrics.map((m) => m.met)).toEqual([false, false]);
    expect(outcome.checkpoint).toMatchObject({ met: 0, of: 2, verdict: "roll_back" });
    expect(checkpointSummary(outcome)).toBe("0 of 2 targets met, verdict Roll back");
  });

  it("before the checkpoint: targets without actuals, not backed, “launched, checkpoint not yet recorded”", () => {
    const outcome = projectOutcome(source({ checkpoint: null, reviews: [], closedAt: null, outcome: null }));
    expect(outcome.metrics.every((m) => m.actual === null && m.met === null)).toBe(true);
    expect(outcome.checkpoint).toBeNull();
    expect(isBacked(outcome)).toBe(false);
    expect(checkpointSummary(outcome)).toBeNull();
    expect(outcomeMarker(outcome, (d) => d)).toBe("Launched, checkpoint not yet recorded");
  });

  it("words the marker with the checkpoint's day", () => {
    const outcome = projectOutcome(source());
    expect(outcomeMarker(outcome, (d) => formatInstant(d, "UTC", "day"))).toBe("Backed by a recorded outcome: checkpoint 3 Mar 2026, 2 of 2 targets met, verdict Keep");
  });

  it("as of a moment, leaves out what was recorded later", () => {
    const outcome = projectOutcome(source());
    const beforeCheckpoint = outcomeAsOf(outcome, at("2026-03-01T00:00:00Z"));
    expect(beforeCheckpoint.checkpoint).toBeNull();
    expect(beforeCheckpoint.metrics.every((m) => m.actual === null && m.met === null)).toBe(true);
    expect(beforeCheckpoint.reviews).toEqual([]);
    expect(beforeCheckpoint.closed).toBeNull();
    expect(beforeCheckpoint.launchedAt).toBe(outcome.launchedAt);

    const afterFirstReview = outcomeAsOf(outcome, at("2026-07-01T00:00:00Z"));
    expect(afterFirstReview.checkpoint).toEqual(outcome.checkpoint);
    expect(afterFirstReview.reviews.map((r) => r.health)).toEqual(["healthy"]);
    expect(afterFirstReview.closed).toBeNull();

    expect(outcomeAsOf(outcome, at("2027-01-01T00:00:00Z"))).toEqual(outcome);
  });

  it("never carries pay", () => {
    const json = JSON.stringify(projectOutcome(source()));
    expect(json).not.toMatch(/salary|"base"|band|equity|compa|currency|\$/i);
    expect(Object.keys(projectOutcome(source())).sort()).toEqual(["approval", "checkpoint", "closed", "launchedAt", "metrics", "mode", "projectId", "reviews", "team", "title"]);
  });

  it("withholds the measured outcome from those who read only the project's summary", () => {
    const outcome = withoutMeasuredOutcome(projectOutcome(source()));
    expect(outcome.checkpoint).toBeNull();
    expect(outcome.reviews).toEqual([]);
    expect(outcome.metrics.every((m) => m.actual === null && m.met === null)).toBe(true);
    expect(outcome.approval?.byName).toBe("Aisha Rahman");
  });

  it("counts the items backed by a recorded outcome", () => {
    const backed = projectOutcome(source());
    const notYet = projectOutcome(source({ id: "p2", checkpoint: null }));
    const items = [{ project: backed }, { project: notYet }, { project: null }];
    expect(backedCount(items)).toBe(1);
    expect(evidenceBackingSummary(items)).toBe("3 evidence items, 1 backed by a recorded outcome");
    expect(evidenceBackingSummary([{ project: null }])).toBe("1 evidence item");
    expect(evidenceBackingSummary([{ project: notYet }])).toBe("1 evidence item, 0 backed by a recorded outcome");
  });
});

describe("the submission snapshot of a cited project", () => {
  const item = (project: ReturnType<typeof projectOutcome> | null) => ({
    id: "e1",
    title: "Founded Insights",
    description: "d",
    impact: "i",
    links: [],
    startDate: "2026-01-01",
    endDate: null,
    criteria: ["expanding_scope"],
    competencies: [],
    projectId: project?.projectId ?? null,
    project,
  });
  const draft = (evidence: ReturnType<typeof item>[]) => ({
    summary: "s",
    fromLevel: "L5",
    targetLevel: "L6",
    version: 2,
    evidence,
    statements: [],
    assessments: [],
    baseSalary: 241000,
  });

  it("freezes the outcome as it stood at submission", () => {
    const snapshot = buildSnapshot(draft([item(projectOutcome(source()))]), "Aisha Rahman", at("2026-07-01T00:00:00Z"));
    const frozen = PacketSnapshotSchema.parse(JSON.parse(JSON.stringify(snapshot))).evidence[0]!;
    expect(frozen.projectId).toBe("p1");
    expect(frozen.project?.reviews.map((r) => r.health)).toEqual(["healthy"]);
    expect(frozen.project?.closed).toBeNull();
    expect(frozen.project?.checkpoint?.verdict).toBe("keep");
  });

  it("writes no project for an item that cites none, and parses older snapshots without the fields", () => {
    const snapshot = buildSnapshot(draft([item(null)]), "Aisha Rahman", at("2026-07-01T00:00:00Z"));
    expect(snapshot.evidence[0]).toMatchObject({ projectId: null, project: null });
    const older = JSON.parse(JSON.stringify(snapshot)) as { evidence: Array<Record<string, unknown>> };
    delete older.evidence[0]!.projectId;
    delete older.evidence[0]!.project;
    expect(PacketSnapshotSchema.parse(older).evidence[0]!.project).toBeUndefined();
  });
});

describe("the outcome on the packet page", () => {
  const render = (outcome: ReturnType<typeof projectOutcome>, withheld = false) =>
    renderToString(createElement(ProjectOutcome, { outcome, withheld, frozen: true }))
      .replace(/<!-- -->/g, "")
      // Inline elements join their text; block elements and cells separate it.
      .replace(/<\/?(time|span|a|strong)\b[^>]*>/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");

  it("marks a backed item for the committee, with each target against its actual", () => {
    const text = render(projectOutcome(source()));
    expect(text).toContain("Backed by a recorded outcome: checkpoint 3 Mar 2026, 2 of 2 targets met, verdict Keep");
    expect(text).toContain("Approved by Aisha Rahman, 5 Jan 2026");
    expect(text).toContain("Launched 2 Feb 2026");
    expect(text).toMatch(/Admin accounts using Insights weekly.* 0 accounts ≥ 1,500 accounts 1,720 accounts Met/);
    expect(text).toMatch(/Healthy \(Mei Lin\).*At risk \(Aisha Rahman\)/);
  });

  it("says a project without a checkpoint is launched, not backed", () => {
    const text = render(projectOutcome(source({ checkpoint: null })));
    expect(text).toContain("Launched, checkpoint not yet recorded");
    expect(text).not.toContain("Backed by a recorded outcome");
  });

  it("shows a peer the project without its measured outcome", () => {
    const text = render(withoutMeasuredOutcome(projectOutcome(source())), true);
    expect(text).toContain("Insights for workspace admins");
    expect(text).not.toContain("1,720");
    expect(text).not.toContain("Backed by a recorded outcome");
    expect(text).toContain("read by the builder, their manager and the promotion committee");
  });
});
