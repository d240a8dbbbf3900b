/** Authorisation matrix entries for the notification routes; all-routes.ts merges them with MATRIX. */
import { ALLOWED, BAD_BODY } from "./expectations";
import { cellsFor, gated, type MatrixEntry } from "./matrix";

export const NOTIFICATIONS_MATRIX: Record<string, MatrixEntry> = {
  // requireUser: every signed-in person's own inbox (it takes no id; the loader reads only the
  // viewer's notifications). The action parses its intent first, so an empty form is a 400.
  "routes/inbox": {
    loader: (ctx) => cellsFor(ctx, { route: "routes/inbox", handler: "loader", subject: "one's own inbox", url: "/inbox" }, () => ({ expected: ALLOWED })),
    action: (ctx) => cellsFor(ctx, { route: "routes/inbox", handler: "action", subject: "an empty inbox form", url: "/inbox" }, () => ({ expected: BAD_BODY })),
  },

  // requireUserWithPermission(read:outbox:any): admins only; it has no action.
  "routes/admin.outbox": {
    loader: gated("routes/admin.outbox", "loader", "read:outbox:any", "/admin/outbox"),
  },
};
