import { beforeAll, describe, expect, it } from "vitest";
import { recordDecision } from "~/data/committee.server";
import { prisma } from "~/data/db.server";
import * as record from "~/routes/builders.$userId/route";
import * as candidatePage from "~/routes/candidates.$candidateId._index/route";
import * as onboard from "~/routes/candidates.$candidateId.onboard/route";
import { verifyPassword } from "~/utils/password.server";
import { loopWithInterviews } from "../helpers/loops";
import { call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";
import { actorOf } from "../helpers/actor";

let admin: { id: string };
let committee: { id: string };
let manager: { id: string };

beforeAll(async () => {
  admin = await createUser(["admin"]);
  committee = await createUser(["hiring_committee"]);
  manager = await createUser(["manager"], { name: "Marcus" });
});

async function hiredCandidate(outcome: "hire" | "no_hire" = "hire") {
  const { loopId, candidate } = await loopWithInterviews([]);
  const email = `hire-${loopId}@mail.example`;
  await prisma.candidate.update({ where: { id: candidate.id }, data: { email, name: "Kwame Asante" } });
  const decided = await recordDecision({
    loopId,
    outcome,
    ...(outcome === "hire" ? { level: "L5" as const, baseSalary: 236000 } : {}),
    bandJustification: "",
    rationale: "Strong across stages.",
    correctsId: undefined,
    currency: "USD",
    actor: actorOf(committee),
    now: new Date(),
  });
  if (!decided.ok) throw new Error(decided.message);
  return { loopId, candidateId: candidate.id, email, decisionId: decided.id };
}

const post = async (user: { id: string }, candidateId: string, form: Record<string, string>) =>
  call(onboard.action, { url: `/candidates/${candidateId}/onboard`, cookie: await sessionCookieFor(user.id), params: { candidateId }, form });

describe("turning a hire into a builder", () => {
  it("creates the account and a record at the hire's level and base, with 'hired' linked to the decision first in the history", async () => {
    const hire = await hiredCandidate();
    const page = await call(candidatePage.loader, { url: `/candidates/${hire.candidateId}`, cookie: await sessionCookieFor(admin.id), params: { candidateId: hire.candidateId } });
    expect((page.body as { canOnboard: boolean }).canOnboard).toBe(true);

    const answer = await post(admin, hire.candidateId, { loopId: hire.loopId, managerId: manager.id, startDate: "2026-12-01" });
    expect(answer.status).toBe(200);
    const { userId, temporaryPassword } = answer.body as { userId: string; temporaryPassword: string };
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { roles: true, password: true, builder: { include: { levelHistory: true } } } });
    expect(user.email).toBe(hire.email);
    expect(user.roles.map((r) => r.role)).toEqual(["builder"]);
    expect(await verifyPassword(user.password!.hash, temporaryPassword)).toBe(true);
    // Someone else chose it: the new builder must replace it at the first sign-in.
    expect(user.password!.mustChange).toBe(true);
    const loop = await prisma.loop.findUniqueOrThrow({ where: { id: hire.loopId } });
    expect(user.builder).toMatchObject({ level: "L5", baseSalary: 236000, currency: "USD", managerId: manager.id, rubricVersionId: loop.rubricVersionId });
    expect(user.builder!.levelHistory).toEqual([expect.objectContaining({ level: "L5", reason: "hired", hiringDecisionId: hire.decisionId })]);

    // The record shows the hire (to its owner, once they have chosen their own password), and the candidate page no longer offers to create it again.
    await prisma.password.update({ where: { userId }, data: { mustChange: false } });
    const view = await call(record.loader, { url: `/builders/${userId}`, cookie: await sessionCookieFor(userId), params: { userId } });
    expect((view.body as { history: Array<{ reason: string; hiringDecisionId: string | null }> }).history).toEqual([expect.objectContaining({ reason: "hired", hiringDecisionId: hire.decisionId })]);
    const again = await call(candidatePage.loader, { url: `/candidates/${hire.candidateId}`, cookie: await sessionCookieFor(admin.id), params: { candidateId: hire.candidateId } });
    expect((again.body as { canOnboard: boolean }).canOnboard).toBe(false);
    expect((await post(admin, hire.candidateId, { loopId: hire.loopId, startDate: "2026-12-01" })).status).toBe(409);
  });

  it("is for admins only", async () => {
    const hire = await hiredCandidate();
    for (const user of [committee, manager, await createUser(["recruiter"])]) {
      expect((await post(user, hire.candidateId, { loopId: hire.loopId, startDate: "2026-12-01" })).status).toBe(403);
    }
    expect(await prisma.user.count({ where: { email: hire.email } })).toBe(0);
  });

  it("refuses a loop whose decision is not a hire, and a bad start date", async () => {
    const noHire = await hiredCandidate("no_hire");
    expect((await post(admin, noHire.candidateId, { loopId: noHire.loopId, startDate: "2026-12-01" })).status).toBe(409);
    const hire = await hiredCandidate();
    const bad = await post(admin, hire.candidateId, { loopId: hire.loopId, startDate: "soon" });
    expect(bad.status).toBe(400);
    expect((bad.body as { fieldErrors: Record<string, string[]> }).fieldErrors.startDate).toEqual(["Enter the start date"]);
    expect(await prisma.user.count({ where: { email: { in: [noHire.email, hire.email] } } })).toBe(0);
  });
});
