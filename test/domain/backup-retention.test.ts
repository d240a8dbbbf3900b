import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backupFileName, backupsToDelete, backupTime, manifestFileName } from "~/domain/backup-retention";

const instant = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true });
/** Names that are not backups of ours: manifests, partial copies, a person's notes, near misses. */
const foreign = fc.oneof(
  fc.string(),
  instant.map((d) => manifestFileName(backupFileName(d))),
  instant.map((d) => `.${backupFileName(d)}.partial`),
  instant.map((d) => `${backupFileName(d)}.bak`),
  instant.map((d) => backupFileName(d).replace("builder-ladder-", "other-app-")),
  fc.constant("builder-ladder.db"),
  fc.constant("builder-ladder-2026-13-45T99-00-00-000Z.db"),
);

describe("backup names", () => {
  it("round-trip: the name records the instant, to the millisecond", () => {
    fc.assert(
      fc.property(instant, (d) => {
        expect(backupTime(backupFileName(d))?.getTime()).toBe(d.getTime());
      }),
    );
    expect(backupFileName(new Date("2026-11-30T14:05:09.123Z"))).toBe("builder-ladder-2026-11-30T14-05-09-123Z.db");
    expect(manifestFileName("builder-ladder-2026-11-30T14-05-09-123Z.db")).toBe("builder-ladder-2026-11-30T14-05-09-123Z.json");
  });

  it("anything else is not ours", () => {
    fc.assert(
      fc.property(foreign, (name) => {
        expect(backupTime(name)).toBeNull();
      }),
    );
  });
});

describe("which backups to delete (keep the newest N)", () => {
  const listing = fc.tuple(fc.uniqueArray(instant, { selector: (d) => d.getTime(), maxLength: 30 }), fc.array(foreign, { maxLength: 10 }));
  const keep = fc.integer({ min: 1, max: 12 });

  it("never deletes one of the newest N, never keeps more than N, and never touches a file that is not ours", () => {
    fc.assert(
      fc.property(listing, keep, ([times, others], n) => {
        const ours = times.map(backupFileName);
        const names = [...ours, ...others].sort(); // a folder's listing comes in any order
        const doomed = backupsToDelete(names, n);
        const newest = [...times].sort((a, b) => b.getTime() - a.getTime()).slice(0, n).map(backupFileName);
        for (const name of newest) expect(doomed).not.toContain(name);
        expect(ours.length - doomed.length).toBe(Math.min(n, ours.length));
        for (const name of doomed) expect(ours).toContain(name);
        expect(new Set(doomed).size).toBe(doomed.length);
      }),
    );
  });

  it("orders by the time in the name, not by the listing's order, and lists the oldest first", () => {
    const names = ["2026-11-03", "2026-11-01", "2026-11-04", "2026-11-02"].map((day) => backupFileName(new Date(`${day}T02:00:00Z`)));
    expect(backupsToDelete([...names, "notes.txt", manifestFileName(names[1]!)], 2)).toEqual([names[1], names[3]]);
    expect(backupsToDelete(names, 7)).toEqual([]);
  });

  it("refuses to keep fewer than one", () => {
    expect(() => backupsToDelete([], 0)).toThrow(RangeError);
  });
});
