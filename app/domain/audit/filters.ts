/**
 * The audit trail's filters, read from the address (the admin page and its exports share them):
 * who acted (`actor`: a person's id, or `system`), the record (`recordType` and/or `recordId`),
 * the `action`, the `kind` (read or change), the period (`from` and `to`, calendar days in UTC,
 * both included) and the `page`. A value that is not one the trail can hold is an error to show
 * beside its field (400), never a silently widened list: an auditor must know what they are
 * looking at. Other parameters (`verify`, `bom`) are not filters and are left alone.
 */
import { z } from "zod";
import { AUDIT_KINDS, type AuditKind } from "./chain";

export const SYSTEM_ACTOR_FILTER = "system";
export const AUDIT_PAGE_SIZE = 50;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9_-]+$/;

/** A calendar day as YYYY-MM-DD that exists (2026-02-30 does not). */
const day = z
  .string()
  .regex(DAY, "Give a date as YYYY-MM-DD.")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "There is no such date.");

export const AuditFiltersSchema = z
  .object({
    actor: z.string().max(100, "Too long for a person's id.").regex(ID, "Choose a person from the list.").optional(),
    recordType: z.string().max(50, "Too long for a record type.").regex(/^[a-z][a-z0-9_-]*$/, "A record type is lower-case letters, such as candidate.").optional(),
    recordId: z.string().max(100, "Too long for a record id.").regex(ID, "A record id is letters, digits, - and _.").optional(),
    action: z
      .string()
      .max(100, "Too long for an action.")
      .regex(/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/, "An action is dotted lower-case words, such as candidate.update.")
      .optional(),
    kind: z.enum(AUDIT_KINDS, { error: "Choose read or change." }).optional(),
    from: day.optional(),
    to: day.optional(),
    page: z.coerce
      .number({ error: "A page is a whole number." })
      .int("A page is a whole number.")
      .min(1, "Pages start at 1.")
      .max(1_000_000, "There are not that many pages.")
      .default(1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "The period ends before it starts." });

export type AuditFilters = z.output<typeof AuditFiltersSchema>;
export type AuditFilterFailure = { fieldErrors: Record<string, string[]>; formErrors: string[] };

const FIELDS = ["actor", "recordType", "recordId", "action", "kind", "from", "to", "page"] as const;

/** The filters in `params`, or the errors to show beside each field. An empty field is no filter. */
export function parseAuditFilters(params: URLSearchParams): { ok: true; filters: AuditFilters } | { ok: false; failure: AuditFilterFailure } {
  const raw: Record<string, string> = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const name of FIELDS) {
    const values = params.getAll(name);
    if (values.length > 1) fieldErrors[name] = ["Give one value."];
    const value = values[0]?.trim();
    if (value) raw[name] = value;
  }
  const parsed = AuditFiltersSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "");
      if (!name) continue;
      fieldErrors[name] = [...(fieldErrors[name] ?? []), issue.message];
    }
  }
  if (Object.keys(fieldErrors).length > 0 || !parsed.success) {
    return { ok: false, failure: { fieldErrors, formErrors: Object.keys(fieldErrors).length ? [] : ["These filters could not be read."] } };
  }
  return { ok: true, filters: parsed.data };
}

/** The instants the period covers: from the start of `from` up to (not including) the day after `to`, in UTC. */
export function auditPeriod(filters: Pick<AuditFilters, "from" | "to">): { gte?: Date; lt?: Date } {
  const period: { gte?: Date; lt?: Date } = {};
  if (filters.from) period.gte = new Date(`${filters.from}T00:00:00Z`);
  if (filters.to) period.lt = new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000);
  return period;
}

/** The filters as address parameters (the page left out unless asked for), for links and exports. */
export function auditSearchParams(filters: AuditFilters, withPage = false): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FIELDS) {
    if (name === "page") continue;
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (withPage && filters.page > 1) params.set("page", String(filters.page));
  return params;
}

/** The filters that are set, without the page: what an audit entry about this search records. */
export function activeAuditFilters(filters: AuditFilters): Partial<Record<Exclude<(typeof FIELDS)[number], "page">, string>> {
  return Object.fromEntries(auditSearchParams(filters).entries());
}

/** Which entries a filter's actor means: a person's id, or the system (no person). */
export function actorFilter(actor: string | undefined): { userId: string | null } | null {
  if (!actor) return null;
  return { userId: actor === SYSTEM_ACTOR_FILTER ? null : actor };
}

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = { read: "Read", change: "Change" };
