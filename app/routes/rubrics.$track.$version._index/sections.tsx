import { TableScroll } from "~/components/table-scroll";
import type { ProjectProcess } from "~/domain/rubric/schema";
import type { RubricWithoutPay } from "~/domain/rubric/visibility";

const SEVERITY_LABEL = { blocker: "Blocker", major: "Major", minor: "Minor" } as const;
const CATEGORY_LABEL = { behavioural: "Behavioural anti-pattern", interview: "Interview red flag" } as const;

/** The whole content of one rubric version (without pay), as a readable document. */
export function RubricSections({ rubric, levelsHref }: { rubric: RubricWithoutPay; levelsHref: string }) {
  const competencyName = (id: string) => rubric.competencies.find((c) => c.id === id)?.name ?? id;
  const flagName = (id: string) => rubric.red_flags.find((f) => f.id === id)?.name ?? id;
  const rules = rubric.decision_rules;

  return (
    <>
      <nav aria-label="Sections" className="toc">
        <ul>
          <li><a href="#overview">Overview</a></li>
          <li><a href="#scale">Rating scale</a></li>
          <li><a href="#competencies">Competencies</a></li>
          <li><a href="#stages">Interview stages</a></li>
          <li><a href="#signals">Signals and characteristics</a></li>
          <li><a href="#red-flags">Red flags</a></li>
          <li><a href="#decision-rules">Decision rules</a></li>
          {rubric.project_process ? <li><a href="#project-process">Project process</a></li> : null}
        </ul>
      </nav>

      <section id="overview" aria-labelledby="overview-title" className="panel">
        <h2 id="overview-title">Overview</h2>
        <p>{rubric.summary}</p>
        {rubric.also_known_as.length > 0 ? (
          <p>
            <strong>Also known as:</strong> {rubric.also_known_as.join(", ")}
          </p>
        ) : null}
        {rubric.changelog.length > 0 ? (
          <>
            <h3>What changed in this version</h3>
            <ul>
              {rubric.changelog.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section id="scale" aria-labelledby="scale-title" className="panel">
        <h2 id="scale-title">Rating scale</h2>
        <TableScroll label="Rating scale table">
          <table>
            <thead>
              <tr>
                <th scope="col">Rating</th>
                <th scope="col">Label</th>
                <th scope="col">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {rubric.scale.map((p) => (
                <tr key={p.value}>
                  <td>{p.value}</td>
                  <th scope="row">{p.label}</th>
                  <td>{p.meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section id="competencies" aria-labelledby="competencies-title">
        <h2 id="competencies-title">Competencies</h2>
        <div className="stack">
          {rubric.competencies.map((c) => (
            <section key={c.id} className="panel" aria-labelledby={`competency-${c.id}`}>
              <h3 id={`competency-${c.id}`}>
                {c.name} {c.bonus ? <span className="badge badge-previous">Bonus</span> : null}
              </h3>
              <p>{c.description}</p>
              <dl className="anchors">
                {rubric.scale.map((p) => (
                  <div key={p.value} className="anchor">
                    <dt>
                      {p.value} · {p.label}
                    </dt>
                    <dd>{c.anchors[String(p.value)]}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </section>

      <section id="stages" aria-labelledby="stages-title">
        <h2 id="stages-title">Interview stages</h2>
        <div className="stack">
          {rubric.stages.map((stage) => (
            <section key={stage.id} className="panel" aria-labelledby={`stage-${stage.id}`}>
              <h3 id={`stage-${stage.id}`}>{stage.name}</h3>
              <p className="muted">
                Needs {rules.scorecards_per_stage[stage.id]} submitted scorecard
                {rules.scorecards_per_stage[stage.id] === 1 ? "" : "s"}.
              </p>
              <h4>Focus areas</h4>
              <ul>
                {stage.focus_areas.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
              <h4>Criteria</h4>
              <TableScroll label={`${stage.name} criteria`}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Criterion</th>
                      <th scope="col">Evidences</th>
                      <th scope="col">Prompts for the interviewer</th>
                    </tr>
                  </thead>
                  <tbody>
                    {stage.criteria.map((criterion) => (
                      <tr key={criterion.id}>
                        <th scope="row">{criterion.name}</th>
                        <td>{competencyName(criterion.competency)}</td>
                        <td>
                          <ul className="plain">
                            {criterion.prompts.map((p) => (
                              <li key={p}>{p}</li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          ))}
        </div>
      </section>

      <section id="signals" aria-labelledby="signals-title" className="panel">
        <h2 id="signals-title">Signals and characteristics</h2>
        <h3>Positive interview signals</h3>
        <ul>
          {rubric.signals.map((s) => (
            <li key={s.id}>{s.text}</li>
          ))}
        </ul>
        <h3>Behavioural characteristics</h3>
        <dl className="facts">
          {rubric.characteristics.map((c) => (
            <div key={c.id} className="fact-row">
              <dt>{c.name}</dt>
              <dd>{c.description}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section id="red-flags" aria-labelledby="red-flags-title" className="panel">
        <h2 id="red-flags-title">Red flags</h2>
        <TableScroll label="Red flags table">
          <table>
            <thead>
              <tr>
                <th scope="col">Red flag</th>
                <th scope="col">Severity</th>
                <th scope="col">Category</th>
                <th scope="col">What it looks like</th>
              </tr>
            </thead>
            <tbody>
              {rubric.red_flags.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{f.name}</th>
                  <td>
                    <span className={`badge badge-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>
                  </td>
                  <td>{CATEGORY_LABEL[f.category]}</td>
                  <td>{f.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section id="decision-rules" aria-labelledby="rules-title" className="panel">
        <h2 id="rules-title">Decision rules</h2>
        <ul>
          <li>
            A scorecard is due {rules.scorecard_due_hours} hours after its interview. Ratings of{" "}
            {rules.evidence_required_for_ratings.join(" and ")} need written evidence.
          </li>
          <li>
            A competency needs at least {rules.min_ratings_per_competency} ratings; with fewer there is not enough evidence.
            Ratings that span {rules.disagreement_spread} or more scale steps are flagged as a disagreement.
          </li>
          {rules.blocking_red_flags.map((b) => (
            <li key={b.flag}>
              <strong>{flagName(b.flag)}</strong> raised by {b.min_interviewers} or more independent interviewers means no
              hire, whatever the ratings.
            </li>
          ))}
          <li>
            Strong hire needs every competency at least {rules.recommendation.strong_hire_margin} above the supported
            level&rsquo;s bar and at most {rules.recommendation.strong_hire_max_major_flags} major red flag(s); hire allows
            at most {rules.recommendation.hire_max_major_flags}.
          </li>
          <li>
            The suggested base rises through the band with the margin above the level&rsquo;s bars, reaching the top of the
            band at a margin of {rules.band_placement.margin_for_max}.
          </li>
          <li>A promotion raises base pay by at least {rules.promotion_pay.min_raise_percent}%.</li>
        </ul>
        <p>
          The evidence a promotion packet needs at each level is on the <a href={levelsHref}>level matrix</a>.
        </p>
      </section>

      {rubric.project_process ? <ProjectProcessSection process={rubric.project_process} /> : null}
    </>
  );
}

const SATELLITE_APPROVER_TEXT = {
  team_lead: "the approver must be the lead of the team the project is embedded in",
  anyone: "the builder may name anyone other than themselves as the approver",
} as const;

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
const everyDays = (n: number) => (n === 1 ? "every day" : `every ${n} days`);

/** How builders run projects under this version (the project log). Versions without one show nothing. */
function ProjectProcessSection({ process }: { process: ProjectProcess }) {
  const { prd, founder_mode: founder } = process;
  return (
    <section id="project-process" aria-labelledby="project-process-title" className="panel">
      <h2 id="project-process-title">Project process</h2>
      <h3>PRD</h3>
      <p>
        A PRD can be submitted only when it has a heading for each of these sections. It goes to one named approver, never
        its own builder; for a team satellite, {SATELLITE_APPROVER_TEXT[prd.satellite_approver]}.
      </p>
      <dl className="facts">
        {prd.required_sections.map((section) => (
          <div key={section.id} className="fact-row">
            <dt>{section.heading}</dt>
            <dd>{section.guidance}</dd>
          </div>
        ))}
      </dl>
      <h3>From PRD to review</h3>
      <ul>
        <li>
          A project needs at least {process.min_success_metrics} success metric{process.min_success_metrics === 1 ? "" : "s"} before
          its PRD is submitted and before it launches.
        </li>
        <li>The milestone checkpoint is due {days(process.checkpoint_after_days)} after launch.</li>
        <li>
          Once the checkpoint is recorded, the project is reviewed {everyDays(process.quarterly_review_every_days)} until it is
          closed.
        </li>
        <li>
          {founder.decision_date_required
            ? "A team-founder project must name the date by which it meets its success or is deprecated"
            : "A team-founder project may name the date by which it meets its success or is deprecated"}
          ; that date can be at most {days(founder.max_decision_days)} away.
        </li>
        <li>Builders demo their work {everyDays(process.demos.cadence_days)}.</li>
      </ul>
    </section>
  );
}
