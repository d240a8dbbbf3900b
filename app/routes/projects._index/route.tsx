import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { ProjectTable } from "~/components/project/project-table";
import { listProjects } from "~/data/projects.server";
import { calendarDate } from "~/domain/calendar-date";
import { canStartProject } from "~/domain/project/access";
import { PROJECT_STATUS_LABELS, PROJECT_STATUSES } from "~/domain/project/workflow";
import { countOf } from "~/domain/wording";
import styles from "~/styles/project.css?url";
import { requireUser } from "~/utils/auth.server";
import { startableProcess } from "~/utils/project-access.server";
import { ProjectFiltersSchema } from "./schema";

export const meta: MetaFunction = () => [{ title: "Projects · Builder Ladder" }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/**
 * The project log: every signed-in user reads project summaries (what, who, where it stands). The
 * outcomes, history and blocks are on each project's page, for those who may read them.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const filters = ProjectFiltersSchema.parse({ mine: params.get("mine") ?? undefined, status: params.get("status") ?? undefined });
  const [projects, startable] = await Promise.all([
    listProjects({
      ownerId: filters.mine ? user.id : undefined,
      status: filters.status && filters.status !== "open" ? filters.status : undefined,
      open: filters.status === "open",
    }),
    canStartProject(user) ? startableProcess(user.id) : null,
  ]);
  return {
    projects: projects.map((p) => ({
      id: p.id,
      title: p.title,
      mode: p.mode,
      team: p.team,
      status: p.status,
      outcome: p.outcome,
      owner: p.owner,
      approver: p.approver,
      launchedAt: p.launchedAt ? p.launchedAt.toISOString() : null,
      decisionDate: p.decisionDate ? calendarDate(p.decisionDate) : null,
    })),
    filters: { mine: Boolean(filters.mine), status: filters.status ?? "" },
    canStart: startable?.ok === true,
    viewerId: user.id,
  };
}

const STATUS_OPTIONS = [{ value: "open", label: "Open (not closed)" }, ...PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))];

export default function ProjectListPage() {
  const { projects, filters, canStart, viewerId } = useLoaderData<typeof loader>();
  const location = useLocation();
  const filtered = filters.mine || filters.status !== "";
  return (
    <section className="page" aria-labelledby="projects-title">
      <div className="page-header-row">
        <h1 id="projects-title">Projects</h1>
        {canStart ? (
          <Link to="/projects/new" className="button">
            Start a project
          </Link>
        ) : null}
      </div>
      <p className="lede">
        What builders ship: each project&rsquo;s PRD goes to one named approver before launch, its success metrics are measured at a checkpoint after
        launch, and it is reviewed every quarter until it closes.
      </p>

      {/* Keyed on the address so back and forward reset the fields to what is shown. */}
      <Form key={location.search} method="get" role="search" aria-label="Filter projects" className="project-filters">
        <div className="field">
          <label htmlFor="project-status-filter">Status</label>
          <select id="project-status-filter" name="status" defaultValue={filters.status}>
            <option value="">Any status</option>
            {STATUS_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="mine" value="1" defaultChecked={filters.mine} /> Only my projects
        </label>
        <div className="row">
          <button type="submit" className="button button-secondary">
            Filter
          </button>
          {filtered ? <Link to="/projects">Clear filters</Link> : null}
        </div>
      </Form>

      <p role="status" className="muted">
        {countOf(projects.length, "project")}
        {filtered ? " match these filters" : ""}
      </p>
      {projects.length > 0 ? (
        <ProjectTable label="Project list" projects={projects} viewerId={viewerId} />
      ) : (
        <div className="panel">
          <p>{filtered ? "No project matches these filters." : "No projects yet."}</p>
        </div>
      )}
    </section>
  );
}
