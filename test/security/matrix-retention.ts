/** Authorisation matrix entries for the retention routes and a builder's own export; all-routes.ts merges them with MATRIX. */
import { canExportOwnRecord } from "~/domain/builder-export";
import { canSeeBuilderPay } from "~/domain/permissions";
import { ALLOWED, FORBIDDEN } from "./expectations";
import type { Path } from "./leak-scan";
import { cellsFor, gated, type MatrixEntry } from "./matrix";

/** Where the export may carry pay: the builder's own pay, and a promotion decision's new base (which the builder reads). */
const exportPayPath = (p: Path) => (p[0] === "record" && p[1] === "pay") || (p[0] === "packets" && p[2] === "decision");

export const RETENTION_MATRIX: Record<string, MatrixEntry> = {
  // requireUserWithPermission(manage:retention:any): admins only. The loader is the dry run (it
  // writes nothing); the action parses its intent first, so an empty form is a 400 for an admin.
  "routes/admin.retention": {
    loader: gated("routes/admin.retention", "loader", "manage:retention:any", "/admin/retention"),
    action: gated("routes/admin.retention", "action", "manage:retention:any", "/admin/retention"),
  },

  // requireUser: every signed-in person's own page (it takes no id); a builder is offered the
  // download, anyone else is told there is nothing to export.
  "routes/account.export": {
    loader: (ctx) => cellsFor(ctx, { route: "routes/account.export", handler: "loader", subject: "one's own export page", url: "/account/export" }, () => ({ expected: ALLOWED })),
  },

  // requireUser → one's own builder record, readable by them (canExportOwnRecord), else 403. Only
  // ever the signed-in person's own data; pay only where canSeeBuilderPay, statements and
  // assessments as packetAccess gives the builder (the leak scan holds every value to its rule).
  "routes/account.export[.]json": {
    loader: (ctx) =>
      cellsFor(ctx, { route: "routes/account.export[.]json", handler: "loader", subject: "one's own data export", url: "/account/export.json" }, (v) => {
        const own = ctx.world.builders.find((b) => b.userId === v.id) ?? null;
        if (!own || !canExportOwnRecord(v, own)) return { expected: FORBIDDEN };
        const pay = canSeeBuilderPay(v, own);
        return {
          expected: ALLOWED,
          scan: { payAllowedAt: (p) => pay && exportPayPath(p) },
          check: (data) => {
            const exported = typeof data === "string" ? (JSON.parse(data) as { person?: { id?: string } }) : null;
            return exported?.person?.id === v.id ? [] : ["the export is not the signed-in person's own"];
          },
        };
      }),
  },
};
