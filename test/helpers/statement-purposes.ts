/**
 * What each counted SQL statement is for, by its text: shared by the statement budgets
 * (test/helpers/statements.ts) and the benchmark's counting process (test/bench/statements.ts),
 * which cannot import the former (it loads the app's root module). No app imports here.
 */

/**
 * A read of the Session table: the session read is raw SQL (`FROM "Session"` on both databases);
 * the ORM's statements name the schema (`main`.`Session` on SQLite, "public"."Session" on PostgreSQL).
 */
export const SESSION_READ = /FROM (?:[`"](?:main|public)[`"]\.)?[`"]Session[`"]/;

/**
 * A request's statements by what they are for: `session` (who is asking, with the header's
 * unread count: one per request), `audit` (the trail's entry for a recorded read or change: the
 * previous entry's hash, then the insert) and `data` (everything else: the page's or action's own).
 */
export function statementsByPurpose(sql: readonly string[]): { session: number; audit: number; data: number } {
  let session = 0;
  let audit = 0;
  for (const text of sql) {
    if (SESSION_READ.test(text)) session += 1;
    else if (/[`"]AuditEntry[`"]/.test(text)) audit += 1;
  }
  return { session, audit, data: sql.length - session - audit };
}
