import { prisma } from "~/data/db.server";
import { addInterview, createLoop } from "~/data/loops.server";
import { syncRubricFiles } from "~/data/rubrics.server";
import type { ScorecardContent } from "~/domain/scorecard/content";
import { createUser } from "./users";
import { actorOf } from "./actor";

let published = false;
export async function publishShippedRubrics() {
  if (published) return;
  await syncRubricFiles(new Date());
  published = true;
}

/** A candidate with a builder loop (current version) and one interview per stage given. */
export async function loopWithInterviews(stages: Array<{ stageId: string; interviewerIds: string[]; startsAt?: Date }>) {
  await publishShippedRubrics();
  const recruiter = await createUser(["recruiter"]);
  const candidate = await prisma.candidate.create({
    data: { name: `Candidate ${Math.floor(performance.now() * 1000)}`, email: "c@test.example", source: "founder", targetLevel: "L5" },
  });
  const now = new Date();
  const loopId = await createLoop({ candidateId: candidate.id, track: "builder", targetLevel: "L5", actor: actorOf(recruiter), now });
  const interviewIds: string[] = [];
  for (const s of stages) {
    interviewIds.push(
      await addInterview({
        loopId,
        stageId: s.stageId,
        startsAt: s.startsAt ?? new Date(now.getTime() - 2 * 3600_000),
        durationMinutes: 60,
        interviewerIds: s.interviewerIds,
        actor: actorOf(recruiter),
        now,
      }),
    );
  }
  return { loopId, interviewIds, candidate, recruiter };
}

const STAGE_2 = ["live_build", "system_design", "product_considerations", "debugging_and_review"];
const SIGNALS = ["business_terms", "minimal_resources", "cross_discipline_learning", "strong_opinions_loosely_held", "asks_about_impact"];
const FLAGS = ["perfectionist", "siloed_thinking", "over_engineer", "poor_communicator", "inflexible", "defiant", "lack_of_customer_empathy", "poor_communication_skills", "cannot_prioritise"];

/** A complete, valid Stage 2 scorecard for builder v2, with ratings as given. */
export function stage2Content(ratings: number[] = [3, 3, 3, 3], overrides: Partial<ScorecardContent> = {}): ScorecardContent {
  return {
    ratings: STAGE_2.map((criterionId, i) => ({ criterionId, rating: ratings[i]!, evidence: `Evidence for ${criterionId}: specific observations.` })),
    signals: SIGNALS.map((signalId, i) => ({ signalId, observed: i === 0, note: i === 0 ? "Tied the cache to churn." : "" })),
    redFlags: FLAGS.map((flagId) => ({ flagId, raised: false, evidence: "" })),
    recommendation: "yes",
    takeaways: "Solid builder; ships and explains trade-offs.",
    ...overrides,
  };
}
