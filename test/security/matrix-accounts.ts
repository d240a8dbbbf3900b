/** Authorisation matrix entries for the account routes anyone may open (links, a forgotten password); all-routes.ts merges them with MATRIX. */
import { ALLOWED, BAD_BODY, NOT_FOUND } from "./expectations";
import { cellsFor, UNKNOWN, type MatrixContext, type MatrixEntry } from "./matrix";

/** A link that cannot be a token, and one of the right shape that no link has: both the same 404. */
const DEAD_TOKENS = [
  { token: UNKNOWN, subject: "a malformed link" },
  { token: "A".repeat(43), subject: "a well-formed link that does not exist" },
];

/**
 * The one-time link pages take no session: the link is the credential. A link that does not work
 * answers 404 to everyone, signed in or not, before the form is read (so an empty form is a 404
 * too). Working links are tested in test/integration/accounts.test.ts: the matrix world has none.
 */
function linkRoute(route: string, path: string): MatrixEntry {
  const cells = (handler: "loader" | "action") => (ctx: MatrixContext) =>
    DEAD_TOKENS.flatMap(({ token, subject }) =>
      cellsFor(ctx, { route, handler, subject, url: `${path}/${token}`, params: { token } }, () => ({ expected: NOT_FOUND }), NOT_FOUND),
    );
  return { loader: cells("loader"), action: cells("action") };
}

export const ACCOUNTS_MATRIX: Record<string, MatrixEntry> = {
  "routes/account.welcome.$token": linkRoute("routes/account.welcome.$token", "/account/welcome"),
  "routes/password.reset.$token": linkRoute("routes/password.reset.$token", "/password/reset"),

  // Open to everyone, signed in or not: the page reads nothing, and an empty form is a 400.
  "routes/password.forgot": {
    loader: (ctx) => cellsFor(ctx, { route: "routes/password.forgot", handler: "loader", subject: "the forgotten-password page", url: "/password/forgot" }, () => ({ expected: ALLOWED }), ALLOWED),
    action: (ctx) =>
      cellsFor(ctx, { route: "routes/password.forgot", handler: "action", subject: "an empty forgotten-password form", url: "/password/forgot" }, () => ({ expected: BAD_BODY }), BAD_BODY),
  },
};
