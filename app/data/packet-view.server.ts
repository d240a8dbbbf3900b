import type { PacketRecord } from "./packets.server";
import { isLevel } from "~/domain/levels";
import { withoutMeasuredOutcome, type RecordedOutcome } from "~/domain/project/outcome";
import type { PacketAccess } from "~/domain/promotion/access";
import { coverageRequirements } from "~/domain/promotion/coverage";
import { promotionPay } from "~/domain/promotion/pay";
import { submissionProblems, targetCriteria } from "~/domain/promotion/snapshot";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * What the packet page sends to one viewer. A draft is read from its live rows; anything later
 * from its frozen snapshot. Assessments, other peers' statements, the decision and pay leave the
 * server only for those the access rules (domain/promotion/access.ts) allow.
 */
export function packetView(packet: PacketRecord, access: PacketAccess, viewerId: string) {
  const { rubric } = packet;
  const frozen = packet.snapshot;
  // A cited project's measured outcome (checkpoint, actuals, reviews) is for those who read the
  // packet's assessments (the builder, their manager, the committee, admins); an invited peer reads
  // the project's summary, as everyone signed in may.
  const readsOutcomes = access.readAssessments;
  const cited = (projectId: string | null | undefined, project: RecordedOutcome | null | undefined) => ({
    projectId: projectId ?? null,
    project: project ? (readsOutcomes ? project : withoutMeasuredOutcome(project)) : null,
    outcomeWithheld: Boolean(project) && !readsOutcomes,
  });
  const evidence = frozen
    ? frozen.evidence.map((e) => ({ ...e, version: 0, updatedAt: null as string | null, updatedByName: null as string | null, ...cited(e.projectId, e.project) }))
    : packet.evidence.map((e) => ({ ...e, updatedAt: iso(e.updatedAt), updatedByName: e.updatedByName as string | null, ...cited(e.projectId, e.project) }));
  const statements = (frozen ? frozen.statements : packet.statements.map((s) => ({ ...s, updatedAt: s.updatedAt.toISOString() })))
    .filter((s) => access.readAllStatements || s.authorId === viewerId)
    .map((s) => ({ evidenceId: s.evidenceId, authorId: s.authorId, authorName: s.authorName, text: s.text, updatedAt: s.updatedAt }));
  const assessments = access.readAssessments
    ? frozen
      ? frozen.assessments.map((a) => ({ ...a, version: 0 }))
      : packet.assessments.map((a) => ({ criterionId: a.criterionId, rating: a.rating, comment: a.comment, authorName: a.authorName, updatedAt: a.updatedAt.toISOString(), version: a.version }))
    : null;
  const criteria = targetCriteria(rubric, packet.targetLevel).map((c) => ({
    ...c,
    requirement: rubric.levels.find((l) => l.id === packet.targetLevel)?.advancement[c.id] ?? "",
  }));

  const bands = rubric.bands;
  const currentBand = isLevel(packet.fromLevel) ? bands.levels[packet.fromLevel] : undefined;
  const targetBand = bands.levels[packet.targetLevel];
  const base = frozen ? frozen.baseAtSubmission : packet.builder.baseSalary;
  const pay =
    access.readPay && targetBand
      ? {
          currency: bands.currency,
          currentBase: base,
          currentBand: currentBand?.base ?? null,
          targetBand: targetBand.base,
          targetEquity: targetBand.equity,
          minRaisePercent: rubric.decision_rules.promotion_pay.min_raise_percent,
          analysis: base !== null && currentBand ? promotionPay(base, currentBand.base, targetBand.base, rubric.decision_rules.promotion_pay.min_raise_percent) : null,
        }
      : null;

  return {
    packet: {
      id: packet.id,
      status: packet.status,
      fromLevel: packet.fromLevel,
      targetLevel: packet.targetLevel,
      targetTitle: rubric.levels.find((l) => l.id === packet.targetLevel)?.title ?? packet.targetLevel,
      summary: frozen ? frozen.summary : packet.summary,
      version: packet.version,
      updatedAt: iso(packet.updatedAt)!,
      updatedByName: packet.updatedByName,
      createdAt: iso(packet.createdAt)!,
      submittedAt: frozen?.submittedAt ?? null,
      submittedByName: frozen?.submittedByName ?? null,
      reviewStartedAt: iso(packet.reviewStartedAt),
      rubricVersion: packet.rubricVersion,
    },
    builder: { userId: packet.builder.userId, name: packet.builder.name, managerName: packet.builder.managerName, isViewer: packet.builder.userId === viewerId },
    access,
    coverageNeeds: coverageRequirements(rubric, packet.targetLevel),
    criteria,
    competencies: rubric.competencies.map((c) => ({ id: c.id, name: c.name })),
    scale: rubric.scale.map((s) => ({ value: s.value, label: s.label })),
    evidence,
    statements,
    assessments,
    invitations: access.readAllStatements || access.invitePeers ? packet.invitations.map((i) => ({ ...i, invitedAt: i.invitedAt.toISOString() })) : null,
    submission: access.submit
      ? submissionProblems({ summary: packet.summary, evidenceCount: packet.evidence.length, assessedCriteria: packet.assessments.map((a) => a.criterionId) }, criteria)
      : null,
    // The new base is the builder's own pay: those who read the decision may all see it (builder, manager, committee, admin).
    decision: access.readDecision && packet.decision ? { ...packet.decision, decidedAt: packet.decision.decidedAt.toISOString() } : null,
    pay,
  };
}

export type PacketView = ReturnType<typeof packetView>;
