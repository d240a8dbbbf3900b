import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { LocalTime } from "~/components/local-time";
import { ScorecardForm } from "~/components/scorecard/scorecard-form";
import { forgetDraftCopy } from "~/components/scorecard/use-autosave";
import { RevisionHistory, ScorecardContentView } from "~/components/scorecard/scorecard-view";
import { recordRead } from "~/data/audit.server";
import { amendScorecard, openScorecard, scorecardRead, submitScorecard } from "~/data/scorecards.server";
import { interviewHasBegun, notBegunMessage, scorecardDueAt } from "~/domain/loop";
import { CANCELLED_SCORECARD_MESSAGE } from "~/domain/interview-changes";
import { contentFromDraft } from "~/domain/scorecard/content";
import { LOCKED_DRAFT_MESSAGE, staleDraftMessage, submitSchema, unwrapContentErrors } from "~/domain/scorecard/draft-save";
import styles from "~/styles/scorecard.css?url";
import { parseValue, readJson } from "~/utils/forms.server";
import { auditActor } from "~/utils/audit.server";
import { competencyOfCriterion, requireOwnScorecard, requireScorecardAccess } from "~/utils/scorecard-access.server";
import { refusalResponse, refusing } from "~/utils/refusals.server";
import { conflict, locked, stale as staleDraft } from "~/domain/refusal";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Scorecard · ${data.candidateName} · Builder Ladder` : "Scorecard · Builder Ladder" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const now = new Date();
  const { interview, loop, stage, scorecard, user } = await requireOwnScorecard(request, params.interviewId, now, context);
  const current = scorecard.revisions.at(-1)?.content;
  // Every scorecard read is recorded, one's own draft included.
  await recordRead(auditActor(user, context), scorecardRead(scorecard, loop.candidate.id, "own"), now);
  return {
    loopId: loop.id,
    candidateName: loop.candidate.name,
    stage,
    startsAt: interview.startsAt,
    dueAt: scorecardDueAt(interview, loop.rubric.decision_rules.scorecard_due_hours),
    /** Drafts any time; a submission only once the interview has begun. */
    begun: interviewHasBegun(interview, now),
    scorecardId: scorecard.id,
    status: scorecard.status,
    content: current ?? contentFromDraft(stage, scorecard.draft),
    /** The draft version this page is based on: autosaves and the submission name it. */
    draftVersion: scorecard.draftVersion,
    draftSavedAt: scorecard.draftSavedAt,
    submittedAt: scorecard.submittedAt,
    revisions: scorecard.revisions,
    /** Cancelled: the scorecard is shown as it is, and no longer changes. */
    cancelled: interview.cancelledAt ? { reason: interview.cancelReason ?? "" } : null,
  };
}

const Intent = z.object({ intent: z.enum(["submit", "amend"]) }).loose();

export async function action({ request, params, context }: ActionFunctionArgs) {
  const now = new Date();
  // Nothing is created until the input is valid: a refused request writes nothing.
  const { interview, existing, stage, schemas, user } = await requireScorecardAccess(request, params.interviewId, now);
  // The page's own reasons (cancelled, not_begun, amended) stay on the wire; the kind sets the status.
  if (interview.cancelledAt) return refusalResponse(locked(CANCELLED_SCORECARD_MESSAGE), { reason: "cancelled" as const });
  const body = await readJson(request);
  const intent = parseValue(Intent, body);
  if (!intent.success) return data({ ok: false, ...intent.failure }, { status: 400 });
  const competencyOf = competencyOfCriterion(stage);
  const actor = auditActor(user, context);
  const page = `/interviews/${interview.id}/scorecard`;

  if (intent.data.intent === "submit") {
    if (existing && existing.status !== "draft") {
      return refusalResponse(locked("This scorecard is already submitted; change it with an amendment."));
    }
    // Nobody rates an interview that has not happened: refused before anything is opened or written.
    if (!interviewHasBegun(interview, now)) {
      return refusalResponse(conflict(notBegunMessage(interview.startsAt)), { reason: "not_begun" as const });
    }
    // `{ intent: "submit", version, content }`: the version is the draft the page was based on.
    const parsed = parseValue(submitSchema(schemas), body);
    if (!parsed.success) {
      return data({ ok: false, fieldErrors: unwrapContentErrors(parsed.failure.fieldErrors), formErrors: parsed.failure.formErrors }, { status: 400 });
    }
    // The stored draft goes back laid over the stage's form, as the autosave answers it.
    const stale = (current: { version: number; draft: Parameters<typeof contentFromDraft>[1]; savedAt: Date | null }) =>
      refusalResponse(
        staleDraft(staleDraftMessage(current.savedAt), {
          version: current.version,
          content: contentFromDraft(stage, current.draft),
          savedAt: current.savedAt?.toISOString() ?? null,
        }),
      );
    // A scorecard never opened is an empty draft at version 0.
    if (!existing && parsed.data.version !== 0) return stale({ version: 0, draft: null, savedAt: null });
    const scorecard = existing ?? (await refusing(() => openScorecard(interview, user.id, actor, now)));
    const submitted = await refusing(() => submitScorecard({ ...scorecard, draftVersion: parsed.data.version }, parsed.data.content, competencyOf, actor, now));
    if (!submitted.ok && submitted.reason === "stale") return stale(submitted.current);
    if (!submitted.ok) return refusalResponse(submitted, { message: submitted.reason === "locked" ? LOCKED_DRAFT_MESSAGE : undefined });
    return redirect(page);
  }

  if (existing?.status !== "submitted") {
    return refusalResponse(conflict("Only a submitted scorecard can be amended; this one is still a draft."));
  }
  const parsed = parseValue(schemas.amendment, body);
  if (!parsed.success) {
    return data({ ok: false, fieldErrors: unwrapContentErrors(parsed.failure.fieldErrors), formErrors: parsed.failure.formErrors }, { status: 400 });
  }
  const amended = await refusing(() => amendScorecard(existing, parsed.data.content, { reason: parsed.data.reason, basedOn: parsed.data.revision }, actor, competencyOf, now));
  // The form reads `revision`: the newest one, to amend over once the person has reloaded.
  if (!amended.ok) return refusalResponse(amended, { reason: "amended" as const, revision: amended.current.number });
  return redirect(page);
}

export default function ScorecardPage() {
  const data = useLoaderData<typeof loader>();
  const [amending, setAmending] = useState(false);
  const submitted = data.status === "submitted";
  // A saved amendment adds a revision: back to the read-only view, which shows it and the history.
  useEffect(() => setAmending(false), [data.revisions.length]);
  const draftUrl = `/scorecards/${data.scorecardId}/draft`;
  useEffect(() => {
    if (submitted) forgetDraftCopy(draftUrl);
  }, [submitted, draftUrl]);

  return (
    <article className="page scorecard-page" aria-labelledby="scorecard-title">
      <p className="breadcrumbs">
        <Link to={`/loops/${data.loopId}`}>Loop: {data.candidateName}</Link> / Your scorecard
      </p>
      <header className="page-header">
        <h1 id="scorecard-title">
          {data.stage.stage.name}: {data.candidateName}
        </h1>
        <p className="muted">
          Interview <LocalTime value={data.startsAt} /> · due <LocalTime value={data.dueAt} />
          {submitted && data.submittedAt ? (
            <>
              {" "}
              · submitted <LocalTime value={data.submittedAt} />
            </>
          ) : null}
        </p>
        <details className="focus-areas">
          <summary>Focus areas of this stage</summary>
          <ul>
            {data.stage.stage.focus_areas.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </details>
      </header>

      {data.cancelled ? (
        <>
          <p className="notice">
            {CANCELLED_SCORECARD_MESSAGE} Reason: {data.cancelled.reason}
          </p>
          <ScorecardContentView stage={data.stage} content={data.content} idPrefix="current" />
          {submitted ? <RevisionHistory stage={data.stage} revisions={data.revisions} /> : null}
        </>
      ) : !submitted ? (
        <ScorecardForm
          stage={data.stage}
          initial={data.content}
          mode="draft"
          draftUrl={draftUrl}
          initialVersion={data.draftVersion}
          initialSavedAt={data.draftSavedAt ? new Date(data.draftSavedAt) : null}
          submitsFrom={data.begun ? null : data.startsAt}
        />
      ) : amending ? (
        <ScorecardForm
          stage={data.stage}
          initial={data.content}
          mode="amend"
          draftUrl={draftUrl}
          initialVersion={data.draftVersion}
          initialSavedAt={null}
          baseRevision={data.revisions.at(-1)?.number ?? 1}
          onCancel={() => setAmending(false)}
        />
      ) : (
        <>
          <div className="row locked-note">
            <p className="notice">Submitted and locked. To change it, amend it with a reason; the original stays readable.</p>
            <button type="button" className="button button-secondary" onClick={() => setAmending(true)}>
              Amend this scorecard
            </button>
          </div>
          <ScorecardContentView stage={data.stage} content={data.content} idPrefix="current" />
          <RevisionHistory stage={data.stage} revisions={data.revisions} />
        </>
      )}
    </article>
  );
}
