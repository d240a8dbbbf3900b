import { Link } from "@remix-run/react";
import { CalendarDate, LocalTime } from "~/components/local-time";
import type { Person, ProjectSummary } from "~/data/projects.server";
import { calendarDate } from "~/domain/calendar-date";
import { approvalQueue, dueWork, pastDecisionDate, type Urgency } from "~/domain/project/due";
import { PROJECT_STATUS_LABELS, type ProjectStatus } from "~/domain/project/workflow";
import { countOf } from "~/domain/wording";
import { Panel } from "./panels";

/**
 * The project log on the home page: what each person's projects ask of them now.
 *
 * - the approver: PRDs awaiting their thumbs-up, oldest first, with their age;
 * - the builder: their projects' checkpoints and quarterly reviews upcoming, due or overdue, and
 *   their founder-mode projects past the decision date;
 * - the manager: their reports' open projects, the overdue checkpoints and reviews among them, and
 *   founder-mode projects past their decision date;
 * - whoever a blocked project was escalated to: the block, its reason, its owner and since when.
 *
 * `projectHome` shapes what the home loader read (summaries, each with its rubric's process) into
 * what the panels show, so the process itself never goes to the browser.
 */
type ProjectRef = { id: string; title: string; owner: Person };

export type DueItem = ProjectRef & {
  kind: "checkpoint" | "review";
  /** "28-day checkpoint", "Quarterly review". */
  label: string;
  dueAt: Date;
  /** A review date someone set is a calendar day; a checkpoint (launch + N days) is a moment. */
  dueIsDay: boolean;
  urgency: Urgency;
  daysLate: number;
};
export type PastDecision = ProjectRef & { decisionDate: string };
export type AwaitingApproval = ProjectRef & { awaitingSince: Date; ageDays: number };
export type ReportProject = ProjectRef & { status: ProjectStatus; blocked: boolean };
export type Escalation = ProjectRef & { reason: string; since: Date };

export type ProjectHome = {
  awaitingApproval: AwaitingApproval[];
  own: { openCount: number; due: DueItem[]; pastDecision: PastDecision[] } | null;
  reports: { projects: ReportProject[]; overdue: DueItem[]; pastDecision: PastDecision[] } | null;
  escalated: Escalation[];
};

const ref = (p: ProjectSummary): ProjectRef => ({ id: p.id, title: p.title, owner: p.owner });

function dueItems(projects: readonly ProjectSummary[], now: Date): DueItem[] {
  return projects
    .flatMap((p) => {
      const work = dueWork(p, p.process, now);
      if (!work) return [];
      const label = work.kind === "checkpoint" ? `${p.process.checkpoint_after_days}-day checkpoint` : "Quarterly review";
      return [{ ...ref(p), ...work, label, dueIsDay: work.kind === "review" && p.lastReview !== null }];
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.title.localeCompare(b.title));
}

function pastDecisions(projects: readonly ProjectSummary[], now: Date): PastDecision[] {
  return projects
    .filter((p) => pastDecisionDate(p, now))
    .map((p) => ({ ...ref(p), decisionDate: calendarDate(p.decisionDate!) }))
    .sort((a, b) => a.decisionDate.localeCompare(b.decisionDate) || a.title.localeCompare(b.title));
}

export function projectHome(
  read: {
    awaiting: readonly ProjectSummary[];
    owned: readonly ProjectSummary[] | null;
    reports: readonly ProjectSummary[] | null;
    escalated: readonly ProjectSummary[];
  },
  now: Date,
): ProjectHome {
  return {
    awaitingApproval: approvalQueue(
      read.awaiting.map((p) => ({ ...ref(p), awaitingSince: p.awaitingSince ?? p.updatedAt })),
      now,
    ),
    own: read.owned ? { openCount: read.owned.length, due: dueItems(read.owned, now), pastDecision: pastDecisions(read.owned, now) } : null,
    reports: read.reports
      ? {
          projects: [...read.reports]
            .sort((a, b) => a.owner.name.localeCompare(b.owner.name) || a.title.localeCompare(b.title))
            .map((p) => ({ ...ref(p), status: p.status, blocked: p.blocked !== null })),
          overdue: dueItems(read.reports, now).filter((d) => d.urgency === "overdue"),
          pastDecision: pastDecisions(read.reports, now),
        }
      : null,
    escalated: read.escalated
      .filter((p) => p.blocked !== null)
      .map((p) => ({ ...ref(p), reason: p.blocked!.reason, since: p.blocked!.at }))
      .sort((a, b) => a.since.getTime() - b.since.getTime()),
  };
}

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
