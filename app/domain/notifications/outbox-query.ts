/**
 * The admins' outbox list, read from its address: which state to show and where a page starts.
 * Pages are keyset pages over (createdAt, id), newest first: `before` names the last email of the
 * page above (the next page holds older ones), `after` the first email of the page below (the page
 * of newer ones). A cursor is "<milliseconds>~<id>". Unknown or malformed values fall back to the
 * first page of every state, so a stale or edited address still lists.
 */
export const OUTBOX_STATUSES = ["pending", "sent", "local", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: "Waiting to be sent",
  sent: "Sent",
  local: "Kept here (no mail server)",
  failed: "Given up",
};

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxCursor = { createdAt: Date; id: string };

export type OutboxQuery = {
  status: OutboxStatus | null;
  cursor: ({ direction: "before" | "after" } & OutboxCursor) | null;
};

export function isOutboxStatus(value: string): value is OutboxStatus {
  return (OUTBOX_STATUSES as readonly string[]).includes(value);
}

export function formatCursor(at: OutboxCursor): string {
  return `${at.createdAt.getTime()}~${at.id}`;
}

export function parseCursor(text: string | null): OutboxCursor | null {
  const match = text ? /^(\d{1,15})~([A-Za-z0-9_-]{1,64})$/.exec(text) : null;
  if (!match) return null;
  const createdAt = new Date(Number(match[1]));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2]! };
}

export function parseOutboxQuery(params: URLSearchParams): OutboxQuery {
  const status = params.get("status");
  const before = parseCursor(params.get("before"));
  const after = before ? null : parseCursor(params.get("after"));
  return {
    status: status && isOutboxStatus(status) ? status : null,
    cursor: before ? { direction: "before", ...before } : after ? { direction: "after", ...after } : null,
  };
}

/** The address of a page of the list: `?status=…&before=…`, or "" for the first page of everything. */
export function outboxSearch(status: OutboxStatus | null, cursor: { direction: "before" | "after"; at: OutboxCursor } | null): string {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (cursor) params.set(cursor.direction, formatCursor(cursor.at));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The path of a one-time account link (an invitation or a password reset) and its token. */
const ACCOUNT_LINK = /(\/(?:account\/welcome|password\/reset)\/)[^\s/?#]+/g;
export const HIDDEN_TOKEN = "[one-time link hidden]";

/**
 * An email's text as the admins' outbox shows it. A one-time account link would let whoever reads
 * it take the account over, so its token is hidden once a mail server carries the email (or will);
 * an email kept in the local outbox (no mail server configured) can only reach its recipient
 * through the admin, so it is shown there whole.
 */
export function outboxText(text: string, status: string): string {
  return status === "local" ? text : text.replace(ACCOUNT_LINK, `$1${HIDDEN_TOKEN}`);
}
