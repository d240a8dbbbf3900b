import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import * as scorecardPage from "~/routes/interviews.$interviewId.scorecard/route";
import { BASE } from "../helpers/route";
import { loopWithInterviews, stage2Content } from "../helpers/loops";
import { createUser, sessionCookieFor } from "../helpers/users";

// Found in a review: these answered 500. Each must be a 4xx that names the problem, and write nothing.
async function post(interviewId: string, cookie: string, body: unknown) {
  const request = new Request(new URL(`/interviews/${interviewId}/scorecard`, BASE), {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  try {
    const result = await scorecardPage.action({ request, params: { interviewId }, context: { clientAddress: "x", cspNonce: "" } });
    return result instanceof Response ? { status: result.status, body: await result.text() } : { status: (result as { init?: { status?: number } }).init?.status ?? 200, body: JSON.stringify((result as { data?: unknown }).data ?? result) };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text() };
    const t = thrown as { type?: string; init?: { status?: number }; data?: unknown };
    if (t?.type === "DataWithResponseInit") return { status: t.init?.status ?? 500, body: JSON.stringify(t.data) };
    throw thrown;
  }
}

async function fingerprint() {
  const [revisions, ratings, signals, flags, cards] = await Promise.all([
    prisma.scorecardRevision.count(),
    prisma.criterionRating.count(),
    prisma.signalObservation.count(),
    prisma.redFlagRecord.count(),
    prisma.scorecard.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ revisions, ratings, signals, flags, cards });
}

async function setUp() {
  const interviewer = await createUser(["interviewer"]);
  const { interviewIds } = await loopWithInterviews([{ stageId: "technical_deep_dive", interviewerIds: [interviewer.id] }]);
  const cookie = await sessionCookieFor(interviewer.id);
  const interviewId = interviewIds[0]!;
  // Open the scorecard (creates the draft), then submit it, so that amendments apply.
  await post(interviewId, cookie, { intent: "submit", version: 0, content: stage2Content() });
  expect((await prisma.scorecard.findFirstOrThrow({ where: { interviewId } })).status).toBe("submitted");
  return { interviewId, cookie };
}

describe("bad scorecard input", () => {
  it("refuses a lone UTF-16 surrogate in an amendment's take-aways or reason with a 400 at the field", async () => {
    const { interviewId, cookie } = await setUp();
    const before = await fingerprint();
    const takeaways = await post(interviewId, cookie, { intent: "amend", revision: 1, reason: "Typo", content: stage2Content([3, 3, 3, 3], { takeaways: "Broken \ud800 text" }) });
    expect(takeaways.status).toBe(400);
    expect(takeaways.body).toMatch(/takeaways/);
    const reason = await post(interviewId, cookie, { intent: "amend", revision: 1, reason: "Why \udc00", content: stage2Content() });
    expect(reason.status).toBe(400);
    expect(reason.body).toMatch(/reason/);
    expect(await fingerprint()).toBe(before);
    // Well-formed text outside the BMP, right-to-left text and combining marks are kept as typed.
    const fine = await post(interviewId, cookie, { intent: "amend", revision: 1, reason: "Fix 🙂 مرحبا e\u0301", content: stage2Content() });
    expect(fine.status).toBe(302);
    const last = await prisma.scorecardRevision.findFirstOrThrow({ where: { scorecard: { interviewId } }, orderBy: { number: "desc" } });
    expect(last.reason).toBe("Fix 🙂 مرحبا e\u0301");
  });

  it("refuses the same signal or red flag listed twice, in a submit and in an amendment", async () => {
    const { interviewId, cookie } = await setUp();
    const before = await fingerprint();
    // The last entry repeats the first: as many entries as the stage has, one of them twice.
    const twice = stage2Content();
    twice.signals = [...twice.signals.slice(0, -1), { ...twice.signals[0]!, observed: true, note: "Again" }];
    const flagged = stage2Content();
    flagged.redFlags = [...flagged.redFlags.slice(0, -1), { ...flagged.redFlags[0]!, raised: true, evidence: "Seen" }];
    for (const content of [twice, flagged]) {
      const amended = await post(interviewId, cookie, { intent: "amend", revision: 1, reason: "Again", content });
      expect(amended.status).toBe(400);
      expect(amended.body).toMatch(/listed twice/);
    }
    expect(await fingerprint()).toBe(before);

    // And in a first submission.
    const other = await createUser(["interviewer"]);
    const { interviewIds } = await loopWithInterviews([{ stageId: "technical_deep_dive", interviewerIds: [other.id] }]);
    const otherCookie = await sessionCookieFor(other.id);
    const submitted = await post(interviewIds[0]!, otherCookie, { intent: "submit", version: 0, content: twice });
    expect(submitted.status).toBe(400);
    expect(submitted.body).toMatch(/listed twice/);
    expect(await prisma.scorecard.count({ where: { interviewId: interviewIds[0]!, status: "submitted" } })).toBe(0);
  });

  it("refuses a NUL character and a body that is not JSON", async () => {
    const { interviewId, cookie } = await setUp();
    const before = await fingerprint();
    expect((await post(interviewId, cookie, { intent: "amend", revision: 1, reason: "a\u0000b", content: stage2Content() })).status).toBe(400);
    expect((await post(interviewId, cookie, "{not json")).status).toBe(400);
    expect(await fingerprint()).toBe(before);
  });
});
