/**
 * Statements per request: each page and action is held to a budget of SQL statements, counted at
 * the driver adapter (app/data/statement-count.ts), on the benchmark's organisation
 * (test/bench/generate-org.ts) at two sizes. A page is measured as the server answers a GET for
 * it: the root's loader and the page's, side by side in one request scope (test/helpers/statements.ts);
 * an action alone, as the browser posts it.
 *
 * A request's statements are counted by purpose (statementsByPurpose): one session read (who is
 * asking, with the header's unread count), two per audit entry (the previous entry's hash, then
 * the insert), and the page's or action's own data statements. The target is 3 data statements
 * per page, the same at any size; the budgets are what each request runs today and come down as
 * its read is rewritten. A request over budget fails with the statements it ran.
 *
 * PROBE=1 prints every measured request's statements, passing or not.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { resetCommitteeRows } from "~/data/committee-rows.server";
import { prisma } from "~/data/db.server";
import * as home from "~/routes/_index/route";
import * as committeeList from "~/routes/committee._index/route";
import * as scorecardPage from "~/routes/interviews.$interviewId.scorecard/route";
import * as committeePage from "~/routes/loops.$loopId.committee/route";
import * as packetPage from "~/routes/packets.$packetId/route";
import * as draft from "~/routes/scorecards.$scorecardId.draft";
import type { Call, Handler } from "../helpers/route";
import { listing, measureCall, measurePage, SESSION_READ, statementsByPurpose, type Measured } from "../helpers/statements";
import { sessionCookieFor } from "../helpers/users";
import { generateInThisDatabase } from "../helpers/generated-organisation";

/** The goal for every page once its read is one query per page: a handful of statements, whatever the size. */
const TARGET_PER_PAGE = 3;

/** Data statements per request (session and audit apart), measured when the budgets were set. */
const BUDGETS = {
  "committee page": 2,
  "committee list": 2,
  "interviewer home": 1,
  "packet (promotion committee)": 2,
  "packet (builder)": 2,
  "scorecard draft save": 11,
  "scorecard submit": 27,
} as const;

/** Audit entries each request writes: reads of sensitive pages are recorded, as are changes. */
const AUDIT_ENTRIES: Record<keyof typeof BUDGETS, number> = {
  "committee page": 1,
  "committee list": 1,
  "interviewer home": 0,
  "packet (promotion committee)": 1,
  "packet (builder)": 1,
  "scorecard draft save": 1,
  "scorecard submit": 2,
};
type Measure = keyof typeof BUDGETS;
const PAGES = ["committee page", "committee list", "interviewer home", "packet (promotion committee)", "packet (builder)"] as const satisfies readonly Measure[];

/** Two organisations, one ten times the other: what a page sends must not grow with the organisation. */
const SMALL = 30;
const LARGE = 300;

type Measurements = { pages: Record<(typeof PAGES)[number], { shared: Measured; unshared: Measured }>; actions: Record<Exclude<Measure, (typeof PAGES)[number]>, Measured> };

async function measureOrganisation(candidates: number): Promise<Measurements> {
  const manifest = await generateInThisDatabase({ candidates, seed: 7, submitQueue: 12 });
  // The committee list's rows are kept in memory: forget the previous organisation's.
  resetCommitteeRows();
  const cookieOf = async (email: string) => sessionCookieFor((await prisma.user.findUniqueOrThrow({ where: { email } })).id);
  const packet = await prisma.promotionPacket.findUniqueOrThrow({ where: { id: manifest.packetId } });
  const committee = await cookieOf(manifest.logins.hiringCommittee);
  const submitter = await cookieOf(manifest.logins.submitter);
  const { committeeLoopId: loopId, packetId } = manifest;
  const pages: Record<(typeof PAGES)[number], [Handler, Call]> = {
    "committee page": [committeePage.loader, { url: `/loops/${loopId}/committee`, cookie: committee, params: { loopId } }],
    "committee list": [committeeList.loader, { url: "/committee", cookie: committee }],
    "interviewer home": [home.loader, { url: "/", cookie: await cookieOf(manifest.logins.interviewer) }],
    "packet (promotion committee)": [packetPage.loader, { url: `/packets/${packetId}`, cookie: await cookieOf(manifest.logins.promotionCommittee), params: { packetId } }],
    "packet (builder)": [packetPage.loader, { url: `/packets/${packetId}`, cookie: await sessionCookieFor(packet.builderId), params: { packetId } }],
  };
  const measured = {} as Measurements["pages"];
  for (const name of PAGES) {
    const [loader, input] = pages[name];
    // Once before measuring: a page is measured as a server that has served it before answers it.
    await measurePage(loader, input);
    measured[name] = { shared: await measurePage(loader, input), unshared: await measurePage(loader, input, { shared: false }) };
  }

  const scorecardId = manifest.draftScorecardId;
  const interviewId = manifest.submitInterviewIds[0]!;
  return {
    pages: measured,
    actions: {
      "scorecard draft save": await measureCall(draft.action, { url: `/scorecards/${scorecardId}/draft`, cookie: submitter, params: { scorecardId }, json: { version: 0, content: manifest.draftContent } }),
      "scorecard submit": await measureCall(scorecardPage.action, {
        url: `/interviews/${interviewId}/scorecard`,
        cookie: submitter,
        params: { interviewId },
        json: { intent: "submit", version: 0, content: manifest.submitContent },
      }),
    },
  };
}

