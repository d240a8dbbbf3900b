import { countStatements, type StatementCount } from "~/data/statement-count";
import * as root from "~/root";
import { withinRequest } from "~/utils/request-scope.server";
import { call, type Answer, type Call, type Handler } from "./route";
import { statementsByPurpose as byPurpose } from "./statement-purposes";

export { SESSION_READ } from "./statement-purposes";

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

/** A request's statements by what they are for (statement-purposes.ts): session, audit entry, and data. */
export function statementsByPurpose(measured: StatementCount): { session: number; audit: number; data: number } {
  return byPurpose(measured.sql);
}
