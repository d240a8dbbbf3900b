import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { recordDecision } from "~/data/committee.server";
import { prisma } from "~/data/db.server";
import { findLoop } from "~/data/loops.server";
import { openScorecard, submitScorecard } from "~/data/scorecards.server";
import type { Role } from "~/domain/roles";
import type { Rubric } from "~/domain/rubric/schema";
import type { Recommendation } from "~/domain/scorecard/content";
import type { SubmittedContent } from "~/domain/scorecard/schema";
import * as loopsCsv from "~/routes/committee.loops[.]csv";
import * as loopsJson from "~/routes/committee.loops[.]json";
import * as scorecardsCsv from "~/routes/committee.scorecards[.]csv";
import * as scorecardsJson from "~/routes/committee.scorecards[.]json";
import * as page from "~/routes/committee._index/route";
import { LOOP_COLUMNS, SCORECARD_COLUMNS } from "~/utils/committee-export.server";
import { loopWithInterviews } from "../helpers/loops";
import { parseCsv } from "../helpers/csv";
import { buildRequest, call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";
import { actorOf } from "../helpers/actor";


/** CSV records as objects keyed by the header. */
function csvObjects(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

/** A submitted scorecard for every criterion of the stage, all rated `rating`, raising `flags`. */
function content(rubric: Rubric, stageId: string, rating: number, flags: string[] = [], recommendation: Recommendation = "yes"): SubmittedContent {
  const stage = rubric.stages.find((s) => s.id === stageId)!;
  return {
    ratings: stage.criteria.map((c) => ({ criterionId: c.id, rating, evidence: `Specific evidence for ${c.id}.` })),
    signals: rubric.signals.map((s) => ({ signalId: s.id, observed: false, note: "" })),
    redFlags: rubric.red_flags.map((f) => ({ flagId: f.id, raised: flags.includes(f.id), evidence: flags.includes(f.id) ? "Dismissed the user's complaint." : "" })),
    recommendation,
    takeaways: "Take-aways.",
  } as SubmittedContent;
}

type Card = { by: string; rating: number; flags?: string[]; recommendation?: Recommendation };

/** A builder loop with one interview per stage given, each interviewer submitting their scorecard. */
async function loopWithScorecards(candidateName: string, stages: Record<string, Card[]>) {
  const { loopId, interviewIds, candidate } = await loopWithInterviews(
    Object.entries(stages).map(([stageId, cards]) => ({ stageId, interviewerIds: cards.map((c) => c.by) })),
  );
  await prisma.candidate.update({ where: { id: candidate.id }, data: { name: candidateName, email: `${candidate.id}@mail.example` } });
  const loop = (await findLoop(loopId))!;
  const now = new Date();
  for (const [index, [stageId, cards]] of Object.entries(stages).entries()) {
    const stage = loop.rubric.stages.find((s) => s.id === stageId)!;
    const competencyOf = (id: string) => stage.criteria.find((c) => c.id === id)!.competency;
    for (const card of cards) {
      const scorecard = await openScorecard({ id: interviewIds[index]!, loopId, stageId }, card.by, actorOf(card.by), now);
      await submitScorecard(scorecard, content(loop.rubric, stageId, card.rating, card.flags, card.recommendation), competencyOf, actorOf(card.by), now);
    }
  }
  return { loopId, candidateId: candidate.id, rubric: loop.rubric };
}

const COMMA_NAME = 'Weber, Jonas "JW"';

let committee: string;
let people: Record<"ada" | "ben" | "cai" | "dee" | "eve", string>;
let blocked: Awaited<ReturnType<typeof loopWithScorecards>>;
let thin: Awaited<ReturnType<typeof loopWithScorecards>>;
let decided: Awaited<ReturnType<typeof loopWithScorecards>>;

beforeAll(async () => {
  committee = await sessionCookieFor((await createUser(["hiring_committee"])).id);
  const names = ["ada", "ben", "cai", "dee", "eve"] as const;
  people = Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, (await createUser(["interviewer"], { name: `${n[0]!.toUpperCase()}${n.slice(1)} Interviewer` })).id] as const)),
  ) as typeof people;
  // Complete; two interviewers independently raise the blocking flag.
  blocked = await loopWithScorecards(COMMA_NAME, {
    initial_screen: [{ by: people.ada, rating: 4 }],
    technical_deep_dive: [
      { by: people.ben, rating: 4, flags: ["lack_of_customer_empathy"], recommendation: "strong_no" },
      { by: people.cai, rating: 3, flags: ["lack_of_customer_empathy"], recommendation: "no" },
    ],
    product_assessment: [
      { by: people.dee, rating: 4 },
      { by: people.eve, rating: 4 },
    ],
  });
  // One scorecard: too little evidence for any recommendation.
  thin = await loopWithScorecards("Chloé Dubois", { technical_deep_dive: [{ by: people.ben, rating: 3 }, { by: people.cai, rating: 3 }] });
  decided = await loopWithScorecards("=HYPERLINK(\"x\")", { initial_screen: [{ by: people.ada, rating: 3 }] });
  const decider = await createUser(["hiring_committee"]);
  await recordDecision({
    loopId: decided.loopId,
    outcome: "hire",
    level: "L5",
    baseSalary: 150_000,
    bandJustification: "",
    rationale: "Strong builder.",
    correctsId: undefined,
    currency: "EUR",
    actor: actorOf(decider),
    now: new Date("2026-01-15T10:00:00Z"),
  });
});

