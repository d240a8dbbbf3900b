import { data, type ActionFunctionArgs } from "@remix-run/node";
import { findLoop } from "~/data/loops.server";
import { findInterview, findScorecard, saveDraft } from "~/data/scorecards.server";
import { contentFromDraft, stageRubric } from "~/domain/scorecard/content";
import { LOCKED_DRAFT_MESSAGE, draftSaveSchema, staleDraftMessage, unwrapContentErrors, type DraftSaveAnswer } from "~/domain/scorecard/draft-save";
import { scorecardSchemas } from "~/domain/scorecard/schema";
import { CANCELLED_SCORECARD_MESSAGE, REMOVED_SCORECARD_MESSAGE } from "~/domain/interview-changes";
import { auditActor } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/auth.server";
import { parseJsonBody } from "~/utils/forms.server";
import { refusing } from "~/utils/refusals.server";

/**
 * Autosave: the scorecard page posts `{ version, content }` here as JSON while the interviewer
 * types and when they leave the page (fetch keepalive). Only the author saves, only a draft, and
 * only over the version the page was based on; the answers are described in
 * `~/domain/scorecard/draft-save`.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const now = new Date();
  const user = await requireUserWithPermission(request, "write:scorecard:own", now);
  const scorecard = params.scorecardId ? await findScorecard(params.scorecardId) : null;
  if (!scorecard) throw data({ message: "No such scorecard" }, { status: 404 });
  if (scorecard.interviewerId !== user.id) throw data({ message: "This is not your scorecard." }, { status: 403 });
  const answer = (body: DraftSaveAnswer, status = 200) => Response.json(body, { status });
  if (scorecard.status !== "draft") return answer({ ok: false, reason: "locked", formErrors: [LOCKED_DRAFT_MESSAGE] }, 409);
  const interview = (await findInterview(scorecard.interviewId))!;
  // Kept as it is once its author is taken off the interview, or the interview is cancelled.
  if (!interview.interviewerIds.includes(user.id)) return answer({ ok: false, reason: "removed", formErrors: [REMOVED_SCORECARD_MESSAGE] }, 409);
  if (interview.cancelledAt) return answer({ ok: false, reason: "cancelled", formErrors: [CANCELLED_SCORECARD_MESSAGE] }, 409);
  const stage = stageRubric((await findLoop(interview.loopId))!.rubric, interview.stageId)!;
  const parsed = await parseJsonBody(draftSaveSchema(scorecardSchemas(stage)), request);
  if (!parsed.success) {
    return answer({ ok: false, fieldErrors: unwrapContentErrors(parsed.failure.fieldErrors), formErrors: parsed.failure.formErrors }, 400);
  }

  const saved = await refusing(() => saveDraft(scorecard.id, parsed.data.version, parsed.data.content, auditActor(user, context), now));
  if (saved.ok) return answer({ ok: true, savedAt: now.toISOString(), version: saved.version });
  if (saved.reason === "stale") {
    const { current } = saved;
    return answer(
      {
        ok: false,
        reason: "stale",
        formErrors: [staleDraftMessage(current.savedAt)],
        current: { version: current.version, content: contentFromDraft(stage, current.draft), savedAt: current.savedAt?.toISOString() ?? null },
      },
      409,
    );
  }
  if (saved.reason === "locked") return answer({ ok: false, reason: "locked", formErrors: [LOCKED_DRAFT_MESSAGE] }, 409);
  throw data({ message: "No such scorecard" }, { status: 404 });
}

export function loader() {
  throw data({ message: "Not found" }, { status: 404 });
}
