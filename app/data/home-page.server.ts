import { isLevel } from "~/domain/levels";
import type { ProjectMode, ProjectStatus } from "~/domain/project/workflow";
import type { ProjectProcess } from "~/domain/rubric/schema";
import { AWAITING_REVIEW } from "~/domain/promotion/packet-list";
import { isPacketStatus, OPEN_PACKET_STATUSES, type PacketStatus } from "~/domain/promotion/workflow";
import { Prisma } from "~/generated/prisma/client";
import { CANDIDATES_SHOWN, OWED_LOOPS_SHOWN, type AssignedInterview, type HomeBuilder, type HomePacket, type HomeProject, type HomeRecords, type HomeSections } from "~/views/home-page";
import { listCandidatePage } from "./candidates.server";
import { committeeRows } from "./committee-rows.server";
import { prisma } from "./db.server";
import { listLoops, namesOf } from "./loops.server";
import { loopsOwedColumn, loopsOwedOf } from "./loops-owed.server";
import { rubricsByHash } from "./rubrics.server";
import { columnsOf } from "./sql-columns";
import { dateColumn, dateParameter, integerColumn, jsonColumn, jsonObjects } from "./sql-dialect";
import { countUsersByRole } from "./users.server";

/**
 * What the home shows one person, read in one statement: each of their sections (their interviews,
 * packets, projects, builder records, the loops they owe scorecards on) is one JSON column of a
 * single SELECT, and a section their roles do not allow is not in it at all. The lists that are
 * the same for everyone of a role (candidates in the pipeline, people per role, open loops, the
 * committee's rows) keep their own reads. A rubric's content is read once per version and process
 * (rubricsByHash).
 */
export async function readHome(user: { id: string; name: string }, sections: HomeSections, now: Date): Promise<HomeRecords> {
  const [row, candidates, people, openLoops, review] = await Promise.all([
    readSections(user.id, sections),
    // The newest of those still in the pipeline, and how many there are; the candidate list has everyone.
    sections.candidates ? listCandidatePage({ statuses: ["active", "on_hold"] }, 1, CANDIDATES_SHOWN) : null,
    sections.people ? countUsersByRole() : null,
    sections.openLoops ? readOwedLoops(now, OWED_LOOPS_SHOWN) : null,
    sections.review ? committeeRows(now) : null,
  ]);
  const assigned = row.assigned === undefined ? null : await assignedInterviews(row.assigned);
  const projects = await homeProjects(row);
  return {
    name: user.name,
    ownRecord: row.ownRecord === undefined ? null : (builders(row.ownRecord)[0] ?? null),
    reports: row.reports === undefined ? null : builders(row.reports).sort((a, b) => byText(a.name, b.name)),
    roster: row.roster === undefined ? null : builders(row.roster).sort((a, b) => byText(b.level, a.level) || byText(a.name, b.name)),
    candidates: candidates ? candidates.candidates : null,
    candidatesTotal: candidates ? candidates.total : null,
    people,
    assigned,
    openLoops,
    review: review ? { rows: review, assigned: loopsOwedOf(row.loopsOwed) } : null,
    ownPackets: row.ownPackets === undefined ? null : packets(row.ownPackets),
    reportPackets: row.reportPackets === undefined ? null : packets(row.reportPackets),
    packetQueue: row.packetQueue === undefined ? null : packets(row.packetQueue),
    statementRequests: packets(row.statementRequests),
    projects,
  };
}

