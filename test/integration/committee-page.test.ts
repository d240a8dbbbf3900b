import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import type { Role } from "~/domain/roles";
import * as committee from "~/routes/loops.$loopId.committee/route";
import * as scorecardPage from "~/routes/interviews.$interviewId.scorecard/route";
import { BASE, call } from "../helpers/route";
import { loopWithInterviews, stage2Content } from "../helpers/loops";
import { createUser, sessionCookieFor } from "../helpers/users";

type Page = Awaited<ReturnType<typeof committee.loader>>;

async function submit(interviewId: string, userId: string, content: unknown) {
  const cookie = await sessionCookieFor(userId);
  await call(scorecardPage.loader, { url: "/", cookie, params: { interviewId } });
  const request = new Request(new URL("/", BASE), {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json" },
    body: JSON.stringify({ intent: "submit", version: 0, content }),
  });
  try {
    await scorecardPage.action({ request, params: { interviewId }, context: { clientAddress: "x", cspNonce: "" } });
  } catch (thrown) {
    if (!(thrown instanceof Response) || thrown.status !== 302) throw thrown;
  }
}

/** A loop whose Stage 2 has two submitted scorecards and one interviewer who has not submitted. */
async function reviewedLoop() {
  const a = await createUser(["interviewer"], { name: "Ada" });
  const b = await createUser(["interviewer"], { name: "Ben" });
  const late = await createUser(["interviewer"], { name: "Late" });
  const { loopId, interviewIds } = await loopWithInterviews([
    { stageId: "technical_deep_dive", interviewerIds: [a.id, b.id] },
    { stageId: "initial_screen", interviewerIds: [late.id] },
  ]);
  await submit(interviewIds[0]!, a.id, stage2Content([4, 3, 3, 3]));
  await submit(interviewIds[0]!, b.id, stage2Content([4, 3, 2, 3]));
  return { loopId, a, b, late };
}

async function pageAs(loopId: string, roles: Role[] | { id: string }) {
  const user = Array.isArray(roles) ? await createUser(roles) : roles;
  return call(committee.loader, { url: `/loops/${loopId}/committee`, cookie: await sessionCookieFor(user.id), params: { loopId } });
}

const PAY = /"base"|suggestedBase|baseSalary|"bands"/;

/** Every override confirmed, with a justification: these loops are decided before they are complete. */
const CONFIRMED = { confirmedOverrides: ["incomplete_loop", "against_recommendation"], overrideJustification: "The committee decides now on purpose." };

describe("who sees what on the committee page", () => {
  it("gives committee members and admins everything, pay included", async () => {
    const { loopId } = await reviewedLoop();
    for (const role of ["hiring_committee", "admin"] as const) {
      const answer = await pageAs(loopId, [role]);
      expect(answer.status).toBe(200);
      const body = answer.body as Page;
      expect(body.audience).toBe("committee");
      expect(body.evidence?.scorecards).toHaveLength(2);
      expect(body.pay?.canDecide).toBe(true);
      expect(body.pay?.bands.currency).toBe("USD");
    }
  });

  it("gives an interviewer who has submitted the evidence without pay, and one who has not, nothing", async () => {
    const { loopId, a, late } = await reviewedLoop();
    const submitted = await pageAs(loopId, a);
    expect(submitted.status).toBe(200);
    const body = submitted.body as Page;
    expect(body.audience).toBe("panel");
    expect(body.evidence?.aggregate.competencies.length).toBeGreaterThan(0);
    expect(body.pay).toBeNull();
    expect(JSON.stringify(body)).not.toMatch(PAY);

    expect((await pageAs(loopId, late)).status).toBe(403);
  });

  it("gives recruiters completion only: no ratings, no pay", async () => {
    const { loopId } = await reviewedLoop();
    const answer = await pageAs(loopId, ["recruiter"]);
    expect(answer.status).toBe(200);
    const body = answer.body as Page;
    expect(body.audience).toBe("recruiter");
    expect(body.evidence).toBeNull();
    expect(body.pay).toBeNull();
    expect(body.stages.find((s) => s.stageId === "technical_deep_dive")).toMatchObject({ status: "complete", submitted: 2 });
    expect(JSON.stringify(body)).not.toMatch(/"rating"|"score"|"mean"|suggestedBase/);
  });

  it("refuses builders and managers", async () => {
    const { loopId } = await reviewedLoop();
    expect((await pageAs(loopId, ["builder"])).status).toBe(403);
    expect((await pageAs(loopId, ["manager", "promotion_committee"])).status).toBe(403);
  });
});

