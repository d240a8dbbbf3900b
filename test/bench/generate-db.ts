/**
 * Bulk writing for the benchmark organisation generator: one prepared INSERT per table, with the
 * columns named, run inside the caller's transaction. Values are written in the shapes Prisma's
 * better-sqlite3 adapter writes them (DateTime: ISO text with "+00:00", see `dbDate`; Boolean: 0/1;
 * Int: integers; JSON: text).
 */
import type Database from "better-sqlite3";

const COLUMNS = {
  User: ["id", "email", "name", "createdAt"],
  Password: ["userId", "hash"],
  UserRole: ["userId", "role"],
  Candidate: ["id", "name", "email", "source", "targetLevel", "links", "notes", "createdAt", "updatedAt"],
  Loop: ["id", "candidateId", "rubricVersionId", "targetLevel", "createdById", "createdAt"],
  Interview: ["id", "loopId", "stageId", "startsAt", "durationMinutes", "createdAt"],
  InterviewAssignment: ["interviewId", "interviewerId"],
  Scorecard: ["id", "interviewId", "interviewerId", "loopId", "stageId", "status", "draft", "draftSavedAt", "submittedAt", "recommendation", "takeaways", "createdAt"],
  ScorecardRevision: ["id", "scorecardId", "number", "content", "reason", "authorId", "createdAt"],
  CriterionRating: ["scorecardId", "criterionId", "competencyId", "rating", "evidence"],
  SignalObservation: ["scorecardId", "signalId", "note"],
  RedFlagRecord: ["scorecardId", "flagId", "loopId", "stageId", "interviewerId", "evidence"],
  HiringDecision: ["id", "loopId", "outcome", "level", "baseSalary", "currency", "bandJustification", "rationale", "decidedById", "decidedAt", "correctsId"],
  Builder: ["userId", "level", "track", "rubricVersionId", "managerId", "startedAt", "baseSalary", "currency"],
  LevelChange: ["id", "builderId", "level", "effectiveAt", "reason", "hiringDecisionId", "packetId", "note"],
  PromotionPacket: [
    "id", "builderId", "fromLevel", "targetLevel", "rubricVersionId", "status", "summary", "version", "createdById", "createdAt",
    "updatedById", "updatedAt", "submittedAt", "submittedById", "snapshot", "reviewStartedAt",
  ],
  PacketEvidence: ["id", "packetId", "title", "description", "impact", "links", "startDate", "endDate", "version", "createdAt", "updatedById", "updatedAt"],
  EvidenceTag: ["evidenceId", "kind", "tagId"],
  PeerInvitation: ["packetId", "peerId", "invitedById", "invitedAt"],
  PeerStatement: ["id", "packetId", "evidenceId", "authorId", "text", "createdAt", "updatedAt"],
  ManagerAssessment: ["packetId", "criterionId", "rating", "comment", "version", "authorId", "updatedAt"],
  PromotionDecision: ["id", "packetId", "outcome", "feedback", "rationale", "newBaseSalary", "currency", "bandJustification", "raiseJustification", "decidedById", "decidedAt"],
} as const;

export type Table = keyof typeof COLUMNS;
type Value = string | number | null;

export class BulkWriter {
  private readonly statements = new Map<Table, Database.Statement>();
  readonly counts: Partial<Record<Table, number>> = {};

  constructor(readonly db: Database.Database) {
    for (const [table, columns] of Object.entries(COLUMNS) as Array<[Table, readonly string[]]>) {
      const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
      this.statements.set(table, db.prepare(sql));
    }
  }

  /** Inserts one row; `values` in the order of the table's columns above. */
  insert(table: Table, values: Value[]): void {
    if (values.length !== COLUMNS[table].length) throw new Error(`${table}: ${values.length} values for ${COLUMNS[table].length} columns`);
    this.statements.get(table)!.run(values);
    this.counts[table] = (this.counts[table] ?? 0) + 1;
  }
}
