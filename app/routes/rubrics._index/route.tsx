import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LocalTime } from "~/components/local-time";
import { VersionBadges } from "~/components/status-badge";
import { listTracks } from "~/data/rubrics.server";
import { requireUserWithPermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Rubrics · Builder Ladder" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:rubric:any");
  return { tracks: await listTracks() };
}


export default function RubricsPage() {
  const { tracks } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="rubrics-title">
      <h1 id="rubrics-title">Rubrics</h1>
      <p className="lede">
        Each track&rsquo;s rubric is versioned. Interview loops and promotion packets are pinned to the version they started
        on; a version in use never changes, and a change is published as the next version.
      </p>
      {tracks.length === 0 ? <p>No rubric versions are published.</p> : null}
      <div className="panels">
        {tracks.map((track) => (
          <section key={track.track} className="panel" aria-labelledby={`track-${track.track}`}>
            <h2 id={`track-${track.track}`}>{track.name}</h2>
            <p className="muted">Track: {track.track}</p>
            <ul className="version-list">
              {track.versions.map((v) => (
                <li key={v.version}>
                  <Link to={`/rubrics/${track.track}/v${v.version}`}>
                    {track.name} v{v.version}
                  </Link>{" "}
                  <VersionBadges status={v.status} inUse={v.inUse} />
                  <span className="muted">
                    {" "}
                    published <LocalTime value={v.publishedAt} precision="day" />
                  </span>
                </li>
              ))}
            </ul>
            {track.versions.length > 1 ? (
              <p>
                <Link
                  to={`/rubrics/${track.track}/compare?from=${track.versions[1]!.version}&to=${track.versions[0]!.version}`}
                >
                  What changed in v{track.versions[0]!.version}
                </Link>
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </section>
  );
}
