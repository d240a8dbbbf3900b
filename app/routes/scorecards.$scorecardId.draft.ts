import { data, type ActionFunctionArgs } from "@remix-run/node";
import { findLoop } from "~/data/loops.server";
import { findInterview, findScorecard, saveDraft } from "~/data/scorecards.server";
import { stageRubric } from "~/domain/scorecard/content";
import { scorecardSchemas } from "~/domain/scorecard/schema";
import { requireUserWithPermission } from "~/utils/auth.server";
import { parseJsonBody } from "~/utils/forms.server";

/**
 * Autosave: the scorecard page posts the whole form here as JSON while the interviewer types
 * and when they leave the page (fetch keepalive). Only the author saves, and only a draft.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const now = new Date();
  const user = await requireUserWithPermission(request, "write:scorecard:own", now);
  const scorecard = params.scorecardId ? await findScorecard(params.scorecardId) : null;
  if (!scorecard) throw data({ message: "No such scorecard" }, { status: 404 });
  if (scorecard.interviewerId !== user.id) throw data({ message: "This is not your scorecard." }, { status: 403 });
  if (scorecard.status !== "draft") {
    return Response.json({ ok: false, formErrors: ["This scorecard is submitted; change it with an amendment."] }, { status: 409 });
  }
  const interview = (await findInterview(scorecard.interviewId))!;
  const stage = stageRubric((await findLoop(interview.loopId))!.rubric, interview.stageId)!;
  const parsed = await parseJsonBody(scorecardSchemas(stage).draft, request);
  if (!parsed.success) return Response.json({ ok: false, ...parsed.failure }, { status: 400 });

  const saved = await saveDraft(scorecard.id, parsed.data, now);
  if (!saved) return Response.json({ ok: false, formErrors: ["This scorecard was submitted meanwhile."] }, { status: 409 });
  return Response.json({ ok: true, savedAt: now.toISOString() });
}

export function loader() {
  throw data({ message: "Not found" }, { status: 404 });
}