type PageData = Awaited<ReturnType<typeof page.loader>>;
const list = async (search = "", cookie = committee) => {
  const answer = await call(page.loader, { url: `/committee${search}`, cookie });
  expect(answer.status).toBe(200);
  return answer.body as PageData;
};

describe("who may open the committee list and its exports", () => {
  const routes = [
    ["/committee", page.loader],
    ["/committee/loops.csv", loopsCsv.loader],
    ["/committee/loops.json", loopsJson.loader],
    ["/committee/scorecards.csv", scorecardsCsv.loader],
    ["/committee/scorecards.json", scorecardsJson.loader],
  ] as const;

  it.each<[Role, number]>([
    ["hiring_committee", 200],
    ["admin", 200],
    ["recruiter", 403],
    ["interviewer", 403],
    ["builder", 403],
    ["manager", 403],
    ["promotion_committee", 403],
  ])("%s gets %i", async (role, status) => {
    const cookie = await sessionCookieFor((await createUser([role])).id);
    for (const [url, loader] of routes) expect((await call(loader, { url, cookie })).status, url).toBe(status);
  });

  it("sends a signed-out visitor to sign in, and back afterwards", async () => {
    for (const [url, loader] of routes) {
      const answer = await call(loader, { url: `${url}?status=all` });
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: `${url}?status=all` })}`);
    }
  });
});

describe("the committee list", () => {
  it("opens on the loops in review", async () => {
    const data = await list();
    expect(data.query.status).toBe("in_review");
    expect(data.rows.map((r) => r.loopId)).toEqual([blocked.loopId]);
    expect(data.counts).toEqual({ in_review: 1, in_progress: 1, decided: 1, closed: 0, all: 3 });
  });

  it("gives each loop its aggregate: a corroborated blocker is a definite no; too little evidence is no decision", async () => {
    const rows = new Map((await list("?status=all")).rows.map((r) => [r.loopId, r]));
    expect(rows.get(blocked.loopId)).toMatchObject({
      candidateName: COMMA_NAME,
      track: "builder",
      version: 3,
      targetLevel: "L5",
      recommendation: "no_hire",
      ats: "DEFINITELY_NO",
      redFlags: 1,
      blockingFlags: ["Lack of customer empathy"],
      stagesComplete: 3,
      stagesTotal: 3,
      status: "in_review",
      decision: null,
    });
    expect(rows.get(thin.loopId)).toMatchObject({
      candidateName: "Chloé Dubois",
      recommendation: "not_enough_evidence",
      ats: "NO_DECISION",
      redFlags: 0,
      stagesComplete: 1,
      stagesTotal: 3,
      status: "in_progress",
    });
    expect(rows.get(decided.loopId)).toMatchObject({ status: "decided", decision: "hire" });
  });

  it("filters by status, recommendation and track, and sorts", async () => {
    expect((await list("?status=in_progress")).rows.map((r) => r.loopId)).toEqual([thin.loopId]);
    expect((await list("?status=all&recommendation=no_hire")).rows.map((r) => r.loopId)).toEqual([blocked.loopId]);
    expect((await list("?status=all&track=design")).rows).toEqual([]);
    expect((await list("?status=all&sort=recommendation")).rows[0]!.loopId).toBe(blocked.loopId);
    expect((await list("?status=all&sort=completion&dir=desc")).rows[0]!.loopId).toBe(blocked.loopId);
    const names = (await list("?status=all&sort=candidate&dir=desc")).rows.map((r) => r.candidateName);
    expect(names).toEqual([COMMA_NAME, "Chloé Dubois", '=HYPERLINK("x")']);
  });

  it("leaves out pay", async () => {
    const text = JSON.stringify(await list("?status=all"));
    expect(text).not.toMatch(/salary|150000|EUR|band/i);
  });
});

describe("the loops export", () => {
  it("is a UTF-8 CSV attachment with a header row, quoting a name with a comma and a quote", async () => {
    const answer = await call(loopsCsv.loader, { url: "/committee/loops.csv?status=all&sort=candidate", cookie: committee });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("Content-Disposition")).toMatch(/^attachment; filename="committee-loops-all-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = answer.body as string;
    expect(text).toContain('"Weber, Jonas ""JW"""');
    expect(text).toContain("Chloé Dubois");
    const [header] = parseCsv(text);
    expect(header).toEqual([
      "loop_id",
      "candidate",
      "candidate_email",
      "track",
      "rubric_version",
      "target_level",
      "supported_level",
      "recommendation",
      "recommendation_label",
      "red_flags",
      "blocking_flags",
      "stages_complete",
      "stages_total",
      "status",
      "status_label",
      "decision",
      "decision_label",
      "hired_level",
      "decided_at",
    ]);
    const rows = csvObjects(text);
    expect(rows.map((r) => r.candidate)).toEqual([`'=HYPERLINK("x")`, "Chloé Dubois", COMMA_NAME]);
    expect(rows[2]).toEqual({
      loop_id: blocked.loopId,
      candidate: COMMA_NAME,
      candidate_email: `${blocked.candidateId}@mail.example`,
      track: "builder",
      rubric_version: "3",
      target_level: "L5",
      supported_level: expect.any(String),
      recommendation: "DEFINITELY_NO",
      recommendation_label: "No hire",
      red_flags: "1",
      blocking_flags: "Lack of customer empathy",
      stages_complete: "3",
      stages_total: "3",
      status: "in_review",
      status_label: "In review",
      decision: "",
      decision_label: "",
      hired_level: "",
      decided_at: "",
    });
    // The ATS value and, beside it, the words the committee list shows.
    expect(rows[1]).toMatchObject({
      recommendation: "NO_DECISION",
      recommendation_label: "Not enough evidence",
      supported_level: "",
      status: "in_progress",
      status_label: "In progress",
    });
    expect(rows[0]).toMatchObject({
      status: "decided",
      status_label: "Decided",
      decision: "HIRE",
      decision_label: "Hire",
      hired_level: "L5",
      decided_at: "2026-01-15T10:00:00.000Z",
    });
    expect(text).not.toMatch(/salary|150000|EUR/i);
  });

  it("keeps the list's filters, and says which in its file name", async () => {
    const fileName = (answer: { headers: Headers }) => /filename="([^"]+)"/.exec(answer.headers.get("Content-Disposition") ?? "")?.[1];
    // The bare address is the list's default view: the loops in review, and the name says so.
    const bare = await call(loopsCsv.loader, { url: "/committee/loops.csv", cookie: committee });
    expect(csvObjects(bare.body as string).map((r) => r.loop_id)).toEqual([blocked.loopId]);
    expect(fileName(bare)).toMatch(/^committee-loops-in-review-\d{4}-\d{2}-\d{2}\.csv$/);
    const filtered = await call(loopsJson.loader, { url: "/committee/loops.json?status=all&recommendation=no_hire&track=builder", cookie: committee });
    expect((JSON.parse(filtered.body as string) as Array<{ loop_id: string }>).map((r) => r.loop_id)).toEqual([blocked.loopId]);
    expect(fileName(filtered)).toMatch(/^committee-loops-all-no-hire-builder-\d{4}-\d{2}-\d{2}\.json$/);
    const scorecards = await call(scorecardsCsv.loader, { url: "/committee/scorecards.csv?status=in_progress", cookie: committee });
    expect(fileName(scorecards)).toMatch(/^committee-scorecards-in-progress-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(new Set(csvObjects(scorecards.body as string).map((r) => r.loop_id))).toEqual(new Set([thin.loopId]));
  });

  it("adds a byte order mark on request", async () => {
    // Read as bytes: Response.text() drops a leading byte order mark.
    const bytes = async (search: string) => {
      const request = buildRequest({ url: `/committee/loops.csv${search}`, cookie: committee });
      const response = await loopsCsv.loader({ request, params: {}, context: { clientAddress: "203.0.113.7", cspNonce: "" } });
      return Buffer.from(await response.arrayBuffer());
    };
    const plain = await bytes("?status=in_progress");
    expect([...plain.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(plain.toString("utf8")).toContain("Chloé Dubois");
    expect(plain.includes(Buffer.from("Chloé", "utf8"))).toBe(true);
    const withBom = await bytes("?status=in_progress&bom=1");
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvObjects(withBom.subarray(3).toString("utf8")).map((r) => r.candidate)).toEqual(["Chloé Dubois"]);
  });

  it("as JSON: an array of objects with the same keys, raw values", async () => {
    const answer = await call(loopsJson.loader, { url: "/committee/loops.json?status=all&sort=candidate", cookie: committee });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const rows = JSON.parse(answer.body as string) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(3);
    expect(rows[0]!.candidate).toBe('=HYPERLINK("x")');
    expect(rows[2]).toMatchObject({
      loop_id: blocked.loopId,
      candidate: COMMA_NAME,
      rubric_version: 3,
      recommendation: "DEFINITELY_NO",
      red_flags: 1,
      blocking_flags: ["Lack of customer empathy"],
      stages_complete: 3,
      decision: null,
      decision_label: null,
      hired_level: null,
    });
    expect(rows[0]).toMatchObject({ recommendation_label: expect.any(String), decision: "HIRE", decision_label: "Hire", hired_level: "L5" });
    const csvHeader = parseCsv((await call(loopsCsv.loader, { url: "/committee/loops.csv", cookie: committee })).body as string)[0];
    for (const row of rows) expect(Object.keys(row)).toEqual(csvHeader);
    expect(answer.body as string).not.toMatch(/salary|150000|EUR/i);
  });
});

