// Why: a builder may take a copy of the data the app holds about them, exactly as much as the app already shows them.
import { calendarDate } from "./calendar-date";
import { canReadBuilderRecord, type Viewer } from "./permissions";

/**
 * A builder's own data export (/account/export.json). It holds what the app already shows the
 * builder about themself, read through the same rules: their record (level history, manager,
 * track, and their pay where canSeeBuilderPay lets them see it), their promotion packets as the
 * packet page shows them to them (domain/promotion/access.ts), their projects with everything the
 * owner reads (domain/project/access.ts), and the assessments about them they may read (managers'
 * assessments and the committee's decisions in their packets; checkpoints and reviews of their
 * projects). What it leaves out, and why, is listed in BUILDER_EXPORT_LEFT_OUT.
 */

/** Whether this person has a builder record of their own to export: one they may read. */
export function canExportOwnRecord(viewer: Viewer, record: { userId: string; managerId: string | null } | null): boolean {
  return record !== null && record.userId === viewer.id && canReadBuilderRecord(viewer, record);
}

/** What the export leaves out, and why: the page says it, and the file carries it too. */
export const BUILDER_EXPORT_LEFT_OUT: ReadonlyArray<{ what: string; why: string }> = [
  {
    what: "The promotion committee's pay analysis of your packets (bands, compa-ratios, the suggested base, the base frozen at submission)",
    why: "the app shows it only to the promotion committee and admins. Your own current pay and any new base a promotion decision set are included.",
  },
  {
    what: "Statements you wrote as an invited peer on colleagues' packets, and assessments or reviews you wrote about others",
    why: "they are about someone else's case; you can still read them where you wrote them.",
  },
  {
    what: "Projects of other builders that you approve, review or were escalated to",
    why: "they are the owner's record, not yours.",
  },
  {
    what: "Your interview loop from when you were a candidate (interviewers' scorecards and the hiring committee's deliberation)",
    why: "the app never shows candidates their scorecards. Your hire is in your level history; ask an admin for your candidate data if you need it.",
  },
  {
    what: "Who read your data (from the audit trail)",
    why: "it has a page of its own: Your account, then \"See who read your data\".",
  },
];

/** The download's name: no person's name in it, the day it was taken. */
export function builderExportFileName(now: Date): string {
  return `builder-ladder-my-data-${calendarDate(now)}.json`;
}
