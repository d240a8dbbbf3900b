import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LocalTime } from "~/components/local-time";
import { RevisionHistory, ScorecardContentView } from "~/components/scorecard/scorecard-view";
import { recordRead } from "~/data/audit.server";
import { findScorecard, scorecardRead } from "~/data/scorecards.server";
import { stageRubric } from "~/domain/scorecard/content";
import { canReadScorecard } from "~/domain/scorecard/visibility";
import { auditActor } from "~/utils/audit.server";
import { requireLoopAccess } from "~/utils/loop-access.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Scorecard by ${data.interviewerName} · Builder Ladder` : "Scorecard · Builder Ladder" },
];

/**
 * One scorecard, read-only, with its history. The independence rule applies here, in the
 * loader: an interviewer on the loop reads others' scorecards only after submitting all theirs.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request);
  const scorecard = params.scorecardId ? await findScorecard(params.scorecardId) : null;
  if (!scorecard) throw data({ message: "No such scorecard" }, { status: 404 });
  const { user, loop, onLoop } = await requireLoopAccess(request, scorecard.loopId);
  if (!canReadScorecard(user, scorecard, onLoop)) {
    throw data(
      { message: "You can read other interviewers' scorecards on this loop after you have submitted all of yours." },
      { status: 403 },
    );
  }
  const stage = stageRubric(loop.rubric, scorecard.stageId)!;
  const current = scorecard.revisions.at(-1);
  await recordRead(auditActor(user, context), scorecardRead(scorecard, loop.candidate.id, scorecard.interviewerId === user.id ? "own" : "other"), new Date());
  return {
    loopId: loop.id,
    candidateName: loop.candidate.name,
    interviewerName: scorecard.interviewerName,
    isAuthor: scorecard.interviewerId === user.id,
    /** Its interviewer was taken off the interview afterwards: kept, marked; a submitted one still counts. */
    interviewerRemoved: scorecard.interviewerRemovedAt !== null,
    interviewId: scorecard.interviewId,
    stage,
    status: scorecard.status,
    submittedAt: scorecard.submittedAt,
    content: current?.content ?? null,
    revisions: scorecard.revisions,
  };
}

export default function ScorecardReadPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <article className="page" aria-labelledby="read-title">
      <p className="breadcrumbs">
        <Link to={`/loops/${d.loopId}`}>Loop: {d.candidateName}</Link> / Scorecard
      </p>
      <header className="page-header">
        <h1 id="read-title">
          {d.stage.stage.name}: scorecard by {d.interviewerName}
        </h1>
        {d.submittedAt ? (
          <p className="muted">
            Submitted <LocalTime value={d.submittedAt} />
            {d.revisions.length > 1 ? ` · amended ${d.revisions.length - 1} time${d.revisions.length === 2 ? "" : "s"}` : ""}
          </p>
        ) : null}
        {d.interviewerRemoved ? (
          <p className="notice">
            <span className="badge badge-previous">Interviewer taken off this interview</span> This scorecard was written before its interviewer was taken
            off the interview. It is kept, and {d.status === "submitted" ? "it still counts: the evidence was gathered" : "as a draft it never counts"}.
          </p>
        ) : null}
        {d.isAuthor && !d.interviewerRemoved ? (
          <p>
            <Link to={`/interviews/${d.interviewId}/scorecard`}>Open your scorecard to edit or amend it</Link>
          </p>
        ) : null}
      </header>
      {d.content ? (
        <ScorecardContentView stage={d.stage} content={d.content} idPrefix="current" />
      ) : (
        <p>This scorecard is still a draft.</p>
      )}
      <RevisionHistory stage={d.stage} revisions={d.revisions} />
    </article>
  );
}
