/**
 * The benchmark organisation generator (test/bench/generate-org.ts), at 30 candidates, read back
 * with the app's own readers and routes: whatever it writes must be what the app would write.
 * It generates into this test file's own database (test/setup/database.ts, through
 * test/helpers/generated-organisation.ts: on PostgreSQL, generated in SQLite then copied by
 * db:copy), twice, to check that a seed always gives the same organisation.
 */
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { submittedScorecards, listDecisions } from "~/data/committee.server";
import { prisma } from "~/data/db.server";
import { findLoop, interviewStates, listAssignedInterviews } from "~/data/loops.server";
import { findPacket, listPackets } from "~/data/packets.server";
import { aggregateLoop } from "~/domain/aggregation";
import type { Level } from "~/domain/levels";
import { interviewerQueue, loopProgress } from "~/domain/loop";
import { buildSnapshot } from "~/domain/promotion/snapshot";
import type { Rubric } from "~/domain/rubric/schema";
import { stageRubric } from "~/domain/scorecard/content";
import { scorecardSchemas } from "~/domain/scorecard/schema";
import * as draftRoute from "~/routes/scorecards.$scorecardId.draft";
import * as scorecardPage from "~/routes/interviews.$interviewId.scorecard/route";
import { BASE } from "../helpers/route";
import { sessionCookieFor } from "../helpers/users";
import type { Manifest } from "../bench/generate-org";
import { generateInThisDatabase, onPostgres } from "../helpers/generated-organisation";

const NOW = new Date("2026-10-07T13:45:00Z");
const OPTIONS = { candidates: 30, seed: 7, now: NOW, submitQueue: 12, check: true } as const;

let manifest: Manifest;

beforeAll(async () => {
  manifest = await generateInThisDatabase(OPTIONS);
}, 20_000);

const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

async function stage2Schemas() {
  const v2 = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 2 } } });
  return scorecardSchemas(stageRubric(JSON.parse(v2.content) as Rubric, "technical_deep_dive")!);
}

