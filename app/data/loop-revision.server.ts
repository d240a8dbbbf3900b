import type { Prisma } from "~/generated/prisma/client";

/**
 * Marks loops as changed for readers that cache what they derive from them (the committee list):
 * each gets the next value of a sequence shared by all loops (the highest revision + 1, found
 * through the index on it), inside the caller's transaction. A reader asks for the loops whose
 * revision is above the highest it has seen. Call it from every write that changes what the
 * committee list shows: interviews, submitted scorecards and amendments, decisions, the candidate.
 * Revisions grow in commit order because write transactions run one at a time (SQLite; on
 * PostgreSQL, the lock every transaction takes first: db.server.ts).
 */
export async function markLoopsChanged(tx: Prisma.TransactionClient, where: { loopId: string } | { candidateId: string }): Promise<void> {
  if ("loopId" in where) {
    await tx.$executeRaw`UPDATE "Loop" SET "revision" = (SELECT COALESCE(MAX("revision"), 0) + 1 FROM "Loop") WHERE "id" = ${where.loopId}`;
  } else {
    await tx.$executeRaw`UPDATE "Loop" SET "revision" = (SELECT COALESCE(MAX("revision"), 0) + 1 FROM "Loop") WHERE "candidateId" = ${where.candidateId}`;
  }
}
