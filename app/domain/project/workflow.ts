import { conflict, forbidden, invalid, invalidField, locked, type Invalid, type WordedRefusal } from "../refusal";
import type { ProjectProcess } from "../rubric/schema";
import { addDays, checkpointDueAt, missingPrdSections } from "./process";

/**
 * A Builder project's life, as the role definition asks for it:
 *
 *   draft → submitted → approved → launched → live (checkpoint recorded; quarterly reviews) → closed
 *               ↓   ↑
 *        changes_requested
 *
 * - A PRD goes to one named approver who is never the owner; only that person approves or asks
 *   for changes, whatever other roles anyone holds. A resubmission goes back to the same approver.
 * - Nothing reaches users without an approval: launch is refused unless the project is approved,
 *   and it needs the rubric's minimum of success metrics (defined before launch, fixed at submission).
 * - The checkpoint is recorded once, from `checkpoint_after_days` after launch, with an actual for
 *   every metric and a verdict; quarterly reviews follow it until the project is closed.
 * - The approver changes after submission only by the owner's manager, with a reason, and only
 *   before the approval.
 * - Every transition returns the event that records it: who, when, what they wrote.
 *
 * The functions here know nothing of roles: `actorId` is compared with the project's parties.
 * Access (who may read what) is in ./access.ts.
 */
export const PROJECT_STATUSES = ["draft", "submitted", "changes_requested", "approved", "launched", "live", "closed"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  draft: "Draft",
  submitted: "PRD awaiting approval",
  changes_requested: "Changes requested",
  approved: "Approved",
  launched: "Launched",
  live: "Live",
  closed: "Closed",
};

export const PROJECT_MODES = ["founder", "satellite"] as const;
export type ProjectMode = (typeof PROJECT_MODES)[number];
export const PROJECT_MODE_LABELS: Record<ProjectMode, string> = {
  founder: "Team founder",
  satellite: "Team satellite",
};

export const CHECKPOINT_VERDICTS = ["keep", "iterate", "roll_back", "deprecate"] as const;
export type CheckpointVerdict = (typeof CHECKPOINT_VERDICTS)[number];
export const CHECKPOINT_VERDICT_LABELS: Record<CheckpointVerdict, string> = {
  keep: "Keep",
  iterate: "Iterate",
  roll_back: "Roll back",
  deprecate: "Deprecate",
};

export const REVIEW_HEALTH = ["healthy", "at_risk", "failing"] as const;
export type ReviewHealth = (typeof REVIEW_HEALTH)[number];
export const REVIEW_HEALTH_LABELS: Record<ReviewHealth, string> = {
  healthy: "Healthy",
  at_risk: "At risk",
  failing: "Failing",
};

/** How a launched project ends; `withdrawn` is the only end for one that never launched. */
export const LAUNCHED_OUTCOMES = ["folded_into_team", "staffed_up", "deprecated", "rolled_back"] as const;
export const PROJECT_OUTCOMES = [...LAUNCHED_OUTCOMES, "withdrawn"] as const;
export type ProjectOutcome = (typeof PROJECT_OUTCOMES)[number];
export const PROJECT_OUTCOME_LABELS: Record<ProjectOutcome, string> = {
  folded_into_team: "Folded into a team",
  staffed_up: "Staffed up",
  deprecated: "Deprecated / end of life",
  rolled_back: "Rolled back",
  withdrawn: "Withdrawn before launch",
};

export const PROJECT_EVENT_KINDS = [
  "created",
  "submitted",
  "resubmitted",
  "approved",
  "changes_requested",
  "approver_changed",
  "launched",
  "checkpoint_recorded",
  "review_recorded",
  "closed",
  "blocked",
  "unblocked",
] as const;
export type ProjectEventKind = (typeof PROJECT_EVENT_KINDS)[number];
export const PROJECT_EVENT_LABELS: Record<ProjectEventKind, string> = {
  created: "Started",
  submitted: "PRD submitted",
  resubmitted: "PRD resubmitted",
  approved: "Approved",
  changes_requested: "Changes requested",
  approver_changed: "Approver changed",
  launched: "Launched",
  checkpoint_recorded: "Checkpoint recorded",
  review_recorded: "Quarterly review recorded",
  closed: "Closed",
  blocked: "Marked blocked",
  unblocked: "Unblocked",
};

