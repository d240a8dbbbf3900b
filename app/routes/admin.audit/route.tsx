import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { SelectField } from "~/components/candidate-fields";
import { FormErrors, TextField } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import { TableScroll } from "~/components/table-scroll";
import { auditFilterOptions, auditHead, listAuditEntries, whoseData } from "~/data/audit-log.server";
import { recordRead, verifyAuditTrail } from "~/data/audit.server";
import { AUDIT_KINDS } from "~/domain/audit/chain";
import { activeAuditFilters, AUDIT_KIND_LABELS, AUDIT_PAGE_SIZE, auditSearchParams, parseAuditFilters, SYSTEM_ACTOR_FILTER } from "~/domain/audit/filters";
import { auditActor } from "~/utils/audit.server";
import { requireAuditor } from "~/utils/audit-log.server";

export const meta: MetaFunction = () => [{ title: "Audit trail · Builder Ladder" }];

const FILTER_NAMES = ["actor", "recordType", "recordId", "action", "kind", "from", "to"] as const;

/**
 * The audit trail, newest first, a page at a time, with its filters. Walking the whole chain to
 * verify it reads every entry, so it runs only when asked (?verify=1, the "Verify now" button);
 * the entry count and head are always shown. Looking is recorded (audit.read); a refused filter
 * reads nothing and records nothing.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const now = new Date();
  const user = await requireAuditor(request, now);
  const params = new URL(request.url).searchParams;
  const values = Object.fromEntries(FILTER_NAMES.map((name) => [name, params.get(name) ?? ""])) as Record<(typeof FILTER_NAMES)[number], string>;
  const [options, trail] = await Promise.all([auditFilterOptions(), auditHead()]);
  // Flat, and no key named "hash": the page shows digests, not credentials.
  const head = { entries: trail.entries, seq: trail.head?.seq ?? null, digest: trail.head?.hash ?? null };
  const parsed = parseAuditFilters(params);
  if (!parsed.ok) {
    return data(
      { ok: false as const, ...parsed.failure, values, options, head, verification: null, entries: [], total: 0, page: 1, pages: 1, search: "" },
      { status: 400 },
    );
  }
  const verified = params.get("verify") === "1" ? await verifyAuditTrail() : null;
  const verification = verified && { entries: verified.entries, seq: verified.head?.seq ?? null, digest: verified.head?.hash ?? null, broken: verified.broken };
  const page = await listAuditEntries(parsed.filters, AUDIT_PAGE_SIZE);
  await recordRead(
    auditActor(user, context),
    { action: "audit.read", recordType: "audit", recordId: "trail", detail: { filters: activeAuditFilters(parsed.filters), page: page.page, entries: page.entries.length, verified: verification !== null } },
    now,
  );
  return {
    ok: true as const,
    fieldErrors: {} as Record<string, string[]>,
    formErrors: [] as string[],
    values,
    options,
    head,
    verification,
    entries: page.entries.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      kind: e.kind,
      actor: e.actorId ? (e.actorName ?? "Unknown person") : "System",
      address: e.address,
      action: e.action,
      record: `${e.recordType} ${e.recordId}`,
      whose: whoseData(e),
      reason: e.reason,
      detail: e.detail,
      erased: e.redactedAt !== null,
    })),
    total: page.total,
    page: page.page,
    pages: page.pages,
    search: auditSearchParams(parsed.filters).toString(),
  };
}

export default function AuditPage() {
  const d = useLoaderData<typeof loader>();
  const location = useLocation();
  const error = (name: string) => d.fieldErrors[name]?.[0];
  const withSearch = (path: string, extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(d.search);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };
  const filtered = d.search !== "";
  return (
    <section className="page" aria-labelledby="audit-title">
      <h1 id="audit-title">Audit trail</h1>
      <p className="lede">
        Every change, and every read of sensitive data: who, when, from which address, and which record. Entries cannot be edited or removed; each is
        chained to the one before it, so tampering shows when the trail is verified.
      </p>

      <section className="panel stack break-anywhere" aria-labelledby="audit-verification">
        <h2 id="audit-verification">Verification</h2>
        <p>
          {d.head.seq !== null ? `${d.head.entries} entries; the newest is entry ${d.head.seq}, hash ${d.head.digest}.` : "No entries yet."}
        </p>
        {d.verification ? (
          d.verification.broken ? (
            <p className="form-errors" role="alert">
              The chain is broken at entry {d.verification.broken.seq}: {d.verification.broken.problem}. {d.verification.entries} entries before it verify.
            </p>
          ) : (
            <p className="notice" role="status">
              Verified: {d.verification.entries} entries
              {d.verification.seq !== null ? `, head ${d.verification.seq} ${d.verification.digest}` : ""}. Every link of the chain holds.
            </p>
          )
        ) : (
          <Form method="get">
            {Array.from(new URLSearchParams(d.search).entries()).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            <input type="hidden" name="verify" value="1" />
            <button type="submit" className="button button-secondary">
              Verify now
            </button>
          </Form>
        )}
        <p className="muted">Note the head somewhere else: a later count or hash that differs at that entry means entries were removed from the end.</p>
      </section>

      {/* Keyed on the address so back and forward reset the fields to what is shown. */}
      <Form key={location.search} method="get" role="search" aria-label="Filter the audit trail" className="stack">
        <FormErrors errors={d.formErrors} />
        <SelectField
          label="Person"
          name="actor"
          placeholder="Anyone"
          options={[{ value: SYSTEM_ACTOR_FILTER, label: "System" }, ...d.options.people.map((p) => ({ value: p.id, label: p.name }))]}
          defaultValue={d.values.actor}
          error={error("actor")}
        />
        <SelectField
          label="Record type"
          name="recordType"
          placeholder="Any record"
          options={d.options.recordTypes.map((t) => ({ value: t, label: t }))}
          defaultValue={d.values.recordType}
          error={error("recordType")}
        />
        <TextField label="Record id" name="recordId" type="text" defaultValue={d.values.recordId} error={error("recordId")} />
        <SelectField
          label="Action"
          name="action"
          placeholder="Any action"
          options={d.options.actions.map((a) => ({ value: a, label: a }))}
          defaultValue={d.values.action}
          error={error("action")}
        />
        <SelectField
          label="Kind"
          name="kind"
          placeholder="Reads and changes"
          options={AUDIT_KINDS.map((k) => ({ value: k, label: AUDIT_KIND_LABELS[k] }))}
          defaultValue={d.values.kind}
          error={error("kind")}
        />
        <TextField label="From (UTC day)" name="from" type="date" defaultValue={d.values.from} error={error("from")} />
        <TextField label="To (UTC day, included)" name="to" type="date" defaultValue={d.values.to} error={error("to")} />
        <div className="row">
          <button type="submit" className="button button-secondary">
            Filter
          </button>
          {filtered || !d.ok ? <Link to="/admin/audit">Clear filters</Link> : null}
        </div>
      </Form>

      {d.ok ? (
        <>
          <p role="status" className="muted">
            {d.total === 1 ? "1 entry" : `${d.total} entries`}
            {filtered ? " match these filters" : ""}. Page {d.page} of {d.pages}, newest first.{" "}
            <a href={withSearch("/admin/audit.csv")} download>
              Export CSV
            </a>{" "}
            ·{" "}
            <a href={withSearch("/admin/audit.json")} download>
              Export JSON
            </a>
          </p>
          {d.entries.length > 0 ? (
            <TableScroll label="Audit entries">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Entry</th>
                    <th scope="col">Time</th>
                    <th scope="col">Person</th>
                    <th scope="col">Address</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Action</th>
                    <th scope="col">Record</th>
                    <th scope="col">Whose data</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Detail</th>
                  </tr>
                </thead>
                <tbody>
                  {d.entries.map((e) => (
                    <tr key={e.seq}>
                      <th scope="row" className="num">
                        {e.seq}
                      </th>
                      <td className="nowrap">
                        <LocalTime value={e.at} />
                      </td>
                      <td>{e.actor}</td>
                      <td>{e.address ?? ""}</td>
                      <td>{AUDIT_KIND_LABELS[e.kind]}</td>
                      <td>
                        <code>{e.action}</code>
                      </td>
                      <td>
                        <code>{e.record}</code>
                      </td>
                      <td>{e.whose ?? ""}</td>
                      <td>{e.erased ? <span className="muted">Erased</span> : (e.reason ?? "")}</td>
                      <td>{e.erased ? <span className="muted">Erased</span> : e.detail ? <code>{e.detail}</code> : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          {d.pages > 1 ? (
            <nav aria-label="Pages" className="row">
              {d.page > 1 ? <Link to={withSearch("/admin/audit", { page: String(d.page - 1) })}>Newer entries</Link> : null}
              {d.page < d.pages ? <Link to={withSearch("/admin/audit", { page: String(d.page + 1) })}>Older entries</Link> : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
