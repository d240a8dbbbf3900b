import { raterLeniencyFromUnits, type RaterLeniency } from "~/domain/rater-quality";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import { leniencyUnits } from "./rater-quality.server";

/**
 * Each interviewer's leniency against the panel, kept in memory per interviewer. It depends only on
 * the loops they have submitted on, and every write to a loop's scorecards raises that loop's
 * revision (loop-revision.server.ts), so an interviewer's figure is valid while the highest
 * revision among their loops stays the same. Checking that is one small grouped query; the
 * figures (a scan of every rating on those loops) are recomputed only for interviewers whose
 * loops changed.
 */
type Entry = { revision: number; leniency: RaterLeniency };

declare global {
  var __panelLeniency: Map<string, Entry> | undefined;
}
const cache = (globalThis.__panelLeniency ??= new Map());

export async function panelLeniency(interviewerIds: readonly string[]): Promise<RaterLeniency[]> {
  const ids = [...new Set(interviewerIds)].sort();
  if (ids.length === 0) return [];
  const revisions = await prisma.$queryRaw<Array<{ interviewerId: string; revision: number | bigint }>>`
    SELECT s."interviewerId", MAX(l."revision") AS "revision"
    FROM "Scorecard" s JOIN "Loop" l ON l."id" = s."loopId"
    WHERE s."status" = 'submitted' AND s."interviewerId" IN (${Prisma.join(ids)})
    GROUP BY s."interviewerId"`;
  const current = new Map(revisions.map((r) => [r.interviewerId, Number(r.revision)]));
  const stale = ids.filter((id) => current.has(id) && cache.get(id)?.revision !== current.get(id));
  if (stale.length > 0) {
    for (const leniency of raterLeniencyFromUnits(await leniencyUnits(stale))) {
      cache.set(leniency.interviewerId, { revision: current.get(leniency.interviewerId)!, leniency });
    }
  }
  // An interviewer whose submitted scorecards hold no rating has no figure (rather than a crash).
  return ids.flatMap((id) => {
    const entry = current.has(id) ? cache.get(id) : undefined;
    return entry ? [entry.leniency] : [];
  });
}