/** Text in the database's order (binary), as the ORM's ORDER BY gave it. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type SectionRow = Partial<Record<"assigned" | "ownRecord" | "reports" | "roster" | "loopsOwed" | "ownPackets" | "reportPackets" | "packetQueue" | "ownedProjects" | "reportProjects", unknown>> &
  Record<"statementRequests" | "awaitingProjects" | "escalatedProjects", unknown>;

async function readSections(userId: string, sections: HomeSections): Promise<SectionRow> {
  // A section the person's roles do not allow is left out of the statement (undefined here).
  const columns: Record<keyof SectionRow, Prisma.Sql | undefined> = {
    assigned: sections.assigned ? assignedColumn(userId) : undefined,
    ownRecord: sections.ownRecord ? builderColumn(Prisma.sql`b."userId" = ${userId}`) : undefined,
    reports: sections.reports ? builderColumn(Prisma.sql`b."managerId" = ${userId}`) : undefined,
    roster: sections.roster ? builderColumn(Prisma.sql`1 = 1`) : undefined,
    loopsOwed: sections.review ? loopsOwedColumn(userId) : undefined,
    ownPackets: sections.ownPackets ? packetColumn(Prisma.sql`p."builderId" = ${userId}`) : undefined,
    reportPackets: sections.reportPackets ? packetColumn(Prisma.sql`b."managerId" = ${userId} AND p."status" IN (${Prisma.join([...OPEN_PACKET_STATUSES])})`) : undefined,
    packetQueue: sections.packetQueue ? packetColumn(Prisma.sql`p."status" IN (${Prisma.join(AWAITING_REVIEW)})`) : undefined,
    // Anyone may be invited as a peer; statements are written while the packet is a draft.
    statementRequests: packetColumn(Prisma.sql`p."status" = ${"draft"} AND EXISTS (SELECT 1 FROM "PeerInvitation" pi WHERE pi."packetId" = p."id" AND pi."peerId" = ${userId})`),
    // Anyone may be named a PRD's approver or a block's escalation; only builders own projects.
    awaitingProjects: projectColumn(Prisma.sql`p."approverId" = ${userId} AND p."status" = ${"submitted"}`),
    ownedProjects: sections.ownProjects ? projectColumn(Prisma.sql`p."ownerId" = ${userId} AND p."status" <> ${"closed"}`) : undefined,
    reportProjects: sections.reportProjects
      ? projectColumn(Prisma.sql`p."status" <> ${"closed"} AND EXISTS (SELECT 1 FROM "Builder" ob WHERE ob."userId" = p."ownerId" AND ob."managerId" = ${userId})`)
      : undefined,
    escalatedProjects: projectColumn(Prisma.sql`p."escalateToId" = ${userId} AND p."blockedAt" IS NOT NULL AND p."status" <> ${"closed"}`),
  };
  const select = Prisma.join(
    Object.entries(columns).flatMap(([name, sql]) => (sql ? [Prisma.sql`${sql} AS ${Prisma.raw(`"${name}"`)}`] : [])),
    ", ",
  );
  const rows = await prisma.$queryRaw<SectionRow[]>`SELECT ${select}`;
  return rows[0]!;
}

// ---- Interviews ----------------------------------------------------------------------------

type AssignedJson = {
  interviewId: string;
  loopId: string;
  candidateName: string;
  stageId: string;
  startsAt: string;
  durationMinutes: number;
  rubricVersionId: string;
  contentHash: string;
  scorecardId: string | null;
  scorecardStatus: string | null;
  draftSavedAt: string | null;
};

/** Every interview the person is assigned to, with their scorecard's state; a cancelled interview, or one of a closed loop, is no longer on anyone's list. */
function assignedColumn(userId: string): Prisma.Sql {
  const fields = {
    interviewId: Prisma.sql`i."id"`,
    ...columnsOf("i", ["loopId", "stageId", "startsAt", "durationMinutes"]),
    candidateName: Prisma.sql`c."name"`,
    rubricVersionId: Prisma.sql`l."rubricVersionId"`,
    contentHash: Prisma.sql`v."contentHash"`,
    scorecardId: Prisma.sql`s."id"`,
    scorecardStatus: Prisma.sql`s."status"`,
    draftSavedAt: Prisma.sql`s."draftSavedAt"`,
  };
  return Prisma.sql`(SELECT ${jsonObjects(fields)}
    FROM "InterviewAssignment" a
    JOIN "Interview" i ON i."id" = a."interviewId"
    JOIN "Loop" l ON l."id" = i."loopId"
    JOIN "Candidate" c ON c."id" = l."candidateId"
    JOIN "RubricVersion" v ON v."id" = l."rubricVersionId"
    LEFT JOIN "Scorecard" s ON s."interviewId" = i."id" AND s."interviewerId" = a."interviewerId"
    WHERE a."interviewerId" = ${userId} AND i."cancelledAt" IS NULL AND l."closedAt" IS NULL)`;
}

async function assignedInterviews(column: unknown): Promise<AssignedInterview[]> {
  const rows = (jsonColumn<AssignedJson[] | null>(column) ?? [])
    .map((r) => ({ ...r, startsAt: dateColumn(r.startsAt)! }))
    // Earliest first, as the list reads.
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || byText(a.interviewId, b.interviewId));
  const rubrics = await rubricsByHash(rows.map((r) => ({ id: r.rubricVersionId, contentHash: r.contentHash })));
  return rows.map((r) => {
    const rubric = rubrics.get(r.contentHash)!;
    return {
      interviewId: r.interviewId,
      loopId: r.loopId,
      candidateName: r.candidateName,
      stageId: r.stageId,
      stageName: rubric.stages.find((s) => s.id === r.stageId)?.name ?? r.stageId,
      startsAt: r.startsAt,
      durationMinutes: integerColumn(r.durationMinutes),
      dueHours: rubric.decision_rules.scorecard_due_hours,
      scorecard: r.scorecardId ? { id: r.scorecardId, status: r.scorecardStatus === "submitted" ? "submitted" : "draft", draftSavedAt: dateColumn(r.draftSavedAt) } : null,
    };
  });
}

