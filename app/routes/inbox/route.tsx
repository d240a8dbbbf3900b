// The inbox: one's own notifications, newest first; mark them read; choose which come by email.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import { emailChoices, listInbox, markRead, ownsNotification, setEmailChoices } from "~/data/notifications.server";
import { NOTIFICATION_KINDS, NOTIFICATION_LABELS } from "~/domain/notifications/events";
import { groupOf, NOTIFICATION_GROUPS } from "~/domain/notifications/groups";
import { auditActor } from "~/utils/audit.server";
import { requireUser } from "~/utils/auth.server";
import { requestNow } from "~/utils/clock.server";
import { badRequest, formError, formSaved, parseForm, readFormData } from "~/utils/forms.server";
import { inboxActionSchema } from "./schema";

export const meta: MetaFunction = () => [{ title: "Inbox · Builder Ladder" }];

/** Every signed-in person's own inbox (it takes no id): only their own notifications, never anyone else's. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [items, choices] = await Promise.all([listInbox(user.id), emailChoices(user.id)]);
  return {
    items: items.map((n) => ({ ...n, group: groupOf(n.kind), createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
    choices,
  };
}

/**
 * Marks one's own notification read (another person's, or an unknown id, is a 404 and nothing
 * changes), all of one's notifications read, or stores one's email choices. Each change is audited.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(inboxActionSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);
  const actor = auditActor(user, context);
  const now = requestNow(request);
  const form = parsed.data;
  if (form.intent === "read") {
    const changed = await markRead(actor, form.id, now);
    if (changed === 0) {
      if (!(await ownsNotification(user.id, form.id))) return formError("No such notification in your inbox.", { status: 404 });
    }
    return formSaved();
  }
  if (form.intent === "read-all") {
    await markRead(actor, null, now);
    return formSaved();
  }
  const chosen = new Set(form.email);
  await setEmailChoices(actor, Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, chosen.has(k)])) as Record<(typeof NOTIFICATION_KINDS)[number], boolean>, now);
  return formSaved();
}

export default function InboxPage() {
  const { items, choices } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <article className="page stack" aria-labelledby="inbox-title">
      <h1 id="inbox-title">Inbox</h1>
      {answer && !answer.ok ? <FormErrors errors={answer.formErrors} /> : null}
      <p role="status" className="muted">
        {items.length === 0 ? "Nothing here yet." : unread === 0 ? "Everything is read." : `${unread === 1 ? "1 unread notification" : `${unread} unread notifications`}.`}
      </p>
      {unread > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className="button button-quiet" disabled={busy}>
            Mark all read
          </button>
        </Form>
      ) : null}
      {items.length > 0 ? (
        <ul className="stack inbox-list">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? "inbox-item" : "inbox-item inbox-unread"}>
              <p>
                {n.readAt ? null : <strong>New: </strong>}
                <span className="muted">{n.group}: </span>
                <Link to={n.path}>{n.text}</Link> <LocalTime value={n.createdAt} />
              </p>
              {n.readAt ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="read" />
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="button button-quiet" disabled={busy}>
                    Mark read
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      <section aria-labelledby="email-title" className="stack">
        <h2 id="email-title">Email settings</h2>
        <p>Every event appears here. Choose which also reach you by email; emails say what to do and link here, never ratings, evidence or pay.</p>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="email" />
          <p>Email me when:</p>
          {NOTIFICATION_GROUPS.map((group) => (
            <fieldset key={group.id}>
              <legend>{group.label}</legend>
              {group.kinds.map((kind) => (
                <label key={kind} className="checkbox">
                  <input type="checkbox" name="email" value={kind} defaultChecked={choices[kind]} /> {NOTIFICATION_LABELS[kind].label}
                </label>
              ))}
            </fieldset>
          ))}
          <button type="submit" className="button" disabled={busy}>
            Save email settings
          </button>
        </Form>
      </section>
    </article>
  );
}
