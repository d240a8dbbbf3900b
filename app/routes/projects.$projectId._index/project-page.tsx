import { Link } from "@remix-run/react";
import { CalendarDate, LocalTime } from "~/components/local-time";
import { CheckpointOutcome, HistoryList, MetricsTable, ReviewList } from "~/components/project/outcome-tables";
import { ProjectOutcomeLabel, ProjectStatusBadge } from "~/components/project/status-badge";
import type { ProjectPageData } from "~/views/project-page";
import { useHydrated } from "~/components/project/use-hydrated";
import {
  BlockForm,
  ChangeApproverForm,
  CheckpointForm,
  CloseForm,
  LaunchForm,
  PrdDecisionForms,
  ReviewForm,
  UnblockForm,
} from "~/components/project/workflow-forms";
import { PROJECT_MODE_LABELS } from "~/domain/project/workflow";

/**
 * One project: the summary everyone signed in reads (what, who, where it stands, the PRD and its
 * success metrics), the measured outcome and history for its parties and the promotion committee,
 * and beside it the forms of the steps the viewer may take now. Every form is keyed by the
 * project's version, so after any change each starts again from the version now shown.
 */
export function ProjectPage({ data }: { data: ProjectPageData }) {
  const { project, access } = data;
  const hydrated = useHydrated();
  const isOwner = project.owner.id === data.viewerId;
  const forms = [
    access.decidePrd ? <PrdDecisionForms key="decide" data={data} /> : null,
    access.changeApprover ? <ChangeApproverForm key="approver" data={data} /> : null,
    access.launch ? <LaunchForm key="launch" data={data} /> : null,
    access.recordCheckpoint ? <CheckpointForm key="checkpoint" data={data} /> : null,
    access.recordReview ? <ReviewForm key="review" data={data} /> : null,
    access.block && !data.blocked ? <BlockForm key="block" data={data} /> : null,
    access.close ? <CloseForm key="close" data={data} /> : null,
  ].filter(Boolean);

  return (
    <article className="page project-page" aria-labelledby="project-title" data-hydrated={hydrated ? "true" : undefined}>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/projects">Projects</Link> › {project.title}
      </nav>
      <header className="page-header">
        <h1 id="project-title">{project.title}</h1>
        <p className="project-status">
          <ProjectStatusBadge status={project.status} />
          {project.outcome ? (
            <span className="muted">
              {" "}
              · <ProjectOutcomeLabel outcome={project.outcome} />
            </span>
          ) : null}
        </p>
        <div className="row">
          {access.edit ? (
            <Link to={`/projects/${project.id}/edit`} className="button">
              {project.status === "changes_requested" ? "Edit and resubmit the PRD" : "Edit the draft"}
            </Link>
          ) : null}
          {access.postDemo ? (
            <Link to={`/projects/${project.id}/demos/new`} className="button button-secondary">
              Post a demo
            </Link>
          ) : null}
        </div>
      </header>

      {data.blocked ? (
        <section className="notice project-blocked" aria-labelledby="blocked-title">
          <h2 id="blocked-title">Blocked</h2>
          <p className="pre-line">{data.blocked.reason}</p>
          <p className="small">
            Escalated to {data.blocked.escalateTo?.name ?? "someone no longer here"} on <LocalTime value={data.blocked.at} precision="day" />.
          </p>
          {access.unblock ? <UnblockForm key={project.version} data={data} /> : null}
        </section>
      ) : null}

      {data.due ? (
        <p className={`notice due-notice due-${data.due.urgency ?? "later"}`} role="status">
          {data.due.kind === "checkpoint" ? "Checkpoint due on " : "Next review due "}
          <CalendarDate value={data.due.dueOn} />
          {data.due.urgency === "overdue" ? " — overdue" : data.due.urgency === "due" ? " — due now" : ""}
        </p>
      ) : null}

      <div className="project-layout">
        <div className="project-main stack">
          <section className="panel" aria-labelledby="summary-title">
            <h2 id="summary-title">Summary</h2>
            <dl className="facts">
              <div className="fact-row">
                <dt>Owner</dt>
                <dd>
                  {project.owner.name}
                  {isOwner ? " (you)" : ""}
                </dd>
              </div>
              {project.manager ? (
                <div className="fact-row">
                  <dt>Owner&rsquo;s manager</dt>
                  <dd>{project.manager.name}</dd>
                </div>
              ) : null}
              <div className="fact-row">
                <dt>Mode</dt>
                <dd>
                  {PROJECT_MODE_LABELS[project.mode]}
                  {project.mode === "satellite" && project.team ? `, embedded in ${project.team}` : ""}
                </dd>
              </div>
              <div className="fact-row">
                <dt>Approver</dt>
                <dd>
                  {project.approver.name}
                  {project.approver.id === data.viewerId ? " (you)" : ""}
                  {project.approvedAt ? (
                    <span className="muted">
                      {" "}
                      · approved <LocalTime value={project.approvedAt} precision="day" />
                    </span>
                  ) : null}
                </dd>
              </div>
              {project.mode === "founder" ? (
                <div className="fact-row">
                  <dt>Decision date</dt>
                  <dd>
                    {project.decisionDate ? <CalendarDate value={project.decisionDate} /> : <span className="muted">not set</span>}
                    {project.pastDecisionDate ? <span className="badge badge-overdue">past its decision date</span> : null}
                  </dd>
                </div>
              ) : null}
              <div className="fact-row">
                <dt>Started</dt>
                <dd>
                  <LocalTime value={project.createdAt} precision="day" />
                </dd>
              </div>
              {project.submittedAt ? (
                <div className="fact-row">
                  <dt>PRD submitted</dt>
                  <dd>
                    <LocalTime value={project.submittedAt} precision="day" />
                  </dd>
                </div>
              ) : null}
              <div className="fact-row">
                <dt>Launched</dt>
                <dd>{project.launchedAt ? <LocalTime value={project.launchedAt} precision="day" /> : <span className="muted">not yet</span>}</dd>
              </div>
              {project.closedAt ? (
                <div className="fact-row">
                  <dt>Closed</dt>
                  <dd>
                    <LocalTime value={project.closedAt} precision="day" /> · <ProjectOutcomeLabel outcome={project.outcome} />
                  </dd>
                </div>
              ) : null}
              <div className="fact-row">
                <dt>Process</dt>
                <dd>
                  <Link to={`/rubrics/${project.rubricVersion.track}/v${project.rubricVersion.version}`}>
                    {project.rubricVersion.name} v{project.rubricVersion.version}
                  </Link>
                </dd>
              </div>
            </dl>
            <h3>Problem or insight</h3>
            <p className="pre-line">{project.problem}</p>
          </section>

          <section className="panel" aria-labelledby="prd-title">
            <h2 id="prd-title">PRD</h2>
            {project.prdHtml ? (
              // Safe: renderMarkdown escapes everything it did not write itself (utils/markdown.server.ts).
              <div className="markdown prd" dangerouslySetInnerHTML={{ __html: project.prdHtml }} />
            ) : (
              <p className="muted">The PRD is not written yet.</p>
            )}
          </section>

          <section className="panel" aria-labelledby="metrics-title">
            <h2 id="metrics-title">Success metrics</h2>
            <MetricsTable metrics={data.metrics} />
          </section>

          {project.links.length > 0 ? (
            <section className="panel" aria-labelledby="links-title">
              <h2 id="links-title">Links</h2>
              <ul className="links">
                {project.links.map((l) => (
                  <li key={l}>
                    <a href={l} rel="noopener noreferrer nofollow" target="_blank">
                      {l}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {data.checkpoint ? <CheckpointOutcome checkpoint={data.checkpoint} days={data.process.checkpointAfterDays} /> : null}
          {data.reviews && (data.reviews.length > 0 || project.status === "live") ? <ReviewList reviews={data.reviews} /> : null}

          <section className="panel" aria-labelledby="demos-title">
            <h2 id="demos-title">Demos</h2>
            {data.demos.length === 0 ? (
              <p className="muted">No demos yet.</p>
            ) : (
              <ul className="demo-list">
                {data.demos.map((d) => (
                  <li key={d.id}>
                    <a href={d.link} rel="noopener noreferrer nofollow" target="_blank">
                      {d.title}
                    </a>{" "}
                    <span className="muted small">
                      · {d.presenter.name}, <CalendarDate value={d.demoOn} />
                      {d.flagged ? " · flagged for the wider organisation" : ""}
                    </span>
                    <p className="pre-line small">{d.shows}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {data.events ? <HistoryList events={data.events} /> : null}
        </div>
        {forms.length > 0 ? (
          <aside className="project-side stack" aria-label="What you can do" key={project.version}>
            {forms}
          </aside>
        ) : null}
      </div>
    </article>
  );
}
