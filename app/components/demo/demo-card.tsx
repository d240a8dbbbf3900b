import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { CalendarDate, LocalTime } from "~/components/local-time";
import { formatCalendarDate } from "~/domain/time-format";
import type { DemoWeek } from "~/domain/project/demo-weeks";

/** A demo as the feed and the highlights show it (app/data/projects.server.ts DemoView). */
export type DemoItem = {
  id: string;
  projectId: string;
  projectTitle: string;
  presenter: { id: string; name: string };
  title: string;
  shows: string;
  link: string;
  demoOn: string;
  flagged: { by: { id: string; name: string }; at: Date | string; note: string } | null;
};

/** Where a demo's link goes, in a word ("video.example"); the whole address when it will not parse. */
function hostOf(link: string): string {
  try {
    return new URL(link).hostname;
  } catch {
    return link;
  }
}

/**
 * One demo: what it is, the project it belongs to, who presented it and when, what it shows and
 * its link (opened in a new tab, without handing the other site this page). A flagged demo says
 * so, with who flagged it and why. `children` are the curator's controls, when the viewer has them.
 */
export function DemoCard({ demo, children }: { demo: DemoItem; children?: ReactNode }) {
  const titleId = `demo-${demo.id}-title`;
  return (
    <article className={demo.flagged ? "demo demo-flagged" : "demo"} aria-labelledby={titleId}>
      <div className="demo-heading">
        <h3 id={titleId}>{demo.title}</h3>
        {demo.flagged ? <span className="badge badge-flagged">Flagged for the wider organisation</span> : null}
      </div>
      <p className="demo-meta">
        <Link to={`/projects/${demo.projectId}`}>{demo.projectTitle}</Link>
        <span aria-hidden="true"> · </span>
        <span>presented by {demo.presenter.name}</span>
        <span aria-hidden="true"> · </span>
        <CalendarDate value={demo.demoOn} />
      </p>
      <p className="pre-line demo-shows">{demo.shows}</p>
      <p className="demo-link">
        <a href={demo.link} target="_blank" rel="noopener noreferrer">
          Open the demo<span className="visually-hidden"> “{demo.title}”</span> on {hostOf(demo.link)}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </p>
      {demo.flagged ? (
        <p className="demo-flag-note">
          Flagged by {demo.flagged.by.name} on <LocalTime value={demo.flagged.at} precision="day" />
          {demo.flagged.note ? (
            <>
              : <q>{demo.flagged.note}</q>
            </>
          ) : null}
        </p>
      ) : null}
      {children}
    </article>
  );
}

/** Demos under one heading per Monday-start week, the newest week first. */
export function DemoWeeks<T extends DemoItem>({
  weeks,
  idPrefix,
  renderDemo,
}: {
  weeks: ReadonlyArray<DemoWeek<T>>;
  idPrefix: string;
  renderDemo: (demo: T) => ReactNode;
}) {
  return (
    <>
      {weeks.map((week) => {
        const id = `${idPrefix}-${week.weekStart}`;
        return (
          <section key={week.weekStart} className="demo-week" aria-labelledby={id}>
            <h2 id={id}>
              Week of {formatCalendarDate(week.weekStart)} <span className="muted">to {formatCalendarDate(week.weekEnd)}</span>
            </h2>
            <ul className="demo-list">
              {week.demos.map((demo) => (
                <li key={demo.id}>{renderDemo(demo)}</li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
