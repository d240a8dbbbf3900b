import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PACKET_STATUSES, type PacketStatus } from "~/domain/promotion/workflow";
import { packetPageView, packetView, type PacketPageData } from "~/views/packet-page";
import { accessOf, AUDIENCES, BEA, GRACE, packetRecord, rubric, type Audience } from "./packet-fixtures";

const audiences = Object.keys(AUDIENCES) as Audience[];
const view = (audience: Audience, status: PacketStatus, record = packetRecord(status)) =>
  packetPageView({ packet: record, peerCandidates: null, projectChoices: null }, { id: AUDIENCES[audience].id, access: accessOf(audience, status) });

/** The parts of the page an audience gets (null ones left out). */
const present = (page: PacketPageData) => (["assessments", "invitations", "submission", "decision", "pay"] as const).filter((k) => page[k] !== null);

describe("the packet page's view", () => {
  it("gives each audience its parts of a draft", () => {
    const table = Object.fromEntries(audiences.filter((a) => accessOf(a, "draft").read).map((a) => [a, present(view(a, "draft"))]));
    expect(table).toEqual({
      builder: ["assessments", "invitations"],
      manager: ["assessments", "invitations", "submission"],
      peer: [],
      admin: ["assessments", "invitations", "pay"],
      "manager on the committee": ["assessments", "invitations", "submission"],
    });
  });

  it("gives each audience its parts of a decided packet", () => {
    const table = Object.fromEntries(audiences.map((a) => [a, present(view(a, "decided"))]));
    expect(table).toEqual({
      builder: ["assessments", "invitations", "decision"],
      manager: ["assessments", "invitations", "decision"],
      peer: [],
      committee: ["assessments", "invitations", "decision", "pay"],
      admin: ["assessments", "invitations", "decision", "pay"],
      "manager on the committee": ["assessments", "invitations", "decision", "pay"],
    });
  });

  it("sends the same keys to every audience, whatever they may read", () => {
    const keys = (page: object) => Object.keys(page).sort();
    const expected = keys(view("admin", "decided"));
    for (const a of audiences) for (const s of PACKET_STATUSES) if (accessOf(a, s).read) expect(keys(view(a, s))).toEqual(expected);
  });

  it("shows a peer their own statements only, and the cited project without its measured outcome", () => {
    for (const status of PACKET_STATUSES) {
      const page = view("peer", status);
      expect(page.statements.map((s) => s.authorId)).toEqual([GRACE]);
      const cited = page.evidence.find((e) => e.project)!;
      expect(cited).toMatchObject({ outcomeWithheld: true, project: { checkpoint: null, reviews: [] } });
      expect(cited.project!.metrics.every((m) => m.actual === null && m.met === null)).toBe(true);
    }
    const builder = view("builder", "draft");
    expect(builder.statements.map((s) => s.authorId)).toEqual([GRACE, "hugo"]);
    expect(builder.evidence.find((e) => e.project)).toMatchObject({ outcomeWithheld: false, project: { checkpoint: { verdict: "keep" } } });
  });

  it("reads a draft from its live rows and anything later from its snapshot", () => {
    const draft = view("manager", "draft");
    expect(draft.packet).toMatchObject({ summary: "Ready for Staff", submittedAt: null, submittedByName: null, updatedAt: "2025-03-10T09:30:00.000Z" });
    expect(draft.evidence[0]).toMatchObject({ version: 2, updatedAt: "2025-03-05T09:30:00.000Z", updatedByName: "Bea" });
    expect(draft.assessments![0]).toMatchObject({ version: 1, updatedAt: "2025-03-09T09:30:00.000Z" });

    const submitted = view("committee", "submitted");
    expect(submitted.packet).toMatchObject({ summary: "Ready for Staff (as submitted)", submittedAt: "2025-03-11T09:30:00.000Z", submittedByName: "Marcus" });
    expect(submitted.evidence[0]).toMatchObject({ version: 0, updatedAt: null, updatedByName: null });
    expect(submitted.assessments![0]).toMatchObject({ version: 0 });
  });

  it("names the target level, its criteria with their requirement, and whether the builder is the viewer", () => {
    const page = view("builder", "draft");
    const L5 = rubric.levels.find((l) => l.id === "L5")!;
    expect(page.packet.targetTitle).toBe(L5.title);
    expect(page.criteria.every((c) => c.requirement === (L5.advancement[c.id] ?? ""))).toBe(true);
    expect(page.builder).toEqual({ userId: BEA, name: "Bea", managerName: "Marcus", isViewer: true });
    expect(view("manager", "draft").builder.isViewer).toBe(false);
  });

  it("lists what still blocks the submission for the manager only", () => {
    const record = { ...packetRecord("draft"), summary: "", assessments: [] };
    const page = packetPageView({ packet: record, peerCandidates: null, projectChoices: null }, { id: "marcus", access: accessOf("manager", "draft") });
    expect(page.submission!.length).toBeGreaterThan(0);
  });

  it("passes the forms' choices and the viewer's id through", () => {
    const records = { packet: packetRecord("draft"), peerCandidates: [{ id: "hugo", name: "Hugo" }], projectChoices: [{ id: "p1", title: "Onboarding", status: "live" as const }] };
    const page = packetPageView(records, { id: "marcus", access: accessOf("manager", "draft") });
    expect(page).toMatchObject({ viewerId: "marcus", peerCandidates: records.peerCandidates, projectChoices: records.projectChoices });
    // The builder's export reads the packet part only.
    const { viewerId: _v, peerCandidates: _p, projectChoices: _c, ...content } = page;
    expect(content).toEqual(packetView(records.packet, { id: "marcus", access: accessOf("manager", "draft") }));
  });

  it("never lets a salary reach an audience that may not see it", () => {
    // Odd amounts, so none can be a band figure (multiples of 5,000) or any other number on the page.
    const salary = fc.integer({ min: 100_000, max: 999_999 }).filter((n) => n % 1000 !== 0);
    const pay = fc.record({ baseSalary: fc.option(salary, { nil: null }), baseAtSubmission: fc.option(salary, { nil: null }), newBaseSalary: fc.option(salary, { nil: null }) });
    const bandFigures = Object.values(rubric.bands.levels).flatMap((b) => (b ? [b.base.min, b.base.mid, b.base.max, b.equity.min, b.equity.max] : []));
    fc.assert(
      fc.property(pay, fc.constantFrom(...PACKET_STATUSES), fc.constantFrom(...audiences), (p, status, audience) => {
        const access = accessOf(audience, status);
        fc.pre(access.read);
        const amounts = [p.baseSalary, p.baseAtSubmission, p.newBaseSalary].filter((n) => n !== null);
        fc.pre(new Set(amounts).size === amounts.length);
        const json = JSON.stringify(view(audience, status, packetRecord(status, p)));
        const appears = (n: number | null) => n !== null && json.includes(String(n));
        if (!access.readPay) {
          expect(appears(p.baseSalary) || appears(p.baseAtSubmission)).toBe(false);
          expect(bandFigures.some(appears)).toBe(false);
        }
        if (!access.readDecision) expect(appears(p.newBaseSalary)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
