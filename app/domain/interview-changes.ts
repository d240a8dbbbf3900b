import { changeRefusalForErased } from "./candidate-erasure";
import { interviewHasBegun } from "./loop";

/**
 * Changing a scheduled interview: a new time or length (reschedule), calling it off (cancel), or
 * another panel (reassign). Pure: the data layer reads the interview as it is, asks here what the
 * change does, then writes that and sends the calendar messages listed, in one transaction.
 *
 * The rules:
 * - A change names the version its form was loaded at (Interview.sequence). If the interview
 *   changed meanwhile, the change is refused (409) and nothing is written: nobody overwrites a
 *   change they have not seen.
 * - A cancelled interview, and any interview of a closed loop, takes no change (409). (An erased
 *   candidate's loops take none either; the data layer checks that with every loop change.)
 * - Once a scorecard for the interview is submitted, the interview took place and its evidence
 *   counts: it can no longer be moved or cancelled (409). Its panel can still change.
 * - A new time: an interview still ahead moves to a time from the current minute on (booking it
 *   in the past would invite people to something that cannot happen). An interview that has begun
 *   may be set to any time: correcting when it took place, or rebooking one that did not happen.
 * - The sequence rises by one with every accepted change, and every calendar message the change
 *   sends carries the new value: each recipient's calendar always receives a higher SEQUENCE than
 *   the last one it saw from us, so it applies the message (RFC 5546 ignores older ones). That
 *   holds for someone taken off and put back on, too.
 */

export type InterviewSnapshot = {
  startsAt: Date;
  durationMinutes: number;
  sequence: number;
  cancelledAt: Date | null;
  interviewerIds: readonly string[];
  /** Interviewers (on the panel now or taken off it) whose scorecard for it is submitted. */
  submittedBy: readonly string[];
  loopClosedAt: Date | null;
};

export type InterviewChange =
  | { kind: "reschedule"; basedOn: number; startsAt: Date; durationMinutes: number }
  | { kind: "cancel"; basedOn: number; reason: string }
  | { kind: "reassign"; basedOn: number; interviewerIds: readonly string[] };

export type InterviewChangeKind = InterviewChange["kind"];

/** One notification kind to some people, with the calendar file attached to their emails. */
export type CalendarMessage = {
  kind: "interview.assigned" | "interview.moved" | "interview.cancelled" | "interview.unassigned";
  recipients: string[];
  method: "REQUEST" | "CANCEL";
  /** Whom the attached file lists: the whole panel in a REQUEST, those it calls it off for in a CANCEL. */
  attendees: string[];
  sequence: number;
};

export type ChangeRefusal = { ok: false; status: 409; message: string } | { ok: false; status: 400; field: string; message: string };

export type ChangeOutcome =
  | { ok: true; next: InterviewSnapshot; added: string[]; removed: string[]; messages: CalendarMessage[] }
  | ChangeRefusal;

/** What a scorecard page says once its interview is cancelled (nothing more is written to it). */
export const CANCELLED_SCORECARD_MESSAGE = "This interview was cancelled: no scorecard is due for it, and what was written stays as it is.";

/** What its author is told about a scorecard of an interview they were taken off. */
export const REMOVED_SCORECARD_MESSAGE = "You were taken off this interview: your scorecard is kept, marked, and can no longer be changed.";

/**
 * Whether closing its loop (by hand, or because the candidate was rejected or withdrew) cancels an
 * interview: one still ahead and not cancelled yet. One that has begun, or has a submitted
 * scorecard, took place: it is history and stays as it is.
 */
export function cancelledByLoopClosure(interview: { startsAt: Date; cancelledAt: Date | null; submittedScorecards: number }, now: Date): boolean {
  return interview.cancelledAt === null && interview.startsAt.getTime() > now.getTime() && interview.submittedScorecards === 0;
}

/** The reason an interview cancelled by its loop's closure carries when the closure gave none. */
export const LOOP_CLOSED_REASON = "The loop was closed.";

/** The longest cancellation reason kept. */
export const MAX_CANCEL_REASON = 500;

const conflict = (message: string): ChangeRefusal => ({ ok: false, status: 409, message });
const invalid = (field: string, message: string): ChangeRefusal => ({ ok: false, status: 400, field, message });

