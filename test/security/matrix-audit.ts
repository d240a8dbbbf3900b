/** Authorisation matrix entries for the audit routes; all-routes.ts merges them with MATRIX. */
import { ALLOWED } from "./expectations";
import { cellsFor, gated, type Maker, type MatrixEntry } from "./matrix";

/** The admin's audit log and its exports: requireUserWithPermission("read:audit:any") and nothing else. */
function auditLog(route: string, url: string): Maker {
  return (ctx) => [
    ...gated(route, "loader", "read:audit:any", url)(ctx),
    // Filtered, and (for the page) verified: the same gate.
    ...gated(route, "loader", "read:audit:any", `${url}?kind=read&action=audit.read${url === "/admin/audit" ? "&verify=1" : ""}`)(ctx),
  ];
}

export const AUDIT_MATRIX: Record<string, MatrixEntry> = {
  "routes/admin.audit": { loader: auditLog("routes/admin.audit", "/admin/audit") },
  "routes/admin.audit[.]csv": { loader: auditLog("routes/admin.audit[.]csv", "/admin/audit.csv") },
  "routes/admin.audit[.]json": { loader: auditLog("routes/admin.audit[.]json", "/admin/audit.json") },

  // requireUser: every signed-in person sees the reads of their own data, nobody else's (it takes no id).
  "routes/account.reads": {
    loader: (ctx) => cellsFor(ctx, { route: "routes/account.reads", handler: "loader", subject: "who read one's own data", url: "/account/reads" }, () => ({ expected: ALLOWED })),
  },
};
