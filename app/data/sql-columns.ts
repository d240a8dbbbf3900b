import { Prisma } from "~/generated/prisma/client";

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Columns of one table alias as the fields of a JSON object (sql-dialect.ts jsonObjects), each
 * field named as its column: `{ id: s."id", stageId: s."stageId" }`. Aliases and names are written
 * in code, never taken from input; checked so that nothing else can slip in.
 */
export function columnsOf(alias: string, names: readonly string[]): Record<string, Prisma.Sql> {
  if (!NAME.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  return Object.fromEntries(
    names.map((name) => {
      if (!NAME.test(name)) throw new Error(`Not a column name: ${name}`);
      return [name, Prisma.raw(`${alias}."${name}"`)];
    }),
  );
}
