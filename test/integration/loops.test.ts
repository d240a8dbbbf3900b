import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { syncRubricFiles } from "~/data/rubrics.server";
import { RubricPublishError } from "~/data/rubric-files.server";
import * as newLoop from "~/routes/candidates.$candidateId.loops.new/route";
import * as ics from "~/routes/interviews.$interviewId.calendar[.]ics";
import * as loopPage from "~/routes/loops.$loopId._index/route";
import { call } from "../helpers/route";
import { loopWithInterviews, publishShippedRubrics } from "../helpers/loops";
import { createUser, sessionCookieFor } from "../helpers/users";
import { builderV1, rubricsFolder, toYaml } from "../helpers/rubrics";

async function recruiterCookie() {
  return sessionCookieFor((await createUser(["recruiter"])).id);
}

async function candidate() {
  return prisma.candidate.create({ data: { name: "Rosa Lind", email: "rosa@test.example", source: "technical_pm", targetLevel: "L6" } });
}

describe("creating a loop", () => {
  it("pins the track's current rubric version and marks it as used", async () => {
    await publishShippedRubrics();
    const c = await candidate();
    const answer = await call(newLoop.action, {
      url: `/candidates/${c.id}/loops/new`,
      cookie: await recruiterCookie(),
      params: { candidateId: c.id },
      form: { track: "builder", targetLevel: "L6" },
    });
    expect(answer.status).toBe(302);
    const loop = await prisma.loop.findFirstOrThrow({ where: { candidateId: c.id }, include: { rubricVersion: true } });
    expect(answer.headers.get("Location")).toBe(`/loops/${loop.id}`);
    expect([loop.rubricVersion.track, loop.rubricVersion.version, loop.targetLevel]).toEqual(["builder", 3, "L6"]);
    expect(loop.rubricVersion.firstUsedAt).not.toBeNull();
  });

  it("makes the pinned version immutable: a changed file for it now stops the start", async () => {
    await publishShippedRubrics();
    const c = await candidate();
    await call(newLoop.action, { url: "/", cookie: await recruiterCookie(), params: { candidateId: c.id }, form: { track: "product-builder", targetLevel: "L5" } });
    const changed = builderV1();
    const dir = rubricsFolder({
      "builder/v1.yaml": toYaml(builderV1()),
      "builder/v2.yaml": toYaml({ ...changed, version: 2 }),
      "product-builder/v1.yaml": toYaml({ ...builderV1(), track: "product-builder", summary: "Edited in place." }),
    });
    await expect(syncRubricFiles(new Date(), dir)).rejects.toThrow(RubricPublishError);
    await expect(syncRubricFiles(new Date(), dir)).rejects.toThrow(/product-builder v1 is in use/);
  });

  it("skips a retired version: new loops pin the newest version in service", async () => {
    await publishShippedRubrics();
    await prisma.rubricVersion.update({ where: { track_version: { track: "builder", version: 3 } }, data: { retiredAt: new Date() } });
    try {
      const c = await candidate();
      await call(newLoop.action, { url: "/", cookie: await recruiterCookie(), params: { candidateId: c.id }, form: { track: "builder", targetLevel: "L5" } });
      const loop = await prisma.loop.findFirstOrThrow({ where: { candidateId: c.id }, include: { rubricVersion: true } });
      expect(loop.rubricVersion.version).toBe(2);
    } finally {
      await prisma.rubricVersion.update({ where: { track_version: { track: "builder", version: 3 } }, data: { retiredAt: null } });
    }
  });

  it("rejects an unknown track or level with 400 and creates nothing; 403 for interviewers", async () => {
    await publishShippedRubrics();
    const c = await candidate();
    const cookie = await recruiterCookie();
    const badTrack = await call(newLoop.action, { url: "/", cookie, params: { candidateId: c.id }, form: { track: "astronaut", targetLevel: "L5" } });
    expect(badTrack.status).toBe(400);
    const badLevel = await call(newLoop.action, { url: "/", cookie, params: { candidateId: c.id }, form: { track: "builder", targetLevel: "L9" } });
    expect(badLevel.status).toBe(400);
    const interviewer = await sessionCookieFor((await createUser(["interviewer"])).id);
    expect((await call(newLoop.action, { url: "/", cookie: interviewer, params: { candidateId: c.id }, form: { track: "builder", targetLevel: "L5" } })).status).toBe(403);
    expect(await prisma.loop.count({ where: { candidateId: c.id } })).toBe(0);
  });
});

