import type { Level } from "~/domain/levels";
import { withoutMeasuredOutcome, type RecordedOutcome } from "~/domain/project/outcome";
import type { ProjectStatus } from "~/domain/project/workflow";
import type { PacketAccess } from "~/domain/promotion/access";
import { coverageRequirements } from "~/domain/promotion/coverage";
import { submissionProblems, targetCriteria, type PacketSnapshot } from "~/domain/promotion/snapshot";
import type { PacketStatus, PromotionOutcome } from "~/domain/promotion/workflow";
import type { Rubric } from "~/domain/rubric/schema";
import { packetDecision, packetPay } from "./packet-pay";

/*
 * The promotion packet page, from plain records to exactly what one viewer receives. A draft is
 * read from its live rows; anything later from its frozen snapshot. Assessments, other peers'
 * statements, the decision and pay leave the server only for those the access rules
 * (domain/promotion/access.ts) allow; who sees pay: packet-pay.ts. Moments are ISO strings.
 */

// ---- What the page is built from ----

export type PacketEvidenceRecord = {
  id: string;
  title: string;
  description: string;
  impact: string;
  links: string[];
  /** Calendar dates, YYYY-MM-DD. */
  startDate: string;
  endDate: string | null;
  criteria: string[];
  competencies: string[];
  version: number;
  updatedAt: Date;
  updatedByName: string;
  /** The builder's project the item cites, with its recorded outcome as it stands now. */
  projectId: string | null;
  project: RecordedOutcome | null;
};

export type PacketDecisionRecord = {
  outcome: PromotionOutcome;
  feedback: Record<string, string>;
  rationale: string;
  newBaseSalary: number | null;
  currency: string | null;
  bandJustification: string | null;
  /** Why a raise below the rubric's minimum promotion raise was given. */
  raiseJustification: string | null;
  decidedByName: string;
  decidedAt: Date;
};

/** A packet with everything on it (data/packets.server.ts reads one). */
export type PacketCaseRecord = {
  id: string;
  builder: { userId: string; name: string; managerId: string | null; managerName: string | null; baseSalary: number | null };
  fromLevel: Level;
  targetLevel: Level;
  status: PacketStatus;
  summary: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  updatedByName: string;
  reviewStartedAt: Date | null;
  rubricVersion: { id: string; track: string; version: number; name: string };
  rubric: Rubric;
  evidence: PacketEvidenceRecord[];
  statements: Array<{ evidenceId: string; authorId: string; authorName: string; text: string; updatedAt: Date }>;
  invitations: Array<{ peerId: string; peerName: string; invitedAt: Date }>;
  assessments: Array<{ criterionId: string; rating: number; comment: string; version: number; authorName: string; updatedAt: Date }>;
  snapshot: PacketSnapshot | null;
  decision: PacketDecisionRecord | null;
};

export type PacketPageRecords = {
  packet: PacketCaseRecord;
  /** Whom the manager may invite as peers; read only for those who invite (null otherwise). */
  peerCandidates: Array<{ id: string; name: string }> | null;
  /** The builder's launched projects an evidence item may cite; read only for those who edit the draft. */
  projectChoices: Array<{ id: string; title: string; status: ProjectStatus }> | null;
};

/** Who is reading: their id and what the access rules grant them on this packet (their roles on it, added up). */
export type PacketViewer = { id: string; access: PacketAccess };

// ---- What the page receives ----

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The packet as one viewer may read it: the page's content, also what the builder's own data
 * export holds of each packet (data/builder-export.server.ts).
 */
export function packetView(packet: PacketCaseRecord, { id: viewerId, access }: PacketViewer) {
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
    decision: packetDecision(packet.decision, access),
    pay: packetPay(packet, access),
  };
}

export type PacketView = ReturnType<typeof packetView>;

/** The packet page: the packet as the viewer may read it, and the choices of the forms they may use. */
export function packetPageView(records: PacketPageRecords, viewer: PacketViewer) {
  return { ...packetView(records.packet, viewer), viewerId: viewer.id, peerCandidates: records.peerCandidates, projectChoices: records.projectChoices };
}

/** What the packet page's components receive. */
export type PacketPageData = ReturnType<typeof packetPageView>;
