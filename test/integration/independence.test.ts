import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { resetCommitteeRows } from "~/data/committee-rows.server";
import * as committeeList from "~/routes/committee._index/route";
import * as loopsCsv from "~/routes/committee.loops[.]csv";
import * as loopsJson from "~/routes/committee.loops[.]json";
import * as scorecardsCsv from "~/routes/committee.scorecards[.]csv";
import * as scorecardsJson from "~/routes/committee.scorecards[.]json";
import * as committee from "~/routes/loops.$loopId.committee/route";
import * as home from "~/routes/_index/route";
import * as scorecardPage from "~/routes/scorecards.$scorecardId._index/route";
import { prepareDatabase } from "~/server/startup";
import { getConfig } from "~/utils/env.server";
import { call } from "../helpers/route";
import { sessionCookieFor } from "../helpers/users";

// Hannah holds the hiring-committee and interviewer roles and interviews Chloé in Stage 3, which
// she has not submitted. Independence must bind her as it binds any interviewer.
let hannah: { id: string; cookie: string };
let aisha: { id: string; cookie: string };
let chloeLoopId: string;
let othersScorecardId: string;

const EXPORTS = [loopsCsv, loopsJson, scorecardsCsv, scorecardsJson];

beforeAll(async () => {
  expect(await prepareDatabase({ ...getConfig(), seedDemo: true }, () => {})).toEqual({ seeded: true });
  resetCommitteeRows();
  const person = async (email: string) => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    return { id: user.id, cookie: await sessionCookieFor(user.id) };
  };
  hannah = await person("hiring@northwind.example");
  aisha = await person("aisha.rahman@northwind.example"); // hiring committee, not on the loop
  const loop = await prisma.loop.findFirstOrThrow({ where: { candidate: { email: "chloe.dubois@mail.example" } } });
  chloeLoopId = loop.id;
  const assigned = await prisma.interviewAssignment.count({ where: { interviewerId: hannah.id, interview: { loopId: loop.id } } });
  expect(assigned).toBe(1);
  const submitted = await prisma.scorecard.findFirstOrThrow({ where: { loopId: loop.id, status: "submitted", interviewerId: { not: hannah.id } } });
  othersScorecardId = submitted.id;
});

const committeePage = (cookie: string) => call(committee.loader, { url: `/loops/${chloeLoopId}/committee`, cookie, params: { loopId: chloeLoopId } });
type CommitteePage = Awaited<ReturnType<typeof committee.loader>>;
type ListPage = Awaited<ReturnType<typeof committeeList.loader>>;

describe("a committee member who interviews on a loop and has not submitted", () => {
  it("may not read the other interviewers' scorecards there", async () => {
    const answer = await call(scorecardPage.loader, { url: `/scorecards/${othersScorecardId}`, cookie: hannah.cookie, params: { scorecardId: othersScorecardId } });
    expect(answer.status).toBe(403);
    // A committee member who is not on the loop still reads it.
    const other = await call(scorecardPage.loader, { url: `/scorecards/${othersScorecardId}`, cookie: aisha.cookie, params: { scorecardId: othersScorecardId } });
    expect(other.status).toBe(200);
  });

  it("sees the loop's completion on its committee page, but no evidence, no pay and no decision form", async () => {
    const answer = await committeePage(hannah.cookie);
    expect(answer.status).toBe(200);
    const page = answer.body as CommitteePage;
    expect(page.audience).toBe("recruiter");
    expect(page.owesScorecards).toBe(true);
    expect(page.evidence).toBeNull();
    expect(page.pay).toBeNull();
    expect(JSON.stringify(page)).not.toMatch(/"aggregate"|"ratings"|"scorecards"|"bands?"|baseSalary|recommendation/);
    expect(((await committeePage(aisha.cookie)).body as CommitteePage).audience).toBe("committee");
  });

  it("may not record its decision, and nothing is written", async () => {
    const before = await prisma.hiringDecision.count();
    const answer = await call(committee.action, {
      url: `/loops/${chloeLoopId}/committee`,
      cookie: hannah.cookie,
      params: { loopId: chloeLoopId },
      form: { outcome: "no_hire", rationale: "Deciding before my own scorecard." },
    });
    expect(answer.status).toBe(403);
    expect(await prisma.hiringDecision.count()).toBe(before);
  });

  it("does not find the loop in the committee list, its counts or any export", async () => {
    const list = (await call(committeeList.loader, { url: "/committee?status=all", cookie: hannah.cookie })).body as ListPage;
    const theirs = (await call(committeeList.loader, { url: "/committee?status=all", cookie: aisha.cookie })).body as ListPage;
    expect(theirs.rows.map((r) => r.loopId)).toContain(chloeLoopId);
    expect(list.rows.map((r) => r.loopId)).not.toContain(chloeLoopId);
    expect(list.hidden).toBe(1);
    expect(list.counts.all).toBe(theirs.counts.all - 1);
    for (const route of EXPORTS) {
      const mine = await call(route.loader, { url: "/committee/export?status=all", cookie: hannah.cookie });
      const full = await call(route.loader, { url: "/committee/export?status=all", cookie: aisha.cookie });
      expect(mine.status).toBe(200);
      expect(String(full.body)).toContain(chloeLoopId);
      expect(String(mine.body)).not.toContain(chloeLoopId);
    }
  });

  it("reads it all once every scorecard they owe there is submitted", async () => {
    const interview = await prisma.interview.findFirstOrThrow({ where: { loopId: chloeLoopId, assignments: { some: { interviewerId: hannah.id } } } });
    await prisma.scorecard.create({
      data: { interviewId: interview.id, interviewerId: hannah.id, loopId: chloeLoopId, stageId: interview.stageId, status: "submitted", submittedAt: new Date(), createdAt: new Date() },
    });
    await prisma.loop.update({ where: { id: chloeLoopId }, data: { revision: { increment: 1000 } } });
    const page = (await committeePage(hannah.cookie)).body as CommitteePage;
    expect(page.audience).toBe("committee");
    expect(page.pay?.canDecide).toBe(true);
    const list = (await call(committeeList.loader, { url: "/committee?status=all", cookie: hannah.cookie })).body as ListPage;
    expect(list.rows.map((r) => r.loopId)).toContain(chloeLoopId);
    expect(list.hidden).toBe(0);
    expect((await call(home.loader, { url: "/", cookie: hannah.cookie })).status).toBe(200);
  });
});
