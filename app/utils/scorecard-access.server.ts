import { data, type AppLoadContext } from "@remix-run/node";
import { findLoop } from "~/data/loops.server";
import { findInterview, findScorecardFor, openScorecard } from "~/data/scorecards.server";
import { CANCELLED_SCORECARD_MESSAGE } from "~/domain/interview-changes";
import { stageRubric } from "~/domain/scorecard/content";
import { scorecardSchemas } from "~/domain/scorecard/schema";
import { auditActor } from "./audit.server";
import { requireUserWithPermission } from "./auth.server";

/**
 * The signed-in interviewer's own scorecard for an interview (created on first use), with the
 * pinned rubric's stage and its schemas. 404 for an unknown interview; 403 when the user is not
 * assigned to it (or no longer: taken off it): nobody writes a scorecard for someone else's
 * interview. 409 for a cancelled interview they never opened one for.
 */
export async function requireOwnScorecard(request: Request, interviewId: string | undefined, now: Date, context: Pick<AppLoadContext, "clientAddress">) {
  const access = await requireScorecardAccess(request, interviewId, now);
  // A cancelled interview owes no scorecard: none is opened for it (409); one already written is shown as it is.
  if (access.interview.cancelledAt && !access.existing) throw data({ message: CANCELLED_SCORECARD_MESSAGE }, { status: 409 });
  const scorecard = access.existing ?? (await openScorecard(access.interview, access.user.id, auditActor(access.user, context), now));
  return { ...access, scorecard };
}

/**
 * The same checks without creating anything: the scorecard if it exists yet. Actions use it, so
 * a request they refuse writes nothing (not even an empty draft); they open the scorecard only
 * once the input is valid.
 */
export async function requireScorecardAccess(request: Request, interviewId: string | undefined, now: Date) {
  const user = await requireUserWithPermission(request, "write:scorecard:own", now);
  const interview = interviewId ? await findInterview(interviewId) : null;
  if (!interview) throw data({ message: "No such interview" }, { status: 404 });
  if (!interview.interviewerIds.includes(user.id)) {
    throw data({ message: "You are not assigned to this interview." }, { status: 403 });
  }
  const loop = (await findLoop(interview.loopId))!;
  const stage = stageRubric(loop.rubric, interview.stageId);
  if (!stage) throw new Error(`Interview ${interview.id} names stage ${interview.stageId}, which its pinned rubric lacks`);
  const existing = await findScorecardFor(interview.id, user.id);
  return { user, interview, loop, stage, existing, schemas: scorecardSchemas(stage) };
}

/** Maps a criterion of the stage to the competency it evidences. */
export function competencyOfCriterion(stage: { stage: { criteria: Array<{ id: string; competency: string }> } }) {
  return (criterionId: string) => stage.stage.criteria.find((c) => c.id === criterionId)!.competency;
}
