import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { navigationFor } from "~/domain/navigation";
import { ROLES } from "~/domain/roles";

const roleSet = fc.subarray([...ROLES]);

describe("the Promotions link", () => {
  it("shows to the roles that can have packets: builders, managers, the promotion committee and admins", () => {
    const allowed = ROLES.filter((role) => navigationFor([role]).some((n) => n.to === "/packets"));
    expect(allowed.sort()).toEqual(["admin", "builder", "manager", "promotion_committee"]);
  });

  it("sits between Committee and Rubrics, labelled Promotions", () => {
    expect(navigationFor(["admin"]).map((n) => n.label)).toEqual(["Home", "Candidates", "Committee", "Promotions", "Rubrics", "Users"]);
  });

  it("shows once for several roles, whenever any one of them can have packets", () => {
    fc.assert(
      fc.property(roleSet, (roles) => {
        const links = navigationFor(roles).filter((n) => n.to === "/packets");
        const expected = roles.some((r) => ["admin", "builder", "manager", "promotion_committee"].includes(r)) ? 1 : 0;
        expect(links).toHaveLength(expected);
      }),
    );
  });
});