describe("scheduling interviews", () => {
  const form = (overrides: Record<string, string | string[]>) => ({
    intent: "add-interview",
    stageId: "technical_deep_dive",
    startsAtLocal: "2026-12-01T14:30",
    timeZone: "Europe/Berlin", // the browser's zone: UTC+1 in December, UTC+2 in summer
    durationMinutes: "60",
    interviewerIds: [] as string[],
    ...overrides,
  });

  it("adds an interview with its interviewers, reading the time in the browser's zone", async () => {
    const a = await createUser(["interviewer"]);
    const b = await createUser(["interviewer", "builder"]);
    const { loopId } = await loopWithInterviews([]);
    const answer = await call(loopPage.action, { url: "/", cookie: await recruiterCookie(), params: { loopId }, form: form({ interviewerIds: [a.id, b.id] }) });
    expect(answer.status).toBe(200);
    const interview = await prisma.interview.findFirstOrThrow({ where: { loopId }, include: { assignments: true } });
    expect(interview.startsAt.toISOString()).toBe("2026-12-01T13:30:00.000Z");
    expect(interview.assignments.map((x) => x.interviewerId).sort()).toEqual([a.id, b.id].sort());
  });

  it("reads a summer time with the zone's summer offset, whatever the offset is today", async () => {
    const a = await createUser(["interviewer"]);
    const { loopId } = await loopWithInterviews([]);
    const cookie = await recruiterCookie();
    const times = [
      ["2027-07-01T10:00", "Europe/Berlin", "2027-07-01T08:00:00.000Z"],
      ["2027-01-15T10:00", "Europe/Berlin", "2027-01-15T09:00:00.000Z"],
      ["2027-07-01T10:00", "America/New_York", "2027-07-01T14:00:00.000Z"],
      ["2027-10-31T02:30", "Europe/Berlin", "2027-10-31T00:30:00.000Z"], // repeated: the first occurrence
    ] as const;
    for (const [startsAtLocal, timeZone] of times) {
      expect((await call(loopPage.action, { url: "/", cookie, params: { loopId }, form: form({ startsAtLocal, timeZone, interviewerIds: [a.id] }) })).status).toBe(200);
    }
    const stored = await prisma.interview.findMany({ where: { loopId } });
    expect(stored.map((i) => i.startsAt.toISOString()).sort()).toEqual(times.map((t) => t[2]).sort());
  });

  it.each([
    ["a stage the pinned rubric lacks", { stageId: "bake_off" }, "stageId"],
    ["no interviewer", { interviewerIds: [] }, "interviewerIds"],
    ["an impossible date", { startsAtLocal: "2026-02-31T10:00" }, "startsAtLocal"],
    ["a time the clocks skip", { startsAtLocal: "2027-03-28T02:30" }, "startsAtLocal"],
    ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ["an offset instead of a time zone", { timeZone: "+01:00" }, "timeZone"],
    ["no time zone", { timeZone: "" }, "timeZone"],
    ["a five-minute interview", { durationMinutes: "5" }, "durationMinutes"],
  ])("rejects %s with 400 and writes nothing", async (_label, overrides, field) => {
    const a = await createUser(["interviewer"]);
    const { loopId } = await loopWithInterviews([]);
    const answer = await call(loopPage.action, { url: "/", cookie: await recruiterCookie(), params: { loopId }, form: form({ interviewerIds: [a.id], ...overrides }) });
    expect(answer.status).toBe(400);
    expect((answer.body as { fieldErrors: Record<string, string[]> }).fieldErrors[field]).toBeDefined();
    expect(await prisma.interview.count({ where: { loopId } })).toBe(0);
  });

  it("only assigns people who hold the interviewer role", async () => {
    const builder = await createUser(["builder"]);
    const { loopId } = await loopWithInterviews([]);
    const answer = await call(loopPage.action, { url: "/", cookie: await recruiterCookie(), params: { loopId }, form: form({ interviewerIds: [builder.id] }) });
    expect(answer.status).toBe(400);
    expect(await prisma.interview.count({ where: { loopId } })).toBe(0);
  });

  it("lets only recruiters and admins change a loop; an unassigned interviewer cannot even read it", async () => {
    const a = await createUser(["interviewer"]);
    const { loopId } = await loopWithInterviews([{ stageId: "initial_screen", interviewerIds: [a.id] }]);
    const assigned = await sessionCookieFor(a.id);
    expect((await call(loopPage.loader, { url: "/", cookie: assigned, params: { loopId } })).status).toBe(200);
    expect((await call(loopPage.action, { url: "/", cookie: assigned, params: { loopId }, form: form({ interviewerIds: [a.id] }) })).status).toBe(403);

    const outsider = await sessionCookieFor((await createUser(["interviewer"])).id);
    expect((await call(loopPage.loader, { url: "/", cookie: outsider, params: { loopId } })).status).toBe(403);
    const builder = await sessionCookieFor((await createUser(["builder"])).id);
    expect((await call(loopPage.loader, { url: "/", cookie: builder, params: { loopId } })).status).toBe(403);
    expect((await call(loopPage.loader, { url: "/", cookie: assigned, params: { loopId: "nope" } })).status).toBe(404);
  });

  it("shows each stage's status from the pinned rubric's rules", async () => {
    const a = await createUser(["interviewer"]);
    const future = new Date(Date.now() + 48 * 3600_000);
    const { loopId } = await loopWithInterviews([
      { stageId: "initial_screen", interviewerIds: [a.id] },
      { stageId: "product_assessment", interviewerIds: [a.id], startsAt: future },
    ]);
    const page = await call(loopPage.loader, { url: "/", cookie: await recruiterCookie(), params: { loopId } });
    const body = page.body as Awaited<ReturnType<typeof loopPage.loader>>;
    expect(body.stages.map((s) => [s.id, s.status, s.needed])).toEqual([
      ["initial_screen", "awaiting_scorecards", 1],
      ["technical_deep_dive", "not_scheduled", 2],
      ["product_assessment", "scheduled", 2],
    ]);
  });
});

