import { Link } from "@remix-run/react";
import { CalendarDate, LocalTime } from "~/components/local-time";
import { TableScroll } from "~/components/table-scroll";
import { PROJECT_MODE_LABELS, type ProjectMode, type ProjectOutcome, type ProjectStatus } from "~/domain/project/workflow";
import { ProjectOutcomeLabel, ProjectStatusBadge } from "./status-badge";

export type ProjectRow = {
  id: string;
  title: string;
  mode: ProjectMode;
  team: string;
  status: ProjectStatus;
  outcome: ProjectOutcome | null;
  owner: { id: string; name: string };
  approver: { id: string; name: string };
  launchedAt: string | null;
  decisionDate: string | null;
};

/** One row per project, each linking to its page. */
export function ProjectTable({ label, projects, viewerId }: { label: string; projects: readonly ProjectRow[]; viewerId: string }) {
  return (
    <TableScroll label={label}>
      <table className="project-table project-list">
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col">Owner</th>
            <th scope="col">Mode</th>
            <th scope="col">Status</th>
            <th scope="col">Approver</th>
            <th scope="col">Launched</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/projects/${p.id}`}>{p.title}</Link>
              </th>
              <td>{p.owner.id === viewerId ? `${p.owner.name} (you)` : p.owner.name}</td>
              <td>
                {PROJECT_MODE_LABELS[p.mode]}
                {p.mode === "satellite" && p.team ? <span className="block muted small">{p.team}</span> : null}
                {p.mode === "founder" && p.decisionDate ? (
                  <span className="block muted small">
                    Decide by <CalendarDate value={p.decisionDate} />
                  </span>
                ) : null}
              </td>
              <td>
                <ProjectStatusBadge status={p.status} />
              </td>
              <td>{p.approver.id === viewerId ? `${p.approver.name} (you)` : p.approver.name}</td>
              <td>{p.launchedAt ? <LocalTime value={p.launchedAt} precision="day" /> : <span className="muted">—</span>}</td>
              <td>
                <ProjectOutcomeLabel outcome={p.outcome} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
