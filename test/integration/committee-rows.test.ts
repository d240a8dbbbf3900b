import { beforeAll, describe, expect, it } from "vitest";
import { updateCandidate } from "~/data/candidates.server";
import { committeeRows, resetCommitteeRows } from "~/data/committee-rows.server";
import { recordDecision } from "~/data/committee.server";
import { prisma } from "~/data/db.server";
import { createLoop, findLoop } from "~/data/loops.server";
import { amendScorecard, openScorecard, submitScorecard } from "~/data/scorecards.server";
import * as page from "~/routes/committee._index/route";
import { loopWithInterviews, stage2Content } from "../helpers/loops";
import { call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";
import { actorOf } from "../helpers/actor";

// The committee rows are kept in memory and refreshed from the loops whose revision rose: every
// write the list depends on must be seen on the next read.
let committee: { id: string };
let interviewer: { id: string };
beforeAll(async () => {
  committee = await createUser(["hiring_committee"]);
  interviewer = await createUser(["interviewer"]);
});

const row = async (loopId: string) => (await committeeRows(new Date())).find((r) => r.loopId === loopId);

async function stage2Loop() {
  const { loopId, interviewIds, candidate } = await loopWithInterviews([{ stageId: "technical_deep_dive", interviewerIds: [interviewer.id] }]);
  const loop = (await findLoop(loopId))!;
  const stage = loop.rubric.stages.find((s) => s.id === "technical_deep_dive")!;
  const competencyOf = (id: string) => stage.criteria.find((c) => c.id === id)!.competency;
  const scorecard = await openScorecard({ id: interviewIds[0]!, loopId, stageId: "technical_deep_dive" }, interviewer.id, actorOf(interviewer), new Date());
  return { loopId, candidate, scorecard, competencyOf };
}

describe("the committee's rows, kept in memory", () => {
  it("see a new loop, a submitted scorecard, an amendment, a decision and a renamed candidate on the next read", async () => {
    const { loopId, candidate, scorecard, competencyOf } = await stage2Loop();
    expect(await row(loopId)).toMatchObject({ status: "in_progress", recommendation: "not_enough_evidence" });

    expect((await row(loopId))?.redFlags).toBe(0);
    const flagged = stage2Content([2, 2, 2, 2]);
    flagged.redFlags = flagged.redFlags.map((f) => (f.flagId === "perfectionist" ? { ...f, raised: true, evidence: "Rewrote a working module twice." } : f));
    await submitScorecard(scorecard, flagged as never, competencyOf, actorOf(interviewer), new Date());
    expect((await row(loopId))?.redFlags).toBe(1);

    await amendScorecard(scorecard, stage2Content([3, 3, 3, 3]) as never, { reason: "Re-read my notes: not a pattern.", basedOn: 1 }, actorOf(interviewer), competencyOf, new Date());
    expect((await row(loopId))?.redFlags).toBe(0);

    await recordDecision({ loopId, outcome: "no_hire", bandJustification: "", rationale: "No.", correctsId: undefined, currency: "USD", actor: actorOf(committee), now: new Date() });
    expect((await row(loopId))?.decision).toBe("no_hire");

    await updateCandidate(candidate.id, { name: "Renamed Person", email: "r@mail.example", source: "founder", targetLevel: "L5", links: "", notes: "" }, actorOf(committee), new Date());
    expect((await row(loopId))?.candidateName).toBe("Renamed Person");

    const recruiter = await createUser(["recruiter"]);
    const second = await createLoop({ candidateId: candidate.id, track: "builder", targetLevel: "L6", actor: actorOf(recruiter), now: new Date() });
    expect(await row(second)).toMatchObject({ targetLevel: "L6", candidateName: "Renamed Person" });
  });

  it("do not see a write that bypasses the revision until they are rebuilt (why every writer marks its loop)", async () => {
    const { loopId, candidate } = await stage2Loop();
    await row(loopId);
    await prisma.candidate.update({ where: { id: candidate.id }, data: { name: "Behind the cache" } });
    expect((await row(loopId))?.candidateName).not.toBe("Behind the cache");
    resetCommitteeRows();
    expect((await row(loopId))?.candidateName).toBe("Behind the cache");
  });

  it("are listed 50 to a page, with the total", async () => {
    const { candidate } = await stage2Loop();
    const recruiter = await createUser(["recruiter"]);
    for (let i = 0; i < 55; i++) await createLoop({ candidateId: candidate.id, track: "builder", targetLevel: "L5", actor: actorOf(recruiter), now: new Date() });
    const cookie = await sessionCookieFor(committee.id);
    type Page = { rows: unknown[]; page: { page: number; pages: number; total: number; first: number; last: number } };
    const first = (await call(page.loader, { url: "/committee?status=all", cookie })).body as Page;
    const total = first.page.total;
    expect(total).toBeGreaterThan(55);
    expect(first.rows).toHaveLength(50);
    expect(first.page).toMatchObject({ page: 1, first: 1, last: 50, pages: Math.ceil(total / 50) });
    const last = (await call(page.loader, { url: `/committee?status=all&page=${first.page.pages}`, cookie })).body as Page;
    expect(last.rows).toHaveLength(total - 50 * (first.page.pages - 1));
    // A page past the end shows the last one.
    expect(((await call(page.loader, { url: "/committee?status=all&page=999", cookie })).body as Page).page.page).toBe(first.page.pages);
  });
});
