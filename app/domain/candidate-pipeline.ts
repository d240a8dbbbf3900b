import { z } from "zod";

/**
 * Where a candidate stands in the hiring pipeline, and who may move them where.
 *
 * | status    | meaning                                                    | set by                      |
 * | --------- | ---------------------------------------------------------- | --------------------------- |
 * | active    | being considered (the default)                             | recruiters                  |
 * | on_hold   | paused (a freeze, a timing problem); loops stay open       | recruiters                  |
 * | rejected  | we said no; every open loop closes with the reason         | recruiters (reason needed)  |
 * | withdrawn | they said no (or declined the offer); open loops close     | recruiters (reason needed)  |
 * | hired     | a hire decision is in force (or they were onboarded)       | the app, never by hand      |
 *
 * "hired" follows the committee: recording a hire decision sets it, and correcting that hire to
 * a no hire sets the candidate back to active (a recruiter then decides what comes next). Nobody
 * sets it by hand, so the status can never claim a hire the committee did not make. Once the
 * candidate has become a builder (onboarded) their status no longer changes.
 *
 * Like Greenhouse and Lever, a rejection or withdrawal can be undone (back to active): the closed
 * loops stay closed, and a recruiter reopens the one they mean to continue. Pure rules: the data
 * layer applies them inside the change's transaction.
 */
