// The writes a trial streams at the server until it is killed, and the record of every one the server acknowledged, with the exact values written.
import { emptyContent, RECOMMENDATIONS, type ScorecardContent } from "~/domain/scorecard/content";
import { parseJson, send } from "./http";
import type { Fixture } from "./setup";

export type Ack =
  | { kind: "draft"; scorecardId: string; version: number; content: ScorecardContent }
  | { kind: "submit"; interviewId: string; interviewerId: string; content: ScorecardContent }
  | { kind: "decision"; loopId: string; outcome: "hire" | "no_hire"; level: string | null; baseSalary: number | null; rationale: string }
  | { kind: "candidate"; candidateId: string; name: string; email: string };

/** A draft save that was sent: it may have been applied even if its answer never came. */
export type DraftAttempt = { scorecardId: string; basedOn: number; content: ScorecardContent };

/** `cutOff`: requests sent whose answer the kill cut off (they may or may not have been applied). */
export type StreamRecord = { acks: Ack[]; draftAttempts: DraftAttempt[]; refused: number; cutOff: number; unexpected: string[] };

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)]!;
const pause = () => new Promise((r) => setTimeout(r, Math.random() * 15));

/** A whole scorecard with ratings, evidence and take-aways unique to this write. */
function content(fixture: Fixture, tag: string, complete: boolean): ScorecardContent {
  const c = emptyContent(fixture.stage);
  const scale = fixture.stage.scale.map((p) => p.value);
  for (const r of c.ratings) {
    r.rating = complete || Math.random() < 0.7 ? pick(scale) : null;
    r.evidence = `${tag}: evidence for ${r.criterionId}.`;
  }
  c.signals[0]!.observed = true;
  c.signals[0]!.note = `${tag}: noted.`;
  c.recommendation = complete || Math.random() < 0.5 ? pick(RECOMMENDATIONS) : null;
  c.takeaways = `${tag}: take-aways.`;
  return c;
}

/** A server that has just started answers its first page of each kind slowly: one of each first, unrecorded. */
export async function warmUp(base: string, fixture: Fixture): Promise<void> {
  const submitter = fixture.submitters[0]!;
  await Promise.all([
    send(base, `/loops/${fixture.decisionLoops[0]}/committee`, fixture.committee),
    send(base, "/candidates/new", fixture.recruiter),
    send(base, `/interviews/${submitter.interviewIds[0]}/scorecard`, submitter.cookie),
  ]);
}

/**
 * Runs every stream at once until `stopped()` turns true (the server is killed then), each
 * recording what the server acknowledged: draft saves (several tabs on some drafts, so some are
 * refused as stale), scorecard submissions, hiring decisions and new candidates.
 */
