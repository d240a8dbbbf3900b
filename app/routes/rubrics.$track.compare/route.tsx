import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { findRubricVersion, listTrackVersions } from "~/data/rubrics.server";
import { hasPermission } from "~/domain/permissions";
import { countChanges, diffRubrics } from "~/domain/rubric/diff";
import { requireUserWithPermission } from "~/utils/auth.server";
import { DiffSection } from "./diff-section";
import { CompareQuerySchema } from "./schema";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.name}: v${data.from} → v${data.to} · Builder Ladder` : "Compare versions · Builder Ladder" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:rubric:any");
  const track = params.track ?? "";
  const versions = await listTrackVersions(track);
  if (versions.length === 0) throw data({ message: "No such track" }, { status: 404 });

  const url = new URL(request.url);
  const newest = versions[0]!.version;
  const query = CompareQuerySchema.safeParse({
    from: url.searchParams.get("from") ?? Math.max(1, newest - 1),
    to: url.searchParams.get("to") ?? newest,
  });
  if (!query.success) throw data({ message: "from and to must be version numbers" }, { status: 400 });
  const [before, after] = await Promise.all([
    findRubricVersion(track, query.data.from),
    findRubricVersion(track, query.data.to),
  ]);
  if (!before || !after) throw data({ message: "No such rubric version" }, { status: 404 });

  // Band figures are compared only for roles allowed to see pay.
  const diff = diffRubrics(before.rubric, after.rubric, { includeBands: hasPermission(user.roles, "read:band:any") });
  return {
    track,
    name: after.rubric.name,
    from: query.data.from,
    to: query.data.to,
    versions: versions.map((v) => v.version),
    changelog: query.data.to > query.data.from ? after.rubric.changelog : [],
    diff: diff.filter((s) => s.added.length + s.removed.length + s.changed.length > 0),
    total: countChanges(diff),
  };
}

export default function ComparePage() {
  const { track, name, from, to, versions, changelog, diff, total } = useLoaderData<typeof loader>();
  return (
    <article className="page" aria-labelledby="compare-title">
      <p className="breadcrumbs">
        <Link to="/rubrics">Rubrics</Link> / {name} / Compare
      </p>
      <h1 id="compare-title">
        {name}: v{from} → v{to}
      </h1>
      <Form method="get" className="row compare-form" aria-label="Choose versions">
        <VersionSelect label="From" name="from" value={from} versions={versions} />
        <VersionSelect label="To" name="to" value={to} versions={versions} />
        <button type="submit" className="button button-secondary">
          Compare
        </button>
      </Form>

      {changelog.length > 0 ? (
        <section className="panel" aria-labelledby="changelog-title">
          <h2 id="changelog-title">Why it changed</h2>
          <ul>
            {changelog.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <p role="status">
        {total === 0 ? "These versions have the same content." : `${total} item${total === 1 ? "" : "s"} changed.`}{" "}
        <Link to={`/rubrics/${track}/v${from}`}>Open v{from}</Link> · <Link to={`/rubrics/${track}/v${to}`}>Open v{to}</Link>
      </p>
      {diff.map((section) => (
        <DiffSection key={section.id} section={section} from={from} to={to} />
      ))}
    </article>
  );
}

function VersionSelect({ label, name, value, versions }: { label: string; name: string; value: number; versions: number[] }) {
  return (
    <label className="field-inline">
      {label}
      <select name={name} defaultValue={value}>
        {versions.map((v) => (
          <option key={v} value={v}>
            v{v}
          </option>
        ))}
      </select>
    </label>
  );
}
