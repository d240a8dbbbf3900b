import { calendarDate } from "~/domain/calendar-date";
import { isLevel, type Level } from "~/domain/levels";
import { projectOutcome, type RecordedOutcome } from "~/domain/project/outcome";
import type { ProjectMode, ProjectOutcome, ProjectStatus, ReviewHealth } from "~/domain/project/workflow";
import type { PacketParties } from "~/domain/promotion/access";
import { parseSnapshot } from "~/domain/promotion/snapshot";
import { isPacketStatus, type PacketStatus } from "~/domain/promotion/workflow";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import type { PacketRecord } from "./packets.server";
import { toCheckpoint, toMetric } from "./projects.server";
import { rubricFromContent } from "./rubrics.server";
import { columnsOf } from "./sql-columns";
import { dateColumn, integerColumn, jsonColumn, jsonObjects } from "./sql-dialect";

/*
 * A promotion packet read in hand-written statements (the ORM took about twenty, one per relation).
 * The head — the packet row, its builder, rubric version, decision and invited peers — is one
 * statement: what the access gate checks, and what the page then continues from. The content —
 * evidence with its tags and cited projects, peer statements, the manager's assessments — is one
 * more, or rides along in the head's statement when the whole packet is wanted at once. Every list
 * comes back as one JSON array (sql-dialect.ts), put together and ordered here as the ORM ordered it.
 */

type Db = Pick<Prisma.TransactionClient, "$queryRaw">;

/** A packet without its content: enough to decide who may do what with it, and to show its header. */
export type PacketHead = Omit<PacketRecord, "evidence" | "statements" | "assessments">;
export type PacketContent = Pick<PacketRecord, "evidence" | "statements" | "assessments">;

/** The choices of the page's forms, read with the content only for those who use the forms. */
export type PacketChoices = {
  peerCandidates: Array<{ id: string; name: string }> | null;
  projectChoices: Array<{ id: string; title: string; status: ProjectStatus }> | null;
};

export function packetLevel(value: string, what: string): Level {
  if (!isLevel(value)) throw new Error(`${what} has an unknown level "${value}"`);
  return value;
}

export function packetStatus(value: string): PacketStatus {
  if (!isPacketStatus(value)) throw new Error(`Unknown packet status "${value}"`);
  return value;
}

/** Who a packet's access rules need to know about (domain/promotion/access.ts), from its head. */
export function packetParties(head: PacketHead): PacketParties {
  return { builderId: head.builder.userId, managerId: head.builder.managerId, status: head.status, peerIds: head.invitations.map((i) => i.peerId) };
}