describe("calendar files", () => {
  it("downloads an interview as an RFC 5545 event for those on the loop", async () => {
    const a = await createUser(["interviewer"], { name: "Ada Lovelace", email: `ada-${Date.now()}@test.example` });
    const { interviewIds, candidate: c } = await loopWithInterviews([
      { stageId: "technical_deep_dive", interviewerIds: [a.id], startsAt: new Date("2026-12-01T13:30:00Z") },
    ]);
    const interviewId = interviewIds[0]!;
    const answer = await call(ics.loader, { url: `/interviews/${interviewId}/calendar.ics`, cookie: await sessionCookieFor(a.id), params: { interviewId } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const text = answer.body as string;
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text).toContain("DTSTART:20261201T133000Z\r\n");
    expect(text).toContain("DTEND:20261201T143000Z\r\n");
    expect(text).toContain(`SUMMARY:Interview: ${c.name} (Stage 2: Technical deep dive)`);
    expect(text).toContain("ATTENDEE;CN=\"Ada Lovelace\";ROLE=REQ-PARTICIPANT:mailto:");

    const outsider = await sessionCookieFor((await createUser(["interviewer"])).id);
    expect((await call(ics.loader, { url: "/", cookie: outsider, params: { interviewId } })).status).toBe(403);
  });
});
