import { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";

/**
 * Who runs a scheduled job: one SchedulerLease row per job, held by one process until it expires.
 * Taking it is one conditional write (SQLite runs one write at a time): the holder renews its own
 * lease, anyone takes an expired one, and two processes creating the first row race on the primary
 * key, so exactly one wins. A holder that dies stops renewing and the lease passes on after `ttlMs`.
 * The row is scheduling bookkeeping, not anybody's data: it is not in the audit trail.
 */
export async function acquireLease(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const { count } = await prisma.schedulerLease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lte: now } }] },
    data: { holder, expiresAt },
  });
  if (count === 1) return true;
  try {
    await prisma.schedulerLease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    // Someone else holds it (the row exists and is theirs and current).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/**
 * Gives the lease up at once (a clean stop), when this holder has it: it expires at the epoch, so
 * any process takes it at its next look, whatever its clock (a process's clock may be injected, as
 * in tests, and need not agree with this one's).
 */
export async function releaseLease(name: string, holder: string): Promise<void> {
  await prisma.schedulerLease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(0) } });
}

/** Who holds a lease and until when (null: nobody ever took it). */
export function leaseHolder(name: string) {
  return prisma.schedulerLease.findUnique({ where: { name } });
}