/** Text in the database's order (binary), as the ORM's ORDER BY gave it. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byTime = (a: Date, b: Date) => a.getTime() - b.getTime();
const name = (alias: string) => Prisma.raw(`${alias}."name"`);
const list = <T>(value: unknown): T[] => jsonColumn<T[] | null>(value) ?? [];

// ---- The head ----

type HeadRow = {
  id: string;
  builderId: string;
  fromLevel: string;
  targetLevel: string;
  status: string;
  summary: string;
  version: unknown;
  createdAt: unknown;
  updatedAt: unknown;
  submittedAt: unknown;
  reviewStartedAt: unknown;
  snapshot: string | null;
  builderName: string;
  managerId: string | null;
  managerName: string | null;
  builderLevel: string;
  baseSalary: unknown;
  builderCurrency: string | null;
  updatedByName: string;
  versionId: string;
  track: string;
  versionNumber: unknown;
  versionName: string;
  contentHash: string;
  content: string;
  decisionId: string | null;
  outcome: string | null;
  feedback: string | null;
  rationale: string | null;
  newBaseSalary: unknown;
  decisionCurrency: string | null;
  bandJustification: string | null;
  raiseJustification: string | null;
  decidedAt: unknown;
  decidedByName: string | null;
  invitations: unknown;
};
type InvitationJson = { peerId: string; invitedAt: string; peerName: string };

/** The head's statement; `more` adds columns computed per packet (the content, the choices). */
function packetStatement(id: string, more: Prisma.Sql[] = []): Prisma.Sql {
  return Prisma.sql`
    SELECT p."id", p."builderId", p."fromLevel", p."targetLevel", p."status", p."summary", p."version",
      p."createdAt", p."updatedAt", p."submittedAt", p."reviewStartedAt", p."snapshot",
      bu."name" AS "builderName", b."managerId", m."name" AS "managerName", b."level" AS "builderLevel",
      b."baseSalary", b."currency" AS "builderCurrency", ub."name" AS "updatedByName",
      v."id" AS "versionId", v."track", v."version" AS "versionNumber", v."name" AS "versionName", v."contentHash", v."content",
      d."id" AS "decisionId", d."outcome", d."feedback", d."rationale", d."newBaseSalary", d."currency" AS "decisionCurrency",
      d."bandJustification", d."raiseJustification", d."decidedAt", dm."name" AS "decidedByName",
      (SELECT ${jsonObjects({ ...columnsOf("i", ["peerId", "invitedAt"]), peerName: name("u") })}
        FROM "PeerInvitation" i JOIN "User" u ON u."id" = i."peerId" WHERE i."packetId" = p."id") AS "invitations"
      ${more.length > 0 ? Prisma.sql`, ${Prisma.join(more, ", ")}` : Prisma.empty}
    FROM "PromotionPacket" p
    JOIN "Builder" b ON b."userId" = p."builderId"
    JOIN "User" bu ON bu."id" = b."userId"
    LEFT JOIN "User" m ON m."id" = b."managerId"
    JOIN "User" ub ON ub."id" = p."updatedById"
    JOIN "RubricVersion" v ON v."id" = p."rubricVersionId"
    LEFT JOIN "PromotionDecision" d ON d."packetId" = p."id"
    LEFT JOIN "User" dm ON dm."id" = d."decidedById"
    WHERE p."id" = ${id}`;
}

function toHead(row: HeadRow): PacketHead {
  const what = `Packet ${row.id}`;
  const optionalInteger = (value: unknown) => (value === null || value === undefined ? null : integerColumn(value));
  return {
    id: row.id,
    builder: {
      userId: row.builderId,
      name: row.builderName,
      managerId: row.managerId,
      managerName: row.managerName,
      level: row.builderLevel,
      baseSalary: optionalInteger(row.baseSalary),
      currency: row.builderCurrency,
    },
    fromLevel: packetLevel(row.fromLevel, what),
    targetLevel: packetLevel(row.targetLevel, what),
    status: packetStatus(row.status),
    summary: row.summary,
    version: integerColumn(row.version),
    createdAt: dateColumn(row.createdAt)!,
    updatedAt: dateColumn(row.updatedAt)!,
    updatedByName: row.updatedByName,
    submittedAt: dateColumn(row.submittedAt),
    reviewStartedAt: dateColumn(row.reviewStartedAt),
    rubricVersion: { id: row.versionId, track: row.track, version: integerColumn(row.versionNumber), name: row.versionName },
    rubric: rubricFromContent(row.contentHash, row.content),
    invitations: list<InvitationJson>(row.invitations)
      .map((i) => ({ peerId: i.peerId, peerName: i.peerName, invitedAt: dateColumn(i.invitedAt)! }))
      .sort((a, b) => byTime(a.invitedAt, b.invitedAt) || byText(a.peerId, b.peerId)),
    snapshot: row.snapshot ? parseSnapshot(row.snapshot) : null,
    decision: row.decisionId
      ? {
          outcome: row.outcome === "promoted" ? "promoted" : "not_yet",
          feedback: JSON.parse(row.feedback ?? "{}") as Record<string, string>,
          rationale: row.rationale ?? "",
          newBaseSalary: optionalInteger(row.newBaseSalary),
          currency: row.decisionCurrency,
          bandJustification: row.bandJustification,
          raiseJustification: row.raiseJustification,
          decidedByName: row.decidedByName ?? "",
          decidedAt: dateColumn(row.decidedAt)!,
        }
      : null,
  };
}

// ---- The content ----