/** What the rules need to know of a project. */
export type ProjectFacts = {
  status: ProjectStatus;
  ownerId: string;
  /** The owner's manager, who may change the approver after submission; null without one. */
  managerId: string | null;
  approverId: string;
  mode: ProjectMode;
  team: string;
  prd: string;
  decisionDate: Date | null;
  metricIds: readonly string[];
  /** Set at the first submission: from then on the approver is the manager's to change. */
  submittedAt: Date | null;
  approvedAt: Date | null;
  launchedAt: Date | null;
  checkpointRecorded: boolean;
  /** Who a block was escalated to, while the project is blocked. */
  escalateToId: string | null;
  blocked: boolean;
};

export type ProjectEventDraft = {
  kind: ProjectEventKind;
  actorId: string;
  at: Date;
  note: string;
  data: Record<string, unknown>;
};

export type ProjectAction =
  | { kind: "submit" }
  | { kind: "approve"; note: string }
  | { kind: "request_changes"; comments: string }
  | { kind: "change_approver"; approverId: string; reason: string }
  | { kind: "launch" }
  | { kind: "record_checkpoint"; actuals: Readonly<Record<string, number>>; verdict: CheckpointVerdict; followUps: string }
  | { kind: "record_review"; health: ReviewHealth; roi: string; followThrough: string; nextReviewOn: Date }
  | { kind: "close"; outcome: ProjectOutcome; note: string }
  | { kind: "block"; escalateToId: string; reason: string }
  | { kind: "unblock" };

/**
 * The project after the action and the event that records it; or why it cannot happen, in the
 * shared vocabulary (domain/refusal.ts), or what in the input breaks a rule of the process.
 */
export type TransitionResult = { ok: true; facts: ProjectFacts; event: ProjectEventDraft } | WordedRefusal | Invalid;

export function isOwner(facts: Pick<ProjectFacts, "ownerId">, actorId: string): boolean {
  return facts.ownerId === actorId;
}

export function isOwnerOrManager(facts: Pick<ProjectFacts, "ownerId" | "managerId">, actorId: string): boolean {
  return facts.ownerId === actorId || (facts.managerId !== null && facts.managerId === actorId);
}

/** The owner edits the project's content only before submission, or when changes were asked for. */
export function canEditContent(status: ProjectStatus): boolean {
  return status === "draft" || status === "changes_requested";
}

/** Whether the owner may still choose the approver (only before the first submission). */
export function ownerChoosesApprover(facts: Pick<ProjectFacts, "status" | "submittedAt">): boolean {
  return facts.status === "draft" && facts.submittedAt === null;
}

export function isLaunched(status: ProjectStatus, launchedAt: Date | null): boolean {
  return status === "launched" || status === "live" || (status === "closed" && launchedAt !== null);
}

/**
 * What keeps a project's PRD from being submitted, in the words the builder reads. Empty when it
 * can go. Used by the form (to show the list) and by `transition` (to refuse).
 */
