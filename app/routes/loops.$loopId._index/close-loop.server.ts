import type { AppLoadContext } from "@remix-run/node";
import { closeLoop, reopenLoop } from "~/data/candidate-pipeline.server";
import { CloseLoopSchema, ReopenLoopSchema } from "~/domain/candidate-pipeline";
import { auditActor } from "~/utils/audit.server";
import { badRequest, formSaved, parseForm } from "~/utils/forms.server";
import { refusalResponse } from "~/utils/refusals.server";

/** Whether the loop page's form is the close or reopen form (the page's other forms are not). */
export function isClosureForm(form: FormData): boolean {
  const intent = form.getAll("intent");
  return intent.length === 1 && (intent[0] === "close-loop" || intent[0] === "reopen-loop");
}

/**
 * Closes the loop with its reason, or reopens it, for someone the page's action already let
 * through (recruiters and admins): 400 for a missing reason, 409 when the loop or its candidate's
 * state refuses it (already closed, candidate rejected or erased), nothing written then.
 */
export async function closureAction(form: FormData, input: { loopId: string; user: { id: string }; context: AppLoadContext }) {
  const actor = auditActor(input.user, input.context);
  const now = new Date();
  if (form.get("intent") === "reopen-loop") {
    const parsed = parseForm(ReopenLoopSchema, form);
    if (!parsed.success) return badRequest(parsed.failure);
    const reopened = await reopenLoop({ loopId: input.loopId, actor, now });
    return reopened.ok ? formSaved() : refusalResponse(reopened);
  }
  const parsed = parseForm(CloseLoopSchema, form);
  if (!parsed.success) return badRequest(parsed.failure);
  const closed = await closeLoop({ loopId: input.loopId, reason: parsed.data.reason, actor, now });
  return closed.ok ? formSaved() : refusalResponse(closed);
}
