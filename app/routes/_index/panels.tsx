import { Link } from "@remix-run/react";
import { CalendarDate } from "~/components/local-time";
import type { HomeBuilder as BuilderRecord, HomeCandidate as CandidateSummary } from "~/views/home-page";
import { candidateSourceLabel } from "~/domain/candidates";
import { LEVELS } from "~/domain/levels";
import { ROLE_LABELS, ROLES, type Role } from "~/domain/roles";


export function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function BuilderPanel({ record }: { record: BuilderRecord }) {
  return (
    <Panel id="panel-own" title="Your level">
      <p className="figure">{record.level}</p>
      <dl className="facts">
        <dt>Track</dt>
        <dd>{record.track}</dd>
        <dt>Manager</dt>
        <dd>{record.managerName ?? "None assigned"}</dd>
        <dt>Builder since</dt>
        <dd>
          <CalendarDate value={record.startedAt} />
        </dd>
      </dl>
      <p>
        <Link to={`/builders/${record.userId}`}>Your record, pay and level history</Link>
      </p>
    </Panel>
  );
}

export function ReportsPanel({ reports }: { reports: BuilderRecord[] }) {
  return (
    <Panel id="panel-reports" title="Your reports">
      {reports.length === 0 ? (
        <p>No builders report to you.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Builder</th>
              <th scope="col">Level</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.userId}>
                <td>
                  <Link to={`/builders/${r.userId}`}>{r.name}</Link>
                </td>
                <td>{r.level}</td>
                <td>
                  <CalendarDate value={r.startedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

export function CandidatesPanel({ candidates, total }: { candidates: CandidateSummary[]; total: number }) {
  return (
    <Panel id="panel-candidates" title="Candidates">
      {total > candidates.length ? (
        <p className="muted">
          {total} in the pipeline; the {candidates.length} newest are shown. <Link to="/candidates">All candidates</Link>
        </p>
      ) : null}
      {candidates.length === 0 ? (
        <p>No candidates yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Source</th>
              <th scope="col">Target level</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/candidates/${c.id}`}>{c.name}</Link>
                </td>
                <td>{candidateSourceLabel(c.source)}</td>
                <td>{c.targetLevel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

export function RosterPanel({ builders }: { builders: BuilderRecord[] }) {
  return (
    <Panel id="panel-roster" title="Builders by level">
      <table>
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Builders</th>
          </tr>
        </thead>
        <tbody>
          {[...LEVELS].reverse().map((level) => {
            const atLevel = builders.filter((b) => b.level === level);
            return (
              <tr key={level}>
                <th scope="row">{level}</th>
                <td>{atLevel.length === 0 ? "—" : atLevel.map((b) => b.name).join(", ")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Panel>
  );
}

export function AdminPanel({ people }: { people: Partial<Record<Role, number>> }) {
  return (
    <Panel id="panel-admin" title="People">
      <dl className="facts">
        {ROLES.map((role) => (
          <div key={role} className="fact-row">
            <dt>{ROLE_LABELS[role]}</dt>
            <dd>{people[role] ?? 0}</dd>
          </div>
        ))}
      </dl>
      <p>
        <a href="/admin/users">Manage users and roles</a>
      </p>
    </Panel>
  );
}
