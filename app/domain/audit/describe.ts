/**
 * Audit entries in words, for the people they are about: what of theirs was read. Actions are
 * "<recordType>.<verb>" (data/audit.server.ts); pay is named wherever the action says so.
 */
const WHAT_OF_YOURS: Record<string, string> = {
  builder: "Your builder record",
  packet: "Your promotion packet",
  project: "Your project and its outcomes",
  evidence: "Evidence in your promotion packet",
  promotion: "Your promotion decision",
};

/** Whether the read showed pay: the entry's detail says `pay: true` (or the action names pay). */
function showedPay(entry: { action: string; detail?: string | null }): boolean {
  if (/(^|[._-])(pay|salary|band|compensation)([._-]|$)/.test(entry.action)) return true;
  if (!entry.detail) return false;
  try {
    const detail: unknown = JSON.parse(entry.detail);
    return typeof detail === "object" && detail !== null && (detail as { pay?: unknown }).pay === true;
  } catch {
    return false;
  }
}

/** What of a person's was read, e.g. "Your promotion packet" or "Your builder record, with your pay". */
export function describeReadOfYours(entry: { action: string; recordType: string; detail?: string | null }): string {
  const what = WHAT_OF_YOURS[entry.recordType] ?? `Your ${entry.recordType.replace(/[_-]+/g, " ")}`;
  return showedPay(entry) ? `${what}, with your pay` : what;
}

/** The page of a person's own record a read entry points to, where there is one. */
export function linkToRecordOfYours(entry: { recordType: string; recordId: string }): string | null {
  if (entry.recordType === "packet") return `/packets/${entry.recordId}`;
  if (entry.recordType === "project") return `/projects/${entry.recordId}`;
  if (entry.recordType === "builder") return `/builders/${entry.recordId}`;
  return null;
}
