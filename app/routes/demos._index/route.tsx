import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DemoCard, DemoWeeks } from "~/components/demo/demo-card";
import { DemoCuration } from "~/components/demo/demo-curation";
import { listRecentDemos } from "~/data/projects.server";
import { setDemoFlag } from "~/data/project-workflow.server";
import { canCurateDemos, canStartProject } from "~/domain/project/access";
import { groupDemosByWeek } from "~/domain/project/demo-weeks";
import { flagDemoSchema } from "~/domain/project/forms";
import styles from "~/styles/demos.css?url";
import { auditActor } from "~/utils/audit.server";
import { forbidden, requireUser } from "~/utils/auth.server";
import { requestNow } from "~/utils/clock.server";
import { badRequest, formSaved, parseForm, readFormData } from "~/utils/forms.server";
import { failureResponse } from "~/utils/refusals.server";

export const meta: MetaFunction = () => [{ title: "Demos · Builder Ladder" }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** How many of the latest demos the feed shows. */
export const FEED_SIZE = 50;

/**
 * The demo feed: the latest demos of every project, by week, for every signed-in colleague.
 * Curators (managers and admins) flag demos for the wider organisation, or take the flag back.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const demos = await listRecentDemos(FEED_SIZE);
  return {
    weeks: groupDemosByWeek(demos),
    count: demos.length,
    canCurate: canCurateDemos(user),
    isBuilder: canStartProject(user),
  };
}

/** A curator flags a demo (with an optional note) or removes its flag. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const now = requestNow(request);
  if (!canCurateDemos(user)) throw forbidden("curate:demo:any");
  const parsed = parseForm(flagDemoSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);
  const { intent, demoId, note } = parsed.data;
  const result = await setDemoFlag(demoId, auditActor(user, context), intent === "flag" ? { note } : null, now);
  if (!result.ok) return failureResponse(result);
  return formSaved();
}

export default function DemoFeed() {
  const { weeks, count, canCurate, isBuilder } = useLoaderData<typeof loader>();
  return (
    <section className="page demos-page" aria-labelledby="demos-title">
      <h1 id="demos-title">Demos</h1>
      <p className="lede">
        What builders have shown lately, newest first.{" "}
        {canCurate ? "Flag the demos the wider organisation should see: they go to the highlights." : "Curators flag the ones the wider organisation should see."}
      </p>
      <p className="row">
        <Link to="/demos/highlights">This quarter&rsquo;s highlights, by week</Link>
        {isBuilder ? <Link to="/projects">Post a demo from one of your projects</Link> : null}
      </p>
      {count === 0 ? (
        <div className="panel">
          <p>No demos yet. Builders post them from their projects&rsquo; pages.</p>
        </div>
      ) : (
        <>
          {count >= FEED_SIZE ? <p className="muted">The latest {FEED_SIZE} demos.</p> : null}
          <DemoWeeks
            weeks={weeks}
            idPrefix="feed-week"
            renderDemo={(demo) => <DemoCard demo={demo}>{canCurate ? <DemoCuration key={demo.flagged ? "flagged" : "open"} demo={demo} /> : null}</DemoCard>}
          />
        </>
      )}
    </section>
  );
}
