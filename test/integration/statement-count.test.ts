/**
 * The statement counter (app/data/statement-count.ts): every statement the app sends through the
 * driver adapter, Prisma's and raw SQL, inside transactions too; transaction control apart; counts
 * of concurrent work kept apart, nested counts added up.
 */
import { describe, expect, it } from "vitest";
import { countStatements } from "~/data/statement-count";
import { prisma } from "~/data/db.server";
import { createUser } from "../helpers/users";

describe("counting statements", () => {
  it("counts each statement a piece of work sends, with its SQL", async () => {
    const user = await createUser(["interviewer"]);
    const counted = await countStatements(async () => {
      await prisma.user.findUnique({ where: { id: user.id } });
      await prisma.$queryRaw`SELECT 1 AS one`;
      return "done";
    });
    expect(counted).toMatchObject({ result: "done", statements: 2, transactions: 0 });
    expect(counted.sql[0]).toMatch(/FROM (`main`.`User`|"public"."User")/);
    expect(counted.sql[1]).toBe("SELECT 1 AS one");
    expect((await countStatements(async () => null)).statements).toBe(0);
  });

  it("counts the statements inside a transaction, and the transaction apart (no BEGIN or COMMIT among the statements)", async () => {
    const user = await createUser(["interviewer"]);
    const counted = await countStatements(() =>
      prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { name: "Renamed" } });
        return tx.user.count();
      }),
    );
    expect(counted.transactions).toBe(1);
    expect(counted.sql.some((sql) => /^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(sql))).toBe(false);
    expect(counted.statements).toBe(counted.sql.length);
    expect(counted.sql.some((sql) => /^UPDATE/.test(sql))).toBe(true);

    const rolledBack = await countStatements(() =>
      prisma
        .$transaction(async (tx) => {
          await tx.user.findUnique({ where: { id: user.id } });
          throw new Error("changed my mind");
        })
        .catch(() => "rolled back"),
    );
    expect(rolledBack).toMatchObject({ result: "rolled back", statements: 1, transactions: 1 });
  });

  it("keeps concurrent counts apart and adds a nested count to the one around it", async () => {
    const user = await createUser(["interviewer"]);
    // count(), not findUnique: Prisma sends findUniques of one tick as one statement, whoever asked.
    const reads = (n: number) => async () => {
      for (let i = 0; i < n; i++) await prisma.user.count({ where: { id: user.id } });
    };
    const [two, three] = await Promise.all([countStatements(reads(2)), countStatements(reads(3))]);
    expect([two.statements, three.statements]).toEqual([2, 3]);

    const outer = await countStatements(async () => {
      await reads(1)();
      const inner = await countStatements(reads(2));
      expect(inner.statements).toBe(2);
    });
    expect(outer.statements).toBe(3);
  });

  it("counts nothing for work started outside any count", async () => {
    const user = await createUser(["interviewer"]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Chained here, outside the count: it runs in this context, even when awaited inside one.
    const elsewhere = gate.then(() => prisma.user.count({ where: { id: user.id } }));
    const counted = await countStatements(async () => {
      release();
      await elsewhere;
    });
    expect(counted.statements).toBe(0);
  });
});
