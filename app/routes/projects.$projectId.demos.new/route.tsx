import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DemoForm } from "~/components/demo/demo-form";
import type { ProjectDetail } from "~/data/projects.server";
import { postDemo } from "~/data/project-workflow.server";
import { calendarDate } from "~/domain/calendar-date";
import { demoFormSchema, latestDemoDay } from "~/domain/project/demo-weeks";
import { isLaunched } from "~/domain/project/workflow";
import styles from "~/styles/demos.css?url";
import type { SignedInUser } from "~/utils/auth.server";
import { auditActor } from "~/utils/audit.server";
import { requestNow } from "~/utils/clock.server";
import { badRequest, parseForm, readFormData } from "~/utils/forms.server";
import { requireProjectAccess } from "~/utils/project-access.server";
import { failureResponse } from "~/utils/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.project ? `Post a demo of ${data.project.title}` : "Post a demo"} · Builder Ladder` }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** The project, for its owner only (access.postDemo): 404 when there is no such project, 403 for anyone else. */
async function projectForDemo(request: Request, projectId: string | undefined): Promise<{ user: SignedInUser; project: ProjectDetail }> {
  const { user, project, access } = await requireProjectAccess(request, projectId);
  if (!access.postDemo) {
    const message =
      project.owner.id === user.id
        ? "This project was closed before it launched, so it has no demos to post."
        : `Only ${project.owner.name}, who owns this project, posts its demos.`;
    throw data({ message }, { status: 403 });
  }
  return { user, project };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = requestNow(request);
  const { project } = await projectForDemo(request, params.projectId);
  return {
    project: { id: project.id, title: project.title, launched: isLaunched(project.status, project.launchedAt) },
    latestDay: latestDemoDay(now),
    today: calendarDate(now),
  };
}

/** The owner posts a demo; a date after tomorrow (UTC) is refused: a demo is posted once it has happened. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const now = requestNow(request);
  const { user, project } = await projectForDemo(request, params.projectId);
  const parsed = parseForm(demoFormSchema(latestDemoDay(now)), await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);
  const result = await postDemo(project, auditActor(user, context), parsed.data, now);
  if (!result.ok) return failureResponse(result);
  throw redirect(`/projects/${project.id}`);
}

export default function NewDemoPage() {
  const { project, latestDay, today } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <section className="page narrow" aria-labelledby="new-demo-title">
      <p className="breadcrumbs">
        <Link to="/projects">Projects</Link> / <Link to={`/projects/${project.id}`}>{project.title}</Link> / New demo
      </p>
      <h1 id="new-demo-title">Post a demo of {project.title}</h1>
      <p className="lede">
        Demos appear in the <Link to="/demos">demo feed</Link> for every colleague; curators flag the ones the wider organisation should see.
        {project.launched ? null : " The project has not launched yet: show what works so far."}
      </p>
      <section className="panel" aria-labelledby="demo-form-title">
        <h2 id="demo-form-title">The demo</h2>
        <DemoForm latestDay={latestDay} defaultDay={today} answer={answer} cancelTo={`/projects/${project.id}`} />
      </section>
    </section>
  );
}
