import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { LEVEL_OPTIONS, SelectField, SOURCE_OPTIONS } from "~/components/candidate-fields";
import { TextField } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import { TableScroll } from "~/components/table-scroll";
import { listCandidates } from "~/data/candidates.server";
import { candidateSourceLabel } from "~/domain/candidates";
import { hasPermission } from "~/domain/permissions";
import styles from "~/styles/candidates.css?url";
import { requireUserWithPermission } from "~/utils/auth.server";
import { CandidateFiltersSchema } from "./schema";

export const meta: MetaFunction = () => [{ title: "Candidates · Builder Ladder" }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:candidate:any");
  const params = new URL(request.url).searchParams;
  const filters = CandidateFiltersSchema.parse({
    q: params.get("q") ?? undefined,
    source: params.get("source") ?? undefined,
    level: params.get("level") ?? undefined,
  });
  const candidates = await listCandidates({ search: filters.q, source: filters.source, targetLevel: filters.level });
  return {
    candidates,
    filters: { q: filters.q ?? "", source: filters.source ?? "", level: filters.level ?? "" },
    filtered: Boolean(filters.q || filters.source || filters.level),
    canManage: hasPermission(user.roles, "manage:candidate:any"),
  };
}


export default function CandidatesPage() {
  const { candidates, filters, filtered, canManage } = useLoaderData<typeof loader>();
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
        <div className="row">
          <button type="submit" className="button button-secondary" disabled={searching}>
            Search
          </button>
          {filtered ? <Link to="/candidates">Clear filters</Link> : null}
        </div>
      </Form>

      <p role="status" className="muted">
        {candidates.length === 0
          ? filtered
            ? "No candidates match your search. Try fewer words or another filter."
            : "No candidates yet."
          : candidates.length === 1
            ? `1 candidate${filtered ? " matches your search" : ""}.`
            : `${candidates.length} candidates${filtered ? " match your search" : ""}.`}
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
    </section>
  );
}
