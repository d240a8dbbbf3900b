import { hasPermission, type Viewer } from "../permissions";
import { canEditContent, isLaunched, type ProjectAction, type ProjectStatus } from "./workflow";

/**
 * Who may see and do what with a project. Everyone signed in reads the summary (what it is, who
 * owns and approves it, where it stands, its PRD and success metrics) and the demo feed. The
 * measured outcome (checkpoint actuals and verdict, quarterly reviews, the history's comments) is
 * read by the owner, their manager, the approver, the promotion committee and admins. Pay never
 * appears on a project.
 *
 * | who                 | does                                                                  |
 * | ------------------- | --------------------------------------------------------------------- |
 * | the owner (builder) | edits drafts, submits, launches, records checkpoint and reviews,      |
 * |                     | closes, marks blocked, posts demos                                    |
 * | their manager       | changes the approver after submission, records checkpoint and reviews,|
 * |                     | closes, clears a block, flags demos                                   |
 * | the named approver  | approves or asks for changes — nobody else, whatever their roles      |
 * | the escalation      | sees the block on their home, clears it                               |
 * | promotion committee | reads outcomes                                                        |
 * | admin               | reads outcomes, flags demos                                           |
 */
export type ProjectParties = {
  ownerId: string;
  managerId: string | null;
  approverId: string;
  escalateToId: string | null;
  status: ProjectStatus;
  launchedAt: Date | null;
  blocked: boolean;
};

export type ProjectAccess = {
  readSummary: boolean;
  readOutcomes: boolean;
  readBlock: boolean;
  edit: boolean;
  submit: boolean;
  decidePrd: boolean;
  changeApprover: boolean;
  launch: boolean;
  recordCheckpoint: boolean;
  recordReview: boolean;
  close: boolean;
  block: boolean;
  unblock: boolean;
  postDemo: boolean;
};

export function relationTo(viewer: Viewer, project: Pick<ProjectParties, "ownerId" | "managerId" | "approverId" | "escalateToId">) {
  return {
    isOwner: project.ownerId === viewer.id,
    // A manager relation needs the manager role, as for packets: a stale managerId grants nothing.
    isManager: project.managerId !== null && project.managerId === viewer.id && hasPermission(viewer.roles, "read:builder:team"),
    isApprover: project.approverId === viewer.id,
    isEscalation: project.escalateToId !== null && project.escalateToId === viewer.id,
  };
}

export function projectAccess(viewer: Viewer, project: ProjectParties): ProjectAccess {
  const { isOwner, isManager, isApprover, isEscalation } = relationTo(viewer, project);
  const seesAllRecords = hasPermission(viewer.roles, "read:builder:any");
  const open = project.status !== "closed";
  const ownerOrManager = isOwner || isManager;
  return {
    readSummary: true,
    readOutcomes: ownerOrManager || isApprover || seesAllRecords,
    readBlock: ownerOrManager || isApprover || isEscalation || seesAllRecords,
    edit: isOwner && canEditContent(project.status),
    submit: isOwner && canEditContent(project.status),
    decidePrd: isApprover && project.status === "submitted",
    changeApprover: isManager && (project.status === "submitted" || project.status === "changes_requested"),
    launch: isOwner && project.status === "approved",
    recordCheckpoint: ownerOrManager && project.status === "launched",
    recordReview: ownerOrManager && project.status === "live",
    close: ownerOrManager && open,
    block: isOwner && open,
    unblock: (ownerOrManager || isEscalation) && project.blocked,
    postDemo: isOwner && (open || isLaunched(project.status, project.launchedAt)),
  };
}

/** Managers and admins flag demos for the wider organisation (the curators). */
export function canCurateDemos(viewer: Viewer): boolean {
  return hasPermission(viewer.roles, "curate:demo:any");
}

/** Starting a project is a builder's, on a track whose rubric defines a project process. */
export function canStartProject(viewer: Viewer): boolean {
  return hasPermission(viewer.roles, "read:builder:own");
}

type Relation = ReturnType<typeof relationTo>;

/**
 * Who may ever send each workflow action, by relation (the workflow then says whether the
 * project's state allows it). The project page's action refuses anyone else with 403 before
 * reading the form. Submitting belongs to the edit page, which saves the content with it.
 */
export const PROJECT_ACTION_PARTIES: Record<ProjectAction["kind"], { party: (r: Relation) => boolean; refusal: string }> = {
  approve: { party: (r) => r.isApprover, refusal: "Only the project's named approver can approve its PRD or ask for changes." },
  request_changes: { party: (r) => r.isApprover, refusal: "Only the project's named approver can approve its PRD or ask for changes." },
  change_approver: { party: (r) => r.isManager, refusal: "Only the owner's manager changes the approver once the PRD has been submitted." },
  launch: { party: (r) => r.isOwner, refusal: "Only the project's owner launches it." },
  record_checkpoint: { party: (r) => r.isOwner || r.isManager, refusal: "The owner or their manager records the checkpoint." },
  record_review: { party: (r) => r.isOwner || r.isManager, refusal: "The owner or their manager records a project review." },
  close: { party: (r) => r.isOwner || r.isManager, refusal: "The owner or their manager closes a project." },
  block: { party: (r) => r.isOwner, refusal: "The owner marks their project blocked." },
  unblock: { party: (r) => r.isOwner || r.isManager || r.isEscalation, refusal: "The owner, their manager or the person it was escalated to clears a block." },
  submit: { party: () => false, refusal: "Submit the PRD from the project's edit page." },
};
