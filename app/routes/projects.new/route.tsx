import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { draftGaps } from "~/components/project/draft-gaps";
import { EMPTY_METRIC, ProjectForm } from "~/components/project/project-form";
import { peopleOtherThan } from "~/data/projects.server";
import { createProject, saveProject } from "~/data/project-workflow.server";
import { projectSchema } from "~/domain/project/forms";
import { prdTemplate } from "~/domain/project/process";
import styles from "~/styles/project.css?url";
import { auditActor } from "~/utils/audit.server";
import { requestNow } from "~/utils/clock.server";
import { badRequest, parseForm, readFormData } from "~/utils/forms.server";
import { requireProjectStarter, submissionRefused } from "~/utils/project-access.server";
import { failureResponse } from "~/utils/refusals.server";

export const meta: MetaFunction = () => [{ title: "Start a project · Builder Ladder" }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** A builder starts a project on their track's current rubric version, which must define a project process. */
export async function loader({ request }: LoaderFunctionArgs) {
  const now = requestNow(request);
  const { user, process, rubric } = await requireProjectStarter(request);
  return { ownerId: user.id, process, rubric, people: await peopleOtherThan(user.id), template: prdTemplate(process), now: now.toISOString() };
}

/**
 * Creates the project as a draft ("Save draft") or creates and submits it ("Submit PRD"). A submit
 * with gaps (sections, metrics, approver, team, decision date) answers 400 with the list and
 * writes nothing: not even the draft.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const now = requestNow(request);
  const { user, process } = await requireProjectStarter(request);
  const parsed = parseForm(projectSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);
  const input = parsed.data;
  if (input.intent === "submit") {
    const gaps = draftGaps(input, user.id, process, now);
    if (gaps.length > 0) return submissionRefused(gaps);
  }
  const actor = auditActor(user, context);
  const created = await createProject(actor, input, now);
  if (!created.ok) return failureResponse(created);
  if (input.intent === "submit") {
    const submitted = await saveProject(created.id, actor, { ...input, version: undefined }, now);
    // Checked above with the same rules: only a race (the approver's account removed meanwhile) gets here.
    if (!submitted.ok) throw redirect(`/projects/${created.id}/edit`);
  }
  throw redirect(`/projects/${created.id}`);
}

export default function NewProjectPage() {
  const { ownerId, process, rubric, people, template, now } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <section className="page project-edit-page" aria-labelledby="new-project-title">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/projects">Projects</Link> › Start a project
      </nav>
      <h1 id="new-project-title">Start a project</h1>
      <p className="lede">
        Write the PRD and the success metrics, name the one person who approves it, and submit it for their thumbs-up: nothing ships to users before
        it. The project follows the process of{" "}
        <Link to={`/rubrics/${rubric.track}/v${rubric.version}`}>
          {rubric.name} v{rubric.version}
        </Link>
        : a checkpoint {process.checkpoint_after_days} days after launch, then a review every {process.quarterly_review_every_days} days.
      </p>
      <ProjectForm
        defaultValues={{
          version: "",
          title: "",
          problem: "",
          mode: "",
          team: "",
          decisionDate: "",
          approverId: "",
          prd: template,
          links: "",
          metrics: Array.from({ length: Math.max(1, process.min_success_metrics) }, () => ({ ...EMPTY_METRIC })),
        }}
        people={people}
        fixedApprover={null}
        process={process}
        ownerId={ownerId}
        now={now}
        answer={answer}
        cancelTo="/projects"
      />
    </section>
  );
}