describe("recording decisions", () => {
  const decide = async (loopId: string, cookie: string, form: Record<string, string>) =>
    call(committee.action, { url: "/", cookie, params: { loopId }, form: { ...CONFIRMED, ...form } });

  it("records a hire within the band, with who and when", async () => {
    const { loopId } = await reviewedLoop();
    const member = await createUser(["hiring_committee"], { name: "Hannah" });
    const cookie = await sessionCookieFor(member.id);
    const answer = await decide(loopId, cookie, { outcome: "hire", level: "L5", baseSalary: "230000", rationale: "Strong builder; clear shipping record." });
    expect(answer.status).toBe(200);
    const [row] = await prisma.hiringDecision.findMany({ where: { loopId } });
    expect(row).toMatchObject({ outcome: "hire", level: "L5", baseSalary: 230000, currency: "USD", decidedById: member.id, correctsId: null });
    const page = (await pageAs(loopId, member)).body as Page;
    expect(page.decision).toMatchObject({ outcome: "hire", level: "L5", decidedByName: "Hannah" });
  });

  it.each([
    ["no rationale", { outcome: "hire", level: "L5", baseSalary: "230000", rationale: "" }, "rationale"],
    ["a hire without a level", { outcome: "hire", baseSalary: "230000", rationale: "x" }, "level"],
    ["a base outside the band without justification", { outcome: "hire", level: "L5", baseSalary: "300000", rationale: "x" }, "bandJustification"],
    ["a no-hire with a salary", { outcome: "no_hire", baseSalary: "100000", rationale: "x" }, "baseSalary"],
    ["an unknown outcome", { outcome: "maybe", rationale: "x" }, "outcome"],
  ])("rejects %s with 400 and records nothing", async (_label, form, field) => {
    const { loopId } = await reviewedLoop();
    const cookie = await sessionCookieFor((await createUser(["hiring_committee"])).id);
    const answer = await decide(loopId, cookie, form as Record<string, string>);
    expect(answer.status).toBe(400);
    expect((answer.body as { fieldErrors: Record<string, string[]> }).fieldErrors[field]).toBeDefined();
    expect(await prisma.hiringDecision.count({ where: { loopId } })).toBe(0);
  });

  it("accepts a base outside the band with a written justification", async () => {
    const { loopId } = await reviewedLoop();
    const cookie = await sessionCookieFor((await createUser(["admin"])).id);
    const answer = await decide(loopId, cookie, { outcome: "hire", level: "L5", baseSalary: "280000", bandJustification: "Competing offer at 280k.", rationale: "Worth it." });
    expect(answer.status).toBe(200);
  });

  it("never edits a decision: a correction is a new entry pointing to the current one", async () => {
    const { loopId } = await reviewedLoop();
    const cookie = await sessionCookieFor((await createUser(["hiring_committee"])).id);
    await decide(loopId, cookie, { outcome: "hire", level: "L5", baseSalary: "230000", rationale: "First take." });
    const first = await prisma.hiringDecision.findFirstOrThrow({ where: { loopId } });

    const overwrite = await decide(loopId, cookie, { outcome: "no_hire", rationale: "Second thoughts." });
    expect(overwrite.status).toBe(409);

    const correction = await decide(loopId, cookie, { outcome: "no_hire", rationale: "Reference check failed.", correctsId: first.id });
    expect(correction.status).toBe(200);
    const rows = await prisma.hiringDecision.findMany({ where: { loopId }, orderBy: { decidedAt: "asc" } });
    expect(rows.map((r) => [r.outcome, r.correctsId])).toEqual([["hire", null], ["no_hire", first.id]]);
    expect(rows[0]!.rationale).toBe("First take.");

    const stale = await decide(loopId, cookie, { outcome: "hire", level: "L4", baseSalary: "180000", rationale: "x", correctsId: first.id });
    expect(stale.status).toBe(409);
  });

  it("lets only hiring committee members and admins decide", async () => {
    const { loopId, a } = await reviewedLoop();
    for (const who of [a, await createUser(["recruiter"])]) {
      const answer = await decide(loopId, await sessionCookieFor(who.id), { outcome: "no_hire", rationale: "x" });
      expect(answer.status).toBe(403);
    }
    expect(await prisma.hiringDecision.count({ where: { loopId } })).toBe(0);
  });
});

