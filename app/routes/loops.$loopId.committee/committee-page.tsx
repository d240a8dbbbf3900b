import { Link } from "@remix-run/react";
import { CompetencyChart } from "~/components/committee/competency-chart";
import { DecisionForm } from "~/components/committee/decision-form";
import { DecisionHistory } from "~/components/committee/decision-history";
import { evidenceIndex } from "~/components/committee/evidence-index";
import { Disagreements, NextLevelBlockers, PositiveSignals, RedFlags } from "~/components/committee/evidence-sections";
import { RaterAgreement } from "~/components/committee/rater-agreement";
import { StageCompletion } from "~/components/committee/stage-completion";
import { CommitteeSummary, CurrentDecisionLine } from "~/components/committee/summary";
import { WhoSaidWhat } from "~/components/committee/who-said-what";
import { LocalTime } from "~/components/local-time";
import type { CommitteeEvidence, CommitteePageView } from "~/views/committee-page";

const AUDIENCE_NOTES = {
  committee: null,
  panel: "You see the panel's evidence because you have submitted all your scorecards on this loop. Pay and the decision form are for the hiring committee.",
  recruiter: "Ratings, evidence and pay are for the hiring committee and the panel: you see the loop's completion and the decision.",
} as const;

/**
 * The committee review of a loop. What it shows depends on the audience (views/committee-page.ts):
 * committee members see everything and decide; the panel sees the evidence without pay;
 * recruiters see stage completion and the decision's outcome.
 */
export function CommitteePage({ data }: { data: CommitteePageView }) {
  const { loop, evidence, pay } = data;
  const note = data.owesScorecards
    ? "You interview on this loop: its ratings, evidence, pay and decision open to you once you have submitted all your scorecards here, so that your ratings stay independent."
    : AUDIENCE_NOTES[data.audience];
  const sections = [
    ...(evidence
      ? [
          ["summary-title", "Summary"],
          ["competencies-title", "Competencies"],
          ["disagreements-title", "Disagreements"],
          ["next-level-title", "Next level"],
          ["red-flags-title", "Red flags"],
          ["signals-title", "Positive signals"],
        ]
      : []),
    ["completion-title", "Stage completion"],
    ...(evidence
      ? [
          ["who-said-what-title", "Who said what"],
          ["agreement-title", "Rater agreement"],
        ]
      : []),
    ["decision-title", "Decision"],
  ] as const;

  return (
    <article className="page committee-page" aria-labelledby="committee-title">
      <p className="breadcrumbs">
        {data.audience === "panel" ? (
          <>
            <Link to={`/loops/${loop.id}`}>Loop: {loop.candidate.name}</Link> / Committee review
          </>
        ) : (
          <>
            <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${loop.candidate.id}`}>{loop.candidate.name}</Link> /{" "}
            <Link to={`/loops/${loop.id}`}>Loop</Link> / Committee review
          </>
        )}
      </p>
      <header className="page-header">
        <h1 id="committee-title">Committee review: {loop.candidate.name}</h1>
        <p>
          Target level {loop.targetLevel} · rubric{" "}
          <Link to={`/rubrics/${loop.rubricVersion.track}/v${loop.rubricVersion.version}`}>
            {loop.rubricVersion.name} v{loop.rubricVersion.version}
          </Link>{" "}
          · loop opened <LocalTime value={loop.createdAt} /> ·{" "}
          {data.complete ? <span className="badge badge-current">All stages complete</span> : <span className="badge badge-previous">In progress</span>}
        </p>
        {note ? <p className="notice">{note}</p> : null}
        {evidence ? (
          <nav aria-label="On this page" className="committee-toc">
            <ul>
              {sections.map(([id, label]) => (
                <li key={id}>
                  <a href={`#${id}`}>{label}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>

      {evidence ? <EvidenceSections data={data} evidence={evidence} /> : <StageCompletion stages={data.stages} complete={data.complete} />}

      <section className="panel" aria-labelledby="decision-title" id="decision">
        <h2 id="decision-title">Decision</h2>
        {evidence ? null : <CurrentDecisionLine decision={data.decision} pay={pay} />}
        {pay?.canDecide ? (
          <DecisionForm
            bands={pay.bands}
            supportedLevel={evidence?.aggregate.level.supportedLevel ?? null}
            suggestedBase={pay.band?.suggestedBase ?? null}
            currentDecisionId={pay.currentDecisionId}
            current={pay.decisions.find((d) => d.id === pay.currentDecisionId) ?? null}
            situation={pay.situation}
          />
        ) : null}
        {evidence ? (
          <>
            <h3 id="decision-history-title">History</h3>
            <DecisionHistory
              entries={pay ? pay.decisions : evidence.decisions}
              currentId={pay ? pay.currentDecisionId : currentOf(evidence.decisions)}
              showPay={pay !== null}
            />
          </>
        ) : null}
      </section>
    </article>
  );
}

/** The entry no other entry corrects (the panel's history carries no pointer to it). */
function currentOf(entries: ReadonlyArray<{ id: string; correctsId: string | null }>): string | null {
  const corrected = new Set(entries.map((e) => e.correctsId));
  return entries.filter((e) => !corrected.has(e.id)).at(-1)?.id ?? null;
}

function EvidenceSections({ data, evidence }: { data: CommitteePageView; evidence: CommitteeEvidence }) {
  const index = evidenceIndex(evidence, data.stages);
  const aggregate = evidence.aggregate;
  return (
    <>
      <CommitteeSummary aggregate={aggregate} data={data} />
      <CompetencyChart evidence={evidence} aggregate={aggregate} index={index} />
      <div className="panels">
        <Disagreements aggregate={aggregate} index={index} spread={evidence.rules.disagreementSpread} />
        <NextLevelBlockers aggregate={aggregate} />
      </div>
      <div className="panels">
        <RedFlags aggregate={aggregate} index={index} />
        <PositiveSignals aggregate={aggregate} index={index} />
      </div>
      <StageCompletion stages={data.stages} complete={data.complete} />
      <WhoSaidWhat evidence={evidence} aggregate={aggregate} stages={data.stages} index={index} />
      <RaterAgreement agreement={evidence.agreement} />
    </>
  );
}
