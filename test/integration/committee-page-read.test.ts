/**
 * The committee page's reads in a statement or two (loop-detail, loop-evidence, committee-page
 * server files) against the ORM's reads of the same records, on the benchmark's organisation:
 * the same loop, scorecards, ratings, decisions and leniency, field for field.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readCommitteePage } from "~/data/committee-page.server";
import { listDecisions, submittedScorecards, submittedScorecardsByLoop } from "~/data/committee.server";
import { prisma } from "~/data/db.server";
import { findLoop } from "~/data/loops.server";
import { viewerOnLoop } from "~/data/scorecards.server";
import { viewerOnLoopDetail } from "~/data/loop-detail.server";
import { loopRatings, ratingsForLeniency } from "~/data/rater-quality.server";
import { rubricsByHash } from "~/data/rubrics.server";
import { raterLeniency } from "~/domain/rater-quality";
import { generateInThisDatabase } from "../helpers/generated-organisation";

beforeAll(async () => {
  await generateInThisDatabase({ candidates: 30, seed: 7, submitQueue: 12 });
}, 30_000);

/** The loop as the ORM read it before (one query per relation). */
async function loopThroughOrm(id: string) {
  const row = await prisma.loop.findUniqueOrThrow({
    where: { id },
    include: {
      candidate: { select: { id: true, name: true } },
      rubricVersion: { select: { id: true, track: true, version: true, name: true, contentHash: true } },
      interviews: {
        orderBy: { startsAt: "asc" },
        include: {
          assignments: { include: { interviewer: { select: { id: true, name: true, email: true } } }, orderBy: { interviewer: { name: "asc" } } },
          scorecards: { select: { id: true, interviewerId: true, status: true, interviewerRemovedAt: true, interviewer: { select: { name: true } } }, orderBy: { interviewerId: "asc" } },
        },
      },
    },
  });
  const { contentHash, ...version } = row.rubricVersion;
  return {
    id: row.id,
    candidate: row.candidate,
    targetLevel: row.targetLevel,
    createdAt: row.createdAt,
    rubricVersion: version,
    rubric: (await rubricsByHash([row.rubricVersion])).get(contentHash)!,
    closedAt: row.closedAt,
    closeReason: row.closeReason,
    interviews: row.interviews.map((i) => ({
      id: i.id,
      stageId: i.stageId,
      startsAt: i.startsAt,
      durationMinutes: i.durationMinutes,
      sequence: i.sequence,
      cancelledAt: i.cancelledAt,
      cancelReason: i.cancelReason,
      interviewers: i.assignments.map((a) => a.interviewer),
      scorecards: i.scorecards.map((s) => ({ id: s.id, interviewerId: s.interviewerId, interviewerName: s.interviewer.name, status: s.status, interviewerRemovedAt: s.interviewerRemovedAt })),
    })),
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => byText(a.id, b.id));

describe("the committee page's reads", () => {
  it("read each loop, its scorecards, ratings, decisions and leniency as the ORM does", async () => {
    const loops = await prisma.loop.findMany({ select: { id: true }, take: 40 });
    const people = await prisma.user.findMany({ select: { id: true } });
    let withEvidence = 0;
    for (const { id } of loops) {
      const loop = (await findLoop(id))!;
      expect(loop).toEqual(await loopThroughOrm(id));
      for (const person of people.slice(0, 15)) expect(viewerOnLoopDetail(loop, person.id)).toEqual(await viewerOnLoop(id, person.id));
      for (const interview of loop.interviews) for (const p of interview.interviewers) expect(viewerOnLoopDetail(loop, p.id)).toEqual(await viewerOnLoop(id, p.id));

      const orm = byId((await submittedScorecardsByLoop([id])).get(id) ?? []);
      expect(await submittedScorecards(id)).toEqual(orm);
      const records = await readCommitteePage(loop, "committee");
      expect(records.decisions).toEqual(await listDecisions([id]));
      expect(records.evidence!.scorecards).toEqual(orm);
      expect(records.evidence!.ratings).toEqual(await loopRatings(id));
      const panel = [...new Set(orm.map((s) => s.interviewerId))].sort();
      // The definition itself: every rating of theirs against the rest of each panel.
      expect(records.evidence!.leniency).toEqual(raterLeniency(await ratingsForLeniency(panel)).filter((l) => panel.includes(l.interviewerId)));
      if (orm.length > 0) withEvidence += 1;
      // A recruiter's page never reads the evidence.
      expect((await readCommitteePage(loop, "recruiter")).evidence).toBeNull();
    }
    expect(withEvidence).toBeGreaterThan(3);
    expect(await findLoop("no-such-loop")).toBeNull();
  }, 60_000);
});
