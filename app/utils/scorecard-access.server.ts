import { data } from "@remix-run/node";
import { findLoop } from "~/data/loops.server";
import { findInterview, openScorecard } from "~/data/scorecards.server";
import { stageRubric } from "~/domain/scorecard/content";
import { scorecardSchemas } from "~/domain/scorecard/schema";
import { requireUserWithPermission } from "./auth.server";

/**
 * The signed-in interviewer's own scorecard for an interview (created on first use), with the
 * pinned rubric's stage and its schemas. 404 for an unknown interview; 403 when the user is not
 * assigned to it: nobody writes a scorecard for someone else's interview.
 */
export async function requireOwnScorecard(request: Request, interviewId: string | undefined, now: Date) {
  const user = await requireUserWithPermission(request, "write:scorecard:own", now);
  const interview = interviewId ? await findInterview(interviewId) : null;
  if (!interview) throw data({ message: "No such interview" }, { status: 404 });
  if (!interview.interviewerIds.includes(user.id)) {
    throw data({ message: "You are not assigned to this interview." }, { status: 403 });
  }
  const loop = (await findLoop(interview.loopId))!;
  const stage = stageRubric(loop.rubric, interview.stageId);
  if (!stage) throw new Error(`Interview ${interview.id} names stage ${interview.stageId}, which its pinned rubric lacks`);
  const scorecard = await openScorecard(interview, user.id, now);
  return { user, interview, loop, stage, scorecard, schemas: scorecardSchemas(stage) };
}

/** Maps a criterion of the stage to the competency it evidences. */
export function competencyOfCriterion(stage: { stage: { criteria: Array<{ id: string; competency: string }> } }) {
  return (criterionId: string) => stage.stage.criteria.find((c) => c.id === criterionId)!.competency;
}