type EvidenceJson = {
  id: string;
  title: string;
  description: string;
  impact: string;
  links: string;
  startDate: string;
  endDate: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  projectId: string | null;
  updatedByName: string;
};
type TagJson = { evidenceId: string; kind: string; tagId: string };
type ProjectJson = { id: string; title: string; mode: string; team: string; launchedAt: string | null; closedAt: string | null; outcome: string | null };
type MetricJson = { projectId: string; id: string; position: number; name: string; unit: string; baseline: number; target: number; direction: string; measurement: string };
type CheckpointJson = { projectId: string; recordedAt: string; verdict: string; followUps: string; actuals: string; recordedById: string; recordedByName: string };
type ReviewJson = { projectId: string; id: string; reviewedAt: string; health: string; roi: string; reviewedByName: string };
type ApprovalJson = { projectId: string; id: string; at: string; note: string; actorName: string };
type StatementJson = { id: string; evidenceId: string; authorId: string; text: string; createdAt: string; updatedAt: string; authorName: string };
type AssessmentJson = { criterionId: string; rating: number; comment: string; version: number; updatedAt: string; authorName: string };

type ContentRow = { evidence: unknown; tags: unknown; projects: unknown; metrics: unknown; checkpoints: unknown; reviews: unknown; approvals: unknown; statements: unknown; assessments: unknown };

/** The content's columns, per packet `p` of the statement they are part of. */
function contentColumns(): Prisma.Sql[] {
  // The builder's projects its evidence cites: each with what its recorded outcome needs (domain/project/outcome.ts).
  const cited = Prisma.sql`(SELECT e."projectId" FROM "PacketEvidence" e WHERE e."packetId" = p."id" AND e."projectId" IS NOT NULL)`;
  return [
    Prisma.sql`(SELECT ${jsonObjects({
      ...columnsOf("e", ["id", "title", "description", "impact", "links", "startDate", "endDate", "version", "createdAt", "updatedAt", "projectId"]),
      updatedByName: name("u"),
    })} FROM "PacketEvidence" e JOIN "User" u ON u."id" = e."updatedById" WHERE e."packetId" = p."id") AS "evidence"`,
    Prisma.sql`(SELECT ${jsonObjects(columnsOf("t", ["evidenceId", "kind", "tagId"]))}
      FROM "EvidenceTag" t JOIN "PacketEvidence" e ON e."id" = t."evidenceId" WHERE e."packetId" = p."id") AS "tags"`,
    Prisma.sql`(SELECT ${jsonObjects(columnsOf("pr", ["id", "title", "mode", "team", "launchedAt", "closedAt", "outcome"]))}
      FROM "Project" pr WHERE pr."id" IN ${cited}) AS "projects"`,
    Prisma.sql`(SELECT ${jsonObjects(columnsOf("pm", ["projectId", "id", "position", "name", "unit", "baseline", "target", "direction", "measurement"]))}
      FROM "ProjectMetric" pm WHERE pm."projectId" IN ${cited}) AS "metrics"`,
    Prisma.sql`(SELECT ${jsonObjects({ ...columnsOf("c", ["projectId", "recordedAt", "verdict", "followUps", "actuals", "recordedById"]), recordedByName: name("u") })}
      FROM "ProjectCheckpoint" c JOIN "User" u ON u."id" = c."recordedById" WHERE c."projectId" IN ${cited}) AS "checkpoints"`,
    Prisma.sql`(SELECT ${jsonObjects({ ...columnsOf("r", ["projectId", "id", "reviewedAt", "health", "roi"]), reviewedByName: name("u") })}
      FROM "ProjectReview" r JOIN "User" u ON u."id" = r."reviewedById" WHERE r."projectId" IN ${cited}) AS "reviews"`,
    // The approver's thumbs-up: a project is approved once; the last approval counts.
    Prisma.sql`(SELECT ${jsonObjects({ ...columnsOf("ev", ["projectId", "id", "at", "note"]), actorName: name("u") })}
      FROM "ProjectEvent" ev JOIN "User" u ON u."id" = ev."actorId" WHERE ev."kind" = 'approved' AND ev."projectId" IN ${cited}) AS "approvals"`,
    Prisma.sql`(SELECT ${jsonObjects({ ...columnsOf("s", ["id", "evidenceId", "authorId", "text", "createdAt", "updatedAt"]), authorName: name("u") })}
      FROM "PeerStatement" s JOIN "User" u ON u."id" = s."authorId" WHERE s."packetId" = p."id") AS "statements"`,
    Prisma.sql`(SELECT ${jsonObjects({ ...columnsOf("a", ["criterionId", "rating", "comment", "version", "updatedAt"]), authorName: name("u") })}
      FROM "ManagerAssessment" a JOIN "User" u ON u."id" = a."authorId" WHERE a."packetId" = p."id") AS "assessments"`,
  ];
}

