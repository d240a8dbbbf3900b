import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { addInterview, interviewStates, listInterviewers } from "~/data/loops.server";
import { listSubmittedScorecards } from "~/data/scorecards.server";
import { decisionSummary, listDecisions } from "~/data/committee.server";
import { committeeAudience } from "~/domain/committee";
import { DecisionBadge } from "~/components/decision-badge";
import { isScorecardOverdue, loopProgress, scorecardDueAt } from "~/domain/loop";
import { hasPermission } from "~/domain/permissions";
import { instantFromWallClock } from "~/domain/wall-clock";
import { badRequest, formSaved, parseForm, readFormData } from "~/utils/forms.server";
import { auditActor } from "~/utils/audit.server";
import { requireLoopAccess } from "~/utils/loop-access.server";
import { AddInterviewPanel } from "./add-interview";
import { ClosedNotice, CloseLoopPanel } from "./close-loop";
import { closureAction, isClosureForm } from "./close-loop.server";
import { StagePanel } from "./stage-panel";
import { loopChangeFacts } from "~/data/interview-changes.server";
import { lockedReason } from "~/domain/interview-changes";
import { AddInterviewSchema } from "./schema";
import { refusing } from "~/utils/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Loop · ${data.candidate.name} · Builder Ladder` : "Loop · Builder Ladder" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, loop, access, onLoop } = await requireLoopAccess(request, params.loopId);
  const now = new Date();
  const rules = loop.rubric.decision_rules;
  const progress = loopProgress(loop.rubric.stages, rules.scorecards_per_stage, interviewStates(loop), now);
  // Others' scorecards are listed only to those allowed to see the panel (independence rule).
  const submitted = access.canSeePanel ? await listSubmittedScorecards(loop.id) : [];
  // What keeps its interviews from changing (closed loop, erased candidate), for those who change them.
  const changeFacts = access.canManage ? await loopChangeFacts(loop.id) : null;

  return {
    viewerId: user.id,
    loopId: loop.id,
    access,
    canReadCandidate: hasPermission(user.roles, "read:candidate:any"),
    candidate: { id: loop.candidate.id, name: loop.candidate.name },
    targetLevel: loop.targetLevel,
    rubricVersion: loop.rubricVersion,
    createdAt: loop.createdAt,
    complete: progress.complete,
    decision: decisionSummary(await listDecisions([loop.id])),
    canOpenReview: committeeAudience(user, onLoop) !== null,
    stages: loop.rubric.stages.map((stage) => {
      const stageProgress = progress.stages.find((p) => p.stageId === stage.id)!;
      return {
        id: stage.id,
        name: stage.name,
        ...stageProgress,
        interviews: loop.interviews
          .filter((i) => i.stageId === stage.id)
          .map((i) => ({
            id: i.id,
            startsAt: i.startsAt,
            durationMinutes: i.durationMinutes,
            dueAt: scorecardDueAt(i, rules.scorecard_due_hours),
            overdue: isScorecardOverdue(i, rules.scorecard_due_hours, now),
            cancelled: i.cancelledAt ? { at: i.cancelledAt, reason: i.cancelReason ?? "" } : null,
            interviewers: i.interviewers.map((p) => ({
              id: p.id,
              name: p.name,
              status: i.scorecards.find((s) => s.interviewerId === p.id)?.status ?? null,
              scorecardId: submitted.find((s) => s.interviewId === i.id && s.interviewerId === p.id)?.id ?? null,
            })),
            // Scorecards of interviewers taken off it: kept and listed, marked (drafts only to their author, as ever).
            removed: i.scorecards
              .filter((s) => s.interviewerRemovedAt)
              .map((s) => ({
                id: s.interviewerId,
                name: s.interviewerName,
                status: s.status,
                scorecardId: submitted.find((x) => x.id === s.id)?.id ?? null,
              })),
            change: access.canManage
              ? {
                  id: i.id,
                  sequence: i.sequence,
                  startsAt: i.startsAt,
                  durationMinutes: i.durationMinutes,
                  panel: i.interviewers.map((p) => ({ id: p.id, name: p.name })),
                  lockedReason: lockedReason({ cancelledAt: i.cancelledAt, ...changeFacts! }),
                  tookPlace: i.scorecards.some((s) => s.status === "submitted"),
                }
              : null,
          })),
      };
    }),
    interviewers: access.canManage ? await listInterviewers() : [],
    closure: { closedAt: loop.closedAt, closeReason: loop.closeReason },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, loop, access } = await requireLoopAccess(request, params.loopId);
  if (!access.canManage) throw data({ message: "Only recruiters and admins change a loop." }, { status: 403 });
  const form = await readFormData(request);
  // Closing or reopening the loop (close-loop.server.ts).
  if (isClosureForm(form)) return closureAction(form, { loopId: loop.id, user, context });
  const parsed = parseForm(AddInterviewSchema, form);
  if (!parsed.success) return badRequest(parsed.failure);
  const input = parsed.data;

  const fieldErrors: Record<string, string[]> = {};
  if (!loop.rubric.stages.some((s) => s.id === input.stageId)) fieldErrors.stageId = ["Choose a stage of this loop's rubric"];
  // Read in the browser's zone with that zone's rules on the chosen date; a skipped time is refused.
  const starts = instantFromWallClock(input.startsAtLocal, input.timeZone);
  if (!starts.ok) fieldErrors[starts.reason === "unknown_zone" ? "timeZone" : "startsAtLocal"] = [starts.message];
  const interviewerIds = new Set((await listInterviewers()).map((p) => p.id));
  if (input.interviewerIds.some((id) => !interviewerIds.has(id))) fieldErrors.interviewerIds = ["Only people with the interviewer role can be assigned"];
  if (Object.keys(fieldErrors).length > 0 || !starts.ok) return badRequest({ fieldErrors, formErrors: [] });

  await refusing(() =>
    addInterview({
      loopId: loop.id,
      stageId: input.stageId,
      startsAt: starts.instant,
      durationMinutes: input.durationMinutes,
      interviewerIds: [...new Set(input.interviewerIds)],
      actor: auditActor(user, context),
      now: new Date(),
    }),
  );
  return formSaved();
}

