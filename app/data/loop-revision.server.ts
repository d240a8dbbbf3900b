import type { Prisma } from "~/generated/prisma/client";
import { serialiseWrites } from "./sql-dialect";

/**
 * Marks loops as changed for readers that cache what they derive from them (the committee list):
 * each gets the next value of a sequence shared by all loops (the highest revision + 1, found
 * through the index on it), inside the caller's transaction. A reader asks for the loops whose
 * revision is above the highest it has seen. Call it from every write that changes what the
 * committee list shows: interviews, submitted scorecards and amendments, decisions, the candidate.
 */
export async function markLoopsChanged(tx: Prisma.TransactionClient, where: { loopId: string } | { candidateId: string }): Promise<void> {
  // Revisions must grow in commit order (a reader asks for those above the highest it has seen).
  await serialiseWrites(tx);
  if ("loopId" in where) {
    await tx.$executeRaw`UPDATE "Loop" SET "revision" = (SELECT COALESCE(MAX("revision"), 0) + 1 FROM "Loop") WHERE "id" = ${where.loopId}`;
  } else {
    await tx.$executeRaw`UPDATE "Loop" SET "revision" = (SELECT COALESCE(MAX("revision"), 0) + 1 FROM "Loop") WHERE "candidateId" = ${where.candidateId}`;
  }
}