function citedProjects(row: ContentRow): Map<string, RecordedOutcome> {
  const metrics = list<MetricJson>(row.metrics).sort((a, b) => a.position - b.position);
  const checkpoints = list<CheckpointJson>(row.checkpoints);
  const reviews = list<ReviewJson>(row.reviews)
    .map((r) => ({ ...r, at: dateColumn(r.reviewedAt)! }))
    .sort((a, b) => byTime(a.at, b.at) || byText(a.id, b.id));
  const approvals = list<ApprovalJson>(row.approvals)
    .map((e) => ({ ...e, when: dateColumn(e.at)! }))
    .sort((a, b) => byTime(b.when, a.when) || byText(b.id, a.id));
  const outcomes = new Map<string, RecordedOutcome>();
  for (const p of list<ProjectJson>(row.projects)) {
    const approved = approvals.find((e) => e.projectId === p.id);
    const checkpoint = checkpoints.find((c) => c.projectId === p.id);
    outcomes.set(
      p.id,
      projectOutcome({
        id: p.id,
        title: p.title,
        mode: p.mode as ProjectMode,
        team: p.team,
        approval: approved ? { by: { name: approved.actorName }, at: approved.when, note: approved.note } : null,
        launchedAt: dateColumn(p.launchedAt),
        metrics: metrics.filter((m) => m.projectId === p.id).map(toMetric),
        checkpoint: checkpoint
          ? toCheckpoint({ ...checkpoint, recordedAt: dateColumn(checkpoint.recordedAt)!, recordedBy: { id: checkpoint.recordedById, name: checkpoint.recordedByName } })
          : null,
        reviews: reviews.filter((r) => r.projectId === p.id).map((r) => ({ reviewedAt: r.at, reviewedBy: { name: r.reviewedByName }, health: r.health as ReviewHealth, roi: r.roi })),
        closedAt: dateColumn(p.closedAt),
        outcome: p.outcome as ProjectOutcome | null,
      }),
    );
  }
  return outcomes;
}

function toContent(row: ContentRow): PacketContent {
  const projects = citedProjects(row);
  const tags = list<TagJson>(row.tags);
  const tagsOf = (evidenceId: string, kind: string) =>
    tags
      .filter((t) => t.evidenceId === evidenceId && t.kind === kind)
      .map((t) => t.tagId)
      .sort();
  const evidence = list<EvidenceJson>(row.evidence)
    .map((e) => ({ ...e, start: dateColumn(e.startDate)!, created: dateColumn(e.createdAt)! }))
    .sort((a, b) => byTime(a.start, b.start) || byTime(a.created, b.created) || byText(a.id, b.id))
    .map((e) => ({
      id: e.id,
      title: e.title,
      description: e.description,
      impact: e.impact,
      links: JSON.parse(e.links) as string[],
      startDate: calendarDate(e.start),
      endDate: e.endDate ? calendarDate(dateColumn(e.endDate)!) : null,
      criteria: tagsOf(e.id, "criterion"),
      competencies: tagsOf(e.id, "competency"),
      version: integerColumn(e.version),
      updatedAt: dateColumn(e.updatedAt)!,
      updatedByName: e.updatedByName,
      projectId: e.projectId,
      project: e.projectId ? (projects.get(e.projectId) ?? null) : null,
    }));
  const statements = list<StatementJson>(row.statements)
    .map((s) => ({ ...s, created: dateColumn(s.createdAt)! }))
    .sort((a, b) => byTime(a.created, b.created) || byText(a.id, b.id))
    .map((s) => ({ id: s.id, evidenceId: s.evidenceId, authorId: s.authorId, authorName: s.authorName, text: s.text, updatedAt: dateColumn(s.updatedAt)! }));
  // The assessments' key is (packet, criterion): the ORM read them in criterion order.
  const assessments = list<AssessmentJson>(row.assessments)
    .sort((a, b) => byText(a.criterionId, b.criterionId))
    .map((a) => ({ criterionId: a.criterionId, rating: integerColumn(a.rating), comment: a.comment, version: integerColumn(a.version), authorName: a.authorName, updatedAt: dateColumn(a.updatedAt)! }));
  return { evidence, statements, assessments };
}

