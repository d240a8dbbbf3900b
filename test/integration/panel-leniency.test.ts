import { describe, expect, it } from "vitest";
import { findLoop } from "~/data/loops.server";
import { leniencyLoopsComputed, panelLeniency } from "~/data/panel-leniency.server";
import { ratingsForLeniency } from "~/data/rater-quality.server";
import { amendScorecard, openScorecard, submitScorecard } from "~/data/scorecards.server";
import { raterLeniency } from "~/domain/rater-quality";
import { loopWithInterviews, stage2Content } from "../helpers/loops";
import { createUser } from "../helpers/users";
import { actorOf } from "../helpers/actor";

/** The figures from scratch: every rating, through the pure function. */
const fresh = async (ids: string[]) => raterLeniency(await ratingsForLeniency(ids)).filter((r) => ids.includes(r.interviewerId));

async function panel(a: string, b: string) {
  const { loopId, interviewIds } = await loopWithInterviews([{ stageId: "technical_deep_dive", interviewerIds: [a, b] }]);
  const loop = (await findLoop(loopId))!;
  const stage = loop.rubric.stages.find((s) => s.id === "technical_deep_dive")!;
  const competencyOf = (id: string) => stage.criteria.find((c) => c.id === id)!.competency;
  const card = (who: string) => openScorecard({ id: interviewIds[0]!, loopId, stageId: "technical_deep_dive" }, who, actorOf(who), new Date());
  return { card, competencyOf };
}

describe("panel leniency, kept per interviewer", () => {
  it("follows every submission and amendment on the interviewers' loops, and equals the figures computed from scratch", async () => {
    const [a, b, c] = [await createUser(["interviewer"]), await createUser(["interviewer"]), await createUser(["interviewer"])];
    const first = await panel(a.id, b.id);
    await submitScorecard(await first.card(a.id), stage2Content([4, 4, 4, 4]) as never, first.competencyOf, actorOf(a), new Date());
    await submitScorecard(await first.card(b.id), stage2Content([2, 2, 2, 2]) as never, first.competencyOf, actorOf(b), new Date());
    expect(await panelLeniency([a.id, b.id])).toEqual(await fresh([a.id, b.id]));
    expect((await panelLeniency([a.id]))[0]).toMatchObject({ meanDifference: 2, label: "lenient" });

    // b amends: a's figure changes though a wrote nothing.
    await amendScorecard(await first.card(b.id), stage2Content([4, 4, 4, 4]) as never, { reason: "Re-read.", basedOn: 1 }, actorOf(b), first.competencyOf, new Date());
    expect((await panelLeniency([a.id]))[0]).toMatchObject({ meanDifference: 0, label: "in line" });

    // A new loop of a's with c.
    const second = await panel(a.id, c.id);
    await submitScorecard(await second.card(a.id), stage2Content([1, 1, 1, 1]) as never, second.competencyOf, actorOf(a), new Date());
    await submitScorecard(await second.card(c.id), stage2Content([3, 3, 3, 3]) as never, second.competencyOf, actorOf(c), new Date());
    expect(await panelLeniency([a.id, b.id, c.id])).toEqual(await fresh([a.id, b.id, c.id]));
    expect((await panelLeniency([a.id]))[0]!.meanDifference).toBe(-1);
  });

  it("after a submission reads only the loop it changed, and still equals the figures computed from scratch", async () => {
    const [a, b, c] = [await createUser(["interviewer"]), await createUser(["interviewer"]), await createUser(["interviewer"])];
    const loops = [await panel(a.id, b.id), await panel(a.id, c.id), await panel(a.id, b.id)];
    for (const [i, loop] of loops.entries()) {
      const other = i === 1 ? c : b;
      await submitScorecard(await loop.card(a.id), stage2Content([4, 3, 4, 3]) as never, loop.competencyOf, actorOf(a), new Date());
      await submitScorecard(await loop.card(other.id), stage2Content([2, 2, 3, 1]) as never, loop.competencyOf, actorOf(other), new Date());
    }
    expect(await panelLeniency([a.id, b.id, c.id])).toEqual(await fresh([a.id, b.id, c.id]));
    const before = leniencyLoopsComputed();

    // c amends on the second loop: a's and c's figures move; only their units on that loop are read again.
    await amendScorecard(await loops[1]!.card(c.id), stage2Content([4, 4, 4, 4]) as never, { reason: "Re-read.", basedOn: 1 }, actorOf(c), loops[1]!.competencyOf, new Date());
    expect(await panelLeniency([a.id, b.id, c.id])).toEqual(await fresh([a.id, b.id, c.id]));
    expect(leniencyLoopsComputed() - before).toBe(2);

    // Nothing changed: nothing is read again.
    expect(await panelLeniency([a.id, c.id])).toEqual(await fresh([a.id, c.id]));
    expect(leniencyLoopsComputed() - before).toBe(2);
  });
});
