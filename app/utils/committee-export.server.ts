import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordRead } from "~/data/audit.server";
import { listDecisions, submittedScorecardsByLoop, type CommitteeScorecard } from "~/data/committee.server";
import { candidateEmails } from "~/data/candidates.server";
import { buildCommitteeRows } from "~/data/committee-rows.server";
import { listLoops, type LoopSummary } from "~/data/loops.server";
import { loopsOwedBy } from "~/data/loops-owed.server";
import { HIRING_RECOMMENDATION_LABELS } from "~/domain/aggregation";
import { atsFromInterviewer } from "~/domain/committee";
import {
  COMMITTEE_STATUS_LABELS,
  committeeExportFileName,
  committeeList,
  DECISION_OUTCOME_LABELS,
  parseCommitteeQuery,
  rowsVisibleTo,
  type CommitteeQuery,
  type CommitteeRow,
} from "~/domain/committee-list";
import { toCsv, UTF8_BOM, type CsvValue } from "~/domain/csv";
import type { DecisionOutcome } from "~/domain/decision";
import { RECOMMENDATION_LABELS } from "~/domain/scorecard/content";
import { auditActor } from "./audit.server";
import { requireUserWithPermission } from "./auth.server";

/**
 * The hiring committee list and its exports, on the server. The page (/committee) and the four
 * exports (/committee/loops.csv|json, /committee/scorecards.csv|json) read the same rows with the
 * same filters from the address, behind the same permission (read:scorecard:any: hiring
 * committee and admins).
 *
 * Exports hold no pay: no band, no salary, no decision rationale — only outcomes and evidence.
 * CSV is UTF-8 without a byte order mark (the charset is in Content-Type, and a BOM breaks many
 * CSV readers); `?bom=1` adds one for spreadsheets (Excel) that otherwise misread "Chloé".
 * The CSV guards against spreadsheet formulas (domain/csv.ts); JSON carries the raw values.
 */
export const COMMITTEE_PERMISSION = "read:scorecard:any" as const;

export type CommitteeData = {
  rows: CommitteeRow[];
  loops: Map<string, LoopSummary>;
  scorecards: Map<string, CommitteeScorecard[]>;
};

/** Every loop as a committee row, with what the exports need beside it. Three queries in all. */
export async function loadCommittee(now: Date): Promise<CommitteeData> {
  const [loops, scorecards, decisions] = await Promise.all([listLoops(), submittedScorecardsByLoop("all"), listDecisions("all")]);
  const rows = buildCommitteeRows(loops, scorecards, decisions, now);
  return { rows, loops: new Map(loops.map((l) => [l.id, l])), scorecards };
}

/** The signed-in committee member or admin and the list's query from the address. */
export async function requireCommittee(request: Request, now = new Date()) {
  const user = await requireUserWithPermission(request, COMMITTEE_PERMISSION, now);
  const query = parseCommitteeQuery(new URL(request.url).searchParams);
  return { user, query };
}

// ---- Export rows ---------------------------------------------------------------------------

export type ExportValue = CsvValue | string[];
export type ExportTable = { columns: string[]; rows: Array<Record<string, ExportValue>> };

/**
 * Every column of the loops export, in order. Codes (`recommendation`, `status`, `decision`) keep
 * the values an applicant tracking system imports; each has a `_label` column beside it with the
 * words the committee list shows. The README documents each column (a test holds it to this list).
 */
export const LOOP_COLUMNS = [
  "loop_id",
  "candidate",
  "candidate_email",
  "track",
  "rubric_version",
  "target_level",
  "supported_level",
  "recommendation",
  "recommendation_label",
  "red_flags",
  "blocking_flags",
  "stages_complete",
  "stages_total",
  "status",
  "status_label",
  "decision",
  "decision_label",
  "hired_level",
  "decided_at",
] as const;

const DECISION_VALUES: Record<DecisionOutcome, string> = { hire: "HIRE", no_hire: "NO_HIRE" };

/** One record per loop. `recommendation` is the ATS value; `blocking_flags` a list of flag names. */
export async function loopsTable(rows: readonly CommitteeRow[]): Promise<ExportTable> {
  const emails = await candidateEmails(rows.map((r) => r.candidateId));
  return {
    columns: [...LOOP_COLUMNS],
    rows: rows.map((r) => ({
      loop_id: r.loopId,
      candidate: r.candidateName,
      candidate_email: emails.get(r.candidateId) ?? null,
      track: r.track,
      rubric_version: r.version,
      target_level: r.targetLevel,
      supported_level: r.supportedLevel,
      recommendation: r.ats,
      recommendation_label: HIRING_RECOMMENDATION_LABELS[r.recommendation],
      red_flags: r.redFlags,
      blocking_flags: r.blockingFlags,
      stages_complete: r.stagesComplete,
      stages_total: r.stagesTotal,
      status: r.status,
      status_label: COMMITTEE_STATUS_LABELS[r.status],
      decision: r.decision ? DECISION_VALUES[r.decision] : null,
      decision_label: r.decision ? DECISION_OUTCOME_LABELS[r.decision] : null,
      hired_level: r.hiredLevel,
      decided_at: r.decidedAt ? r.decidedAt.toISOString() : null,
    })),
  };
}

