// Reads the restarted database directly (read-only) and checks every acknowledged write against it, and the file's integrity.
import Database from "better-sqlite3";
import { sameContent } from "~/domain/scorecard/draft-save";
import type { Ack, StreamRecord } from "./streams";

export type Verdict = { acknowledged: number; verified: number; integrity: string; problems: string[] };

export function verify(databaseFile: string, record: StreamRecord, criteria: number): Verdict {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const problems: string[] = [];
    let verified = 0;
    const check = (ok: boolean, problem: string) => (ok ? verified++ : problems.push(problem));

    const integrity = db.pragma("integrity_check", { simple: true }) as string;
    const foreignKeys = db.pragma("foreign_key_check") as unknown[];
    if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${foreignKeys.length} rows point nowhere`);

    const candidate = db.prepare<[string], { name: string; email: string }>(`SELECT name, email FROM "Candidate" WHERE id = ?`);
    const decision = db.prepare<[string, string], { outcome: string; level: string | null; baseSalary: number | null }>(
      `SELECT outcome, level, baseSalary FROM "HiringDecision" WHERE loopId = ? AND rationale = ?`,
    );
    const scorecard = db.prepare<[string, string], { id: string; status: string; takeaways: string | null; recommendation: string | null }>(
      `SELECT id, status, takeaways, recommendation FROM "Scorecard" WHERE interviewId = ? AND interviewerId = ?`,
    );
    const revision = db.prepare<[string], { content: string }>(`SELECT content FROM "ScorecardRevision" WHERE scorecardId = ? AND number = 1`);
    const ratings = db.prepare<[string], { criterionId: string; rating: number; evidence: string }>(`SELECT criterionId, rating, evidence FROM "CriterionRating" WHERE scorecardId = ?`);
    const draft = db.prepare<[string], { draft: string; draftVersion: number; status: string }>(`SELECT draft, draftVersion, status FROM "Scorecard" WHERE id = ?`);

    const drafts = new Map<string, Array<Extract<Ack, { kind: "draft" }>>>();
    for (const ack of record.acks) {
      switch (ack.kind) {
        case "candidate": {
          const row = candidate.get(ack.candidateId);
          check(row?.name === ack.name && row.email === ack.email, `candidate ${ack.candidateId} (${ack.name}) is missing or changed`);
          break;
        }
        case "decision": {
          const row = decision.get(ack.loopId, ack.rationale);
          check(
            row?.outcome === ack.outcome && row.level === ack.level && row.baseSalary === ack.baseSalary,
            `the decision on loop ${ack.loopId} is missing or changed`,
          );
          break;
        }
        case "submit": {
          const row = scorecard.get(ack.interviewId, ack.interviewerId);
          const stored = row ? revision.get(row.id) : undefined;
          const rows = row ? ratings.all(row.id) : [];
          const sameRatings =
            rows.length === ack.content.ratings.length &&
            ack.content.ratings.every((r) => rows.some((x) => x.criterionId === r.criterionId && x.rating === r.rating && x.evidence === r.evidence.trim()));
          check(
            row?.status === "submitted" &&
              row.takeaways === ack.content.takeaways.trim() &&
              row.recommendation === ack.content.recommendation &&
              !!stored &&
              sameContent(JSON.parse(stored.content), ack.content) &&
              sameRatings,
            `the submitted scorecard of interview ${ack.interviewId} by ${ack.interviewerId} is missing or changed`,
          );
          break;
        }
        case "draft":
          drafts.set(ack.scorecardId, [...(drafts.get(ack.scorecardId) ?? []), ack]);
          break;
      }
    }

    // A draft keeps its newest acknowledged save, unless a later save was applied whose answer the
    // kill cut off (then it must be one that was sent, on the version before it). No two
    // acknowledged saves of one draft share a version: none was silently overwritten.
    for (const [scorecardId, acks] of drafts) {
      const row = draft.get(scorecardId)!;
      const newest = acks.reduce((a, b) => (b.version > a.version ? b : a));
      const versions = new Set(acks.map((a) => a.version));
      if (versions.size !== acks.length) problems.push(`draft ${scorecardId}: two acknowledged saves got the same version`);
      const stored = JSON.parse(row.draft) as unknown;
      const ok =
        row.draftVersion === newest.version
          ? sameContent(stored, newest.content)
          : row.draftVersion > newest.version &&
            record.draftAttempts.some((a) => a.scorecardId === scorecardId && a.basedOn === row.draftVersion - 1 && sameContent(stored, a.content));
      if (ok) verified += acks.length;
      else problems.push(`draft ${scorecardId}: stored version ${row.draftVersion}, newest acknowledged ${newest.version}, content ${ok ? "as sent" : "not the acknowledged one"}`);
    }

    // Nothing half-written: every submitted scorecard of the trial's loops (all Stage 2) has its
    // revision and a rating row per criterion.
    const torn = db
      .prepare<[number], { id: string }>(
        `SELECT s.id FROM "Scorecard" s WHERE s.status = 'submitted' AND (
           (SELECT COUNT(*) FROM "ScorecardRevision" r WHERE r.scorecardId = s.id) < 1 OR
           (SELECT COUNT(*) FROM "CriterionRating" c WHERE c.scorecardId = s.id) != ?)
           AND s.loopId IN (SELECT l.id FROM "Loop" l JOIN "Candidate" c ON c.id = l.candidateId WHERE c.name LIKE 'Durability Candidate %')`,
      )
      .all(criteria);
    for (const t of torn) problems.push(`scorecard ${t.id} is submitted without its revision or rating rows`);

    return { acknowledged: record.acks.length, verified, integrity, problems };
  } finally {
    db.close();
  }
}