// ---- Builders ------------------------------------------------------------------------------

type BuilderJson = { userId: string; name: string; email: string; level: string; track: string; managerId: string | null; managerName: string | null; startedAt: string };

function builderColumn(where: Prisma.Sql): Prisma.Sql {
  const fields = {
    ...columnsOf("b", ["userId", "level", "track", "managerId", "startedAt"]),
    name: Prisma.sql`u."name"`,
    email: Prisma.sql`u."email"`,
    managerName: Prisma.sql`m."name"`,
  };
  return Prisma.sql`(SELECT ${jsonObjects(fields)}
    FROM "Builder" b JOIN "User" u ON u."id" = b."userId" LEFT JOIN "User" m ON m."id" = b."managerId"
    WHERE ${where})`;
}

function builders(column: unknown): HomeBuilder[] {
  return (jsonColumn<BuilderJson[] | null>(column) ?? []).map((b) => {
    if (!isLevel(b.level)) throw new Error(`Builder ${b.userId} has an unknown level "${b.level}"`);
    return { userId: b.userId, name: b.name, email: b.email, level: b.level, track: b.track, managerId: b.managerId, managerName: b.managerName, startedAt: dateColumn(b.startedAt)! };
  });
}

// ---- Packets -------------------------------------------------------------------------------

type PacketJson = {
  id: string;
  builderId: string;
  builderName: string;
  managerId: string | null;
  managerName: string | null;
  fromLevel: string;
  targetLevel: string;
  status: string;
  evidenceCount: unknown;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  outcome: string | null;
};

function packetColumn(where: Prisma.Sql): Prisma.Sql {
  const fields = {
    ...columnsOf("p", ["id", "builderId", "fromLevel", "targetLevel", "status", "createdAt", "updatedAt", "submittedAt"]),
    builderName: Prisma.sql`u."name"`,
    managerId: Prisma.sql`b."managerId"`,
    managerName: Prisma.sql`m."name"`,
    evidenceCount: Prisma.sql`(SELECT COUNT(*) FROM "PacketEvidence" e WHERE e."packetId" = p."id")`,
    outcome: Prisma.sql`(SELECT d."outcome" FROM "PromotionDecision" d WHERE d."packetId" = p."id")`,
  };
  return Prisma.sql`(SELECT ${jsonObjects(fields)}
    FROM "PromotionPacket" p
    JOIN "Builder" b ON b."userId" = p."builderId"
    JOIN "User" u ON u."id" = b."userId"
    LEFT JOIN "User" m ON m."id" = b."managerId"
    WHERE ${where})`;
}

function packetStatus(value: string): PacketStatus {
  if (!isPacketStatus(value)) throw new Error(`Unknown packet status "${value}"`);
  return value;
}

/** Newest first, as the packet lists read. */
function packets(column: unknown): HomePacket[] {
  return (jsonColumn<PacketJson[] | null>(column) ?? [])
    .map((p) => ({
      id: p.id,
      builderId: p.builderId,
      builderName: p.builderName,
      managerId: p.managerId,
      managerName: p.managerName,
      fromLevel: p.fromLevel,
      targetLevel: p.targetLevel,
      status: packetStatus(p.status),
      evidenceCount: integerColumn(p.evidenceCount),
      createdAt: dateColumn(p.createdAt)!,
      updatedAt: dateColumn(p.updatedAt)!,
      submittedAt: dateColumn(p.submittedAt),
      outcome: p.outcome === null ? null : p.outcome === "promoted" ? ("promoted" as const) : ("not_yet" as const),
    }))
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || byText(a.id, b.id));
}

// ---- Projects ------------------------------------------------------------------------------

/** The events that send a PRD to its approver: the latest is when it began waiting. */
const SENT_TO_APPROVER = ["submitted", "resubmitted", "approver_changed"];

type ProjectJson = {
  id: string;
  title: string;
  mode: string;
  status: string;
  launchedAt: string | null;
  decisionDate: string | null;
  updatedAt: string;
  blockedAt: string | null;
  blockedReason: string | null;
  ownerId: string;
  ownerName: string;
  rubricVersionId: string;
  contentHash: string;
  checkpointRecordedAt: string | null;
  nextReviewOn: string | null;
  sentAt: string | null;
};