// ---- The forms' choices ----

type PersonJson = { id: string; name: string };
type CitableJson = { id: string; title: string; status: string; launchedAt: string };

/** People a manager may invite as peers: everyone active but those excluded (the builder, the manager). */
export function peerCandidatesColumn(exclude: readonly string[]): Prisma.Sql {
  const others = exclude.length > 0 ? Prisma.sql`AND u."id" NOT IN (${Prisma.join([...exclude])})` : Prisma.empty;
  return Prisma.sql`(SELECT ${jsonObjects(columnsOf("u", ["id", "name"]))} FROM "User" u WHERE u."deactivatedAt" IS NULL ${others}) AS "peerCandidates"`;
}

export function toPeerCandidates(value: unknown): Array<{ id: string; name: string }> {
  return list<PersonJson>(value)
    .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
    .map((p) => ({ id: p.id, name: p.name }));
}

/** The builder's projects an evidence item may cite: their own, launched at some point; last launched first. */
function citableProjectsColumn(): Prisma.Sql {
  return Prisma.sql`(SELECT ${jsonObjects(columnsOf("pr", ["id", "title", "status", "launchedAt"]))}
    FROM "Project" pr WHERE pr."ownerId" = p."builderId" AND pr."launchedAt" IS NOT NULL) AS "projectChoices"`;
}

function toProjectChoices(value: unknown): Array<{ id: string; title: string; status: ProjectStatus }> {
  return list<CitableJson>(value)
    .map((p) => ({ ...p, launched: dateColumn(p.launchedAt)! }))
    .sort((a, b) => byTime(b.launched, a.launched) || byText(a.id, b.id))
    .map((p) => ({ id: p.id, title: p.title, status: p.status as ProjectStatus }));
}

// ---- The reads ----

/** A packet's head, in one statement; null when there is no such packet. */
export async function readPacketHead(id: string, db: Db = prisma): Promise<PacketHead | null> {
  const rows = await db.$queryRaw<HeadRow[]>(packetStatement(id));
  return rows[0] ? toHead(rows[0]) : null;
}

/** A packet with everything on it, in one statement. */
export async function readWholePacket(id: string, db: Db = prisma): Promise<PacketRecord | null> {
  const rows = await db.$queryRaw<Array<HeadRow & ContentRow>>(packetStatement(id, contentColumns()));
  const row = rows[0];
  return row ? { ...toHead(row), ...toContent(row) } : null;
}

/**
 * The rest of a packet whose head was read (by the access gate), with the forms' choices asked for:
 * whom to invite (excluding the builder and their manager) and which of the builder's projects to
 * cite. One statement; null when the packet has gone since its head was read.
 */
export async function readPacketContent(
  head: PacketHead,
  wanted: { peerCandidates: boolean; projectChoices: boolean },
  db: Db = prisma,
): Promise<({ packet: PacketRecord } & PacketChoices) | null> {
  const { userId, managerId } = head.builder;
  const columns = [
    ...contentColumns(),
    ...(wanted.peerCandidates ? [peerCandidatesColumn(managerId ? [userId, managerId] : [userId])] : []),
    ...(wanted.projectChoices ? [citableProjectsColumn()] : []),
  ];
  const rows = await db.$queryRaw<Array<ContentRow & { peerCandidates?: unknown; projectChoices?: unknown }>>(Prisma.sql`
    SELECT ${Prisma.join(columns, ", ")} FROM "PromotionPacket" p WHERE p."id" = ${head.id}`);
  const row = rows[0];
  if (!row) return null;
  return {
    packet: { ...head, ...toContent(row) },
    peerCandidates: wanted.peerCandidates ? toPeerCandidates(row.peerCandidates) : null,
    projectChoices: wanted.projectChoices ? toProjectChoices(row.projectChoices) : null,
  };
}
