import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canDecideHire, committeeAudience } from "~/domain/committee";
import { rowsVisibleTo } from "~/domain/committee-list";
import { loopAccess } from "~/domain/loop-access";
import { ROLES, type Role } from "~/domain/roles";
import { canReadScorecard, canSeePanelOnLoop, owesScorecardsOnLoop, type ViewerOnLoop } from "~/domain/scorecard/visibility";

// Independence (issue: a committee member who interviews read the panel before submitting):
// whoever still owes a scorecard on a loop sees nothing the others said there, whatever roles
// they hold, admins included.
const roleSets = fc.subarray([...ROLES], { minLength: 1 }) as fc.Arbitrary<Role[]>;
const owing = fc
  .integer({ min: 1, max: 4 })
  .chain((assigned) => fc.record({ assignedInterviews: fc.constant(assigned), submittedScorecards: fc.integer({ min: 0, max: assigned - 1 }) }));
const done = fc.integer({ min: 1, max: 4 }).map((n): ViewerOnLoop => ({ assignedInterviews: n, submittedScorecards: n }));
const others = { interviewerId: "someone-else", status: "submitted" as const };

describe("independence holds for every combination of roles", () => {
  it("hides the panel from anyone who still owes a scorecard on the loop", () => {
    fc.assert(
      fc.property(roleSets, owing, (roles, onLoop) => {
        const viewer = { id: "viewer", roles };
        expect(owesScorecardsOnLoop(onLoop)).toBe(true);
        expect(canReadScorecard(viewer, others, onLoop)).toBe(false);
        expect(canSeePanelOnLoop(viewer, onLoop)).toBe(false);
        expect(canDecideHire(viewer, onLoop)).toBe(false);
        expect(["committee", "panel"]).not.toContain(committeeAudience(viewer, onLoop));
        expect(loopAccess(viewer, onLoop)?.canSeePanel ?? false).toBe(false);
      }),
    );
  });

  it("still lets them read their own scorecard, draft or submitted", () => {
    fc.assert(
      fc.property(roleSets, owing, fc.constantFrom("draft" as const, "submitted" as const), (roles, onLoop, status) => {
        expect(canReadScorecard({ id: "viewer", roles }, { interviewerId: "viewer", status }, onLoop)).toBe(true);
      }),
    );
  });

  it("opens the panel to interviewers and committee members once they have submitted everything", () => {
    fc.assert(
      fc.property(roleSets, done, (roles, onLoop) => {
        const viewer = { id: "viewer", roles };
        const mayReadPanel = roles.some((r) => r === "interviewer" || r === "hiring_committee" || r === "admin");
        expect(canReadScorecard(viewer, others, onLoop)).toBe(mayReadPanel);
        expect(canDecideHire(viewer, onLoop)).toBe(roles.includes("hiring_committee") || roles.includes("admin"));
      }),
    );
  });

  it("the demo case: Hannah, hiring committee and interviewer, before and after submitting on Chloé's loop", () => {
    const hannah = { id: "hannah", roles: ["hiring_committee", "interviewer"] as Role[] };
    const before = { assignedInterviews: 1, submittedScorecards: 0 };
    expect(committeeAudience(hannah, before)).toBe("recruiter");
    expect(canReadScorecard(hannah, others, before)).toBe(false);
    expect(canDecideHire(hannah, before)).toBe(false);
    const after = { assignedInterviews: 1, submittedScorecards: 1 };
    expect(committeeAudience(hannah, after)).toBe("committee");
    expect(canDecideHire(hannah, after)).toBe(true);
    // Without interviews on the loop the committee reads it as before.
    expect(committeeAudience(hannah, { assignedInterviews: 0, submittedScorecards: 0 })).toBe("committee");
  });

  it("leaves owed loops out of the committee list, and only those", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(7), fc.integer({ min: 1, max: 3 }), fc.nat(3)), { maxLength: 8 }),
        (ids, assignments) => {
          const rows = ids.map((loopId) => ({ loopId }));
          const assigned = assignments
            .filter(([i]) => i < ids.length)
            .map(([i, n, s]) => ({ loopId: ids[i]!, assignedInterviews: n, submittedScorecards: Math.min(s, n) }));
          const visible = new Set(rowsVisibleTo(rows, assigned).map((r) => r.loopId));
          for (const id of ids) {
            const owed = assigned.some((a) => a.loopId === id && owesScorecardsOnLoop(a));
            expect(visible.has(id)).toBe(!owed);
          }
        },
      ),
    );
  });
});