let small: Measurements;
let large: Measurements;

beforeAll(async () => {
  small = await measureOrganisation(SMALL);
  large = await measureOrganisation(LARGE);
}, 120_000);

const measurement = (of: Measurements, name: Measure): Measured => (name in of.pages ? of.pages[name as (typeof PAGES)[number]].shared : of.actions[name as keyof Measurements["actions"]]);
const EXPECTED_STATUS: Record<Measure, number> = { ...Object.fromEntries(PAGES.map((p) => [p, 200])), "scorecard draft save": 200, "scorecard submit": 302 } as Record<Measure, number>;

describe("statements per request", () => {
  it.each(Object.keys(BUDGETS) as Measure[])("%s stays within its budget of data statements", (name) => {
    for (const [size, of] of [[SMALL, small], [LARGE, large]] as const) {
      const m = measurement(of, name);
      const { data } = statementsByPurpose(m);
      if (process.env.PROBE) console.log(`${name} @ ${size}: ${JSON.stringify(statementsByPurpose(m))}\n${listing(m)}`);
      // A refusal runs fewer statements: only the real answer counts.
      expect(m.answer.status, `${name} @ ${size} answered ${m.answer.status}`).toBe(EXPECTED_STATUS[name]);
      expect(data, `${name} @ ${size} ran ${data} data statements (budget ${BUDGETS[name]}, target ${TARGET_PER_PAGE}):\n${listing(m)}`).toBeLessThanOrEqual(BUDGETS[name]);
    }
  });

  it.each(Object.keys(BUDGETS) as Measure[])("%s reads the session once and writes its audit entries in two statements each", (name) => {
    for (const of of [small, large]) {
      const m = measurement(of, name);
      expect(statementsByPurpose(m), listing(m)).toMatchObject({ session: 1, audit: 2 * AUDIT_ENTRIES[name] });
    }
  });

  it.each(Object.keys(BUDGETS) as Measure[])("%s runs as many statements with ten times the candidates", (name) => {
    const [before, after] = [measurement(small, name), measurement(large, name)];
    expect(after.statements, `${name}: ${before.statements} statements @ ${SMALL}, ${after.statements} @ ${LARGE}:\n${listing(after)}`).toBe(before.statements);
  });

  it("shows each page to its audience (the measured answer is the page, not a refusal)", () => {
    expect((small.pages["committee page"].shared.answer.body as { audience: string }).audience).toBe("committee");
    const [committeeView, builderView] = [small.pages["packet (promotion committee)"], small.pages["packet (builder)"]].map((m) => m.shared.answer.body as { viewerId: string });
    expect(committeeView!.viewerId).not.toBe(builderView!.viewerId);
  });
});

describe("the session, read once per request", () => {
  it.each(PAGES)("%s: the root's loader and the page's share one session read", (name) => {
    for (const of of [small, large]) {
      const { shared, unshared } = of.pages[name];
      const sessionReads = (m: Measured) => m.sql.filter((sql) => SESSION_READ.test(sql)).length;
      expect(sessionReads(shared), listing(shared)).toBe(1);
      expect(sessionReads(unshared), listing(unshared)).toBe(2);
      expect(unshared.statements - shared.statements).toBe(1);
    }
  });
});
