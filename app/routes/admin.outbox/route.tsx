// The outbox, for admins: every email the app queued, newest first, with its delivery state. Without
// SMTP_HOST (the demo default) nothing is sent and this page is where the emails can be read.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LocalTime } from "~/components/local-time";
import { listOutbox } from "~/data/notifications.server";
import { requireUserWithPermission } from "~/utils/auth.server";
import { getConfig } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Outbox · Builder Ladder" }];

const STATUS_LABELS: Record<string, string> = {
  pending: "Waiting to be sent",
  sent: "Sent",
  local: "Kept here (no mail server)",
  failed: "Given up",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:outbox:any");
  const config = getConfig();
  const messages = await listOutbox();
  return {
    smtp: config.smtp ? `${config.smtp.host}:${config.smtp.port}` : null,
    from: config.mailFrom,
    messages: messages.map((m) => ({
      ...m,
      status: STATUS_LABELS[m.status] ?? m.status,
      createdAt: m.createdAt.toISOString(),
      nextAttemptAt: m.nextAttemptAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
  };
}

export default function OutboxPage() {
  const { smtp, from, messages } = useLoaderData<typeof loader>();
  return (
    <article className="page stack" aria-labelledby="outbox-title">
      <h1 id="outbox-title">Outbox</h1>
      <p className="lede">
        {smtp
          ? `Emails are sent through ${smtp} as ${from}. Failed sends are retried with growing waits; after the last try a message is given up and shows its error here.`
          : `No mail server is configured (SMTP_HOST), so nothing is sent: every email is kept here instead, as ${from} would have sent it.`}
      </p>
      <p role="status" className="muted">
        {messages.length === 0 ? "No emails yet." : `${messages.length === 1 ? "1 email" : `${messages.length} emails`}, newest first.`}
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
    </article>
  );
}