export async function runStreams(base: string, fixture: Fixture, trial: number, stopped: () => boolean): Promise<StreamRecord> {
  const record: StreamRecord = { acks: [], draftAttempts: [], refused: 0, cutOff: 0, unexpected: [] };
  const unexpected = (what: string) => {
    if (!stopped()) record.unexpected.push(what);
  };
  /** One request; a failure after the kill is expected and ends the stream. */
  const attempt = async <T>(run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run();
    } catch (error) {
      if (stopped()) record.cutOff++;
      else unexpected(`request failed before the kill: ${(error as Error).message}`);
      return null;
    }
  };

  // One tab per draft, and a second tab on the first: their saves on one version race.
  const draftTab = async (draft: Fixture["drafts"][number], tab: string) => {
    let version = 0;
    for (let n = 0; !stopped(); n++) {
      const written = content(fixture, `trial ${trial} ${tab} save ${n}`, false);
      record.draftAttempts.push({ scorecardId: draft.scorecardId, basedOn: version, content: written });
      const answer = await attempt(() => send(base, `/scorecards/${draft.scorecardId}/draft`, draft.cookie, { json: { version, content: written } }));
      if (!answer) break;
      const body = parseJson(answer.text);
      if (answer.status === 200 && body?.ok === true && typeof body.version === "number") {
        record.acks.push({ kind: "draft", scorecardId: draft.scorecardId, version: body.version, content: written });
        version = body.version;
      } else if (answer.status === 409 && body?.reason === "stale") {
        record.refused++;
        version = (body.current as { version: number }).version; // "Keep my version" next time
      } else {
        unexpected(`draft save answered ${answer.status}`);
      }
      await pause();
    }
  };

  const submitter = async (who: Fixture["submitters"][number]) => {
    for (const interviewId of who.interviewIds) {
      if (stopped()) break;
      const written = content(fixture, `trial ${trial} submit ${interviewId}/${who.userId}`, true);
      const answer = await attempt(() => send(base, `/interviews/${interviewId}/scorecard`, who.cookie, { json: { intent: "submit", version: 0, content: written } }));
      if (!answer) break;
      if (answer.status === 302) record.acks.push({ kind: "submit", interviewId, interviewerId: who.userId, content: written });
      else unexpected(`submit answered ${answer.status}`);
      await pause();
    }
  };

  const committee = async (loops: string[]) => {
    for (const loopId of loops) {
      if (stopped()) break;
      const hire = Math.random() < 0.6;
      const decision = {
        outcome: hire ? ("hire" as const) : ("no_hire" as const),
        level: hire ? pick(["L4", "L5", "L6"]) : null,
        baseSalary: hire ? 150_000 + Math.floor(Math.random() * 200) * 1000 : null,
        rationale: `trial ${trial}: the committee's rationale for ${loopId}.`,
      };
      // The trial's loops have one stage of three, so every decision is taken before the loop is
      // complete (and a hire may go against the recommendation): confirmed and justified, as the form asks.
      const form: Record<string, string | string[]> = {
        outcome: decision.outcome,
        rationale: decision.rationale,
        confirmedOverrides: ["incomplete_loop", "against_recommendation"],
        overrideJustification: "Decided during the durability trial.",
      };
      if (hire) Object.assign(form, { level: decision.level, baseSalary: String(decision.baseSalary), bandJustification: "Written for the durability trial." });
      // As the page's fetcher posts it: the action's own answer (Remix single fetch), no page render.
      const answer = await attempt(() => send(base, `/loops/${loopId}/committee.data`, fixture.committee, { form }));
      if (!answer) break;
      if (answer.status === 200 && answer.text.includes('"ok",true')) record.acks.push({ kind: "decision", loopId, ...decision });
      else unexpected(`decision answered ${answer.status}`);
      await pause();
    }
  };

  const recruiter = async (desk: number) => {
    for (let n = 0; !stopped(); n++) {
      const name = `Trial ${trial} Candidate ${desk}.${n}`;
      const email = `trial${trial}.candidate${desk}.${n}@mail.example`;
      const answer = await attempt(() => send(base, "/candidates/new", fixture.recruiter, { form: { name, email, source: "founder", targetLevel: "L6" } }));
      if (!answer) break;
      const candidateId = /^\/candidates\/([^/?]+)$/.exec(answer.location ?? "")?.[1];
      if (answer.status === 302 && candidateId) record.acks.push({ kind: "candidate", candidateId, name, email });
      else unexpected(`candidate answered ${answer.status}`);
      await pause();
    }
  };

  await Promise.all([
    ...fixture.drafts.map((d, i) => draftTab(d, `draft ${i} tab A`)),
    draftTab(fixture.drafts[0]!, "draft 0 tab B"),
    ...fixture.submitters.map(submitter),
    // Two committee members' worth of decisions (one session), two recruiters' worth of candidates.
    committee(fixture.decisionLoops.filter((_, i) => i % 2 === 0)),
    committee(fixture.decisionLoops.filter((_, i) => i % 2 === 1)),
    recruiter(1),
    recruiter(2),
  ]);
  return record;
}
