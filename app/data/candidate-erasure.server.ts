import { erasedCandidateFields, erasedContentJson, erasedDecisionText, erasedText, erasureRefusal, ERASED_TEXT } from "~/domain/candidate-erasure";
import { conflict, notFound, type WordedRefusal } from "~/domain/refusal";
import { recordChange, redactAuditAbout, type AuditActor } from "./audit.server";
import { prisma } from "./db.server";
import { markLoopsChanged } from "./loop-revision.server";

/** An erasure, or why not: no such candidate (not_found), already erased or hired (conflict). */
export type ErasureResult = { ok: true; entriesRedacted: number } | WordedRefusal;

/**
 * Erases a candidate (domain/candidate-erasure.ts) in one transaction: their details, the free
 * text of their loops' scorecards (current rows, drafts and every revision) and decisions, and the
 * free text of audit entries about them; then records the erasure itself, after the redaction, so
 * its entry keeps who, when and why. Ids, ratings, outcomes and dates stay. A refusal or a failure
 * part-way writes nothing.
 */
export async function eraseCandidate(candidateId: string, input: { reason: string; actor: AuditActor; now: Date }): Promise<ErasureResult> {
  return prisma.$transaction(async (tx): Promise<ErasureResult> => {
    const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { id: true, erasedAt: true } });
    if (!candidate) return notFound("No such candidate");
    // Onboarding writes the hire decision into the new builder's level history.
    const hires = await tx.levelChange.count({ where: { hiringDecision: { loop: { candidateId } } } });
    const refusal = erasureRefusal({ erasedAt: candidate.erasedAt, becameBuilder: hires > 0 });
    if (refusal) return conflict(refusal);

    await tx.candidate.update({
      where: { id: candidateId },
      data: { ...erasedCandidateFields(candidateId), erasedAt: input.now, updatedAt: input.now },
    });

    const loops = await tx.loop.findMany({ where: { candidateId }, select: { id: true, closeReason: true } });
    const loopIds = loops.map((l) => l.id);
    // Why a loop was closed is typed about the candidate too (a rejection's reason is copied there).
    for (const loop of loops) {
      if (loop.closeReason) await tx.loop.update({ where: { id: loop.id }, data: { closeReason: erasedText(loop.closeReason) } });
    }
    const scorecards = await tx.scorecard.findMany({ where: { loopId: { in: loopIds } }, select: { id: true, draft: true, takeaways: true } });
    const scorecardIds = scorecards.map((s) => s.id);
    for (const card of scorecards) {
      await tx.scorecard.update({ where: { id: card.id }, data: { draft: erasedContentJson(card.draft), takeaways: erasedText(card.takeaways) } });
    }
    const revisions = await tx.scorecardRevision.findMany({ where: { scorecardId: { in: scorecardIds } }, select: { id: true, content: true, reason: true } });
    for (const revision of revisions) {
      await tx.scorecardRevision.update({
        where: { id: revision.id },
        data: { content: erasedContentJson(revision.content), reason: erasedText(revision.reason) },
      });
    }
    // The rows aggregation reads: only their text changes (empty text stays empty, as erasedText does).
    const written = { scorecardId: { in: scorecardIds } };
    await tx.criterionRating.updateMany({ where: { ...written, NOT: { evidence: "" } }, data: { evidence: ERASED_TEXT } });
    await tx.signalObservation.updateMany({ where: { ...written, NOT: { note: "" } }, data: { note: ERASED_TEXT } });
    await tx.redFlagRecord.updateMany({ where: { ...written, NOT: { evidence: "" } }, data: { evidence: ERASED_TEXT } });

    const decisions = await tx.hiringDecision.findMany({
      where: { loopId: { in: loopIds } },
      select: { id: true, rationale: true, bandJustification: true, overrideJustification: true },
    });
    for (const decision of decisions) {
      await tx.hiringDecision.update({ where: { id: decision.id }, data: erasedDecisionText(decision) });
    }

    // Why an interview of theirs was cancelled is text about them too (empty text stays empty).
    await tx.interview.updateMany({ where: { loopId: { in: loopIds }, NOT: [{ cancelReason: null }, { cancelReason: "" }] }, data: { cancelReason: ERASED_TEXT } });

    // The committee list shows the candidate's name on each loop: it must read the new one.
    await markLoopsChanged(tx, { candidateId });
    const entriesRedacted = await redactAuditAbout(tx, candidateId, input.now);
    await recordChange(
      tx,
      input.actor,
      {
        action: "candidate.erase",
        recordType: "candidate",
        recordId: candidateId,
        candidateId,
        reason: input.reason,
        detail: {
          loops: loopIds.length,
          scorecards: scorecards.length,
          revisions: revisions.length,
          decisions: decisions.length,
          entriesRedacted,
        },
      },
      input.now
    );
    return { ok: true as const, entriesRedacted };
  });
}

/** Why this candidate may not be erased (shown before anyone fills the form), or null; undefined when there is no such candidate. */
export async function erasureRefusalFor(candidateId: string): Promise<string | null | undefined> {
  const candidate = await prisma.candidate.findUnique({ where: { id: candidateId }, select: { erasedAt: true } });
  if (!candidate) return undefined;
  const hires = await prisma.levelChange.count({ where: { hiringDecision: { loop: { candidateId } } } });
  return erasureRefusal({ erasedAt: candidate.erasedAt, becameBuilder: hires > 0 });
}