describe("the generated organisation", () => {
  it("is described by its manifest", async () => {
    expect(manifest.counts).toEqual({
      candidates: await prisma.candidate.count(),
      loops: await prisma.loop.count(),
      interviews: await prisma.interview.count(),
      scorecards: await prisma.scorecard.count(),
      submittedScorecards: await prisma.scorecard.count({ where: { status: "submitted" } }),
      ratings: await prisma.criterionRating.count(),
      builders: await prisma.builder.count(),
      packets: await prisma.promotionPacket.count(),
      evidence: await prisma.packetEvidence.count(),
    });
    // 30 generated candidates and builders (at least ten) beside the demo organisation's.
    expect(manifest.counts.candidates).toBe(30 + 5);
    expect(manifest.counts.builders).toBe(10 + 12);
    expect(manifest.password).toBe("ladder-demo-2026");
    for (const email of Object.values(manifest.logins)) expect(await prisma.user.count({ where: { email } }), email).toBe(1);
  });

  // Reads the SQLite file itself (dates as text, json_array_length): on PostgreSQL that file was a temporary, deleted after the copy.
  it.skipIf(onPostgres())("stores dates as the app's adapter does (ISO text in UTC with +00:00) in every DateTime column", () => {
    const db = new Database(manifest.databaseFile, { readonly: true });
    try {
      const columns: Record<string, string[]> = {
        User: ["createdAt"],
        Candidate: ["createdAt", "updatedAt"],
        Loop: ["createdAt"],
        Interview: ["startsAt", "createdAt"],
        Scorecard: ["draftSavedAt", "submittedAt", "createdAt"],
        ScorecardRevision: ["createdAt"],
        HiringDecision: ["decidedAt"],
        Builder: ["startedAt"],
        LevelChange: ["effectiveAt"],
        PromotionPacket: ["createdAt", "updatedAt", "submittedAt", "reviewStartedAt"],
        PacketEvidence: ["startDate", "endDate", "createdAt", "updatedAt"],
        PeerInvitation: ["invitedAt"],
        PeerStatement: ["createdAt", "updatedAt"],
        ManagerAssessment: ["updatedAt"],
        PromotionDecision: ["decidedAt"],
        RubricVersion: ["firstUsedAt"],
      };
      for (const [table, names] of Object.entries(columns)) {
        for (const column of names) {
          const odd = db
            .prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE "${column}" IS NOT NULL AND (typeof("${column}") != 'text' OR "${column}" NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]+00:00')`)
            .get() as { n: number };
          expect(odd.n, `${table}.${column}`).toBe(0);
        }
      }
      // Every submitted scorecard: revision 1 equal to its content, one rating per criterion of its stage.
      const broken = db
        .prepare(
          `SELECT COUNT(*) AS n FROM "Scorecard" s
           WHERE s.status = 'submitted' AND (
             NOT EXISTS (SELECT 1 FROM "ScorecardRevision" r WHERE r.scorecardId = s.id AND r.number = 1 AND r.content = s.draft)
             OR (SELECT COUNT(*) FROM "CriterionRating" c WHERE c.scorecardId = s.id) != json_array_length(s.draft, '$.ratings'))`,
        )
        .get() as { n: number };
      expect(broken.n).toBe(0);
      // No scorecard is submitted before its interview has begun (the app refuses it).
      const early = db
        .prepare(`SELECT COUNT(*) AS n FROM "Scorecard" s JOIN "Interview" i ON i.id = s.interviewId WHERE s.status = 'submitted' AND s.submittedAt < i.startsAt`)
        .get() as { n: number };
      expect(early.n).toBe(0);
    } finally {
      db.close();
    }
  });

  it("marks the builder rubric versions as used", async () => {
    const versions = await prisma.rubricVersion.findMany({ where: { track: "builder" } });
    for (const v of versions) expect(v.firstUsedAt, `builder v${v.version}`).not.toBeNull();
  });

  it("has a complete committee loop with ten submitted scorecards that the aggregation reads", async () => {
    const loop = (await findLoop(manifest.committeeLoopId))!;
    expect(loop.rubricVersion).toMatchObject({ track: "builder", version: 2 });
    const { rubric } = loop;
    expect(loopProgress(rubric.stages, rubric.decision_rules.scorecards_per_stage, interviewStates(loop), NOW).complete).toBe(true);
    const cards = await submittedScorecards(loop.id);
    expect(cards).toHaveLength(10);
    for (const card of cards) {
      const stage = rubric.stages.find((s) => s.id === card.stageId)!;
      expect(card.ratings.map((r) => r.criterionId).sort()).toEqual(stage.criteria.map((c) => c.id).sort());
      expect(card.recommendation).not.toBeNull();
    }
    const aggregate = aggregateLoop(rubric, loop.targetLevel as Level, cards);
    expect(aggregate.recommendation.value).not.toBe("not_enough_evidence");
    expect(await listDecisions([loop.id])).toEqual([]);
  });

  it("has an in-review packet with six evidence items whose snapshot is what submitPacket would have frozen", async () => {
    const packet = (await findPacket(manifest.packetId))!;
    expect(packet.status).toBe("in_review");
    expect(packet.evidence).toHaveLength(6);
    const snapshot = packet.snapshot!;
    expect(snapshot.evidence).toHaveLength(6);
    const again = buildSnapshot({ ...packet, baseSalary: snapshot.baseAtSubmission }, snapshot.submittedByName, new Date(snapshot.submittedAt));
    expect(again).toEqual(snapshot);
    // Every snapshot parses (findPacket throws otherwise), and the packets come in every state.
    const all = await listPackets({});
    expect(new Set(all.map((p) => p.status))).toEqual(new Set(["draft", "submitted", "in_review", "decided"]));
    for (const p of all.filter((p) => p.status !== "draft")) expect((await findPacket(p.id))!.snapshot, p.id).not.toBeNull();
  });

  it("gives the bench submitter the queue of Stage-2 interviews without scorecards, and one draft", async () => {
    const assigned = await listAssignedInterviews(await userId(manifest.logins.submitter));
    const queue = assigned.filter((a) => a.scorecard === null);
    expect(queue.map((a) => a.interviewId).sort()).toEqual([...manifest.submitInterviewIds].sort());
    expect(manifest.submitInterviewIds).toHaveLength(12);
    for (const a of queue) {
      expect(a.stageId).toBe("technical_deep_dive");
      expect(a.startsAt.getTime()).toBeLessThan(NOW.getTime());
      expect((await findLoop(a.loopId))!.rubricVersion.version).toBe(2);
    }
    const drafts = assigned.filter((a) => a.scorecard?.status === "draft");
    expect(drafts.map((a) => a.scorecard!.id)).toEqual([manifest.draftScorecardId]);
    expect(assigned).toHaveLength(13);

    const schemas = await stage2Schemas();
    expect(schemas.submission.safeParse(manifest.submitContent).success).toBe(true);
    expect(schemas.draft.safeParse(manifest.draftContent).success).toBe(true);
  });

  it("gives the demo interviewer the same workload at any size: about sixty assignments, a few open", async () => {
    const assigned = await listAssignedInterviews(await userId(manifest.logins.interviewer));
    expect(assigned).toHaveLength(60);
    expect(manifest.interviewerAssignments).toBe(60);
    const queue = interviewerQueue(assigned, NOW);
    expect(queue.upcoming.length).toBeGreaterThanOrEqual(4);
    expect(queue.toWrite.length).toBeGreaterThanOrEqual(2);
    expect(queue.drafts.length).toBeGreaterThanOrEqual(3);
    expect(queue.overdue.length).toBeGreaterThanOrEqual(3);
    expect(assigned.filter((a) => a.scorecard?.status === "submitted").length).toBeGreaterThanOrEqual(40);
  });

  it("accepts the manifest's draft save and submission through the app's own routes", async () => {
    const cookie = await sessionCookieFor(await userId(manifest.logins.submitter));
    const post = async (handler: typeof draftRoute.action | typeof scorecardPage.action, url: string, params: Record<string, string>, body: unknown) => {
      const request = new Request(new URL(url, BASE), { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const answer = (await handler({ request, params, context: { clientAddress: "203.0.113.1", cspNonce: "" } })) as Response;
      return answer.status;
    };
    const scorecardId = manifest.draftScorecardId;
    expect(await post(draftRoute.action, `/scorecards/${scorecardId}/draft`, { scorecardId }, { version: 0, content: manifest.draftContent })).toBe(200);

    const interviewId = manifest.submitInterviewIds[0]!;
    expect(await post(scorecardPage.action, `/interviews/${interviewId}/scorecard`, { interviewId }, { intent: "submit", version: 0, content: manifest.submitContent })).toBe(302);
    const card = await prisma.scorecard.findFirstOrThrow({ where: { interviewId, interviewer: { email: manifest.logins.submitter } }, include: { _count: { select: { ratings: true, revisions: true } } } });
    expect(card.status).toBe("submitted");
    expect(card._count).toEqual({ ratings: manifest.submitContent.ratings.length, revisions: 1 });
  });

  it("is the same organisation for the same seed", async () => {
    const again = await generateInThisDatabase(OPTIONS);
    const stable = ({ generationSeconds: _, ...rest }: Manifest) => rest;
    expect(stable(again)).toEqual(stable(manifest));
    expect(again.submitInterviewIds[0]).toMatch(/^c1[0-9a-z]{23}$/);
  }, 20_000);
});
