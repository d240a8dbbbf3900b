import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import type { EvidenceIndex } from "./evidence-index";
import { flagEvidenceHref, formatFigure, joinNames, plural, ratingEvidenceHref, signalsEvidenceHref } from "./format";
import type { CommitteeAggregate } from "~/views/committee-page";

type Props = { aggregate: CommitteeAggregate; index: EvidenceIndex };

/** Competencies whose ratings span the rubric's disagreement spread or more, and who gave which rating. */
export function Disagreements({ aggregate, index, spread }: Props & { spread: number }) {
  const disagreements = aggregate.competencies.filter((c) => c.disagreement);
  return (
    <section className="panel" aria-labelledby="disagreements-title" id="disagreements">
      <h2 id="disagreements-title">Disagreements</h2>
      <p className="muted small">
        Competencies whose ratings span {spread} or more scale steps (the rubric&rsquo;s disagreement spread).
      </p>
      {disagreements.length === 0 ? (
        <p>No disagreement: on every competency the ratings span fewer than {spread} steps.</p>
      ) : (
        <ul className="evidence-list">
          {disagreements.map((c) => (
            <li key={c.competencyId}>
              <h3 className="evidence-heading">
                {c.name}: ratings from {formatFigure(c.min)} to {formatFigure(c.max)} <span className="muted">(spread {formatFigure(c.spread)})</span>
              </h3>
              <ul className="plain">
                {[...c.ratings]
                  .sort((a, b) => a.rating - b.rating)
                  .map((r) => (
                    <li key={`${r.scorecardId}-${r.criterionId}`}>
                      <Link to={ratingEvidenceHref(r.scorecardId, r.criterionId)}>
                        <strong>{r.rating}</strong> from {index.interviewerName(r.scorecardId)}
                      </Link>{" "}
                      <span className="muted">
                        on {index.criterionName(r.criterionId, r.stageId)}, {index.stageName(r.stageId)}
                      </span>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Each competency short of the next level's bar, and by how much. */
export function NextLevelBlockers({ aggregate }: { aggregate: CommitteeAggregate }) {
  const next = aggregate.level.next;
  const title = next ? `What blocks ${next.level}` : "What blocks the next level";
  return (
    <section className="panel" aria-labelledby="next-level-title" id="next-level">
      <h2 id="next-level-title">{title}</h2>
      {!next ? (
        <p>{aggregate.level.supportedLevel} is the top of the ladder: there is no level above it.</p>
      ) : next.shortfalls.length === 0 ? (
        <p>Nothing: every {next.level} bar is met.</p>
      ) : (
        <>
          <p className="muted small">
            {aggregate.level.supportedLevel
              ? `The evidence supports ${aggregate.level.supportedLevel}. To support ${next.level}, each competency below must reach its bar.`
              : `The evidence supports no level. To support ${next.level}, each competency below must reach its bar.`}
          </p>
          <TableScroll label={`Shortfalls against the ${next.level} bars`}>
            <table className="committee-table">
              <caption className="visually-hidden">Competencies short of the {next.level} bar</caption>
              <thead>
                <tr>
                  <th scope="col">Competency</th>
                  <th scope="col" className="num">
                    {next.level} bar
                  </th>
                  <th scope="col" className="num">
                    Score
                  </th>
                  <th scope="col" className="num">
                    Short by
                  </th>
                </tr>
              </thead>
              <tbody>
                {next.shortfalls.map((s) => (
                  <tr key={s.competencyId}>
                    <th scope="row">{s.name}</th>
                    <td className="num">{formatFigure(s.bar)}</td>
                    <td className="num">{s.score === null ? <span className="muted">not enough evidence</span> : formatFigure(s.score)}</td>
                    <td className="num">{s.short === null ? <span className="muted">more ratings needed</span> : formatFigure(s.short)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

/** Red flags raised, with severity, corroboration and whether the rubric lets them block a hire. */
export function RedFlags({ aggregate, index }: Props) {
  const flags = aggregate.flags;
  return (
    <section className="panel" aria-labelledby="red-flags-title" id="red-flags">
      <h2 id="red-flags-title">Red flags</h2>
      {flags.length === 0 ? (
        <p>No red flag raised.</p>
      ) : (
        <ul className="evidence-list">
          {flags.map((f) => {
            const stages = joinNames(f.stages.map(index.stageName));
            return (
              <li key={f.flagId} className={f.blocks ? "flag flag-blocks" : "flag"}>
                <h3 className="evidence-heading">
                  {f.name} <span className={`badge badge-${f.severity}`}>{f.severity}</span>{" "}
                  <span className="muted">({f.category === "behavioural" ? "behavioural anti-pattern" : "interview red flag"})</span>
                </h3>
                <p>
                  Raised by {plural(f.independentInterviewers, "independent interviewer")} in {stages}.
                </p>
                <p>
                  {f.blockingRule ? (
                    f.blocks ? (
                      <strong className="blocks">
                        Blocks a hire: the rubric blocks at {plural(f.blockingRule.minInterviewers, "independent interviewer")}.
                      </strong>
                    ) : (
                      <>
                        Does not block yet: the rubric blocks a hire at {plural(f.blockingRule.minInterviewers, "independent interviewer")}.
                      </>
                    )
                  ) : (
                    <>Not a blocking flag in this rubric.</>
                  )}
                </p>
                <ul className="plain">
                  {f.raisedBy.map((r) => (
                    <li key={r.scorecardId}>
                      <Link to={flagEvidenceHref(r.scorecardId, f.flagId)}>
                        Raised by {index.interviewerName(r.scorecardId)}
                        <span className="visually-hidden">: {f.name}</span>
                      </Link>{" "}
                      <span className="muted">in {index.stageName(r.stageId)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Positive signals, who observed each, and their notes. */
export function PositiveSignals({ aggregate, index }: Props) {
  const signals = aggregate.signals;
  return (
    <section className="panel" aria-labelledby="signals-title" id="signals">
      <h2 id="signals-title">Positive signals</h2>
      {signals.length === 0 ? (
        <p>No positive signal recorded.</p>
      ) : (
        <ul className="evidence-list">
          {signals.map((s) => (
            <li key={s.signalId}>
              <h3 className="evidence-heading">
                {s.text} <span className="muted">({plural(s.observedBy.length, "observation")})</span>
              </h3>
              <ul className="plain">
                {s.observedBy.map((o) => {
                  const card = index.scorecard(o.scorecardId);
                  return (
                    <li key={o.scorecardId}>
                      <Link to={signalsEvidenceHref(o.scorecardId)}>
                        {index.interviewerName(o.scorecardId)}
                        <span className="visually-hidden">&rsquo;s signals</span>
                      </Link>
                      {card ? <span className="muted"> ({card.stageName})</span> : null}
                      {o.note ? <>: {o.note}</> : <span className="muted">: no note</span>}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