export const CANDIDATE_STATUSES = ["active", "on_hold", "rejected", "withdrawn", "hired"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export const CANDIDATE_STATUS_LABELS: Record<CandidateStatus, string> = {
  active: "Active",
  on_hold: "On hold",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  hired: "Hired",
};

export function isCandidateStatus(value: string): value is CandidateStatus {
  return (CANDIDATE_STATUSES as readonly string[]).includes(value);
}

/** A stored status read safely: anything unknown is read as active (the column's default). */
export function asCandidateStatus(value: string): CandidateStatus {
  return isCandidateStatus(value) ? value : "active";
}

export function candidateStatusLabel(status: string): string {
  return isCandidateStatus(status) ? CANDIDATE_STATUS_LABELS[status] : status;
}

/** The statuses a recruiter may choose on the status form ("hired" is the committee's). */
export const MANUAL_STATUSES = ["active", "on_hold", "rejected", "withdrawn"] as const;
export type ManualStatus = (typeof MANUAL_STATUSES)[number];

/** Where a recruiter may move a candidate from each status. */
const MANUAL_MOVES: Record<CandidateStatus, readonly ManualStatus[]> = {
  active: ["on_hold", "rejected", "withdrawn"],
  on_hold: ["active", "rejected", "withdrawn"],
  rejected: ["active"],
  withdrawn: ["active"],
  // A hire that falls through: they declined the offer, or we took it back.
  hired: ["withdrawn", "rejected"],
};

/** Statuses that end the candidate's interviews: every open loop closes, with the same reason. */
export function closesLoops(status: CandidateStatus): boolean {
  return status === "rejected" || status === "withdrawn";
}

/** Statuses whose reason is required (the candidate's record says why they left the pipeline). */
export function needsReason(status: CandidateStatus): boolean {
  return closesLoops(status);
}

export type StatusFacts = {
  status: CandidateStatus;
  erasedAt: Date | null;
  /** A builder record was made from their hire (onboarding): the pipeline is over for them. */
  becameBuilder: boolean;
};

/** Where a recruiter may move this candidate now (empty: the status is fixed). */
export function manualMoves(candidate: StatusFacts): readonly ManualStatus[] {
  if (candidate.erasedAt || candidate.becameBuilder) return [];
  return MANUAL_MOVES[candidate.status];
}

/** Why a recruiter may not move this candidate to `to`, or null when they may. */
export function statusChangeRefusal(candidate: StatusFacts, to: CandidateStatus): string | null {
  if (candidate.erasedAt) return "This candidate was erased: their record can no longer be changed.";
  if (candidate.becameBuilder) return "This candidate was hired and onboarded as a builder: their pipeline status no longer changes.";
  if (to === "hired") return "A candidate becomes hired when the hiring committee records a hire decision, not by hand.";
  if (to === candidate.status) return `This candidate is already ${CANDIDATE_STATUS_LABELS[to].toLowerCase()}.`;
  if (!(MANUAL_MOVES[candidate.status] as readonly string[]).includes(to)) {
    return `A ${CANDIDATE_STATUS_LABELS[candidate.status].toLowerCase()} candidate cannot be moved to ${CANDIDATE_STATUS_LABELS[to].toLowerCase()}.`;
  }
  return null;
}

/**
 * The status the committee's decisions leave the candidate in, or null when they change nothing:
 * a hire in force on any of their loops makes them hired; when none is left (a hire corrected to
 * a no hire), "hired" goes back to active. Once onboarded, nothing changes it.
 */
export function statusAfterDecisions(candidate: { status: CandidateStatus; becameBuilder: boolean }, hireInForce: boolean): CandidateStatus | null {
  if (candidate.becameBuilder) return null;
  if (hireInForce) return candidate.status === "hired" ? null : "hired";
  return candidate.status === "hired" ? "active" : null;
}

/** Whether a candidate in this status may take a new loop, or have a closed loop reopened. */
export function loopRefusalForStatus(status: CandidateStatus): string | null {
  if (status === "active" || status === "on_hold") return null;
  if (status === "hired") return "This candidate is hired: a new loop would interview them again.";
  return `This candidate is ${CANDIDATE_STATUS_LABELS[status].toLowerCase()}: set them back to active before interviewing them again.`;
}

// ---- Forms -----------------------------------------------------------------------------------

export const STATUS_REASON_MAX = 500;
export const CLOSE_REASON_MAX = 500;

/**
 * The version a form was read at: the status's last change as an ISO instant, or "" when it was
 * never changed. A change based on another version is stale (409): someone moved them meanwhile.
 */
export function statusVersion(statusChangedAt: Date | string | null): string {
  if (statusChangedAt === null) return "";
  return typeof statusChangedAt === "string" ? new Date(statusChangedAt).toISOString() : statusChangedAt.toISOString();
}

const reasonText = (max: number) =>
  z
    .string({ error: "Write the reason" })
    .max(max, `Keep the reason to ${max} characters or fewer`)
    .transform((v) => v.trim())
    .optional()
    .default("");

/** The candidate page's status form: shared by the form (react-hook-form) and the page's action. */
export const CandidateStatusSchema = z
  .object({
    intent: z.literal("set-status", { error: "Unknown action" }),
    status: z.enum(MANUAL_STATUSES, { error: "Choose active, on hold, rejected or withdrawn" }),
    reason: reasonText(STATUS_REASON_MAX),
    // The status version the form was read at ("" for never changed), checked by the action.
    statusChangedAt: z
      .string({ error: "Reload the page: the form lacks the status it was based on" })
      .max(40, "Reload the page: the form's status version is not one this app wrote"),
  })
  .superRefine((v, ctx) => {
    if (needsReason(v.status) && v.reason === "") {
      ctx.addIssue({ code: "custom", path: ["reason"], message: `Write why the candidate is ${CANDIDATE_STATUS_LABELS[v.status].toLowerCase()}` });
    }
  });
export type CandidateStatusForm = z.input<typeof CandidateStatusSchema>;
export type CandidateStatusChange = z.output<typeof CandidateStatusSchema>;

/** Closing a loop on its page (recruiters and admins): the reason is required. */
export const CloseLoopSchema = z.object({
  intent: z.literal("close-loop"),
  reason: z
    .string({ error: "Write why the loop is closed" })
    .max(CLOSE_REASON_MAX, `Keep the reason to ${CLOSE_REASON_MAX} characters or fewer`)
    .transform((v) => v.trim())
    .pipe(z.string().min(1, "Write why the loop is closed")),
});
export type CloseLoopForm = z.input<typeof CloseLoopSchema>;

/** Reopening a closed loop: nothing to fill in but the intent. */
export const ReopenLoopSchema = z.object({ intent: z.literal("reopen-loop") });

/** Why a loop cannot be closed or reopened now, or null. */
export function loopClosureRefusal(loop: { closedAt: Date | null }, intent: "close-loop" | "reopen-loop"): string | null {
  if (intent === "close-loop" && loop.closedAt) return "This loop is already closed.";
  if (intent === "reopen-loop" && !loop.closedAt) return "This loop is open.";
  return null;
}

/** The refusal for a change that a closed loop does not take (a new interview, a decision). */
export const CLOSED_LOOP_REFUSAL = "This loop is closed: it takes no new interviews or decisions. Reopen it first.";

// ---- The candidate list's status filter --------------------------------------------------------

/** "current" (the default) is everyone still in the pipeline: active or on hold. */
export const CANDIDATE_STATUS_FILTERS = ["current", ...CANDIDATE_STATUSES, "all"] as const;
export type CandidateStatusFilter = (typeof CANDIDATE_STATUS_FILTERS)[number];
export const DEFAULT_STATUS_FILTER: CandidateStatusFilter = "current";
export const CANDIDATE_STATUS_FILTER_LABELS: Record<CandidateStatusFilter, string> = {
  current: "Active or on hold",
  ...CANDIDATE_STATUS_LABELS,
  all: "Any status",
};

/** The statuses a filter lists, or null for every status. */
export function statusesOf(filter: CandidateStatusFilter): CandidateStatus[] | null {
  if (filter === "all") return null;
  if (filter === "current") return ["active", "on_hold"];
  return [filter];
}
