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

  it("sits between Committee and the project log, labelled Promotions", () => {
    expect(navigationFor(["admin"]).map((n) => n.label)).toEqual(["Home", "Candidates", "Committee", "Promotions", "Projects", "Demos", "Rubrics", "Users", "Audit", "Retention", "Outbox"]);
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

describe("the project log's links", () => {
  it("shows Projects and Demos to every role, after Promotions where it shows, before Rubrics", () => {
    for (const role of ROLES) {
      const links = navigationFor([role]).map((n) => n.to);
      expect(links).toContain("/projects");
      expect(links).toContain("/demos");
      expect(links.indexOf("/demos")).toBe(links.indexOf("/projects") + 1);
      expect(links.indexOf("/projects")).toBeLessThan(links.indexOf("/rubrics"));
      if (links.includes("/packets")) expect(links.indexOf("/projects")).toBe(links.indexOf("/packets") + 1);
    }
    expect(navigationFor(["interviewer"]).map((n) => n.label)).toEqual(["Home", "Projects", "Demos", "Rubrics"]);
  });

  it("shows each once, whatever the roles", () => {
    fc.assert(
      fc.property(roleSet, (roles) => {
        const nav = navigationFor(roles);
        expect(nav.filter((n) => n.to === "/projects")).toEqual([{ to: "/projects", label: "Projects" }]);
        expect(nav.filter((n) => n.to === "/demos")).toEqual([{ to: "/demos", label: "Demos" }]);
      }),
    );
  });
});

describe("the audit trail's link", () => {
  it("shows to admins only", () => {
    const allowed = ROLES.filter((role) => navigationFor([role]).some((n) => n.to === "/admin/audit"));
    expect(allowed).toEqual(["admin"]);
  });
});
