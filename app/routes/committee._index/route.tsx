import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { SelectField } from "~/components/candidate-fields";
import { LocalTime } from "~/components/local-time";
import { TableScroll } from "~/components/table-scroll";
import { HIRING_RECOMMENDATION_LABELS, HIRING_RECOMMENDATIONS } from "~/domain/aggregation";
import {
  COMMITTEE_STATUS_LABELS,
  committeeExportSearch,
  committeeSearch,
  pageOf,
  DECISION_OUTCOME_LABELS,
  DEFAULT_COMMITTEE_QUERY,
  describeCommitteeQuery,
  STATUS_FILTER_LABELS,
  STATUS_FILTERS,
  type CommitteeQuery,
  type CommitteeSort,
} from "~/domain/committee-list";
import candidateStyles from "~/styles/candidates.css?url";
import { committeeListing } from "~/data/committee-rows.server";
import { recordRead } from "~/data/audit.server";
import { auditActor } from "~/utils/audit.server";
import { requireCommittee } from "~/utils/committee-export.server";
import styles from "./committee.css?url";

export const meta: MetaFunction = () => [{ title: "Hiring committee · Builder Ladder" }];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: candidateStyles },
  { rel: "stylesheet", href: styles },
];

/**
 * The hiring committee's list of interview loops (hiring committee and admins): loops in review
 * first, filterable and sortable from the address, with the exports for the same filters.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const now = new Date();
  const { user, query } = await requireCommittee(request, now);
  const listing = await committeeListing(query, user.id, now);
  const page = pageOf(listing.rows, Number(new URL(request.url).searchParams.get("page") ?? "1"));
  // Each candidate's recommendation and red flags, a page at a time: one entry per page shown, like an export.
  const detail = { rows: page.rows.length, page: page.page, filters: { status: query.status, recommendation: query.recommendation, track: query.track } };
  await recordRead(auditActor(user, context), { action: "committee.list", recordType: "committee", recordId: "list", detail }, now);
  return { query, rows: page.rows, page: { page: page.page, pages: page.pages, total: page.total, first: page.first, last: page.last }, counts: listing.counts, tracks: listing.tracks, hidden: listing.hidden };
}

const trackLabel = (track: string) => track.charAt(0).toUpperCase() + track.slice(1);

const COLUMNS: Array<{ sort: CommitteeSort; label: string; num?: boolean }> = [
  { sort: "candidate", label: "Candidate" },
  { sort: "target", label: "Target level" },
  { sort: "supported", label: "Supported level" },
  { sort: "recommendation", label: "Recommendation" },
  { sort: "flags", label: "Red flags" },
  { sort: "completion", label: "Stages complete", num: true },
];

/** Previous / next through the list; sorting or filtering starts again at page 1. */
function Pagination({ query, page, pages }: { query: CommitteeQuery; page: number; pages: number }) {
  const search = committeeSearch(query);
  const to = (n: number) => `/committee${search}${search ? "&" : "?"}page=${n}`;
  return (
    <nav aria-label="Pages" className="row pagination">
      {page > 1 ? (
        <Link to={to(page - 1)} rel="prev">
          Previous page
        </Link>
      ) : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link to={to(page + 1)} rel="next">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}

function SortHeader({ column, query }: { column: (typeof COLUMNS)[number]; query: CommitteeQuery }) {
  const active = query.sort === column.sort;
  const next = active && query.direction === "asc" ? "desc" : "asc";
  const ariaSort = active ? (query.direction === "asc" ? "ascending" : "descending") : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={column.num ? "num" : undefined}>
      <Link to={`/committee${committeeSearch({ ...query, sort: column.sort, direction: next })}`} className="sort-link" preventScrollReset>
        {column.label}
        <span className="visually-hidden">{`, sort ${next === "asc" ? "ascending" : "descending"}`}</span>
        <span aria-hidden="true" className="sort-arrow">
          {active ? (query.direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

export default function CommitteeListPage() {
  const { query, rows, page, counts, tracks, hidden } = useLoaderData<typeof loader>();
  const location = useLocation();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === location.pathname;
  // The export links always name the status, so they say what they hold on the default view too.
  const exportSearch = committeeExportSearch(query);
  const filtered = query.status !== DEFAULT_COMMITTEE_QUERY.status || query.recommendation !== null || query.track !== null;
  const statusWord = query.status === "all" ? "" : ` ${COMMITTEE_STATUS_LABELS[query.status].toLowerCase()}`;

  return (
    <section className="page" aria-labelledby="committee-title">
      <h1 id="committee-title">Hiring committee</h1>
      <p className="lede">
        Interview loops with what their scorecards recommend under the pinned rubric. Loops whose stages are all complete and that await a
        decision are in review.
      </p>
      {hidden > 0 ? (
        <p className="notice">
          {hidden === 1 ? "One loop you interview on is" : `${hidden} loops you interview on are`} not listed here, nor in the exports, until
          you have submitted your scorecards there: your ratings stay independent. Your home page lists what you owe.
        </p>
      ) : null}

      {/* Keyed on the address so back and forward reset the fields to what is shown. */}
      <Form key={location.search} method="get" action="/committee" role="search" aria-label="Filter loops" className="candidate-filters">
        <SelectField
          label="Status"
          name="status"
          options={STATUS_FILTERS.map((s) => ({ value: s, label: `${STATUS_FILTER_LABELS[s]} (${counts[s]})` }))}
          defaultValue={query.status}
        />
        <SelectField
          label="Recommendation"
          name="recommendation"
          placeholder="Any recommendation"
          options={HIRING_RECOMMENDATIONS.map((r) => ({ value: r, label: HIRING_RECOMMENDATION_LABELS[r] }))}
          defaultValue={query.recommendation ?? ""}
        />
        <SelectField
          label="Track"
          name="track"
          placeholder="Any track"
          options={tracks.map((t) => ({ value: t, label: trackLabel(t) }))}
          defaultValue={query.track ?? ""}
        />
        {query.sort !== DEFAULT_COMMITTEE_QUERY.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.direction !== DEFAULT_COMMITTEE_QUERY.direction ? <input type="hidden" name="dir" value={query.direction} /> : null}
        <div className="row">
          <button type="submit" className="button button-secondary" disabled={loading}>
            Show loops
          </button>
          {filtered ? <Link to="/committee">Reset filters</Link> : null}
        </div>
      </Form>

      <p role="status" className="muted">
        {page.total === 0
          ? query.status === "in_review" && !query.recommendation && !query.track
            ? "No loop is waiting for the committee's review."
            : "No loop matches these filters."
          : page.total === 1
            ? `1 loop${statusWord}.`
            : `${page.total.toLocaleString("en-US")} loops${statusWord}${page.pages > 1 ? `, showing ${page.first}–${page.last}` : ""}.`}
        {rows.length === 0 && query.status !== "all" ? (
          <>
            {" "}
            <Link to={`/committee${committeeSearch({ ...query, status: "all" })}`}>Show all loops</Link>
          </>
        ) : null}
      </p>

      {rows.length > 0 ? (
        <TableScroll label="Interview loops">
          <table className="committee-table">
            <thead>
              <tr>
                {COLUMNS.slice(0, 1).map((c) => (
                  <SortHeader key={c.sort} column={c} query={query} />
                ))}
                <th scope="col">Track</th>
                {COLUMNS.slice(1).map((c) => (
                  <SortHeader key={c.sort} column={c} query={query} />
                ))}
                <th scope="col">Status</th>
                <th scope="col">Review</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.loopId}>
                  <th scope="row">
                    <Link to={`/candidates/${r.candidateId}`}>{r.candidateName}</Link>
                  </th>
                  <td className="nowrap">
                    {trackLabel(r.track)} v{r.version}
                  </td>
                  <td>{r.targetLevel}</td>
                  <td>{r.supportedLevel ?? <span className="muted">None</span>}</td>
                  <td>
                    <span className={`badge badge-rec badge-rec-${r.ats.toLowerCase()}`}>{HIRING_RECOMMENDATION_LABELS[r.recommendation]}</span>
                  </td>
                  <td>
                    {r.redFlags}
                    {r.blockingFlags.length > 0 ? (
                      <span className="block small blocking">
                        Blocking: {r.blockingFlags.join(", ")}
                      </span>
                    ) : null}
                  </td>
                  <td className="num">
                    {r.stagesComplete} of {r.stagesTotal}
                  </td>
                  <td>
                    {COMMITTEE_STATUS_LABELS[r.status]}
                    {r.decision ? (
                      <span className="block small">
                        {DECISION_OUTCOME_LABELS[r.decision]}
                        {r.decidedAt ? (
                          <>
                            , <LocalTime value={r.decidedAt} precision="day" />
                          </>
                        ) : (
                          ""
                        )}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <Link to={`/loops/${r.loopId}/committee`}>
                      Open review<span className="visually-hidden"> of {r.candidateName}&apos;s loop</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}

      {page.pages > 1 ? <Pagination query={query} page={page.page} pages={page.pages} /> : null}

      <section className="panel exports" aria-labelledby="exports-title">
        <h2 id="exports-title">Export</h2>
        <p className="muted" id="exports-scope">
          For an applicant tracking system or a spreadsheet. The exports hold what this list holds, every page of it:{" "}
          <strong>{describeCommitteeQuery(query)}</strong> ({page.total.toLocaleString("en-US")} {page.total === 1 ? "loop" : "loops"}). The
          file name says so too. No pay figures are included.
        </p>
        <ul className="export-links" aria-describedby="exports-scope">
          <li>
            <a href={`/committee/loops.csv${exportSearch}`}>Loops (CSV)</a>
          </li>
          <li>
            <a href={`/committee/loops.json${exportSearch}`}>Loops (JSON)</a>
          </li>
          <li>
            <a href={`/committee/scorecards.csv${exportSearch}`}>Scorecards (CSV)</a>
          </li>
          <li>
            <a href={`/committee/scorecards.json${exportSearch}`}>Scorecards (JSON)</a>
          </li>
        </ul>
      </section>
    </section>
  );
}
