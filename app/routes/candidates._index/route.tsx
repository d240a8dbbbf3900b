import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { LEVEL_OPTIONS, SelectField, SOURCE_OPTIONS } from "~/components/candidate-fields";
import { TextField } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import { TableScroll } from "~/components/table-scroll";
import { listCandidatePage } from "~/data/candidates.server";
import { CANDIDATE_STATUS_FILTER_LABELS, CANDIDATE_STATUS_FILTERS, DEFAULT_STATUS_FILTER, statusesOf } from "~/domain/candidate-pipeline";
import { candidateSourceLabel } from "~/domain/candidates";
import { hasPermission } from "~/domain/permissions";
import styles from "~/styles/candidates.css?url";
import { requireUserWithPermission } from "~/utils/auth.server";
import { CandidateStatusBadge } from "~/components/candidate-status";
import { candidateListHref, CandidateFiltersSchema } from "./schema";

/** Previous and next through the list, keeping its search and filters. */
function Pagination({ page, pages, links }: { page: number; pages: number; links: { previous: string | null; next: string | null } }) {
  return (
    <nav aria-label="Pages" className="row pagination">
      {links.previous ? (
        <Link to={links.previous} rel="prev">
          Previous page
        </Link>
      ) : null}
      <span>
        Page {page} of {pages}
      </span>
      {links.next ? (
        <Link to={links.next} rel="next">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}

export const meta: MetaFunction = () => [{ title: "Candidates · Builder Ladder" }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:candidate:any");
  const params = new URL(request.url).searchParams;
  const filters = CandidateFiltersSchema.parse({
    q: params.get("q") ?? undefined,
    source: params.get("source") ?? undefined,
    level: params.get("level") ?? undefined,
    status: params.get("status") ?? undefined,
    page: params.get("page") ?? undefined,
  });
  const statuses = statusesOf(filters.status);
  const page = await listCandidatePage(
    { search: filters.q, source: filters.source, targetLevel: filters.level, statuses: statuses ?? undefined },
    filters.page,
  );
  const query = { q: filters.q, source: filters.source, level: filters.level, status: filters.status };
  return {
    candidates: page.candidates,
    page: { page: page.page, pages: page.pages, total: page.total, pageSize: page.pageSize },
    // Each link keeps the search and filters: only the page changes.
    pageLinks: {
      previous: page.page > 1 ? candidateListHref(query, Math.min(page.page - 1, page.pages)) : null,
      next: page.page < page.pages ? candidateListHref(query, page.page + 1) : null,
      first: candidateListHref(query, 1),
      last: candidateListHref(query, page.pages),
    },
    filters: { q: filters.q ?? "", source: filters.source ?? "", level: filters.level ?? "", status: filters.status },
    filtered: Boolean(filters.q || filters.source || filters.level || filters.status !== DEFAULT_STATUS_FILTER),
    canManage: hasPermission(user.roles, "manage:candidate:any"),
  };
}

const STATUS_OPTIONS = CANDIDATE_STATUS_FILTERS.filter((s) => s !== DEFAULT_STATUS_FILTER).map((value) => ({ value, label: CANDIDATE_STATUS_FILTER_LABELS[value] }));

/** What the count line says: how many match, and which of them this page shows. */
function countLine(page: { page: number; pages: number; total: number; pageSize: number }, shown: number, filtered: boolean): string {
  if (page.total === 0) return filtered ? "No candidates match your search. Try fewer words or another filter." : "No candidates yet.";
  const all = page.total === 1 ? `1 candidate${filtered ? " matches your search" : ""}` : `${page.total} candidates${filtered ? " match your search" : ""}`;
  if (shown === 0) return `${all}. Page ${page.page} is past the end: there ${page.pages === 1 ? "is 1 page" : `are ${page.pages} pages`}.`;
  if (page.pages === 1) return `${all}.`;
  const first = (page.page - 1) * page.pageSize + 1;
  return `${all}. Showing ${first}–${first + shown - 1}, page ${page.page} of ${page.pages}.`;
}

export default function CandidatesPage() {
  const { candidates, page, pageLinks, filters, filtered, canManage } = useLoaderData<typeof loader>();
  const location = useLocation();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === location.pathname;

  return (
    <section className="page" aria-labelledby="candidates-title">
      <div className="page-header-row">
        <h1 id="candidates-title">Candidates</h1>
        {canManage ? (
          <Link to="/candidates/new" className="button">
            New candidate
          </Link>
        ) : null}
      </div>
      <p className="lede">People in the Builder hiring pipeline. Open a candidate to see their interview loops.</p>

      {/* Keyed on the address so back and forward reset the fields to what is shown. */}
      <Form key={location.search} method="get" role="search" aria-label="Filter candidates" className="candidate-filters">
        <TextField
          label="Search"
          name="q"
          type="text"
          enterKeyHint="search"
          hint="Part of a name or email address"
          defaultValue={filters.q}
        />
        <SelectField label="Source" name="source" placeholder="Any source" options={SOURCE_OPTIONS} defaultValue={filters.source} />
        <SelectField
          label="Target level"
          name="level"
          placeholder="Any level"
          options={LEVEL_OPTIONS}
          defaultValue={filters.level}
        />
        <SelectField
          label="Status"
          name="status"
          placeholder={CANDIDATE_STATUS_FILTER_LABELS[DEFAULT_STATUS_FILTER]}
          options={STATUS_OPTIONS}
          defaultValue={filters.status === DEFAULT_STATUS_FILTER ? "" : filters.status}
        />
        <div className="row">
          <button type="submit" className="button button-secondary" disabled={searching}>
            Search
          </button>
          {filtered ? <Link to="/candidates">Clear filters</Link> : null}
        </div>
      </Form>

      <p role="status" className="muted">
        {countLine(page, candidates.length, filtered)}
        {candidates.length === 0 && page.total > 0 ? (
          <>
            {" "}
            <Link to={pageLinks.last}>Go to the last page</Link>
          </>
        ) : null}
      </p>

      {candidates.length > 0 ? (
        <TableScroll label="Candidate list">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Source</th>
                <th scope="col">Target level</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Loops
                </th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/candidates/${c.id}`}>{c.name}</Link>
                  </th>
                  <td>
                    {c.erasedAt ? (
                      <>
                        Erased on <LocalTime value={c.erasedAt} precision="day" />
                      </>
                    ) : (
                      c.email
                    )}
                  </td>
                  <td>{candidateSourceLabel(c.source)}</td>
                  <td>{c.targetLevel}</td>
                  <td>
                    <CandidateStatusBadge status={c.status} />
                  </td>
                  <td className="num">{c.loopCount}</td>
                  <td className="nowrap">
                    <LocalTime value={c.createdAt} precision="day" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {page.pages > 1 ? <Pagination page={page.page} pages={page.pages} links={pageLinks} /> : null}
    </section>
  );
}
