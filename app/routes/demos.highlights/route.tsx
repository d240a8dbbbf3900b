import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DemoCard, DemoWeeks } from "~/components/demo/demo-card";
import { DemoCuration } from "~/components/demo/demo-curation";
import { CalendarDate } from "~/components/local-time";
import { listFlaggedDemos } from "~/data/projects.server";
import { calendarDate } from "~/domain/calendar-date";
import { canCurateDemos } from "~/domain/project/access";
import { groupDemosByWeek, HIGHLIGHT_WEEKS, highlightsSince } from "~/domain/project/demo-weeks";
import { countOf } from "~/domain/wording";
import styles from "~/styles/demos.css?url";
import { requireUser } from "~/utils/auth.server";
import { requestNow } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: "Demo highlights · Builder Ladder" }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/**
 * The highlights: demos curators flagged for the wider organisation, by Monday-start week (newest
 * first), over the last quarter (this week and the twelve before it). Every signed-in user reads them.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = requestNow(request);
  const since = highlightsSince(now, HIGHLIGHT_WEEKS);
  const demos = await listFlaggedDemos(since);
  return { weeks: groupDemosByWeek(demos), count: demos.length, since: calendarDate(since), canCurate: canCurateDemos(user) };
}

export default function DemoHighlights() {
  const { weeks, count, since, canCurate } = useLoaderData<typeof loader>();
  return (
    <section className="page demos-page" aria-labelledby="highlights-title">
      <p className="breadcrumbs">
        <Link to="/demos">Demos</Link> / Highlights
      </p>
      <h1 id="highlights-title">Demo highlights</h1>
      <p className="lede">
        The demos curators flagged for the wider organisation, week by week, since <CalendarDate value={since} />:{" "}
        {countOf(count, "demo")} in {countOf(weeks.length, "week")}.
      </p>
      {count === 0 ? (
        <div className="panel">
          <p>No demo has been flagged in the last {HIGHLIGHT_WEEKS} weeks.</p>
          <p>
            <Link to="/demos">See every recent demo</Link>
          </p>
        </div>
      ) : (
        <DemoWeeks
          weeks={weeks}
          idPrefix="highlights-week"
          renderDemo={(demo) => <DemoCard demo={demo}>{canCurate ? <DemoCuration demo={demo} /> : null}</DemoCard>}
        />
      )}
    </section>
  );
}
