import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { CandidateStatusBadge } from "~/components/candidate-status";
import { searchEverything, type SearchGroup } from "~/data/search.server";
import { PROJECT_STATUS_LABELS } from "~/domain/project/workflow";
import { SEARCH_TEXT_MAX, searchNeedle, searchTextParam } from "~/domain/search-text";
import { countOf } from "~/domain/wording";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Search · Builder Ladder" }];

/**
 * Search across what the viewer may read (app/data/search.server.ts): candidates, builders and
 * projects, a few of each with how many matched. Every signed-in person may search; each group is
 * left out for those who may read none of it. Not recorded in the audit trail: it shows a
 * candidate's name and status only, which the candidate list already shows the same people
 * without an entry, and the typed text itself (often a person's name) is kept nowhere.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const q = searchTextParam.parse(new URL(request.url).searchParams.get("q") ?? undefined) ?? "";
  const needle = searchNeedle(q);
  return { q, results: needle ? await searchEverything(user, needle) : null };
}

function More({ group, noun, to }: { group: SearchGroup<unknown>; noun: string; to?: string }) {
  if (group.total <= group.shown.length) return null;
  const text = `${group.total - group.shown.length} more ${group.total - group.shown.length === 1 ? noun : `${noun}s`}`;
  return <p className="muted">{to ? <Link to={to}>See all {countOf(group.total, noun)}</Link> : `And ${text}: add a word to narrow the search.`}</p>;
}

function Heading({ id, title, total }: { id: string; title: string; total: number }) {
  return (
    <h2 id={id}>
      {title} <span className="muted">({total})</span>
    </h2>
  );
}

export default function SearchPage() {
  const { q, results } = useLoaderData<typeof loader>();
  const location = useLocation();
  const nothing = results && (results.candidates?.total ?? 0) + (results.builders?.total ?? 0) + results.projects.total === 0;
  return (
    <section className="page" aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <Form key={location.search} method="get" role="search" aria-label="Search everything" className="row search-form">
        <label htmlFor="search-page-q" className="visually-hidden">
          Search for
        </label>
        <input id="search-page-q" type="search" name="q" defaultValue={q} maxLength={SEARCH_TEXT_MAX} enterKeyHint="search" placeholder="A name, an email or a project title" />
        <button type="submit" className="button">
          Search
        </button>
      </Form>
      {!results ? <p className="muted">Type part of a name, an email address or a project&rsquo;s title. Case and accents do not matter.</p> : null}
      {nothing ? <p role="status">Nothing you may see matches &ldquo;{q}&rdquo;.</p> : null}

      {results?.candidates && results.candidates.total > 0 ? (
        <section className="panel" aria-labelledby="search-candidates">
          <Heading id="search-candidates" title="Candidates" total={results.candidates.total} />
          <ul className="search-results">
            {results.candidates.shown.map((c) => (
              <li key={c.id}>
                <Link to={`/candidates/${c.id}`}>{c.name}</Link> <CandidateStatusBadge status={c.status} /> <span className="muted">target {c.targetLevel}</span>
              </li>
            ))}
          </ul>
          <More group={results.candidates} noun="candidate" to={`/candidates?${new URLSearchParams({ q, status: "all" })}`} />
        </section>
      ) : null}

      {results?.builders && results.builders.total > 0 ? (
        <section className="panel" aria-labelledby="search-builders">
          <Heading id="search-builders" title="Builders" total={results.builders.total} />
          <ul className="search-results">
            {results.builders.shown.map((b) => (
              <li key={b.userId}>
                <Link to={`/builders/${b.userId}`}>{b.name}</Link> <span className="muted">{b.level ?? ""} {b.track}</span>
              </li>
            ))}
          </ul>
          <More group={results.builders} noun="builder" />
        </section>
      ) : null}

      {results && results.projects.total > 0 ? (
        <section className="panel" aria-labelledby="search-projects">
          <Heading id="search-projects" title="Projects" total={results.projects.total} />
          <ul className="search-results">
            {results.projects.shown.map((p) => (
              <li key={p.id}>
                <Link to={`/projects/${p.id}`}>{p.title}</Link> <span className="muted">{PROJECT_STATUS_LABELS[p.status] ?? p.status} · {p.ownerName}</span>
              </li>
            ))}
          </ul>
          <More group={results.projects} noun="project" />
        </section>
      ) : null}
    </section>
  );
}