function projectColumn(where: Prisma.Sql): Prisma.Sql {
  const fields = {
    ...columnsOf("p", ["id", "title", "mode", "status", "launchedAt", "decisionDate", "updatedAt", "blockedAt", "blockedReason", "ownerId", "rubricVersionId"]),
    ownerName: Prisma.sql`o."name"`,
    contentHash: Prisma.sql`v."contentHash"`,
    checkpointRecordedAt: Prisma.sql`(SELECT k."recordedAt" FROM "ProjectCheckpoint" k WHERE k."projectId" = p."id")`,
    nextReviewOn: Prisma.sql`(SELECT r."nextReviewOn" FROM "ProjectReview" r WHERE r."projectId" = p."id" ORDER BY r."reviewedAt" DESC LIMIT 1)`,
    sentAt: Prisma.sql`(SELECT MAX(ev."at") FROM "ProjectEvent" ev WHERE ev."projectId" = p."id" AND ev."kind" IN (${Prisma.join(SENT_TO_APPROVER)}))`,
  };
  return Prisma.sql`(SELECT ${jsonObjects(fields)}
    FROM "Project" p JOIN "User" o ON o."id" = p."ownerId" JOIN "RubricVersion" v ON v."id" = p."rubricVersionId"
    WHERE ${where})`;
}

async function homeProjects(row: SectionRow): Promise<HomeRecords["projects"]> {
  const read = (column: unknown) => jsonColumn<ProjectJson[] | null>(column) ?? [];
  const lists = {
    awaiting: read(row.awaitingProjects),
    owned: row.ownedProjects === undefined ? null : read(row.ownedProjects),
    reports: row.reportProjects === undefined ? null : read(row.reportProjects),
    escalated: read(row.escalatedProjects),
  };
  const all = [...lists.awaiting, ...(lists.owned ?? []), ...(lists.reports ?? []), ...lists.escalated];
  // The process is in the rubric's content; only the versions not parsed yet are read.
  const rubrics = await rubricsByHash(all.map((p) => ({ id: p.rubricVersionId, contentHash: p.contentHash })));
  const processOf = (p: ProjectJson) => {
    const process = rubrics.get(p.contentHash)!.project_process;
    // A project is only ever started on a version with a process (project-workflow.server.ts).
    if (!process) throw new Error("This project's rubric version defines no project process");
    return process;
  };
  const toProjects = (list: ProjectJson[]) => list.map((p) => toProject(p, processOf(p))).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || byText(a.id, b.id));
  return {
    awaiting: toProjects(lists.awaiting),
    owned: lists.owned ? toProjects(lists.owned) : null,
    reports: lists.reports ? toProjects(lists.reports) : null,
    escalated: toProjects(lists.escalated),
  };
}

function toProject(p: ProjectJson, process: ProjectProcess): HomeProject {
  const updatedAt = dateColumn(p.updatedAt)!;
  const blockedAt = dateColumn(p.blockedAt);
  const nextReviewOn = dateColumn(p.nextReviewOn);
  return {
    id: p.id,
    title: p.title,
    mode: p.mode as ProjectMode,
    status: p.status as ProjectStatus,
    owner: { id: p.ownerId, name: p.ownerName },
    launchedAt: dateColumn(p.launchedAt),
    decisionDate: dateColumn(p.decisionDate),
    updatedAt,
    blocked: blockedAt ? { reason: p.blockedReason ?? "", at: blockedAt } : null,
    checkpointRecordedAt: dateColumn(p.checkpointRecordedAt),
    lastReview: nextReviewOn ? { nextReviewOn } : null,
    awaitingSince: p.status === "submitted" ? (dateColumn(p.sentAt) ?? updatedAt) : null,
    process,
  };
}

// ---- Loops owing scorecards (recruiters) ---------------------------------------------------

/**
 * The open loops where someone still owes the scorecard of an interview that has begun (the rule
 * of domain/loop.ts owedScorecards, which the view applies to what is read here), those waiting
 * longest first, at most `limit` of them, and how many there are in all. Only those loops are
 * read in full, so the home costs the same with ten open loops or ten thousand.
 */
async function readOwedLoops(now: Date, limit: number): Promise<HomeRecords["openLoops"]> {
  const rows = await prisma.$queryRaw<Array<{ id: string; total: unknown }>>`
    SELECT l."id", COUNT(*) OVER () AS "total"
    FROM "Loop" l
    JOIN "Interview" i ON i."loopId" = l."id"
    JOIN "InterviewAssignment" a ON a."interviewId" = i."id"
    LEFT JOIN "Scorecard" s ON s."interviewId" = i."id" AND s."interviewerId" = a."interviewerId" AND s."status" = ${"submitted"}
    WHERE l."closedAt" IS NULL AND i."cancelledAt" IS NULL AND i."startsAt" <= ${dateParameter(now)} AND s."id" IS NULL
    GROUP BY l."id"
    ORDER BY MIN(i."startsAt"), l."id"
    LIMIT ${limit}`;
  if (rows.length === 0) return { loops: [], names: new Map(), total: 0 };
  const loops = await listLoops(rows.map((r) => r.id));
  const names = await namesOf(loops.flatMap((l) => l.interviews.flatMap((i) => i.interviewerIds)));
  return { loops, names, total: integerColumn(rows[0]!.total) };
}
