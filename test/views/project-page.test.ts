import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROJECT_STATUSES, type ProjectStatus } from "~/domain/project/workflow";
import { projectPageView, type ProjectPageData, type ProjectRecord } from "~/views/project-page";
import { accessOf, AUDIENCES, day, NAMES, OLIVIA, projectRecord, type Audience, type Outcome } from "./project-fixtures";

const audiences = Object.keys(AUDIENCES) as Audience[];
const NOW = day(40);

function view(audience: Audience, project: ProjectRecord, now = NOW, people: Array<{ id: string; name: string }> | null = null) {
  const access = accessOf(audience, project);
  // As the read: the history's names only for those who read the history.
  const names = access.readOutcomes ? NAMES : new Map<string, string>();
  return projectPageView({ project, names, people }, { id: AUDIENCES[audience].id, access, now });
}

/** The parts of the page an audience gets (null ones left out). */
const present = (page: ProjectPageData) =>
  [
    page.project.manager ? "manager" : null,
    ...(["checkpoint", "reviews", "events", "blocked", "due", "checkpointDueAt"] as const).map((k) => (page[k] !== null ? k : null)),
  ].filter(Boolean);

describe("the project page's view", () => {
  it("gives the measured outcome to the parties, the committee and admins, and the block also to whom it was escalated", () => {
    const live = projectRecord("live");
    const table = Object.fromEntries(audiences.map((a) => [a, present(view(a, live))]));
    const outcomes = ["manager", "checkpoint", "reviews", "events", "blocked", "due"];
    expect(table).toEqual({
      owner: outcomes,
      manager: outcomes,
      approver: outcomes,
      escalation: ["blocked"],
      "promotion committee": outcomes,
      admin: outcomes,
      "anyone signed in": [],
    });
  });

  it("tells the owner and the manager when the checkpoint falls due, while the project is launched", () => {
    const launched = projectRecord("launched");
    const dueAt = (a: Audience) => view(a, launched).checkpointDueAt;
    expect(audiences.filter((a) => dueAt(a) !== null)).toEqual(["owner", "manager"]);
    expect(dueAt("owner")).toBe(new Date(day(4).getTime() + launched.process.checkpoint_after_days * 86_400_000).toISOString());
    expect(view("owner", launched, day(4)).checkpointOpen).toBe(false);
    expect(view("anyone signed in", launched, day(4 + launched.process.checkpoint_after_days)).checkpointOpen).toBe(true);
  });

  it("sends the same keys to every audience in every status", () => {
    const keys = (page: object) => Object.keys(page).sort();
    const expected = keys(view("admin", projectRecord("live")));
    for (const s of PROJECT_STATUSES) for (const a of audiences) expect(keys(view(a, projectRecord(s)))).toEqual(expected);
  });

  it("gives everyone the summary, the metrics and the demos", () => {
    for (const a of audiences) {
      const page = view(a, projectRecord("live"));
      expect(page.project).toMatchObject({ id: "pr1", title: "Self-serve onboarding", owner: OLIVIA, approver: { id: "april" }, launchedAt: day(4).toISOString() });
      expect(page.metrics).toHaveLength(1);
      expect(page.demos).toEqual([{ id: "d1", title: "First run", shows: "The wizard", link: "https://example.com/demo", demoOn: "2025-01-10", presenter: OLIVIA, flagged: true }]);
    }
  });

  it("sends the PRD as safe HTML, headings from h3, raw HTML as text; nothing when it is blank", () => {
    const page = view("anyone signed in", { ...projectRecord("live"), prd: "# Problem\n\n<script>alert(1)</script> [a](javascript:x)" });
    expect(page.project.prdHtml).toBe("<h3>Problem</h3>\n<p>&lt;script&gt;alert(1)&lt;/script&gt; [a](javascript:x)</p>\n");
    expect("prd" in page.project).toBe(false);
    expect(view("owner", { ...projectRecord("live"), prd: "  \n " }).project.prdHtml).toBe("");
  });

  it("spells out the history: labels, and the people its data names by id", () => {
    const events = view("owner", projectRecord("submitted")).events!;
    expect(events.map((e) => [e.label, e.detail])).toEqual([
      ["Started", ""],
      ["PRD submitted", "To April"],
      ["Approver changed", "From someone no longer here to April"],
      ["Marked blocked", "Escalated to Eli"],
    ]);
  });

  it("scores the checkpoint against the metrics", () => {
    const checkpoint = view("manager", projectRecord("live")).checkpoint!;
    expect(checkpoint).toMatchObject({ verdict: "keep", summary: "1 of 1 target met" });
    expect(checkpoint.results[0]).toMatchObject({ id: "m1", actual: 37, met: true });
  });

  it("passes whom to pick, the viewer's id and the request's time through", () => {
    const page = view("manager", projectRecord("submitted"), NOW, [{ id: "april", name: "April" }]);
    expect(page).toMatchObject({ viewerId: "marcus", people: [{ id: "april", name: "April" }], now: NOW.toISOString() });
  });

  it("never lets the measured outcome or the block reach those who may not read them, and never carries pay", () => {
    // Distinctive text and numbers, so finding them in the JSON means they leaked.
    const token = fc.stringMatching(/^[a-z]{12}$/);
    const outcome: fc.Arbitrary<Outcome> = fc.record({ actual: fc.integer({ min: 1_000_001, max: 9_999_999 }), reviewRoi: token, eventNote: token, blockReason: token });
    fc.assert(
      fc.property(outcome, fc.constantFrom(...PROJECT_STATUSES), fc.boolean(), fc.constantFrom(...audiences), (o, status: ProjectStatus, blocked, audience) => {
        const project = projectRecord(status, { blocked, outcome: o });
        const page = view(audience, project);
        const json = JSON.stringify(page);
        if (!page.access.readOutcomes) {
          expect(json).not.toContain(String(o.actual));
          expect(json).not.toContain(o.reviewRoi);
          expect(json).not.toContain(o.eventNote);
          expect(json).not.toContain('"Marcus"');
        }
        if (!page.access.readBlock) expect(json).not.toContain(o.blockReason);
        expect(json).not.toMatch(/salary|"band|"pay"|compa/i);
      }),
      { numRuns: 300 },
    );
  });
});
