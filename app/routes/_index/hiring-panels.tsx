import { Link } from "@remix-run/react";
import { LocalTime } from "~/components/local-time";
import type { InReview, InterviewerQueue as Queue, OwedLoop, QueueItem } from "~/views/home-page";
import { Panel } from "./panels";

function QueueList({ title, items, empty, overdue = false }: { title: string; items: QueueItem[]; empty: string; overdue?: boolean }) {
  const id = `queue-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>
        {title} <span className="muted">({items.length})</span>
      </h3>
      {items.length === 0 ? <p className="muted">{empty}</p> : null}
      <ul className="home-list">
        {items.map((item) => (
          <li key={item.interviewId}>
            <Link to={`/interviews/${item.interviewId}/scorecard`}>
              {item.candidateName}: {item.stageName}
            </Link>
            <span className="block small muted">
              Interview <LocalTime value={item.startsAt} />
            </span>
            <span className={`block small ${overdue ? "required" : "muted"}`}>
              {overdue ? "Overdue since " : "Scorecard due "}
              <LocalTime value={item.dueAt} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function InterviewerPanel({ queue }: { queue: Queue }) {
  return (
    <Panel id="panel-interviews" title="Your interviews">
      <QueueList title="Overdue" items={queue.overdue} empty="Nothing overdue." overdue />
      <QueueList title="Scorecards to write" items={queue.toWrite} empty="No scorecard waiting to be started." />
      <QueueList title="Drafts in progress" items={queue.drafts} empty="No drafts in progress." />
      <QueueList title="Upcoming interviews" items={queue.upcoming} empty="No interviews scheduled for you." />
    </Panel>
  );
}

export function OwedScorecardsPanel({ loops, total }: { loops: OwedLoop[]; total: number }) {
  return (
    <Panel id="panel-owed" title="Loops with missing scorecards">
      {loops.length === 0 ? <p>Every interview held so far has its scorecards.</p> : null}
      {total > loops.length ? (
        <p className="muted">
          {total} loops are missing scorecards; the {loops.length} waiting longest are shown.
        </p>
      ) : null}
      <ul className="home-list">
        {loops.map((loop) => (
          <li key={loop.loopId}>
            <Link to={`/loops/${loop.loopId}`}>{loop.candidateName}</Link>
            <ul className="plain">
              {loop.owed.map((o) => (
                <li key={`${o.interviewId}-${o.interviewerId}`} className="small">
                  {o.interviewerName} owes {o.stageName} ({o.started ? "draft started" : "not started"}) ·{" "}
                  <span className={o.overdue ? "required" : undefined}>
                    {o.overdue ? "overdue since " : "due "}
                    <LocalTime value={o.dueAt} />
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

export function InReviewPanel({ loops, total }: InReview) {
  return (
    <Panel id="panel-review" title="Loops awaiting a decision">
      {loops.length === 0 ? <p>No complete loop is waiting for the committee.</p> : null}
      <ul className="home-list">
        {loops.map((l) => (
          <li key={l.loopId}>
            <Link to={`/loops/${l.loopId}/committee`}>{l.candidateName}</Link> <span className="muted small">target {l.targetLevel}</span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/committee">{total > loops.length ? `All ${total} loops in review` : "All loops in review"}</Link>
      </p>
    </Panel>
  );
}
