import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LocalTime } from "~/components/local-time";
import { changeInterview, loopChangeFacts } from "~/data/interview-changes.server";
import { findLoop, listInterviewers } from "~/data/loops.server";
import { findInterview } from "~/data/scorecards.server";
import type { InterviewChange } from "~/domain/interview-changes";
import { lockedReason } from "~/domain/interview-changes";
import { instantFromWallClock } from "~/domain/wall-clock";
import { auditActor } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/auth.server";
import { badRequest, formSaved, parseForm, readFormData } from "~/utils/forms.server";
import { refusalResponse, refusing } from "~/utils/refusals.server";
import { InterviewChangeForms } from "./change-forms";
import { CHANGE_SCHEMAS, ChangeIntent } from "./schema";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Change interview · ${data.candidateName} · Builder Ladder` : "Change interview · Builder Ladder" },
];

/** manage:loop:any (403) → the interview (404): recruiters and admins change interviews. */
async function requireInterview(request: Request, interviewId: string | undefined) {
  const user = await requireUserWithPermission(request, "manage:loop:any");
  const interview = interviewId ? await findInterview(interviewId) : null;
  if (!interview) throw data({ message: "No such interview" }, { status: 404 });
  return { user, interview };
}

/**
 * One interview with the forms that change it (the loop page shows the same forms under each
 * interview; this page is where they land without JavaScript, and a link of its own).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { interview } = await requireInterview(request, params.interviewId);
  const [loop, facts, interviewers] = await Promise.all([findLoop(interview.loopId), loopChangeFacts(interview.loopId), listInterviewers()]);
  const full = loop!.interviews.find((i) => i.id === interview.id)!;
  return {
    loopId: loop!.id,
    candidateName: loop!.candidate.name,
    stageName: loop!.rubric.stages.find((s) => s.id === interview.stageId)?.name ?? interview.stageId,
    interview: {
      id: interview.id,
      sequence: interview.sequence,
      startsAt: interview.startsAt,
      durationMinutes: interview.durationMinutes,
      panel: full.interviewers.map((p) => ({ id: p.id, name: p.name })),
      lockedReason: lockedReason({ cancelledAt: interview.cancelledAt, ...facts }),
      tookPlace: full.scorecards.some((s) => s.status === "submitted"),
    },
    interviewers: interviewers.map((p) => ({ id: p.id, name: p.name })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, interview } = await requireInterview(request, params.interviewId);
  const form = await readFormData(request);
  const intent = parseForm(ChangeIntent, form);
  if (!intent.success) return badRequest(intent.failure);
  const now = new Date();

  let change: InterviewChange;
  switch (intent.data.intent) {
    case "reschedule": {
      const parsed = parseForm(CHANGE_SCHEMAS.reschedule, form);
      if (!parsed.success) return badRequest(parsed.failure);
      // Read in the browser's zone with that zone's rules on the chosen date; a skipped time is refused.
      const starts = instantFromWallClock(parsed.data.startsAtLocal, parsed.data.timeZone);
      if (!starts.ok) return badRequest({ fieldErrors: { [starts.reason === "unknown_zone" ? "timeZone" : "startsAtLocal"]: [starts.message] }, formErrors: [] });
      change = { kind: "reschedule", basedOn: parsed.data.sequence, startsAt: starts.instant, durationMinutes: parsed.data.durationMinutes };
      break;
    }
    case "cancel": {
      const parsed = parseForm(CHANGE_SCHEMAS.cancel, form);
      if (!parsed.success) return badRequest(parsed.failure);
      change = { kind: "cancel", basedOn: parsed.data.sequence, reason: parsed.data.reason };
      break;
    }
    case "reassign": {
      const parsed = parseForm(CHANGE_SCHEMAS.reassign, form);
      if (!parsed.success) return badRequest(parsed.failure);
      // Whoever joins must hold the interviewer role; someone already on the panel may stay.
      const known = new Set([...(await listInterviewers()).map((p) => p.id), ...interview.interviewerIds]);
      if (parsed.data.interviewerIds.some((id) => !known.has(id))) return badRequest({ fieldErrors: { interviewerIds: ["Only people with the interviewer role can be assigned"] }, formErrors: [] });
      change = { kind: "reassign", basedOn: parsed.data.sequence, interviewerIds: [...new Set(parsed.data.interviewerIds)] };
      break;
    }
  }

  const result = await refusing(() => changeInterview({ interviewId: interview.id, change, actor: auditActor(user, context), now }));
  if (result.ok) return { ...formSaved(), intent: change.kind, sequence: result.sequence };
  if ("field" in result) return badRequest({ fieldErrors: { [result.field]: [result.message] }, formErrors: [] });
  return refusalResponse(result);
}

export default function ChangeInterviewPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <article className="page" aria-labelledby="change-title">
      <p className="breadcrumbs">
        <Link to={`/loops/${d.loopId}`}>Loop: {d.candidateName}</Link> / Change interview
      </p>
      <header className="page-header">
        <h1 id="change-title">Change interview: {d.stageName}</h1>
        <p className="muted">
          <LocalTime value={d.interview.startsAt} /> · {d.interview.durationMinutes} min
        </p>
      </header>
      <section className="panel" aria-labelledby="change-forms-title">
        <h2 id="change-forms-title">What to change</h2>
        <InterviewChangeForms interview={d.interview} interviewers={d.interviewers} />
      </section>
    </article>
  );
}
