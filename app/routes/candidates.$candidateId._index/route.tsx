import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LocalTime } from "~/components/local-time";
import { findCandidate } from "~/data/candidates.server";
import { listLoopsForCandidate } from "~/data/loops.server";
import { findUserByEmail } from "~/data/users.server";
import { decisionSummary, listDecisions } from "~/data/committee.server";
import { isWebAddress, linkLines } from "~/domain/candidate-form";
import { candidateSourceLabel, dataOriginLabel, legalBasisLabel } from "~/domain/candidates";
import { loopProgress, STAGE_STATUS_LABELS } from "~/domain/loop";
import { hasPermission } from "~/domain/permissions";
import styles from "~/styles/candidates.css?url";
import { recordRead } from "~/data/audit.server";
import { auditActor } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/auth.server";
import { changeCandidateStatus, pipelineFacts } from "~/data/candidate-pipeline.server";
import { CandidateStatusSchema, loopRefusalForStatus, manualMoves, statusVersion } from "~/domain/candidate-pipeline";
import { CandidateStatusBadge } from "~/components/candidate-status";
import { formSaved, badRequest, parseForm, readFormData } from "~/utils/forms.server";
import { refusalResponse } from "~/utils/refusals.server";
import { LoopList, type LoopView } from "./loop-list";
import { StatusPanel, type PipelineView } from "./status-panel";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.candidate.name} · Candidates · Builder Ladder` : "Candidate · Builder Ladder" },
];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:candidate:any");
  const candidate = await findCandidate(params.candidateId ?? "");
  if (!candidate) throw data({ message: "No such candidate" }, { status: 404 });

  const now = new Date();
  const candidateLoops = await listLoopsForCandidate(candidate.id);
  const decisions = await listDecisions(candidateLoops.map((l) => l.id));
  // Only what the page shows leaves the server: each stage's name and status, not the rubric.
  const loops: LoopView[] = candidateLoops.map((loop) => {
    const progress = loopProgress(loop.rubric.stages, loop.rubric.decision_rules.scorecards_per_stage, loop.interviews, now);
    return {
      id: loop.id,
      rubricName: loop.rubric.name,
      track: loop.track,
      version: loop.version,
      targetLevel: loop.targetLevel,
      createdAt: loop.createdAt,
      closedAt: loop.closedAt,
      closeReason: loop.closeReason,
      complete: progress.complete,
      decision: decisionSummary(decisions.filter((d) => d.loopId === loop.id)),
      stages: progress.stages.map((stage) => ({
        id: stage.stageId,
        name: loop.rubric.stages.find((s) => s.id === stage.stageId)?.name ?? stage.stageId,
        status: stage.status,
        statusLabel: STAGE_STATUS_LABELS[stage.status],
        submitted: stage.submitted,
        needed: stage.needed,
      })),
    };
  });

  const facts = (await pipelineFacts(candidate.id))!;
  const pipeline: PipelineView = {
    status: facts.status,
    reason: facts.statusReason,
    changedAt: facts.statusChangedAt,
    version: statusVersion(facts.statusChangedAt),
    moves: manualMoves({ status: facts.status, erasedAt: candidate.erasedAt, becameBuilder: facts.becameBuilder }),
    openLoops: candidateLoops.filter((l) => !l.closedAt).length,
  };
  const canOnboard = hasPermission(user.roles, "manage:user:any") && loops.some((l) => l.decision?.outcome === "hire") && !(await findUserByEmail(candidate.email));
  await recordRead(auditActor(user, context), { action: "candidate.read", recordType: "candidate", recordId: candidate.id, candidateId: candidate.id, detail: { page: "candidate" } }, now);
  return {
    candidate: { ...candidate, links: linkLines(candidate.links) },
    loops,
    // An erased candidate is neither edited nor interviewed again (domain/candidate-erasure.ts).
    canEdit: hasPermission(user.roles, "manage:candidate:any") && !candidate.erasedAt,
    // Nor is a rejected, withdrawn or hired one (domain/candidate-pipeline.ts).
    canStartLoop: hasPermission(user.roles, "manage:loop:any") && !candidate.erasedAt && loopRefusalForStatus(facts.status) === null,
    pipeline,
    canChangeStatus: hasPermission(user.roles, "manage:candidate:any"),
    canRequestData: hasPermission(user.roles, "manage:candidate:any"),
    // Admins turn a hire into an account and builder record, once.
    canOnboard: canOnboard && !candidate.erasedAt,
  };
}

/**
 * The status form (recruiters and admins): the permission (403) → the candidate (404) → the form
 * (400) → the change, refused with 409 when the candidate was erased or onboarded, the move is not
 * allowed, or someone changed the status since the page was read (nothing is written then).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:candidate:any");
  const candidate = await findCandidate(params.candidateId ?? "");
  if (!candidate) throw data({ message: "No such candidate" }, { status: 404 });
  const parsed = parseForm(CandidateStatusSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);
  const changed = await changeCandidateStatus({ candidateId: candidate.id, change: parsed.data, actor: auditActor(user, context), now: new Date() });
  if (!changed.ok) return refusalResponse(changed);
  return formSaved();
}

export default function CandidatePage() {
  const { candidate, loops, canEdit, canStartLoop, canOnboard, canRequestData, pipeline, canChangeStatus } = useLoaderData<typeof loader>();
  return (
    <article className="page" aria-labelledby="candidate-title">
      <p className="breadcrumbs">
        <Link to="/candidates">Candidates</Link> / {candidate.name}
      </p>
      <div className="page-header-row">
        <h1 id="candidate-title">{candidate.name}</h1>
        <CandidateStatusBadge status={pipeline.status} />
        {candidate.erasedAt ? (
          <p className="badge badge-previous">
            Erased on <LocalTime value={candidate.erasedAt} precision="day" />
          </p>
        ) : null}
        {canEdit || canStartLoop || canOnboard || canRequestData ? (
          <div className="page-actions">
            {canOnboard ? (
              <Link to={`/candidates/${candidate.id}/onboard`} className="button">
                Create builder record
              </Link>
            ) : null}
            {canEdit ? (
              <Link to={`/candidates/${candidate.id}/edit`} className="button button-secondary">
                Edit
              </Link>
            ) : null}
            {canRequestData ? (
              <Link to={`/candidates/${candidate.id}/data`} className="button button-secondary">
                Data request (export / erase)
              </Link>
            ) : null}
            {canStartLoop ? (
              <Link to={`/candidates/${candidate.id}/loops/new`} className="button">
                Start an interview loop
              </Link>
            ) : null}
          </div>
        ) : null}
      </div>

      <section className="panel" aria-labelledby="candidate-profile">
        <h2 id="candidate-profile">Profile</h2>
        <dl className="facts">
          <dt>Email</dt>
          <dd>{candidate.erasedAt ? "Erased" : <a href={`mailto:${candidate.email}`}>{candidate.email}</a>}</dd>
          <dt>Source</dt>
          <dd>{candidateSourceLabel(candidate.source)}</dd>
          <dt>Target level</dt>
          <dd>{candidate.targetLevel}</dd>
          <dt>Added</dt>
          <dd>
            <LocalTime value={candidate.createdAt} precision="day" />
          </dd>
          <dt>Last updated</dt>
          <dd>
            <LocalTime value={candidate.updatedAt} precision="day" />
          </dd>
        </dl>

        <h3 id="candidate-links">Links</h3>
        {candidate.links.length === 0 ? (
          <p className="muted">No links.</p>
        ) : (
          <ul className="candidate-links" aria-labelledby="candidate-links">
            {candidate.links.map((href, index) => (
              <li key={`${index}-${href}`}>
                {/* Stored addresses are checked on the way in; older rows are checked again here. */}
                {isWebAddress(href) ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {href}
                    <span className="visually-hidden"> (opens in a new tab)</span>
                  </a>
                ) : (
                  href
                )}
              </li>
            ))}
          </ul>
        )}

        <h3>Notes</h3>
        {candidate.notes ? <p className="candidate-notes">{candidate.notes}</p> : <p className="muted">No notes.</p>}

        <h3 id="candidate-data-protection">Data protection</h3>
        <dl className="facts">
          <dt>Data came from</dt>
          <dd>
            {dataOriginLabel(candidate.dataOrigin)}
            {candidate.dataOriginDetail ? `: ${candidate.dataOriginDetail}` : ""}
          </dd>
          <dt>Legal basis</dt>
          <dd>{legalBasisLabel(candidate.legalBasis)}</dd>
          {candidate.legalBasis === "consent" ? (
            <>
              <dt>Consent given on</dt>
              <dd>{candidate.consentGivenOn ?? "Not recorded"}</dd>
            </>
          ) : null}
          <dt>Privacy notice sent on</dt>
          <dd>{candidate.noticeSentOn ?? "Not recorded"}</dd>
        </dl>
      </section>

      <StatusPanel pipeline={pipeline} canChange={canChangeStatus} />

      <section className="panel" aria-labelledby="candidate-loops">
        <h2 id="candidate-loops">Interview loops</h2>
        <LoopList loops={loops} />
      </section>
    </article>
  );
}
