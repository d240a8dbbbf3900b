import { zodResolver } from "@hookform/resolvers/zod";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { TextAreaField } from "~/components/candidate-fields";
import { FormErrors, TextField } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import { TableScroll } from "~/components/table-scroll";
import { recordRead } from "~/data/audit.server";
import { eraseCandidate, erasureRefusalFor } from "~/data/candidate-erasure.server";
import { exportCandidate, type CandidateExport, type ExportScorecard } from "~/data/candidate-export.server";
import { findCandidate } from "~/data/candidates.server";
import { ERASE_WORD, ERASURE_REASON_MAX, erasureFormSchema, type ErasureFormInput } from "~/domain/candidate-erasure";
import { candidateStatusLabel } from "~/domain/candidate-pipeline";
import { candidateSourceLabel, dataOriginLabel, legalBasisLabel } from "~/domain/candidates";
import styles from "~/styles/candidates.css?url";
import { auditActor } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/auth.server";
import { requestNow } from "~/utils/clock.server";
import { badRequest, parseForm, readFormData } from "~/utils/forms.server";
import { refusalResponse } from "~/utils/refusals.server";

/**
 * A candidate's data request: everything held about them (readable here, and as JSON at
 * data.json), and their erasure. Admins and recruiters (manage:candidate:any). Each view is an
 * audit entry (candidate.export); the erasure is one too, with its reason.
 */

