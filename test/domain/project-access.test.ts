import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectAccess, type ProjectParties } from "~/domain/project/access";
import { PROJECT_STATUSES } from "~/domain/project/workflow";
import { ROLES, type Role } from "~/domain/roles";

const parties = (overrides: Partial<ProjectParties> = {}): ProjectParties => ({
  ownerId: "bea",
  managerId: "marcus",
  approverId: "ana",
  escalateToId: null,
  status: "submitted",
  launchedAt: null,
  blocked: false,
  ...overrides,
});
const viewer = (id: string, ...roles: Role[]) => ({ id, roles });

describe("project access", () => {
  it("lets everyone signed in read the summary, and only the owner, manager, approver, promotion committee and admins read outcomes", () => {
    const p = parties();
    expect(projectAccess(viewer("ivy", "interviewer"), p)).toMatchObject({ readSummary: true, readOutcomes: false, readBlock: false });
    expect(projectAccess(viewer("rita", "recruiter", "hiring_committee"), p).readOutcomes).toBe(false);
    for (const v of [viewer("bea", "builder"), viewer("marcus", "manager"), viewer("ana", "interviewer"), viewer("pat", "promotion_committee"), viewer("ada", "admin")]) {
      expect(projectAccess(v, p).readOutcomes).toBe(true);
    }
  });

  it("gives the manager relation only to someone holding the manager role", () => {
    expect(projectAccess(viewer("marcus", "builder"), parties()).changeApprover).toBe(false);
    expect(projectAccess(viewer("marcus", "manager"), parties()).changeApprover).toBe(true);
  });

  it("lets only the named approver decide a PRD, whatever roles anyone else holds", () => {
    fc.assert(
      fc.property(fc.constantFrom("bea", "marcus", "ana", "zed"), fc.subarray([...ROLES]), fc.constantFrom(...PROJECT_STATUSES), (id, roles, status) => {
        const access = projectAccess(viewer(id, ...roles), parties({ status }));
        expect(access.decidePrd).toBe(id === "ana" && status === "submitted");
        expect(access.launch).toBe(id === "bea" && status === "approved");
        expect(access.edit).toBe(id === "bea" && (status === "draft" || status === "changes_requested"));
      }),
    );
  });

  it("lets the person a block was escalated to see and clear it", () => {
    const p = parties({ blocked: true, escalateToId: "vp" });
    expect(projectAccess(viewer("vp", "interviewer"), p)).toMatchObject({ readBlock: true, unblock: true, readOutcomes: false });
    expect(projectAccess(viewer("zed", "interviewer"), p)).toMatchObject({ readBlock: false, unblock: false });
  });
});
