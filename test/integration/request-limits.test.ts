import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { rubricFromContent } from "~/data/rubrics.server";
import { stageRubric } from "~/domain/scorecard/content";
import { SCORECARD_TEXT_MAX, scorecardSchemas } from "~/domain/scorecard/schema";
import { BODY_LIMITS } from "~/server/http-app";
import { publishShippedRubrics } from "../helpers/loops";

// The body limit must never refuse a legitimate form: the largest one, an amendment of a
// scorecard with every text at its maximum length in three-byte characters, fits well inside it.
describe("the request body limit", () => {
  it("holds the largest scorecard amendment of every stage of every rubric version", async () => {
    await publishShippedRubrics();
    const versions = await prisma.rubricVersion.findMany({ select: { contentHash: true, content: true } });
    expect(versions.length).toBeGreaterThan(0);
    let largest = 0;
    for (const version of versions) {
      const rubric = rubricFromContent(version.contentHash, version.content);
      for (const { id } of rubric.stages) {
        const stage = stageRubric(rubric, id)!;
        const text = (n: number) => "€".repeat(n);
        const content = {
          ratings: stage.stage.criteria.map((c) => ({ criterionId: c.id, rating: stage.scale[0]!.value, evidence: text(SCORECARD_TEXT_MAX.evidence) })),
          signals: stage.signals.map((s) => ({ signalId: s.id, observed: true, note: text(SCORECARD_TEXT_MAX.note) })),
          redFlags: stage.redFlags.map((f) => ({ flagId: f.id, raised: true, evidence: text(SCORECARD_TEXT_MAX.evidence) })),
          recommendation: "no" as const,
          takeaways: text(SCORECARD_TEXT_MAX.takeaways),
        };
        const body = { intent: "amend", revision: 1, content, reason: text(SCORECARD_TEXT_MAX.reason) };
        // It is a valid amendment: the lengths are the schema's own maxima.
        expect(scorecardSchemas(stage).amendment.safeParse(body).success).toBe(true);
        largest = Math.max(largest, Buffer.byteLength(JSON.stringify(body)));
      }
    }
    expect(largest).toBeGreaterThan(100_000);
    expect(largest).toBeLessThan(BODY_LIMITS.maxBytes / 2);
  });
});
