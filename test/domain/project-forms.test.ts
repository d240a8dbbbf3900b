import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkpointSchema, nestFields, projectSchema } from "~/domain/project/forms";

const base = {
  title: "Self-serve billing",
  problem: "Upgrades need a sales call",
  mode: "satellite",
  team: "Growth",
  approverId: "ana",
  "metrics.0.name": "Upgrades",
  "metrics.0.unit": "per week",
  "metrics.0.baseline": "10",
  "metrics.0.target": "25",
  "metrics.0.direction": "at_least",
  "metrics.0.measurement": "Billing events",
};

describe("project forms", () => {
  it("reads the browser's flat field names and react-hook-form's nested values alike", () => {
    const flat = projectSchema.safeParse(base);
    expect(flat.success).toBe(true);
    const nested = projectSchema.safeParse({ ...nestFields(base) as object });
    expect(nested.data).toEqual(flat.data);
    expect(flat.data!.metrics).toEqual([{ name: "Upgrades", unit: "per week", baseline: 10, target: 25, direction: "at_least", measurement: "Billing events" }]);
  });

  it("refuses a second approver, empty or non-numeric figures, and a satellite without its team", () => {
    expect(projectSchema.safeParse({ ...base, approverId: ["ana", "bob"] }).success).toBe(false);
    for (const value of ["", " ", "abc", "1,200", "Infinity", "1e400", "0x1F", "0b11", "1_000", "١٢٣", "12abc", "NaN"]) {
      expect(projectSchema.safeParse({ ...base, "metrics.0.target": value }).success, value).toBe(false);
    }
    for (const [value, read] of [["-1", -1], ["1.5", 1.5], [".5", 0.5], ["2e3", 2000], ["+7", 7]] as const) {
      expect(projectSchema.safeParse({ ...base, "metrics.0.baseline": value }).data?.metrics[0]!.baseline, value).toBe(read);
    }
    expect(projectSchema.safeParse({ ...base, team: "" }).success).toBe(false);
    expect(projectSchema.safeParse({ ...base, mode: "founder", team: "" }).success).toBe(true);
  });

  it("never lets a field name reach the prototype, and never builds huge arrays from a huge index", () => {
    const nested = nestFields({ "__proto__.polluted": "yes", "constructor.prototype.x": "1", "metrics.99999999.name": "x" }) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Array.isArray((nested.metrics as unknown))).toBe(false);
    expect(projectSchema.safeParse({ ...base, "metrics.99999999.name": "x" }).success).toBe(false);
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 5 })), (raw) => {
        nestFields(raw);
        expect(Object.prototype).not.toHaveProperty("polluted");
        projectSchema.safeParse(raw);
      }),
    );
  });

  it("asks the checkpoint for an actual of exactly the project's metrics", () => {
    const schema = checkpointSchema(["m1", "m2"]);
    const ok = schema.safeParse({ intent: "record_checkpoint", version: "3", verdict: "keep", "actuals.m1": "12", "actuals.m2": "0.5" });
    expect(ok.data).toMatchObject({ version: 3, actuals: { m1: 12, m2: 0.5 } });
    expect(schema.safeParse({ intent: "record_checkpoint", version: "3", verdict: "keep", "actuals.m1": "12" }).success).toBe(false);
    expect(schema.safeParse({ intent: "record_checkpoint", version: "3", verdict: "keep", "actuals.m1": "1", "actuals.m2": "2", "actuals.m3": "3" }).success).toBe(false);
    expect(schema.safeParse({ intent: "record_checkpoint", version: "3", verdict: "ship it", "actuals.m1": "1", "actuals.m2": "2" }).success).toBe(false);
  });
});
