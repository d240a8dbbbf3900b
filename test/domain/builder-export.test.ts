import { describe, expect, it } from "vitest";
import { builderExportFileName, canExportOwnRecord } from "~/domain/builder-export";

describe("who has a builder export of their own", () => {
  const record = { userId: "bea", managerId: "marcus" };
  it("a builder, for their own record only", () => {
    expect(canExportOwnRecord({ id: "bea", roles: ["builder"] }, record)).toBe(true);
    expect(canExportOwnRecord({ id: "bea", roles: ["builder", "interviewer"] }, record)).toBe(true);
    // Someone else's record is never "own", whatever their rights to read it.
    expect(canExportOwnRecord({ id: "marcus", roles: ["manager"] }, record)).toBe(false);
    expect(canExportOwnRecord({ id: "morgan", roles: ["admin"] }, record)).toBe(false);
  });

  it("nobody without a record, nor someone whose record the app no longer shows them (the builder role taken away)", () => {
    expect(canExportOwnRecord({ id: "daniel", roles: ["interviewer"] }, null)).toBe(false);
    expect(canExportOwnRecord({ id: "bea", roles: ["interviewer"] }, record)).toBe(false);
  });

  it("names the file by the day, not the person", () => {
    expect(builderExportFileName(new Date("2026-11-30T23:30:00Z"))).toBe("builder-ladder-my-data-2026-11-30.json");
  });
});
