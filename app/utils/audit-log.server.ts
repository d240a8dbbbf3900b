import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { allAuditEntries, whoseData, type AuditLogEntry } from "~/data/audit-log.server";
import { recordRead } from "~/data/audit.server";
import { activeAuditFilters, parseAuditFilters, type AuditFilters } from "~/domain/audit/filters";
import { toCsv, UTF8_BOM, type CsvValue } from "~/domain/csv";
import { requireUserWithPermission } from "./auth.server";
import { auditActor } from "./audit.server";

/**
 * The audit trail for admins, on the server: the page (/admin/audit) and its exports
 * (/admin/audit.csv, /admin/audit.json) read the same filters from the address, behind the same
 * permission. Looking at the trail is itself recorded (audit.read, audit.export): who searched
 * the record of who did what is part of that record.
 */
export const AUDIT_PERMISSION = "read:audit:any" as const;

export async function requireAuditor(request: Request, now: Date) {
  return requireUserWithPermission(request, AUDIT_PERMISSION, now);
}

/** Every column of the exports, in order. The CSV guards against formulas; the JSON holds raw values. */
export const AUDIT_EXPORT_COLUMNS = [
  "seq",
  "at",
  "kind",
  "actor_id",
  "actor",
  "address",
  "action",
  "record_type",
  "record_id",
  "candidate_id",
  "subject_user_id",
  "whose_data",
  "reason",
  "detail",
  "erased_at",
] as const;

export function exportRow(e: AuditLogEntry): Record<(typeof AUDIT_EXPORT_COLUMNS)[number], CsvValue> {
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    kind: e.kind,
    actor_id: e.actorId,
    actor: e.actorId ? (e.actorName ?? "Unknown person") : "System",
    address: e.address,
    action: e.action,
    record_type: e.recordType,
    record_id: e.recordId,
    candidate_id: e.candidateId,
    subject_user_id: e.subjectUserId,
    whose_data: whoseData(e),
    reason: e.reason,
    detail: e.detail,
    erased_at: e.redactedAt ? e.redactedAt.toISOString() : null,
  };
}

export function auditExportFileName(filters: AuditFilters, now: Date, format: "csv" | "json"): string {
  return `audit-trail-${now.toISOString().slice(0, 10)}${Object.keys(activeAuditFilters(filters)).length ? "-filtered" : ""}.${format}`;
}

/** A loader for one export of the entries the filters match, newest first. */
export function auditExportLoader(format: "csv" | "json") {
  return async function loader({ request, context }: LoaderFunctionArgs): Promise<Response> {
    const now = new Date();
    const user = await requireAuditor(request, now);
    const params = new URL(request.url).searchParams;
    const parsed = parseAuditFilters(params);
    if (!parsed.ok) throw data({ ok: false as const, ...parsed.failure }, { status: 400 });
    const entries = await allAuditEntries(parsed.filters);
    // Recorded before the file is handed over: an export that could not be recorded is not sent.
    await recordRead(
      auditActor(user, context),
      { action: "audit.export", recordType: "audit", recordId: "trail", detail: { format, filters: activeAuditFilters(parsed.filters), entries: entries.length } },
      now,
    );
    const rows = entries.map(exportRow);
    const filename = auditExportFileName(parsed.filters, now, format);
    const headers = { "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" };
    if (format === "json") {
      return new Response(JSON.stringify(rows, null, 2), { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
    }
    const bom = params.get("bom") === "1" ? UTF8_BOM : "";
    return new Response(bom + toCsv(AUDIT_EXPORT_COLUMNS, rows), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  };
}
