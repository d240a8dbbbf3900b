import { Link } from "@remix-run/react";
import { CalendarDate, LocalTime } from "~/components/local-time";
import type { Urgency } from "~/domain/project/due";
import { PROJECT_STATUS_LABELS } from "~/domain/project/workflow";
import type { AwaitingApproval, DueItem, Escalation, PastDecision, ProjectHome } from "~/views/home-page";
import { countOf } from "~/domain/wording";
import { Panel } from "./panels";

/** The project log on the home page: what each person's projects ask of them now (views/home-page.ts shapes it). */
const URGENCY_LABELS: Record<Urgency, string> = { upcoming: "Upcoming", due: "Due", overdue: "Overdue" };
const URGENCY_BADGES: Record<Urgency, string> = { upcoming: "badge-previous", due: "badge-major", overdue: "badge-overdue" };

function When({ item }: { item: DueItem }) {
  const date = item.dueIsDay ? <CalendarDate value={item.dueAt} /> : <LocalTime value={item.dueAt} precision="day" />;
  if (item.urgency === "upcoming") return <>due {date}</>;
  if (item.urgency === "due") return <>due since {date}</>;
  return (
    <>
      due {date}, {countOf(item.daysLate, "day")} late
    </>
  );
}

function DueList({ items, showOwner }: { items: readonly DueItem[]; showOwner: boolean }) {
  return (
    <ul className="home-list">
      {items.map((item) => (
        <li key={`${item.id}-${item.kind}`}>
          <Link to={`/projects/${item.id}`}>{item.title}</Link> <span className={`badge ${URGENCY_BADGES[item.urgency]}`}>{URGENCY_LABELS[item.urgency]}</span>
          <span className={`block small ${item.urgency === "overdue" ? "required" : "muted"}`}>
            {item.label} <When item={item} />
            {showOwner ? ` · ${item.owner.name}` : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

function PastDecisionList({ items, showOwner }: { items: readonly PastDecision[]; showOwner: boolean }) {
  return (
    <ul className="home-list">
      {items.map((item) => (
        <li key={item.id}>
          <Link to={`/projects/${item.id}`}>{item.title}</Link> <span className="badge badge-overdue">Decision date passed</span>
          <span className="block small required">
            Had to meet its success or be deprecated by <CalendarDate value={item.decisionDate} />
            {showOwner ? ` · ${item.owner.name}` : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** For whoever was named approver: PRDs waiting for their thumbs-up, the oldest first. */
export function ApprovalQueuePanel({ items }: { items: readonly AwaitingApproval[] }) {
  return (
    <Panel id="panel-prd-approvals" title="PRDs awaiting your approval">
      <p className="figure">{items.length}</p>
      <ul className="home-list">
        {items.map((item) => (
          <li key={item.id}>
            <Link to={`/projects/${item.id}`}>{item.title}</Link>
            <span className="block small muted">
              {item.owner.name} · waiting {item.ageDays === 0 ? "less than a day" : countOf(item.ageDays, "day")} (since{" "}
              <LocalTime value={item.awaitingSince} precision="day" />)
            </span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/** For a builder: what their projects ask of them now. */
export function OwnProjectsPanel({ own }: { own: NonNullable<ProjectHome["own"]> }) {
  const nothing = own.due.length === 0 && own.pastDecision.length === 0;
  return (
    <Panel id="panel-own-projects" title="Your projects">
      {own.openCount === 0 ? (
        <p>You have no open project.</p>
      ) : nothing ? (
        <p>
          {countOf(own.openCount, "open project")}: no checkpoint or review falls due in the next week.
        </p>
      ) : (
        <p className="muted">{countOf(own.openCount, "open project")}.</p>
      )}
      {own.pastDecision.length > 0 ? (
        <section aria-labelledby="own-projects-decision">
          <h3 id="own-projects-decision">Past their decision date</h3>
          <PastDecisionList items={own.pastDecision} showOwner={false} />
        </section>
      ) : null}
      {own.due.length > 0 ? (
        <section aria-labelledby="own-projects-due">
          <h3 id="own-projects-due">Checkpoints and reviews</h3>
          <DueList items={own.due} showOwner={false} />
        </section>
      ) : null}
      <p>
        <Link to="/projects">{own.openCount === 0 ? "Start a project" : "All your projects"}</Link>
      </p>
    </Panel>
  );
}

/** For a manager: their reports' open projects and what is late among them. */
export function ReportProjectsPanel({ reports }: { reports: NonNullable<ProjectHome["reports"]> }) {
  return (
    <Panel id="panel-report-projects" title="Your reports' projects">
      {reports.projects.length === 0 ? <p>None of your reports has an open project.</p> : null}
      {reports.pastDecision.length > 0 ? (
        <section aria-labelledby="report-projects-decision">
          <h3 id="report-projects-decision">Past their decision date</h3>
          <PastDecisionList items={reports.pastDecision} showOwner />
        </section>
      ) : null}
      {reports.overdue.length > 0 ? (
        <section aria-labelledby="report-projects-overdue">
          <h3 id="report-projects-overdue">Overdue checkpoints and reviews</h3>
          <DueList items={reports.overdue} showOwner />
        </section>
      ) : null}
      {reports.projects.length > 0 ? (
        <table>
          <caption className="visually-hidden">Your reports&rsquo; open projects</caption>
          <thead>
            <tr>
              <th scope="col">Builder</th>
              <th scope="col">Project</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {reports.projects.map((p) => (
              <tr key={p.id}>
                <td>{p.owner.name}</td>
                <td>
                  <Link to={`/projects/${p.id}`}>{p.title}</Link>
                </td>
                <td>
                  {PROJECT_STATUS_LABELS[p.status]}
                  {p.blocked ? (
                    <>
                      {" "}
                      <span className="badge badge-overdue">Blocked</span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}

/** For whoever a blocked project was escalated to. */
export function EscalationsPanel({ items }: { items: readonly Escalation[] }) {
  return (
    <Panel id="panel-escalations" title="Blocked projects escalated to you">
      <ul className="home-list">
        {items.map((item) => (
          <li key={item.id}>
            <Link to={`/projects/${item.id}`}>{item.title}</Link> <span className="badge badge-overdue">Blocked</span>
            <span className="block small pre-line">{item.reason}</span>
            <span className="block small muted">
              {item.owner.name} · blocked since <LocalTime value={item.since} precision="day" />
            </span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