export const meta: MetaFunction = () => [{ title: "Data request · Candidates · Builder Ladder" }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const PERMISSION = "manage:candidate:any" as const;

function notFound() {
  return data({ message: "No such candidate" }, { status: 404 });
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const now = requestNow(request);
  const user = await requireUserWithPermission(request, PERMISSION, now);
  const candidateId = params.candidateId ?? "";
  const exported = await exportCandidate(candidateId, now, user);
  if (!exported) throw notFound();
  const refusal = await erasureRefusalFor(candidateId);
  await recordRead(
    auditActor(user, context),
    { action: "candidate.export", recordType: "candidate", recordId: candidateId, candidateId, detail: { format: "page" } },
    now
  );
  return { exported, erasureRefusal: refusal ?? null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const now = requestNow(request);
  const user = await requireUserWithPermission(request, PERMISSION, now);
  const candidate = await findCandidate(params.candidateId ?? "");
  if (!candidate) throw notFound();
  const parsed = parseForm(erasureFormSchema(candidate.name), await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);
  const result = await eraseCandidate(candidate.id, { reason: parsed.data.reason, actor: auditActor(user, context), now });
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound();
    return refusalResponse(result);
  }
  throw redirect(`/candidates/${candidate.id}`);
}

export default function CandidateDataPage() {
  const { exported, erasureRefusal } = useLoaderData<typeof loader>();
  const { candidate } = exported;
  return (
    <article className="page" aria-labelledby="data-request-title">
      <p className="breadcrumbs">
        <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${candidate.id}`}>{candidate.name}</Link> / Data request
      </p>
      <div className="page-header-row">
        <h1 id="data-request-title">Data request: {candidate.name}</h1>
        <div className="page-actions">
          <a href={`/candidates/${candidate.id}/data.json`} className="button" download>
            Download JSON
          </a>
        </div>
      </div>
      <p className="lede">
        Everything held about this candidate: their details, their interview loops with every scorecard and revision, the hiring decisions, and the audit
        trail&rsquo;s entries about them. Send the JSON file to answer an access request; opening this page is recorded in the audit trail.
      </p>

      {exported.withheld.length > 0 ? (
        <p className="notice" role="note">
          Left out because you may not read them: {exported.withheld.join("; ")}. For a complete export, ask an admin who is on none of this candidate&rsquo;s
          interview panels.
        </p>
      ) : null}
      <PersonalData candidate={candidate} />
      <Loops loops={exported.loops} />
      <AuditEntries entries={exported.auditEntries} />
      <Erasure candidate={candidate} refusal={erasureRefusal} />
    </article>
  );
}

function PersonalData({ candidate }: { candidate: CandidateExport["candidate"] }) {
  return (
    <section className="panel" aria-labelledby="data-personal">
      <h2 id="data-personal">Personal data</h2>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{candidate.name}</dd>
        <dt>Email</dt>
        <dd>{candidate.email}</dd>
        <dt>Source</dt>
        <dd>{candidateSourceLabel(candidate.source)}</dd>
        <dt>Target level</dt>
        <dd>{candidate.targetLevel}</dd>
        <dt>Links</dt>
        <dd>{candidate.links.length ? candidate.links.join(", ") : "None"}</dd>
        <dt>Notes</dt>
        <dd className="candidate-notes">{candidate.notes || "None"}</dd>
        <dt>Data came from</dt>
        <dd>
          {dataOriginLabel(candidate.dataOrigin)}
          {candidate.dataOriginDetail ? `: ${candidate.dataOriginDetail}` : ""}
        </dd>
        <dt>Legal basis</dt>
        <dd>{legalBasisLabel(candidate.legalBasis)}</dd>
        <dt>Consent given on</dt>
        <dd>{candidate.consentGivenOn ?? "Not recorded"}</dd>
        <dt>Privacy notice sent on</dt>
        <dd>{candidate.noticeSentOn ?? "Not recorded"}</dd>
        <dt>Pipeline status</dt>
        <dd>
          {candidateStatusLabel(candidate.status)}
          {candidate.statusReason ? `: ${candidate.statusReason}` : ""}
        </dd>
        <dt>Added</dt>
        <dd>
          <LocalTime value={candidate.createdAt} />
        </dd>
        <dt>Last updated</dt>
        <dd>
          <LocalTime value={candidate.updatedAt} />
        </dd>
        {candidate.erasedAt ? (
          <>
            <dt>Erased</dt>
            <dd>
              <LocalTime value={candidate.erasedAt} />
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Loops({ loops }: { loops: CandidateExport["loops"] }) {
  return (
    <section className="panel" aria-labelledby="data-loops">
      <h2 id="data-loops">Interview loops</h2>
      {loops.length === 0 ? <p className="muted">No loops.</p> : null}
      {loops.map((loop) => (
        <section key={loop.id} className="loop-card" aria-label={`Loop ${loop.track} v${loop.rubricVersion}, started ${loop.createdAt.slice(0, 10)}`}>
          <h3>
            {loop.track} v{loop.rubricVersion}, target {loop.targetLevel}
          </h3>
          <p className="muted">
            Started <LocalTime value={loop.createdAt} /> by {loop.createdBy?.name ?? "unknown"}
            {loop.closedAt ? (
              <>
                {" "}
                · closed <LocalTime value={loop.closedAt} />
                {loop.closeReason ? `: ${loop.closeReason}` : ""}
              </>
            ) : null}
          </p>
          {loop.interviews.map((interview) => (
            <div key={interview.id}>
              <h4>
                {interview.stageId}: <LocalTime value={interview.startsAt} /> ({interview.durationMinutes} min), with{" "}
                {interview.interviewers.map((p) => p?.name).join(", ") || "nobody"}
              </h4>
              {interview.scorecards.map((card) => (
                <Scorecard key={card.id} card={card} />
              ))}
            </div>
          ))}
          <h4>Decisions</h4>
          {loop.decisions.length === 0 ? <p className="muted">No decision.</p> : null}
          <ul>
            {loop.decisions.map((d) => (
              <li key={d.id}>
                {d.outcome === "hire" ? `Hire${d.level ? ` at ${d.level}` : ""}` : "No hire"} by {d.decidedBy?.name}, <LocalTime value={d.decidedAt} />
                {d.rationale ? `: ${d.rationale}` : ""}
                {d.pay?.baseSalary ? ` Base ${d.pay.baseSalary} ${d.pay.currency ?? ""}.` : ""}
                {d.pay?.bandJustification ? ` Band: ${d.pay.bandJustification}` : ""}
                {d.overrideJustification ? ` Override: ${d.overrideJustification}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function Scorecard({ card }: { card: ExportScorecard }) {
  return (
    <div className="data-scorecard">
      <p>
        Scorecard by {card.interviewer?.name} ({card.status}
        {card.recommendation ? `, ${card.recommendation}` : ""}){card.contentWithheld ? ": content withheld" : ""}
      </p>
      {card.ratings.length ? (
        <ul>
          {card.ratings.map((r) => (
            <li key={r.criterionId}>
              {r.criterionId}: {r.rating}. {r.evidence}
            </li>
          ))}
          {card.signals.map((s) => (
            <li key={s.signalId}>
              Signal {s.signalId}: {s.note}
            </li>
          ))}
          {card.redFlags.map((f) => (
            <li key={f.flagId}>
              Red flag {f.flagId}: {f.evidence}
            </li>
          ))}
        </ul>
      ) : null}
      {card.takeaways ? <p>Takeaways: {card.takeaways}</p> : null}
      {card.revisions.length > 1 ? (
        <p className="muted">
          {card.revisions.length} revisions:{" "}
          {card.revisions
            .filter((r) => r.reason)
            .map((r) => `#${r.number} ${r.reason}`)
            .join("; ")}
        </p>
      ) : null}
    </div>
  );
}

function AuditEntries({ entries }: { entries: CandidateExport["auditEntries"] }) {
  return (
    <section className="panel" aria-labelledby="data-audit">
      <h2 id="data-audit">Audit entries about this candidate</h2>
      {entries.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <TableScroll label="Audit entries">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td className="nowrap">
                    <LocalTime value={e.at} />
                  </td>
                  <td>{e.actor?.name ?? "System"}</td>
                  <td>{e.action}</td>
                  <td>{e.redactedAt ? "(redacted on erasure)" : e.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function Erasure({ candidate, refusal }: { candidate: CandidateExport["candidate"]; refusal: string | null }) {
  return (
    <section className="panel" aria-labelledby="data-erase">
      <h2 id="data-erase">Erase this candidate</h2>
      {refusal ? <p>{refusal}</p> : <ErasureForm candidate={candidate} />}
    </section>
  );
}

function ErasureForm({ candidate }: { candidate: CandidateExport["candidate"] }) {
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const form = useForm<ErasureFormInput>({ resolver: zodResolver(erasureFormSchema(candidate.name)), defaultValues: { reason: "", confirmation: "" } });
  const errors = form.formState.errors;
  const server = answer && "fieldErrors" in answer ? answer.fieldErrors : undefined;
  const errorOf = (field: keyof ErasureFormInput) => errors[field]?.message ?? server?.[field]?.[0];
  return (
    <>
      <p>
        Erasure replaces the candidate&rsquo;s name, email, links, notes and every text written about them (scorecard evidence, notes, takeaways, amendment
        reasons, decision rationales, and the text of audit entries about them). Ratings, recommendations, red flags raised, stages, decisions and dates stay,
        without the person, so rater statistics and the committee&rsquo;s figures do not change. This cannot be undone.
      </p>
      <Form
        method="post"
        noValidate
        className="stack candidate-form"
        aria-label="Erase this candidate"
        onSubmit={form.handleSubmit((_v, e) => submit(e?.target as HTMLFormElement))}
      >
        <FormErrors errors={answer && "formErrors" in answer ? answer.formErrors : undefined} />
        <TextAreaField
          label="Reason"
          hint="Why the candidate is erased, e.g. “Erasure requested by the candidate on 2 March”. It is kept in the audit trail: do not include personal data (no name, email or details of the request)."
          maxLength={ERASURE_REASON_MAX}
          rows={3}
          error={errorOf("reason")}
          {...form.register("reason")}
        />
        <TextField
          label="Confirm"
          hint={`Type the candidate's name (${candidate.name}) or ${ERASE_WORD}.`}
          autoComplete="off"
          error={errorOf("confirmation")}
          {...form.register("confirmation")}
        />
        <div className="row">
          <button type="submit" className="button button-danger" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Erasing…" : "Erase candidate"}
          </button>
        </div>
      </Form>
    </>
  );
}