export default function LoopPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <article className="page" aria-labelledby="loop-title">
      <p className="breadcrumbs">
        {data.canReadCandidate ? (
          <>
            <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${data.candidate.id}`}>{data.candidate.name}</Link> /
            Loop
          </>
        ) : (
          "Interview loop"
        )}
      </p>
      <header className="page-header">
        <h1 id="loop-title">Interview loop: {data.candidate.name}</h1>
        <p>
          Target level {data.targetLevel} · rubric{" "}
          <Link to={`/rubrics/${data.rubricVersion.track}/v${data.rubricVersion.version}`}>
            {data.rubricVersion.name} v{data.rubricVersion.version}
          </Link>{" "}
          · {data.complete ? <span className="badge badge-current">All stages complete</span> : <span className="badge badge-previous">In progress</span>}
        </p>
        <p className="row">
          <DecisionBadge decision={data.decision} />
          {data.canOpenReview ? <Link to={`/loops/${data.loopId}/committee`}>Committee review</Link> : null}
        </p>
        <ClosedNotice closure={data.closure} />
        {data.access.isInterviewer && !data.access.canSeePanel ? (
          <p className="notice">
            You will see the other interviewers&rsquo; scorecards on this loop once you have submitted all of yours. Until
            then your ratings stay independent.
          </p>
        ) : null}
      </header>
      {data.stages.map((stage) => (
        <StagePanel key={stage.id} stage={stage} viewerId={data.viewerId} access={data.access} interviewers={data.interviewers} />
      ))}
      {data.access.canManage && !data.closure.closedAt ? <AddInterviewPanel stages={data.stages} interviewers={data.interviewers} /> : null}
      {data.access.canManage ? <CloseLoopPanel closure={data.closure} /> : null}
    </article>
  );
}