describe("the scorecards export", () => {
  it("has a row per submitted scorecard and a column per criterion, empty where the stage has no such criterion", async () => {
    const answer = await call(scorecardsCsv.loader, { url: "/committee/scorecards.csv?status=all&sort=candidate&dir=desc", cookie: committee });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("Content-Disposition")).toMatch(/^attachment; filename="committee-scorecards-all-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = answer.body as string;
    const [header] = parseCsv(text);
    const criteria = blocked.rubric.stages.flatMap((s) => s.criteria.map((c) => c.id));
    expect(header).toEqual(["loop_id", "candidate", "stage", "stage_name", "interviewer", "submitted_at", "recommendation", "recommendation_label", ...criteria]);
    const rows = csvObjects(text);
    // 5 + 2 + 1 scorecards, loops in the list's order, stages in rubric order.
    expect(rows.map((r) => [r.loop_id, r.stage])).toEqual([
      [blocked.loopId, "initial_screen"],
      [blocked.loopId, "technical_deep_dive"],
      [blocked.loopId, "technical_deep_dive"],
      [blocked.loopId, "product_assessment"],
      [blocked.loopId, "product_assessment"],
      [thin.loopId, "technical_deep_dive"],
      [thin.loopId, "technical_deep_dive"],
      [decided.loopId, "initial_screen"],
    ]);
    const ben = rows.find((r) => r.loop_id === blocked.loopId && r.interviewer === "Ben Interviewer")!;
    const stageName = blocked.rubric.stages.find((s) => s.id === "technical_deep_dive")!.name;
    expect(ben).toMatchObject({
      candidate: COMMA_NAME,
      stage_name: stageName,
      recommendation: "DEFINITELY_NO",
      recommendation_label: "Strong no",
      live_build: "4",
      system_design: "4",
      end_to_end_ownership: "",
      define_and_prototype: "",
    });
    expect(ben.submitted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const cai = rows.find((r) => r.loop_id === blocked.loopId && r.interviewer === "Cai Interviewer")!;
    expect(cai).toMatchObject({ recommendation: "NO", recommendation_label: "No", live_build: "3" });
    expect(rows.find((r) => r.stage === "initial_screen" && r.loop_id === blocked.loopId)).toMatchObject({ end_to_end_ownership: "4", live_build: "" });
    expect(text).toContain('"Weber, Jonas ""JW"""');
  });

  it("as JSON: the same keys, ratings as numbers and null where there is none", async () => {
    const answer = await call(scorecardsJson.loader, { url: "/committee/scorecards.json?status=in_progress", cookie: committee });
    expect(answer.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const rows = JSON.parse(answer.body as string) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      loop_id: thin.loopId,
      candidate: "Chloé Dubois",
      stage: "technical_deep_dive",
      recommendation: "YES",
      recommendation_label: "Yes",
      live_build: 3,
      end_to_end_ownership: null,
    });
  });
});

describe("the README", () => {
  /** The backticked first cell of each row of each table under "### Exports", table by table. */
  function documentedColumns(): string[][] {
    const readme = fs.readFileSync("README.md", "utf8");
    const start = readme.indexOf("\n### Exports\n");
    expect(start).toBeGreaterThan(-1);
    const section = readme.slice(start + 1, readme.indexOf("\n## ", start + 1));
    const tables: string[][] = [];
    let current: string[] | null = null;
    for (const line of section.split("\n")) {
      if (!line.startsWith("|")) {
        current = null;
        continue;
      }
      if (!current) tables.push((current = []));
      const name = /^\| `([a-z_]+)` \|/.exec(line)?.[1];
      if (name) current.push(name);
    }
    return tables.filter((t) => t.length > 0);
  }

  it("documents every column of both exports, in order", () => {
    const tables = documentedColumns();
    expect(tables).toContainEqual([...LOOP_COLUMNS]);
    expect(tables).toContainEqual([...SCORECARD_COLUMNS]);
  });
});
