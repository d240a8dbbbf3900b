import { TableScroll } from "~/components/table-scroll";
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LEVELS } from "~/domain/levels";
import { hasPermission } from "~/domain/permissions";
import { withoutPay } from "~/domain/rubric/visibility";
import { requireUserWithPermission } from "~/utils/auth.server";
import { requireRubricVersion } from "~/utils/rubric-params.server";
import { BandsTable } from "./bands-table";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Level matrix · ${data.rubric.name} v${data.version} · Builder Ladder` : "Level matrix · Builder Ladder" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:rubric:any");
  const found = await requireRubricVersion(params);
  return {
    track: found.summary.track,
    version: found.summary.version,
    rubric: withoutPay(found.rubric),
    // Band figures leave the server only for roles allowed to see pay.
    bands: hasPermission(user.roles, "read:band:any") ? found.rubric.bands : null,
  };
}

export default function LevelMatrixPage() {
  const { track, version, rubric, bands } = useLoaderData<typeof loader>();
  const evidence = rubric.decision_rules.promotion_evidence;
  const levels = rubric.levels;

  return (
    <article className="page" aria-labelledby="matrix-title">
      <p className="breadcrumbs">
        <Link to="/rubrics">Rubrics</Link> / <Link to={`/rubrics/${track}/v${version}`}>{rubric.name} v{version}</Link> /
        Level matrix
      </p>
      <h1 id="matrix-title">
        Level matrix · {rubric.name} v{version}
      </h1>

      <section className="panel" aria-labelledby="levels-title">
        <h2 id="levels-title">Levels</h2>
        <TableScroll label="Levels table">
          <table className="matrix">
            <thead>
              <tr>
                <th scope="col">Level</th>
                <th scope="col">Title</th>
                <th scope="col">Impact</th>
              </tr>
            </thead>
            <tbody>
              {levels.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.id}</th>
                  <td>{l.title}</td>
                  <td>{l.impact}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section className="panel" aria-labelledby="bars-title">
        <h2 id="bars-title">Competency bars</h2>
        <p className="muted">
          The minimum score (mean rating on the {rubric.scale[0]!.value}–{rubric.scale.at(-1)!.value} scale) each level
          shows in each competency.
        </p>
        <TableScroll label="Competency bars table">
          <table className="matrix" aria-describedby="bars-title">
            <thead>
              <tr>
                <th scope="col">Competency</th>
                {LEVELS.map((level) => (
                  <th scope="col" key={level}>
                    {level}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rubric.competencies.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {c.name}
                    {c.bonus ? <span className="muted"> (bonus)</span> : null}
                  </th>
                  {levels.map((l) => (
                    <td key={l.id} className="num">
                      {l.bars[c.id] ?? "—"}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section className="panel" aria-labelledby="advancement-title">
        <h2 id="advancement-title">Advancement criteria</h2>
        <p className="muted">What each criterion asks at each level, and the evidence items a promotion packet to that level needs.</p>
        <TableScroll label="Advancement criteria table">
          <table className="matrix matrix-text">
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                {levels.map((l) => (
                  <th scope="col" key={l.id}>
                    {l.id}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rubric.advancement_criteria.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  {levels.map((l) => {
                    const needed = evidence[l.id]?.criteria[c.id];
                    return (
                      <td key={l.id}>
                        {l.advancement[c.id]}
                        {needed !== undefined ? (
                          <span className="evidence-need">
                            Promotion to {l.id}: {needed} evidence item{needed === 1 ? "" : "s"}
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      {bands ? <BandsTable bands={bands} /> : null}
    </article>
  );
}
