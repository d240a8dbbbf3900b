import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { recordRead } from "~/data/audit.server";
import { listDecisions, recordDecision, submittedScorecards } from "~/data/committee.server";
import { interviewStates } from "~/data/loops.server";
import { panelLeniency } from "~/data/panel-leniency.server";
import { loopRatings } from "~/data/rater-quality.server";
import { aggregateLoop } from "~/domain/aggregation";
import { canDecideHire, committeeAudience, competencyChart } from "~/domain/committee";
import { owesScorecardsOnLoop } from "~/domain/scorecard/visibility";
import { currentDecision, decisionSchema } from "~/domain/decision";
import { overridesFor, type DecisionSituation } from "~/domain/decision-overrides";
import { isLevel, type Level } from "~/domain/levels";
import { loopProgress } from "~/domain/loop";
import { loopAgreement } from "~/domain/rater-quality";
import { formError, formSaved, parseForm, readFormData } from "~/utils/forms.server";
import { auditActor } from "~/utils/audit.server";
import { requireLoopAccess } from "~/utils/loop-access.server";
import styles from "~/styles/committee.css?url";
import { CommitteePage } from "./committee-page";
import { refusingErased } from "~/utils/refusals.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Committee review · ${data.loop.candidate.name} · Builder Ladder` : "Committee review · Builder Ladder" },
];

/** Where the loop stands for a decision: stages complete and the aggregate's recommendation. */
function situationOf(stages: ReadonlyArray<{ status: string }>, recommendation: DecisionSituation["recommendation"]): DecisionSituation {
  return { stagesComplete: stages.filter((s) => s.status === "complete").length, stagesTotal: stages.length, recommendation };
}

async function loadAccess(request: Request, loopId: string | undefined) {
  const access = await requireLoopAccess(request, loopId);
  const audience = committeeAudience(access.user, access.onLoop);
  if (!audience) throw data({ message: "You can read this loop's review after you have submitted all your scorecards on it." }, { status: 403 });
  return { ...access, audience };
}

/**
 * The committee page of a loop. What leaves the server depends on the audience
 * (domain/committee.ts): recruiters get completion only; interviewers who have submitted get
 * the evidence without pay; committee members and admins get everything and decide.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, loop, audience, onLoop } = await loadAccess(request, params.loopId);
  const now = new Date();
  // One read of the loop's review per page shown; `pay` when the band and offers were in it.
  const read = (pay: boolean) =>
    recordRead(auditActor(user, context), { action: "committee.read", recordType: "committee", recordId: loop.id, candidateId: loop.candidate.id, detail: { loopId: loop.id, audience, pay } }, now);
  const rubric = loop.rubric;
  const progress = loopProgress(rubric.stages, rubric.decision_rules.scorecards_per_stage, interviewStates(loop), now);
  const decisions = await listDecisions([loop.id]);
  const current = currentDecision(decisions);
  const stageName = (id: string) => rubric.stages.find((s) => s.id === id)?.name ?? id;

  const base = {
    audience,
    owesScorecards: owesScorecardsOnLoop(onLoop),
    loop: {
      id: loop.id,
      candidate: { id: loop.candidate.id, name: loop.candidate.name },
      targetLevel: loop.targetLevel,
      rubricVersion: loop.rubricVersion,
      createdAt: loop.createdAt,
    },
    stages: progress.stages.map((s) => ({ ...s, name: stageName(s.stageId) })),
    complete: progress.complete,
    decision: current ? { outcome: current.outcome, level: current.level, decidedByName: current.decidedByName, decidedAt: current.decidedAt } : null,
  };
  if (audience === "recruiter") {
    await read(false);
    return { ...base, evidence: null, pay: null };
  }

  const targetLevel: Level = isLevel(loop.targetLevel) ? loop.targetLevel : "L4";
  const scorecards = await submittedScorecards(loop.id);
  const aggregate = aggregateLoop(rubric, targetLevel, scorecards);
  const interviewerIds = [...new Set(scorecards.map((s) => s.interviewerId))];
  const [ratings, leniency] = await Promise.all([loopRatings(loop.id), panelLeniency(interviewerIds)]);
  const { band, ...withoutBand } = aggregate;

  const evidence = {
    aggregate: withoutBand,
    rules: {
      disagreementSpread: rubric.decision_rules.disagreement_spread,
      minRatings: rubric.decision_rules.min_ratings_per_competency,
    },
    chart: competencyChart(rubric, aggregate),
    scorecards: scorecards
      .map((s) => ({ id: s.id, interviewerId: s.interviewerId, interviewerName: s.interviewerName, stageId: s.stageId, stageName: stageName(s.stageId), recommendation: s.recommendation, submittedAt: s.submittedAt, interviewerRemoved: s.interviewerRemoved }))
      .sort((a, b) => rubric.stages.findIndex((x) => x.id === a.stageId) - rubric.stages.findIndex((x) => x.id === b.stageId) || a.interviewerName.localeCompare(b.interviewerName)),
    criteria: rubric.stages.flatMap((s) => s.criteria.map((c) => ({ id: c.id, name: c.name, competencyId: c.competency, stageId: s.id }))),
    agreement: loopAgreement(ratings),
    leniency,
    decisions: decisions.map(({ baseSalary: _b, bandJustification: _j, currency: _c, ...d }) => d),
  };
  if (audience === "panel") {
    await read(false);
    return { ...base, evidence, pay: null };
  }

  await read(true);
  return {
    ...base,
    evidence,
    pay: {
      band,
      bands: rubric.bands,
      decisions,
      currentDecisionId: current?.id ?? null,
      canDecide: canDecideHire(user, onLoop),
      situation: situationOf(progress.stages, aggregate.recommendation.value),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, loop, onLoop } = await loadAccess(request, params.loopId);
  if (!canDecideHire(user, onLoop)) {
    const message = owesScorecardsOnLoop(onLoop)
      ? "You interview on this loop: submit your scorecards before you take part in its decision."
      : "Only hiring committee members and admins record decisions.";
    throw data({ message }, { status: 403 });
  }
  // The overrides are checked against the loop as it is now, not as the page saw it.
  const now = new Date();
  const rubric = loop.rubric;
  const progress = loopProgress(rubric.stages, rubric.decision_rules.scorecards_per_stage, interviewStates(loop), now);
  const aggregate = aggregateLoop(rubric, isLevel(loop.targetLevel) ? loop.targetLevel : "L4", await submittedScorecards(loop.id));
  const situation = situationOf(progress.stages, aggregate.recommendation.value);
  const parsed = parseForm(decisionSchema(rubric.bands, situation), await readFormData(request));
  // The fresh situation goes back with the errors, so the form asks for what applies now.
  if (!parsed.success) return data({ ok: false as const, ...parsed.failure, situation }, { status: 400 });
  const { confirmedOverrides: _confirmed, overrideJustification, ...decision } = parsed.data;
  const overrides = overridesFor(decision.outcome, situation);
  const recorded = await refusingErased(() =>
    recordDecision({ ...decision, overrides, overrideJustification, loopId: loop.id, currency: rubric.bands.currency, actor: auditActor(user, context), now }),
  );
  if (!recorded.ok) return formError(recorded.refusal, { status: 409 });
  return formSaved();
}

export default function CommitteeRoute() {
  return <CommitteePage data={useLoaderData<typeof loader>()} />;
}
