import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeReadOfYours } from "~/domain/audit/describe";
import { auditPeriod, auditSearchParams, parseAuditFilters } from "~/domain/audit/filters";

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/);
const day = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const filters = fc.record(
  {
    actor: fc.oneof(id, fc.constant("system")),
    recordType: fc.stringMatching(/^[a-z][a-z0-9_-]{0,20}$/),
    recordId: id,
    action: fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}(\.[a-z0-9_-]{1,10}){1,3}$/),
    kind: fc.constantFrom("read" as const, "change" as const),
    from: day,
    to: day,
    page: fc.integer({ min: 1, max: 1000 }),
  },
  { requiredKeys: ["page"] },
).filter((f) => !f.from || !f.to || f.from <= f.to);

describe("the audit trail's filters", () => {
  it("written into an address and read back, are the same filters", () => {
    fc.assert(
      fc.property(filters, (f) => {
        const parsed = parseAuditFilters(auditSearchParams(f, true));
        expect(parsed).toEqual({ ok: true, filters: f });
      }),
    );
  });

  it("a period covers whole UTC days, both ends included", () => {
    expect(auditPeriod({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ gte: new Date("2026-11-01T00:00:00Z"), lt: new Date("2026-12-01T00:00:00Z") });
    expect(auditPeriod({})).toEqual({});
  });

  it("refuses what the trail cannot hold, field by field, whatever else is sent", () => {
    const bad = parseAuditFilters(new URLSearchParams("kind=delete&from=2026-02-29&to=2025-01-01&page=-3&action=Candidate.Update&verify=1"));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.failure.fieldErrors).sort()).toEqual(["action", "from", "kind", "page"]);
    const backwards = parseAuditFilters(new URLSearchParams("from=2026-03-02&to=2026-03-01"));
    expect(backwards).toMatchObject({ ok: false, failure: { fieldErrors: { to: ["The period ends before it starts."] } } });
  });

  it("an empty or unknown parameter is no filter", () => {
    expect(parseAuditFilters(new URLSearchParams("kind=&actor=&bom=1"))).toEqual({ ok: true, filters: { page: 1 } });
  });
});

describe("what of yours was read", () => {
  it("names pay wherever the action says so, and the record otherwise", () => {
    expect(describeReadOfYours({ action: "builder.read", recordType: "builder", detail: '{"pay":true}' })).toBe("Your builder record, with your pay");
    expect(describeReadOfYours({ action: "packet.read", recordType: "packet", detail: '{"pay":true}' })).toBe("Your promotion packet, with your pay");
    expect(describeReadOfYours({ action: "builder.read", recordType: "builder", detail: "not json" })).toBe("Your builder record");
    expect(describeReadOfYours({ action: "builder.read", recordType: "builder" })).toBe("Your builder record");
    expect(describeReadOfYours({ action: "packet.read", recordType: "packet" })).toBe("Your promotion packet");
    expect(describeReadOfYours({ action: "project.read", recordType: "project" })).toBe("Your project and its outcomes");
    expect(describeReadOfYours({ action: "thing.read", recordType: "peer_statement" })).toBe("Your peer statement");
  });
});
