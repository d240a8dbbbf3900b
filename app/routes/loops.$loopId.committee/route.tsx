import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { recordRead } from "~/data/audit.server";
import { readCommitteePage } from "~/data/committee-page.server";
import { recordDecision, submittedScorecards } from "~/data/committee.server";
import { interviewStates } from "~/data/loops.server";
import { canDecideHire, committeeAudience } from "~/domain/committee";
import { owesScorecardsOnLoop } from "~/domain/scorecard/visibility";
import { decisionSchema } from "~/domain/decision";
import { overridesFor } from "~/domain/decision-overrides";
import { formSaved, parseForm, readFormData } from "~/utils/forms.server";
import { auditActor } from "~/utils/audit.server";
import { requireLoopAccess } from "~/utils/loop-access.server";
import { committeePageView, decisionSituation } from "~/views/committee-page";
import styles from "~/styles/committee.css?url";
import { CommitteePage } from "./committee-page";
import { refusalResponse, refusing } from "~/utils/refusals.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Committee review · ${data.loop.candidate.name} · Builder Ladder` : "Committee review · Builder Ladder" },
];

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
  const records = await readCommitteePage(loop, audience);
  const page = committeePageView(records, { audience, owesScorecards: owesScorecardsOnLoop(onLoop), canDecide: canDecideHire(user, onLoop), now });
  // One read of the loop's review per page shown; `pay` when the band and offers were in it.
  const detail = { loopId: loop.id, audience, pay: page.pay !== null };
  await recordRead(auditActor(user, context), { action: "committee.read", recordType: "committee", recordId: loop.id, candidateId: loop.candidate.id, detail }, now);
  return page;
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
  const situation = decisionSituation({ rubric, targetLevel: loop.targetLevel, interviews: interviewStates(loop) }, await submittedScorecards(loop.id), now);
  const parsed = parseForm(decisionSchema(rubric.bands, situation), await readFormData(request));
  // The fresh situation goes back with the errors, so the form asks for what applies now.
  if (!parsed.success) return data({ ok: false as const, ...parsed.failure, situation }, { status: 400 });
  const { confirmedOverrides: _confirmed, overrideJustification, ...decision } = parsed.data;
  const overrides = overridesFor(decision.outcome, situation);
  const recorded = await refusing(() =>
    recordDecision({ ...decision, overrides, overrideJustification, loopId: loop.id, currency: rubric.bands.currency, actor: auditActor(user, context), now }),
  );
  if (!recorded.ok) return refusalResponse(recorded);
  return formSaved();
}

export default function CommitteeRoute() {
  return <CommitteePage data={useLoaderData<typeof loader>()} />;
}
