import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { CandidateForm } from "~/components/candidate-fields";
import { createCandidate } from "~/data/candidates.server";
import { CandidateFormSchema } from "~/domain/candidate-form";
import styles from "~/styles/candidates.css?url";
import { auditActor } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/auth.server";
import { badRequest, parseForm, readFormData } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "New candidate · Builder Ladder" }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:candidate:any");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:candidate:any");
  const parsed = parseForm(CandidateFormSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);
  const id = await createCandidate(parsed.data, auditActor(user, context), new Date());
  throw redirect(`/candidates/${id}`);
}

export default function NewCandidatePage() {
  const answer = useActionData<typeof action>();
  return (
    <section className="page" aria-labelledby="new-candidate-title">
      <p className="breadcrumbs">
        <Link to="/candidates">Candidates</Link> / New
      </p>
      <h1 id="new-candidate-title">New candidate</h1>
      <p className="lede">Add someone to the Builder hiring pipeline. You can start an interview loop from their page.</p>
      <div className="panel">
        <CandidateForm
          defaultValues={{ name: "", email: "", links: "", notes: "" }}
          answer={answer}
          submitLabel="Add candidate"
          submittingLabel="Adding…"
          cancelTo="/candidates"
        />
      </div>
    </section>
  );
}
