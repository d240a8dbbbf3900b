import type { HomePacket } from "~/views/home-page";
import type { PacketEvidenceRecord } from "~/views/packet-page";
import type { Level } from "~/domain/levels";
import { projectOutcome, type RecordedOutcome } from "~/domain/project/outcome";
import type { ProjectMode, ProjectOutcome, ReviewHealth } from "~/domain/project/workflow";
import type { PacketSnapshot } from "~/domain/promotion/snapshot";
import type { PacketStatus, PromotionOutcome } from "~/domain/promotion/workflow";
import type { Rubric } from "~/domain/rubric/schema";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import { packetStatus, peerCandidatesColumn, readWholePacket, toPeerCandidates } from "./packet-read.server";
import { toCheckpoint, toMetric } from "./projects.server";

/** Reads of promotion packets, as plain types. Writes are in packet-drafts / packet-workflow. */
/** One evidence item as the packet page reads it (the type is the view's: one definition). */
export type EvidenceView = PacketEvidenceRecord;

export type StatementView = { id: string; evidenceId: string; authorId: string; authorName: string; text: string; updatedAt: Date };
export type AssessmentView = { criterionId: string; rating: number; comment: string; version: number; authorName: string; updatedAt: Date };
export type InvitationView = { peerId: string; peerName: string; invitedAt: Date };
export type PromotionDecisionView = {
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

export type PacketRecord = {
  id: string;
  builder: { userId: string; name: string; managerId: string | null; managerName: string | null; level: string; baseSalary: number | null; currency: string | null };
  fromLevel: Level;
  targetLevel: Level;
  status: PacketStatus;
  summary: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  updatedByName: string;
  submittedAt: Date | null;
  reviewStartedAt: Date | null;
  rubricVersion: { id: string; track: string; version: number; name: string };
  rubric: Rubric;
  evidence: EvidenceView[];
  statements: StatementView[];
  invitations: InvitationView[];
  assessments: AssessmentView[];
  snapshot: PacketSnapshot | null;
  decision: PromotionDecisionView | null;
};

export { calendarDate } from "~/domain/calendar-date";
import { calendarDate } from "~/domain/calendar-date";

const name = { select: { name: true } } as const;

/** What a cited project is read with: what its recorded outcome needs (domain/project/outcome.ts). */
const citedProjectInclude = {
  metrics: { orderBy: { position: "asc" } },
  checkpoint: { include: { recordedBy: { select: { id: true, name: true } } } },
  reviews: { include: { reviewedBy: name }, orderBy: { reviewedAt: "asc" } },
  // The approver's thumbs-up: the last approval (a project is approved once).
  events: { where: { kind: "approved" }, include: { actor: name }, orderBy: { at: "desc" }, take: 1 },
} satisfies Prisma.ProjectInclude;

/** What an evidence item is read with (toEvidenceView's input). */
export const evidenceInclude = { tags: true, updatedBy: name, project: { include: citedProjectInclude } } satisfies Prisma.PacketEvidenceInclude;

type CitedProjectRow = Prisma.ProjectGetPayload<{ include: typeof citedProjectInclude }>;

export function citedProjectOutcome(row: CitedProjectRow): RecordedOutcome {
  const approved = row.events[0];
  return projectOutcome({
    id: row.id,
    title: row.title,
    mode: row.mode as ProjectMode,
    team: row.team,
    approval: approved ? { by: approved.actor, at: approved.at, note: approved.note } : null,
    launchedAt: row.launchedAt,
    metrics: row.metrics.map(toMetric),
    checkpoint: row.checkpoint ? toCheckpoint(row.checkpoint) : null,
    reviews: row.reviews.map((r) => ({ reviewedAt: r.reviewedAt, reviewedBy: r.reviewedBy, health: r.health as ReviewHealth, roi: r.roi })),
    closedAt: row.closedAt,
    outcome: row.outcome as ProjectOutcome | null,
  });
}

type EvidenceRow = {
  id: string;
  title: string;
  description: string;
  impact: string;
  links: string;
  startDate: Date;
  endDate: Date | null;
  version: number;
  updatedAt: Date;
  updatedBy: { name: string };
  tags: Array<{ kind: string; tagId: string }>;
  projectId: string | null;
  project: CitedProjectRow | null;
};

export function toEvidenceView(row: EvidenceRow): EvidenceView {
  const tags = (kind: string) => row.tags.filter((t) => t.kind === kind).map((t) => t.tagId).sort();
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    impact: row.impact,
    links: JSON.parse(row.links) as string[],
    startDate: calendarDate(row.startDate),
    endDate: row.endDate ? calendarDate(row.endDate) : null,
    criteria: tags("criterion"),
    competencies: tags("competency"),
    version: row.version,
    updatedAt: row.updatedAt,
    updatedByName: row.updatedBy.name,
    projectId: row.projectId,
    project: row.project ? citedProjectOutcome(row.project) : null,
  };
}

export async function findEvidence(id: string): Promise<(EvidenceView & { packetId: string }) | null> {
  const row = await prisma.packetEvidence.findUnique({ where: { id }, include: evidenceInclude });
  return row ? { ...toEvidenceView(row), packetId: row.packetId } : null;
}

/**
 * A packet with everything on it, in one statement (packet-read.server.ts). Pass a transaction to
 * read it consistently with a write.
 */
export async function findPacket(id: string, db: Prisma.TransactionClient = prisma): Promise<PacketRecord | null> {
  return readWholePacket(id, db);
}

/** One line of a packet list: the same record the homes' packet lists show. */
export type PacketSummary = HomePacket;

export type PacketFilter = { builderId?: string; managerId?: string; peerId?: string; statuses?: PacketStatus[] };

/** Packets, newest first, narrowed by builder, manager, invited peer or status. */
export async function listPackets(filter: PacketFilter): Promise<PacketSummary[]> {
  const rows = await prisma.promotionPacket.findMany({
    where: {
      ...(filter.builderId ? { builderId: filter.builderId } : {}),
      ...(filter.managerId ? { builder: { managerId: filter.managerId } } : {}),
      ...(filter.peerId ? { invitations: { some: { peerId: filter.peerId } } } : {}),
      ...(filter.statuses ? { status: { in: filter.statuses } } : {}),
    },
    select: {
      id: true,
      builderId: true,
      fromLevel: true,
      targetLevel: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      submittedAt: true,
      builder: { select: { managerId: true, user: { select: { name: true } }, manager: { select: { name: true } } } },
      decision: { select: { outcome: true } },
      _count: { select: { evidence: true } },
    },
    orderBy: { updatedAt: "desc" },
  });
  return rows.map((r) => ({
    id: r.id,
    builderId: r.builderId,
    builderName: r.builder.user.name,
    managerId: r.builder.managerId,
    managerName: r.builder.manager?.name ?? null,
    fromLevel: r.fromLevel,
    targetLevel: r.targetLevel,
    status: packetStatus(r.status),
    evidenceCount: r._count.evidence,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    submittedAt: r.submittedAt,
    outcome: r.decision ? (r.decision.outcome === "promoted" ? "promoted" : "not_yet") : null,
  }));
}

/** People a manager may invite as peers on a packet: everyone active but the builder and the manager. */
export async function listPeerCandidates(exclude: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  const rows = await prisma.$queryRaw<Array<{ peerCandidates: unknown }>>`SELECT ${peerCandidatesColumn(exclude)}`;
  return toPeerCandidates(rows[0]?.peerCandidates);
}
