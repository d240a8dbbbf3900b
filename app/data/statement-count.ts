import { AsyncLocalStorage } from "node:async_hooks";
import type { SqlDriverAdapter, SqlQuery, SqlQueryable, Transaction } from "@prisma/driver-adapter-utils";

/**
 * Counts the SQL statements the app sends to the database while a piece of work runs (a page's
 * loaders, an action): the integration tests hold each page to a budget of statements, and the
 * benchmark reports statements per request. Every statement passes through the driver adapter
 * (db.server.ts hands its connection to `countingStatements`), so Prisma queries, raw SQL and
 * the statements inside interactive transactions are all seen.
 *
 * Nobody counting costs one AsyncLocalStorage lookup per statement. A statement counts for the
 * work it was sent for; Prisma sends the findUnique calls of one tick as one statement, counted
 * once, in one of the counts they were made in.
 */

/** What one counted piece of work sent. */
export type StatementCount = {
  /** Statements that read or write data (transaction control excluded). */
  statements: number;
  /** Transactions begun (each is a BEGIN, and a COMMIT or ROLLBACK, beside its statements). */
  transactions: number;
  /** The text of each data statement, in order: for a failing budget to show what ran. */
  sql: string[];
};

type Tally = StatementCount & { outer: Tally | undefined };

// Kept on globalThis: the server entry and the app bundle are two module graphs that share one
// Prisma client (db.server.ts), so they must share the storage its adapter reports to.
const KEY = Symbol.for("builder-ladder.statement-count");
const scope = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<Tally> };
const storage: AsyncLocalStorage<Tally> = (scope[KEY] ??= new AsyncLocalStorage<Tally>());

/** Runs `work` and counts the statements it sends, including those of work it starts and awaits. Counts nest: an outer count includes an inner one's. */
export async function countStatements<T>(work: () => Promise<T>): Promise<StatementCount & { result: T }> {
  const tally: Tally = { statements: 0, transactions: 0, sql: [], outer: storage.getStore() };
  const result = await storage.run(tally, work);
  return { result, statements: tally.statements, transactions: tally.transactions, sql: tally.sql };
}

// BEGIN is issued inside startTransaction; COMMIT and ROLLBACK come through executeRaw.
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

function noteStatement(sql: string): void {
  let tally = storage.getStore();
  if (!tally || TRANSACTION_CONTROL.test(sql)) return;
  for (; tally; tally = tally.outer) {
    tally.statements += 1;
    tally.sql.push(sql);
  }
}

function noteTransaction(): void {
  for (let tally = storage.getStore(); tally; tally = tally.outer) tally.transactions += 1;
}

function countQueries<Q extends SqlQueryable>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.queryRaw = (query: SqlQuery) => {
    noteStatement(query.sql);
    return queryRaw(query);
  };
  queryable.executeRaw = (query: SqlQuery) => {
    noteStatement(query.sql);
    return executeRaw(query);
  };
  return queryable;
}

/** The connected adapter, reporting each statement (its own and its transactions') to whoever is counting. */
export function countingStatements(adapter: SqlDriverAdapter): SqlDriverAdapter {
  countQueries(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel): Promise<Transaction> => {
    const transaction = await startTransaction(isolationLevel);
    noteTransaction();
    return countQueries(transaction);
  };
  return adapter;
}