export function submissionGaps(facts: ProjectFacts, process: ProjectProcess, now: Date): string[] {
  const gaps: string[] = [];
  const missing = missingPrdSections(facts.prd, process);
  if (missing.length > 0) gaps.push(`The PRD needs a heading for: ${missing.map((s) => s.heading).join(", ")}.`);
  if (facts.metricIds.length < process.min_success_metrics) {
    gaps.push(
      process.min_success_metrics === 1
        ? "Define at least one success metric."
        : `Define at least ${process.min_success_metrics} success metrics.`,
    );
  }
  if (facts.approverId === facts.ownerId) gaps.push("Name an approver other than yourself.");
  if (facts.mode === "satellite" && facts.team.trim() === "") gaps.push("Name the team this satellite project is embedded in.");
  if (facts.mode === "founder" && process.founder_mode.decision_date_required && !facts.decisionDate) {
    gaps.push("Set the decision date by which the project meets its success or is deprecated.");
  }
  if (facts.mode === "founder" && facts.decisionDate && facts.decisionDate.getTime() < startOfUtcDay(now).getTime()) {
    gaps.push("The decision date has passed: set a date from today on.");
  }
  if (facts.mode === "founder" && facts.decisionDate && facts.decisionDate.getTime() > addDays(now, process.founder_mode.max_decision_days).getTime()) {
    gaps.push(`Set the decision date within ${process.founder_mode.max_decision_days} days.`);
  }
  return gaps;
}

function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/**
 * Applies one action by `actorId` at `now`. Refusals say why: `forbidden` when the actor is not the
 * party the action belongs to, `conflict` when the project is not in a state that allows it
 * (`locked` once it is closed), and `invalid` (not a refusal: bad input) when what was sent breaks a
 * rule of the process, naming the form field at fault when there is one.
 */