/** Why an interview can take no change whatever the form says (the pages show it instead of the forms), or null. */
export function lockedReason(facts: { cancelledAt: Date | null; loopClosedAt: Date | null; candidateErasedAt?: Date | null }): string | null {
  if (facts.cancelledAt) return "This interview was cancelled: it can no longer be changed. Schedule a new one if it should take place after all.";
  if (facts.loopClosedAt) return "This loop is closed: its interviews can no longer be changed.";
  if (facts.candidateErasedAt) return changeRefusalForErased({ erasedAt: facts.candidateErasedAt });
  return null;
}

/** Why this interview takes no change at all now (409), or null. */
export function changeRefusal(current: InterviewSnapshot, basedOn: number): string | null {
  const locked = lockedReason(current);
  if (locked) return locked;
  if (current.sequence !== basedOn) {
    return "This interview was changed by someone else after this page loaded it. Nothing was saved: reload the page to see it as it is now, then make your change again.";
  }
  return null;
}

/** Moving or cancelling an interview that took place would hide evidence that counts. */
function tookPlaceRefusal(current: InterviewSnapshot, what: "moved" | "cancelled"): string | null {
  if (current.submittedBy.length === 0) return null;
  return `A scorecard for this interview is submitted: it took place, and its evidence counts. It can no longer be ${what}.`;
}

/** The minute `now` falls in: a time typed for "now" is on the minute, a few seconds behind. */
const minuteOf = (now: Date) => new Date(Math.floor(now.getTime() / 60_000) * 60_000);

/** What a change does to an interview, or why it is refused. */
export function applyInterviewChange(current: InterviewSnapshot, change: InterviewChange, now: Date): ChangeOutcome {
  const refusal = changeRefusal(current, change.basedOn);
  if (refusal) return conflict(refusal);
  const sequence = current.sequence + 1;
  const panel = [...current.interviewerIds];

  switch (change.kind) {
    case "reschedule": {
      const tookPlace = tookPlaceRefusal(current, "moved");
      if (tookPlace) return conflict(tookPlace);
      if (change.startsAt.getTime() === current.startsAt.getTime() && change.durationMinutes === current.durationMinutes) {
        return invalid("startsAtLocal", "That is the interview's time and length already: choose a new time or length");
      }
      if (!interviewHasBegun(current, now) && change.startsAt.getTime() < minuteOf(now).getTime()) {
        return invalid("startsAtLocal", "This interview is still ahead: move it to a time from now on");
      }
      const next = { ...current, startsAt: change.startsAt, durationMinutes: change.durationMinutes, sequence };
      return { ok: true, next, added: [], removed: [], messages: [{ kind: "interview.moved", recipients: panel, method: "REQUEST", attendees: panel, sequence }] };
    }
    case "cancel": {
      const tookPlace = tookPlaceRefusal(current, "cancelled");
      if (tookPlace) return conflict(tookPlace);
      const next = { ...current, cancelledAt: now, sequence };
      return { ok: true, next, added: [], removed: [], messages: [{ kind: "interview.cancelled", recipients: panel, method: "CANCEL", attendees: panel, sequence }] };
    }
    case "reassign": {
      const wanted = [...new Set(change.interviewerIds)];
      if (wanted.length === 0) return invalid("interviewerIds", "Assign at least one interviewer");
      const { added, removed } = panelChange(panel, wanted);
      if (added.length === 0 && removed.length === 0) return invalid("interviewerIds", "That is the panel already: add or take off someone");
      const next = { ...current, interviewerIds: wanted, sequence };
      const messages: CalendarMessage[] = [];
      if (added.length > 0) messages.push({ kind: "interview.assigned", recipients: added, method: "REQUEST", attendees: wanted, sequence });
      if (removed.length > 0) messages.push({ kind: "interview.unassigned", recipients: removed, method: "CANCEL", attendees: removed, sequence });
      return { ok: true, next, added, removed, messages };
    }
  }
}

/** Who joins and who leaves when a panel becomes another (in the order given). */
export function panelChange(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const was = new Set(before);
  const will = new Set(after);
  return { added: [...will].filter((id) => !was.has(id)), removed: [...was].filter((id) => !will.has(id)) };
}
