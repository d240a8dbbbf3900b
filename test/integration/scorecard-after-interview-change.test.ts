/**
 * The data layer holds the line the pages draw: once an interview is cancelled, or its author
 * taken off it, a draft save or a submission that passed the page's checks just before is refused
 * (`locked`) and writes nothing, whichever of the two commits first.
 */
import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { changeInterview } from "~/data/interview-changes.server";
import { findLoop } from "~/data/loops.server";
import { openScorecard, saveDraft, submitScorecard } from "~/data/scorecards.server";
import { emptyContent, stageRubric } from "~/domain/scorecard/content";
import type { SubmittedContent } from "~/domain/scorecard/schema";
import { actorOf } from "../helpers/actor";
import { loopWithInterviews } from "../helpers/loops";
import { createUser } from "../helpers/users";

async function openDraft() {
  const ada = await createUser(["interviewer"], { name: "Ada" });
  const bo = await createUser(["interviewer"], { name: "Bo" });
  const { loopId, interviewIds, recruiter } = await loopWithInterviews([{ stageId: "initial_screen", interviewerIds: [ada.id, bo.id] }]);
  const interviewId = interviewIds[0]!;
  const now = new Date();
  const card = await openScorecard({ id: interviewId, loopId, stageId: "initial_screen" }, ada.id, actorOf(ada.id), now);
  const rubric = (await findLoop(loopId))!.rubric;
  const stage = stageRubric(rubric, "initial_screen")!;
  const content = emptyContent(stage);
  const full = {
    ...content,
    ratings: content.ratings.map((r) => ({ ...r, rating: 3, evidence: "Shipped a thing end to end." })),
    recommendation: "yes",
    takeaways: "Solid.",
  } as SubmittedContent;
  const criteria = rubric.stages.find((st) => st.id === "initial_screen")!.criteria;
  const competencyOf = (id: string) => criteria.find((c) => c.id === id)!.competency;
  return { ada, bo, recruiter, interviewId, card, content, full, competencyOf, now };
}

const rowsOf = async (scorecardId: string) => ({
  card: await prisma.scorecard.findUniqueOrThrow({ where: { id: scorecardId }, select: { status: true, draftVersion: true, draft: true } }),
  ratings: await prisma.criterionRating.count({ where: { scorecardId } }),
});

describe("a scorecard whose interview changed under it", () => {
  it("is locked once the interview is cancelled: the save and the submission write nothing", async () => {
    const s = await openDraft();
    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: s.interviewId } });
    expect(await changeInterview({ interviewId: s.interviewId, change: { kind: "cancel", basedOn: interview.sequence, reason: "Candidate withdrew." }, actor: actorOf(s.recruiter.id), now: s.now })).toMatchObject({ ok: true });
    const before = await rowsOf(s.card.id);
    expect(await saveDraft(s.card.id, s.card.draftVersion, s.content, actorOf(s.ada.id), s.now)).toEqual({ ok: false, reason: "locked" });
    expect(await submitScorecard({ ...s.card, draftVersion: s.card.draftVersion }, s.full, s.competencyOf, actorOf(s.ada.id), s.now)).toEqual({ ok: false, reason: "locked" });
    expect(await rowsOf(s.card.id)).toEqual(before);
  });

  it("is locked once its author is taken off the interview, and theirs again when put back", async () => {
    const s = await openDraft();
    const seq = async () => (await prisma.interview.findUniqueOrThrow({ where: { id: s.interviewId } })).sequence;
    expect(await changeInterview({ interviewId: s.interviewId, change: { kind: "reassign", basedOn: await seq(), interviewerIds: [s.bo.id] }, actor: actorOf(s.recruiter.id), now: s.now })).toMatchObject({ ok: true });
    const before = await rowsOf(s.card.id);
    expect(await saveDraft(s.card.id, s.card.draftVersion, s.content, actorOf(s.ada.id), s.now)).toEqual({ ok: false, reason: "locked" });
    expect(await submitScorecard({ ...s.card, draftVersion: s.card.draftVersion }, s.full, s.competencyOf, actorOf(s.ada.id), s.now)).toEqual({ ok: false, reason: "locked" });
    expect(await rowsOf(s.card.id)).toEqual(before);

    expect(await changeInterview({ interviewId: s.interviewId, change: { kind: "reassign", basedOn: await seq(), interviewerIds: [s.ada.id, s.bo.id] }, actor: actorOf(s.recruiter.id), now: s.now })).toMatchObject({ ok: true });
    expect(await submitScorecard({ ...s.card, draftVersion: s.card.draftVersion }, s.full, s.competencyOf, actorOf(s.ada.id), s.now)).toEqual({ ok: true });
    expect((await rowsOf(s.card.id)).card.status).toBe("submitted");
  });
});
