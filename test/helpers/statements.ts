import { countStatements, type StatementCount } from "~/data/statement-count";
import * as root from "~/root";
import { withinRequest } from "~/utils/request-scope.server";
import { call, type Answer, type Call, type Handler } from "./route";

/** An answer, with the SQL statements that producing it sent. */
export type Measured = StatementCount & { answer: Answer };

/** One loader or action, called as test/helpers/route.ts calls it, with the statements it sent. */
export async function measureCall(handler: Handler | undefined, input: Call): Promise<Measured> {
  const { result, ...count } = await countStatements(() => call(handler, input));
  return { ...count, answer: result };
}

/**
 * A page as the server answers a GET for it: the root's loader and the page's, side by side in one
 * request scope (app/server/remix-handler.ts), so they share the session read. `shared: false`
 * leaves the scope out, as if each loader read the session itself.
 */
export async function measurePage(loader: Handler, input: Call, { shared = true } = {}): Promise<Measured & { root: Answer }> {
  const both = () => countStatements(() => Promise.all([call(root.loader, input), call(loader, input)]));
  const { result, ...count } = shared ? await withinRequest(both) : await both();
  const [rootAnswer, answer] = result;
  return { ...count, answer, root: rootAnswer };
}

/** The statements, numbered, one a line: what a failing budget prints. */
export function listing(measured: StatementCount): string {
  return measured.sql.map((sql, i) => `${String(i + 1).padStart(3)}. ${sql.replace(/\s+/g, " ").trim()}`).join("\n");
}

/**
 * A read of the Session table: the session read is raw SQL (`FROM "Session"` on both databases);
 * the ORM's statements name the schema (`main`.`Session` on SQLite, "public"."Session" on PostgreSQL).
 */
export const SESSION_READ = /FROM (?:[`"](?:main|public)[`"]\.)?[`"]Session[`"]/;

/**
 * A request's statements by what they are for: `session` (who is asking, with the header's
 * unread count: one per request), `audit` (the trail's entry for a recorded read or change: the
 * previous entry's hash, then the insert) and `data` (everything the page or action itself reads
 * and writes: what the per-page target is about).
 */
export function statementsByPurpose(measured: StatementCount): { session: number; audit: number; data: number } {
  let session = 0;
  let audit = 0;
  for (const sql of measured.sql) {
    if (SESSION_READ.test(sql)) session += 1;
    else if (/[`"]AuditEntry[`"]/.test(sql)) audit += 1;
  }
  return { session, audit, data: measured.sql.length - session - audit };
}
