// Your own data: a builder downloads what the app holds about them, and reads what is left out and why.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasExportableRecord } from "~/data/builder-export.server";
import { BUILDER_EXPORT_LEFT_OUT } from "~/domain/builder-export";
import { countOf } from "~/domain/wording";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Export your data · Builder Ladder" }];

/** Every signed-in person may open it: a builder gets the download, anyone else a page saying there is nothing to export. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { exportable: await hasExportableRecord(user), leftOut: BUILDER_EXPORT_LEFT_OUT };
}

export default function ExportPage() {
  const { exportable, leftOut } = useLoaderData<typeof loader>();
  return (
    <article className="page narrow stack" aria-labelledby="export-title">
      <p className="breadcrumbs">
        <Link to="/account">Your account</Link> / Export your data
      </p>
      <h1 id="export-title">Export your data</h1>
      {exportable ? (
        <>
          <section className="panel stack" aria-labelledby="export-holds">
            <h2 id="export-holds">What the file holds</h2>
            <p>One JSON file with what the app holds about you as a builder, as the app shows it to you:</p>
            <ul>
              <li>your record: level and level history, track, manager, start date, and your current pay;</li>
              <li>
                your promotion packets ({countOf(exportable.packets, "packet")}): summary, evidence, the peers invited and their statements, your manager&rsquo;s
                assessments and the committee&rsquo;s decision with its feedback;
              </li>
              <li>your projects ({countOf(exportable.projects, "project")}): PRD, success metrics, history, checkpoint, reviews and demos.</li>
            </ul>
            <p>
              <a className="button" href="/account/export.json" download>
                Download my data (JSON)
              </a>
            </p>
            <p className="muted">Downloading is recorded in the audit trail as a read of your data by you.</p>
          </section>
          <section className="panel" aria-labelledby="export-left-out">
            <h2 id="export-left-out">What is left out, and why</h2>
            <ul>
              {leftOut.map((item) => (
                <li key={item.what}>
                  <strong>{item.what}</strong>: {item.why}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        <section className="panel" aria-labelledby="export-nothing">
          <h2 id="export-nothing">Nothing to export</h2>
          <p>
            This export is for builders: it holds a builder&rsquo;s record, promotion packets and projects. You have no builder record, so there is nothing of
            yours to export here. For other data the app holds about you, ask an admin.
          </p>
        </section>
      )}
    </article>
  );
}
