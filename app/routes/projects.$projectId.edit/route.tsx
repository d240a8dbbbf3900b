import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { LocalTime } from "~/components/local-time";
import { draftGaps } from "~/components/project/draft-gaps";
import { ProjectForm } from "~/components/project/project-form";
import { peopleOtherThan, type ProjectDetail } from "~/data/projects.server";
import { saveProject } from "~/data/project-workflow.server";
import { projectSchema } from "~/domain/project/forms";
import { canEditContent, ownerChoosesApprover, PROJECT_STATUS_LABELS } from "~/domain/project/workflow";
import styles from "~/styles/project.css?url";
import type { SignedInUser } from "~/utils/auth.server";
import { auditActor } from "~/utils/audit.server";
import { requestNow } from "~/utils/clock.server";
import { badRequest, parseForm, readFormData } from "~/utils/forms.server";
import { requireProjectAccess, submissionRefused } from "~/utils/project-access.server";
import { failureResponse } from "~/utils/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Edit ${data.project.title} · Builder Ladder` : "Edit project · Builder Ladder" }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** Only the owner edits, and only a draft or a PRD sent back with changes requested. */
function requireEditable(user: SignedInUser, project: ProjectDetail) {
  if (project.owner.id !== user.id) throw data({ message: "Only the project's owner edits it." }, { status: 403 });
  if (!canEditContent(project.status)) {
    throw data(
      { message: `The project is ${PROJECT_STATUS_LABELS[project.status].toLowerCase()}: it can be edited only as a draft, or when its approver asked for changes.` },
      { status: 409 },
    );
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = requestNow(request);
  const { user, project } = await requireProjectAccess(request, params.projectId);
  requireEditable(user, project);
  const choosesApprover = ownerChoosesApprover(project);
  const changes = [...project.events].reverse().find((e) => e.kind === "changes_requested");
  return {
    project: {
      id: project.id,
      title: project.title,
      status: project.status,
      version: project.version,
      rubricVersion: project.rubricVersion,
    },
    values: {
      version: String(project.version),
      title: project.title,
      problem: project.problem,
      mode: project.mode,
      team: project.team,
      decisionDate: project.decisionDate ?? "",
      approverId: project.approver.id,
      prd: project.prd,
      links: project.links.join("\n"),
      metrics: project.metrics.map((m) => ({
        name: m.name,
        unit: m.unit,
        baseline: String(m.baseline),
        target: String(m.target),
        direction: m.direction,
        measurement: m.measurement,
      })),
    },
    process: project.process,
    ownerId: user.id,
    people: choosesApprover ? await peopleOtherThan(user.id) : [],
    fixedApprover: choosesApprover ? null : project.approver,
    changesRequested:
      project.status === "changes_requested" && changes ? { by: changes.actor.name, at: changes.at.toISOString(), comments: changes.note } : null,
    now: now.toISOString(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const now = requestNow(request);
  const { user, project } = await requireProjectAccess(request, params.projectId);
  if (project.owner.id !== user.id) throw data({ message: "Only the project's owner edits it." }, { status: 403 });
  const parsed = parseForm(projectSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);
  const input = parsed.data;
  if (input.intent === "submit" && canEditContent(project.status)) {
    const gaps = draftGaps(input, user.id, project.process, now);
    if (gaps.length > 0) return submissionRefused(gaps);
  }
  const saved = await saveProject(project.id, auditActor(user, context), input, now);
  if (!saved.ok) return failureResponse(saved);
  throw redirect(`/projects/${project.id}`);
}

export default function EditProjectPage() {
  const { project, values, process, ownerId, people, fixedApprover, changesRequested, now } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <section className="page project-edit-page" aria-labelledby="edit-project-title">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/projects">Projects</Link> › <Link to={`/projects/${project.id}`}>{project.title}</Link> › Edit
      </nav>
      <h1 id="edit-project-title">Edit {project.title}</h1>
      {changesRequested ? (
        <section className="notice changes-requested" aria-labelledby="changes-title">
          <h2 id="changes-title">Changes requested</h2>
          <p className="muted small">
            {changesRequested.by}, <LocalTime value={changesRequested.at} />
          </p>
          <p className="pre-line">{changesRequested.comments}</p>
          <p className="small">Resubmitting sends the PRD back to the same approver.</p>
        </section>
      ) : null}
      <ProjectForm
        key={project.version}
        defaultValues={values}
        people={people}
        fixedApprover={fixedApprover}
        process={process}
        ownerId={ownerId}
        now={now}
        answer={answer}
        cancelTo={`/projects/${project.id}`}
      />
    </section>
  );
}