describe("decision form edge cases", () => {
  it("treats an empty correctsId as a first decision, not a broken reference", async () => {
    const { loopId } = await reviewedLoop();
    const cookie = await sessionCookieFor((await createUser(["hiring_committee"])).id);
    const answer = await call(committee.action, { url: "/", cookie, params: { loopId }, form: { ...CONFIRMED, outcome: "no_hire", rationale: "Not yet.", correctsId: "" } });
    expect(answer.status).toBe(200);
    expect((await prisma.hiringDecision.findFirstOrThrow({ where: { loopId } })).correctsId).toBeNull();
  });

  it("keeps one chain when two corrections are saved at the same moment", async () => {
    const { loopId } = await reviewedLoop();
    const cookie = await sessionCookieFor((await createUser(["hiring_committee"])).id);
    await call(committee.action, { url: "/", cookie, params: { loopId }, form: { ...CONFIRMED, outcome: "no_hire", rationale: "First." } });
    const first = await prisma.hiringDecision.findFirstOrThrow({ where: { loopId } });
    const both = await Promise.all(
      ["A", "B"].map((who) => call(committee.action, { url: "/", cookie, params: { loopId }, form: { ...CONFIRMED, outcome: "no_hire", rationale: who, correctsId: first.id } })),
    );
    expect(both.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await prisma.hiringDecision.count({ where: { loopId } })).toBe(2);
  });
});

describe("deciding before the loop is complete, or against the recommendation", () => {
  type Refusal = { fieldErrors: Record<string, string[] | undefined>; situation: { stagesComplete: number; stagesTotal: number; recommendation: string } };
  const hire = { outcome: "hire", level: "L5", baseSalary: "230000", rationale: "Strong in the deep dive." };

  it("refuses a decision on an unfinished loop without each override confirmed and justified, and writes nothing", async () => {
    const { loopId } = await reviewedLoop(); // Stage 2 complete only; the recommendation is "not enough evidence"
    const cookie = await sessionCookieFor((await createUser(["hiring_committee"])).id);
    for (const form of [hire, { ...hire, confirmedOverrides: "incomplete_loop", overrideJustification: "Urgent." }, { ...hire, confirmedOverrides: ["incomplete_loop", "against_recommendation"] }]) {
      const answer = await call(committee.action, { url: "/", cookie, params: { loopId }, form });
      expect(answer.status).toBe(400);
      const body = answer.body as Refusal;
      expect(body.situation).toEqual({ stagesComplete: 1, stagesTotal: 3, recommendation: "not_enough_evidence" });
      expect(Object.keys(body.fieldErrors).sort()).toEqual("overrideJustification" in form ? ["confirmedOverrides"] : form === hire ? ["confirmedOverrides", "overrideJustification"] : ["overrideJustification"]);
    }
    const unknown = await call(committee.action, { url: "/", cookie, params: { loopId }, form: { ...hire, ...CONFIRMED, confirmedOverrides: ["incomplete_loop", "gut_feeling"] } });
    expect(unknown.status).toBe(400);
    expect(await prisma.hiringDecision.count({ where: { loopId } })).toBe(0);
  });

  it("records the confirmed overrides and the justification with the decision, and shows them in the history", async () => {
    const { loopId } = await reviewedLoop();
    const member = await createUser(["hiring_committee"]);
    const cookie = await sessionCookieFor(member.id);
    const form = { ...hire, confirmedOverrides: ["incomplete_loop", "against_recommendation"], overrideJustification: "Competing offer expires Friday." };
    expect((await call(committee.action, { url: "/", cookie, params: { loopId }, form })).status).toBe(200);
    const row = await prisma.hiringDecision.findFirstOrThrow({ where: { loopId } });
    expect(JSON.parse(row.overrides)).toEqual(["incomplete_loop", "against_recommendation"]);
    expect(row.overrideJustification).toBe("Competing offer expires Friday.");
    const page = (await pageAs(loopId, member)).body as Page;
    expect(page.pay?.decisions[0]).toMatchObject({ overrides: ["incomplete_loop", "against_recommendation"], overrideJustification: "Competing offer expires Friday." });
    expect(page.pay?.situation).toEqual({ stagesComplete: 1, stagesTotal: 3, recommendation: "not_enough_evidence" });
  });

  it("stores only the overrides that apply: a no-hire agrees with “not enough evidence”", async () => {
    const { loopId } = await reviewedLoop();
    const cookie = await sessionCookieFor((await createUser(["hiring_committee"])).id);
    const missing = await call(committee.action, { url: "/", cookie, params: { loopId }, form: { outcome: "no_hire", rationale: "Not enough.", confirmedOverrides: "against_recommendation", overrideJustification: "x" } });
    expect(missing.status).toBe(400);
    expect(Object.keys((missing.body as Refusal).fieldErrors)).toEqual(["confirmedOverrides"]);
    const answer = await call(committee.action, { url: "/", cookie, params: { loopId }, form: { outcome: "no_hire", rationale: "Not enough.", ...CONFIRMED } });
    expect(answer.status).toBe(200);
    expect(JSON.parse((await prisma.hiringDecision.findFirstOrThrow({ where: { loopId } })).overrides)).toEqual(["incomplete_loop"]);
  });
});