/** The fixed columns of the scorecards export; one column per criterion id follows them. */
export const SCORECARD_COLUMNS = [
  "loop_id",
  "candidate",
  "stage",
  "stage_name",
  "interviewer",
  "submitted_at",
  "recommendation",
  "recommendation_label",
] as const;

/**
 * One record per submitted scorecard of the listed loops (in the list's order; within a loop by
 * stage, then interviewer), with one column per criterion id of the loops' pinned rubrics (in
 * rubric order, each id once) holding the rating; empty when the scorecard's stage has no such
 * criterion. `stage` is the stage id and `stage_name` its name in the pinned rubric;
 * `recommendation` the interviewer's as an ATS value, `recommendation_label` as the scorecard says it.
 */
export function scorecardsTable(rows: readonly CommitteeRow[], data: Pick<CommitteeData, "loops" | "scorecards">): ExportTable {
  const fixed = new Set<string>(SCORECARD_COLUMNS);
  const criteria: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    for (const stage of data.loops.get(r.loopId)?.rubric.stages ?? []) {
      for (const c of stage.criteria) {
        if (!seen.has(c.id)) {
          seen.add(c.id);
          criteria.push(c.id);
        }
      }
    }
  }
  // A criterion id can never overwrite a fixed column.
  const column = (id: string) => (fixed.has(id) ? `criterion_${id}` : id);

  const records = rows.flatMap((r) => {
    const stages = data.loops.get(r.loopId)?.rubric.stages ?? [];
    const stageIndex = (id: string) => {
      const i = stages.findIndex((s) => s.id === id);
      return i === -1 ? stages.length : i;
    };
    const cards = [...(data.scorecards.get(r.loopId) ?? [])].sort(
      (a, b) =>
        stageIndex(a.stageId) - stageIndex(b.stageId) ||
        a.interviewerName.localeCompare(b.interviewerName) ||
        (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0) ||
        a.id.localeCompare(b.id),
    );
    return cards.map((card) => {
      const ratings = new Map(card.ratings.map((x) => [x.criterionId, x.rating]));
      const record: Record<string, ExportValue> = {
        loop_id: r.loopId,
        candidate: r.candidateName,
        stage: card.stageId,
        stage_name: stages.find((s) => s.id === card.stageId)?.name ?? null,
        interviewer: card.interviewerName,
        submitted_at: card.submittedAt ? card.submittedAt.toISOString() : null,
        recommendation: atsFromInterviewer(card.recommendation),
        recommendation_label: card.recommendation ? RECOMMENDATION_LABELS[card.recommendation] : null,
      };
      for (const id of criteria) record[column(id)] = ratings.get(id) ?? null;
      return record;
    });
  });
  return { columns: [...SCORECARD_COLUMNS, ...criteria.map(column)], rows: records };
}

// ---- Responses -----------------------------------------------------------------------------

export function csvResponse(table: ExportTable, filename: string, bom: boolean): Response {
  const flat = table.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Array.isArray(v) ? v.join("; ") : v])));
  return new Response((bom ? UTF8_BOM : "") + toCsv(table.columns, flat), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

export function jsonResponse(table: ExportTable, filename: string): Response {
  const records = table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c, row[c] ?? null])));
  return new Response(JSON.stringify(records, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** A loader for one export: `kind` of rows, in `format`, for the list's current filters. */
export function committeeExportLoader(kind: "loops" | "scorecards", format: "csv" | "json") {
  return async function loader({ request, context }: LoaderFunctionArgs): Promise<Response> {
    const now = new Date();
    const { user, query } = await requireCommittee(request, now);
    const [data, assigned] = await Promise.all([loadCommittee(now), loopsOwedBy(user.id)]);
    // Loops where the viewer still owes a scorecard are left out (independence).
    const rows = committeeList(rowsVisibleTo(data.rows, assigned), query);
    const table = kind === "loops" ? await loopsTable(rows) : scorecardsTable(rows, data);
    // The name says what the file holds: the status filter always, the others when set.
    const filename = committeeExportFileName(kind, query, now, format);
    // One entry per export: what was taken and how much (a file of many candidates names none of them).
    const detail = { kind, format, rows: table.rows.length, loops: rows.length, filters: { status: query.status, recommendation: query.recommendation, track: query.track } };
    await recordRead(auditActor(user, context), { action: "committee.export", recordType: "committee", recordId: `${kind}.${format}`, detail }, now);
    if (format === "json") return jsonResponse(table, filename);
    return csvResponse(table, filename, new URL(request.url).searchParams.get("bom") === "1");
  };
}

export type { CommitteeQuery };
