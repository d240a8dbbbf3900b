// The outbox, for admins: every email the app queued, newest first, with its delivery state. Without
// SMTP_HOST (the demo default) nothing is sent and this page is where the emails can be read.
// Paged (keyset on the time queued) and filtered by state; delivered emails older than
// OUTBOX_KEEP_DAYS are deleted by the scheduled run, so the list does not grow forever.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { SelectField } from "~/components/candidate-fields";
import { LocalTime } from "~/components/local-time";
import { listOutboxPage } from "~/data/outbox.server";
import { OUTBOX_STATUS_LABELS, OUTBOX_STATUSES, isOutboxStatus, outboxSearch, parseOutboxQuery } from "~/domain/notifications/outbox-query";
import { requireUserWithPermission } from "~/utils/auth.server";
import { getConfig } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Outbox · Builder Ladder" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:outbox:any");
  const config = getConfig();
  const query = parseOutboxQuery(new URL(request.url).searchParams);
  const page = await listOutboxPage(query);
  const at = (c: { createdAt: Date; id: string } | null, direction: "before" | "after") => (c ? `/admin/outbox${outboxSearch(query.status, { direction, at: c })}` : null);
  return {
    smtp: config.smtp ? `${config.smtp.host}:${config.smtp.port}` : null,
    from: config.mailFrom,
    keepDays: config.outboxKeepDays,
    status: query.status,
    counts: page.counts,
    olderPage: at(page.older, "before"),
    newerPage: at(page.newer, "after"),
    messages: page.messages.map((m) => ({
      ...m,
      status: isOutboxStatus(m.status) ? OUTBOX_STATUS_LABELS[m.status] : m.status,
      createdAt: m.createdAt.toISOString(),
      nextAttemptAt: m.nextAttemptAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
  };
}

/** Newer / older through the list; choosing a state starts again at the newest. */
function Pagination({ newerPage, olderPage, first }: { newerPage: string | null; olderPage: string | null; first: string }) {
  if (!newerPage && !olderPage) return null;
  return (
    <nav aria-label="Pages" className="row pagination">
      {newerPage ? (
        <>
          <Link to={first}>Newest emails</Link>
          <Link to={newerPage} rel="prev">
            Newer emails
          </Link>
        </>
      ) : null}
      {olderPage ? (
        <Link to={olderPage} rel="next">
          Older emails
        </Link>
      ) : null}
    </nav>
  );
}

export default function OutboxPage() {
  const { smtp, from, keepDays, status, counts, olderPage, newerPage, messages } = useLoaderData<typeof loader>();
  const location = useLocation();
  const loading = useNavigation().state === "loading";
  const total = OUTBOX_STATUSES.reduce((n, s) => n + counts[s], 0);
  const first = `/admin/outbox${outboxSearch(status, null)}`;
  return (
    <article className="page stack" aria-labelledby="outbox-title">
      <h1 id="outbox-title">Outbox</h1>
      <p className="lede">
        {smtp
          ? `Emails are sent through ${smtp} as ${from}. Failed sends are retried with growing waits; after the last try a message is given up and shows its error here.`
          : `No mail server is configured (SMTP_HOST), so nothing is sent: every email is kept here instead, as ${from} would have sent it.`}
      </p>
      <p>Emails delivered (sent, or kept here) more than {keepDays === 1 ? "a day" : `${keepDays} days`} ago are deleted (OUTBOX_KEEP_DAYS); waiting and given-up ones are kept.</p>
      {/* Keyed on the address so back and forward reset the field to what is shown. */}
      <Form key={location.search} method="get" action="/admin/outbox" role="search" aria-label="Filter emails" className="candidate-filters">
        <SelectField
          label="State"
          name="status"
          placeholder={`Every state (${total})`}
          options={OUTBOX_STATUSES.map((s) => ({ value: s, label: `${OUTBOX_STATUS_LABELS[s]} (${counts[s]})` }))}
          defaultValue={status ?? ""}
        />
        <div className="row">
          <button type="submit" className="button button-secondary" disabled={loading}>
            Show emails
          </button>
          {status ? <Link to="/admin/outbox">Show every state</Link> : null}
        </div>
      </Form>
      <p role="status" className="muted">
        {messages.length === 0
          ? status
            ? "No email in this state."
            : "No emails yet."
          : `${messages.length === 1 ? "1 email" : `${messages.length} emails`} on this page, newest first${status ? ` (${OUTBOX_STATUS_LABELS[status].toLowerCase()})` : ""}.`}
      </p>
      {messages.map((m) => (
        <section key={m.id} className="stack outbox-message" aria-label={`Email to ${m.recipientEmail}: ${m.subject}`}>
          <h2 className="outbox-subject">{m.subject}</h2>
          <dl className="facts">
            <dt>To</dt>
            <dd>{m.recipientEmail}</dd>
            <dt>Queued</dt>
            <dd>
              <LocalTime value={m.createdAt} />
            </dd>
            <dt>State</dt>
            <dd>
              {m.status}
              {m.sentAt ? (
                <>
                  {" "}
                  (<LocalTime value={m.sentAt} />)
                </>
              ) : null}
              {m.attempts > 0 ? `, ${m.attempts === 1 ? "1 try" : `${m.attempts} tries`}` : ""}
            </dd>
            {m.lastError ? (
              <>
                <dt>Last error</dt>
                <dd>{m.lastError}</dd>
              </>
            ) : null}
            <dt>Message-ID</dt>
            <dd className="break">{m.messageId}</dd>
            {m.hasInvitation ? (
              <>
                <dt>Attached</dt>
                <dd>a calendar invitation</dd>
              </>
            ) : null}
          </dl>
          <pre className="outbox-text">{m.text}</pre>
        </section>
      ))}
      <Pagination newerPage={newerPage} olderPage={olderPage} first={first} />
    </article>
  );
}
