import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CandidateForm } from "~/components/candidate-fields";
import { findCandidate, updateCandidate } from "~/data/candidates.server";
import { CandidateFormSchema, type CandidateFormInput } from "~/domain/candidate-form";
import { changeRefusalForErased } from "~/domain/candidate-erasure";
import { CANDIDATE_SOURCES, DATA_ORIGINS, LEGAL_BASES } from "~/domain/candidates";
import { LEVELS } from "~/domain/levels";
import styles from "~/styles/candidates.css?url";
import { recordRead } from "~/data/audit.server";
import { auditActor } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/auth.server";
import { badRequest, parseForm, readFormData } from "~/utils/forms.server";
import { refusing } from "~/utils/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit ${data.candidate.name} · Builder Ladder` : "Edit candidate · Builder Ladder" },
];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

function notFound() {
  return data({ message: "No such candidate" }, { status: 404 });
}

/** An erased candidate is not edited (409): the data layer refuses it too (updateCandidate). */
function refuseErased(candidate: { erasedAt: Date | null }) {
  const refusal = changeRefusalForErased(candidate);
  if (refusal) throw data({ message: refusal }, { status: 409 });
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:candidate:any");
  const candidate = await findCandidate(params.candidateId ?? "");
  if (!candidate) throw notFound();
  refuseErased(candidate);
  // The form holds everything stored about them: a read of the candidate, like their page.
  await recordRead(auditActor(user, context), { action: "candidate.read", recordType: "candidate", recordId: candidate.id, candidateId: candidate.id, detail: { page: "edit" } }, new Date());
  return { candidate };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:candidate:any");
  const candidate = await findCandidate(params.candidateId ?? "");
  if (!candidate) throw notFound();
  refuseErased(candidate);
  const parsed = parseForm(CandidateFormSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);
  if (!(await refusing(() => updateCandidate(candidate.id, parsed.data, auditActor(user, context), new Date())))) throw notFound();
  throw redirect(`/candidates/${candidate.id}`);
}

/** A stored value the form's select offers, or nothing (the form then asks for a choice). */
function known<T extends string>(values: readonly T[], value: string): T | undefined {
  return (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export default function EditCandidatePage() {
  const { candidate } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const defaults: Partial<CandidateFormInput> = {
    name: candidate.name,
    email: candidate.email,
    source: known(CANDIDATE_SOURCES, candidate.source),
    targetLevel: known(LEVELS, candidate.targetLevel),
    links: candidate.links,
    notes: candidate.notes,
    dataOrigin: known(DATA_ORIGINS, candidate.dataOrigin),
    dataOriginDetail: candidate.dataOriginDetail,
    legalBasis: known(LEGAL_BASES, candidate.legalBasis),
    consentGivenOn: candidate.consentGivenOn ?? "",
    noticeSentOn: candidate.noticeSentOn ?? "",
  };
  return (
    <section className="page" aria-labelledby="edit-candidate-title">
      <p className="breadcrumbs">
        <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${candidate.id}`}>{candidate.name}</Link> / Edit
      </p>
      <h1 id="edit-candidate-title">Edit {candidate.name}</h1>
      <div className="panel">
        <CandidateForm
          defaultValues={defaults}
          answer={answer}
          submitLabel="Save changes"
          submittingLabel="Saving…"
          cancelTo={`/candidates/${candidate.id}`}
        />
      </div>
    </section>
  );
}