export function transition(
  facts: ProjectFacts,
  action: ProjectAction,
  actorId: string,
  now: Date,
  process: ProjectProcess,
): TransitionResult {
  const event = (kind: ProjectEventKind, note = "", data: Record<string, unknown> = {}): ProjectEventDraft => ({
    kind,
    actorId,
    at: now,
    note,
    data,
  });
  const { status } = facts;

  switch (action.kind) {
    case "submit": {
      if (!isOwner(facts, actorId)) return forbidden("Only the project's owner submits its PRD.");
      if (!canEditContent(status)) return conflict(`The PRD cannot be submitted while the project is ${PROJECT_STATUS_LABELS[status].toLowerCase()}.`);
      const gaps = submissionGaps(facts, process, now);
      if (gaps.length > 0) return invalid(gaps.join(" "));
      const resubmission = status === "changes_requested";
      return {
        ok: true,
        facts: { ...facts, status: "submitted", submittedAt: facts.submittedAt ?? now },
        event: event(resubmission ? "resubmitted" : "submitted", "", { approverId: facts.approverId }),
      };
    }
    case "approve":
    case "request_changes": {
      if (actorId !== facts.approverId) return forbidden("Only the project's named approver can approve its PRD or ask for changes.");
      if (status !== "submitted") return conflict("There is no PRD awaiting your approval on this project.");
      if (action.kind === "approve") {
        return { ok: true, facts: { ...facts, status: "approved", approvedAt: now }, event: event("approved", action.note.trim()) };
      }
      const comments = action.comments.trim();
      if (comments === "") return invalidField("comments", "Say what should change.");
      return { ok: true, facts: { ...facts, status: "changes_requested" }, event: event("changes_requested", comments) };
    }
    case "change_approver": {
      if (facts.managerId === null || actorId !== facts.managerId) {
        return forbidden("Only the owner's manager changes the approver once the PRD has been submitted.");
      }
      if (facts.submittedAt === null || (status !== "submitted" && status !== "changes_requested")) {
        return conflict("The approver can be changed only while the PRD is awaiting approval or changes.");
      }
      if (action.approverId === facts.ownerId) return invalidField("approverId", "The approver cannot be the project's owner.");
      if (action.approverId === facts.approverId) return invalidField("approverId", "That person is already the approver.");
      const reason = action.reason.trim();
      if (reason === "") return invalidField("reason", "Say why the approver changes.");
      return {
        ok: true,
        facts: { ...facts, approverId: action.approverId },
        event: event("approver_changed", reason, { from: facts.approverId, to: action.approverId }),
      };
    }
    case "launch": {
      if (!isOwner(facts, actorId)) return forbidden("Only the project's owner launches it.");
      if (status !== "approved" || facts.approvedAt === null) {
        return conflict("A project launches only after its approver has approved the PRD.");
      }
      if (facts.metricIds.length < Math.max(1, process.min_success_metrics)) {
        return conflict("A project launches only with its success metrics defined.");
      }
      return { ok: true, facts: { ...facts, status: "launched", launchedAt: now }, event: event("launched") };
    }
    case "record_checkpoint": {
      if (!isOwnerOrManager(facts, actorId)) return forbidden("The owner or their manager records the checkpoint.");
      if (status !== "launched" || facts.launchedAt === null) return conflict("The checkpoint is recorded once, after launch.");
      const due = checkpointDueAt(facts.launchedAt, process);
      if (now.getTime() < due.getTime()) {
        return conflict(`The ${process.checkpoint_after_days}-day checkpoint can be recorded from ${due.toISOString().slice(0, 10)}.`);
      }
      const missing = facts.metricIds.filter((id) => !Number.isFinite(action.actuals[id]));
      if (missing.length > 0) return invalidField(`actuals.${missing[0]}`, "Give the actual value of every success metric.");
      const unknown = Object.keys(action.actuals).filter((id) => !facts.metricIds.includes(id));
      if (unknown.length > 0) return invalid("An actual was given for a metric this project does not have.");
      return {
        ok: true,
        facts: { ...facts, status: "live", checkpointRecorded: true },
        event: event("checkpoint_recorded", action.followUps.trim(), { verdict: action.verdict }),
      };
    }
    case "record_review": {
      if (!isOwnerOrManager(facts, actorId)) return forbidden("The owner or their manager records a project review.");
      if (status !== "live") return conflict("Quarterly reviews follow the checkpoint, until the project is closed.");
      if (action.roi.trim() === "") return invalidField("roi", "Write the return on investment so far.");
      if (action.nextReviewOn.getTime() <= now.getTime()) return invalidField("nextReviewOn", "The next review must be after today.");
      if (action.nextReviewOn.getTime() > addDays(now, process.quarterly_review_every_days).getTime()) {
        return invalidField("nextReviewOn", `The next review must be within ${process.quarterly_review_every_days} days.`);
      }
      return { ok: true, facts, event: event("review_recorded", "", { health: action.health }) };
    }
    case "close": {
      if (!isOwnerOrManager(facts, actorId)) return forbidden("The owner or their manager closes a project.");
      if (status === "closed") return locked("The project is already closed.");
      const launched = isLaunched(status, facts.launchedAt);
      if (launched && action.outcome === "withdrawn") return invalidField("outcome", "A launched project closes with what became of it, not as withdrawn.");
      if (!launched && action.outcome !== "withdrawn") return invalidField("outcome", "A project that never launched can only be withdrawn.");
      return {
        ok: true,
        facts: { ...facts, status: "closed", blocked: false, escalateToId: null },
        event: event("closed", action.note.trim(), { outcome: action.outcome }),
      };
    }
    case "block": {
      if (!isOwner(facts, actorId)) return forbidden("The owner marks their project blocked.");
      if (status === "closed") return locked("A closed project cannot be blocked.");
      if (action.escalateToId === facts.ownerId) return invalidField("escalateToId", "Escalate to someone other than yourself.");
      const reason = action.reason.trim();
      if (reason === "") return invalidField("reason", "Say what blocks the project.");
      return {
        ok: true,
        facts: { ...facts, blocked: true, escalateToId: action.escalateToId },
        event: event("blocked", reason, { escalateToId: action.escalateToId }),
      };
    }
    case "unblock": {
      if (!isOwnerOrManager(facts, actorId) && actorId !== facts.escalateToId) {
        return forbidden("The owner, their manager or the person it was escalated to clears a block.");
      }
      if (!facts.blocked) return conflict("The project is not blocked.");
      return { ok: true, facts: { ...facts, blocked: false, escalateToId: null }, event: event("unblocked") };
    }
  }
}
