import ICAL from "ical.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eraseCandidate } from "~/data/candidate-erasure.server";
import { submittedScorecards } from "~/data/committee.server";
import { prisma } from "~/data/db.server";
import { emailTime } from "~/domain/notifications/events";
import { wallClockInZone } from "~/domain/time-zone";
import { instantFromWallClock } from "~/domain/wall-clock";
import { scorecardDueAt } from "~/domain/loop";
import * as home from "~/routes/_index/route";
import * as ics from "~/routes/interviews.$interviewId.calendar[.]ics";
import * as edit from "~/routes/interviews.$interviewId.edit/route";
import * as scorecardPage from "~/routes/interviews.$interviewId.scorecard/route";
import * as loopPage from "~/routes/loops.$loopId._index/route";
import * as draftRoute from "~/routes/scorecards.$scorecardId.draft";
import { deliverDue, smtpMailer } from "~/server/delivery";
import { actorOf } from "../helpers/actor";
import { postJson } from "../helpers/json";
import { loopWithInterviews, stage2Content } from "../helpers/loops";
import { call } from "../helpers/route";
import { startTestSmtp, type TestSmtp } from "../helpers/smtp";
import { createUser, sessionCookieFor } from "../helpers/users";
import { rowsChangedBy } from "../security/fingerprint";

/**
 * Rescheduling, cancelling and reassigning an interview through its route, with the emails that
 * reach a real SMTP server (smtp-server + mailparser) and their calendar files read by ical.js.
 */

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp.close());

const HOUR = 3_600_000;
const STAGE = "Stage 2: Technical deep dive";
const uidOf = (interviewId: string) => `interview-${interviewId}@builder-ladder`;

/** Sends every due email to the test server; returns what arrived by this run. */
async function deliver() {
  const mailer = smtpMailer({ host: "127.0.0.1", port: smtp.port, secure: false, auth: null }, "Builder Ladder <ladder@test.example>");
  smtp.received.length = 0;
  await deliverDue({ mailer, workerId: "test", batch: 500 });
  mailer.close();
  return smtp.received.map((r) => ({ to: r.envelopeTo[0]!, mail: r.mail }));
}

function calendarOf(mail: Awaited<ReturnType<typeof deliver>>[number]["mail"]) {
  const part = mail.attachments.find((a) => a.contentType === "text/calendar");
  expect(part, "a text/calendar part").toBeDefined();
  const calendar = new ICAL.Component(ICAL.parse(part!.content.toString("utf8")));
  const event = calendar.getFirstSubcomponent("vevent")!;
  const type = part!.headers.get("content-type") as { params?: Record<string, string> } | undefined;
  return {
    partMethod: type?.params?.method,
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    status: event.getFirstPropertyValue("status"),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
    end: (event.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate(),
    organizer: event.getFirstPropertyValue("organizer"),
    attendees: event.getAllProperties("attendee").map((p) => String(p.getFirstValue())).sort(),
  };
}

async function person(roles: Parameters<typeof createUser>[0], name: string) {
  const user = await createUser(roles, { name });
  return { ...user, cookie: await sessionCookieFor(user.id) };
}

/** An interview with a panel, its assignment emails already delivered. */
async function scheduled(panelSize: number, startsAt: Date) {
  const names = ["Ada Lovelace", "Bo Chen", "Di Prince", "Eve Moss"];
  const people = await Promise.all(names.slice(0, panelSize).map((n) => person(["interviewer"], n)));
  // On the minute, as a typed time is (calendar files carry whole seconds).
  const onMinute = new Date(Math.floor(startsAt.getTime() / 60_000) * 60_000);
  const { loopId, interviewIds, recruiter, candidate } = await loopWithInterviews([{ stageId: "technical_deep_dive", interviewerIds: people.map((p) => p.id), startsAt: onMinute }]);
  await deliver();
  return { people, loopId, interviewId: interviewIds[0]!, recruiter: { ...recruiter, cookie: await sessionCookieFor(recruiter.id) }, candidate };
}

const change = (cookie: string, interviewId: string, form: Record<string, string | string[]>) =>
  call(edit.action, { url: `/interviews/${interviewId}/edit`, cookie, params: { interviewId }, form });

const homeQueue = async (cookie: string) => {
  const page = (await call(home.loader, { url: "/", cookie })).body as Awaited<ReturnType<typeof home.loader>>;
  const q = page.queue!;
  return [...q.upcoming, ...q.toWrite, ...q.drafts, ...q.overdue];
};

beforeEach(() => {
  smtp.received.length = 0;
});

describe("rescheduling an interview", () => {
  it("moves it, raises its sequence, and emails every interviewer an updated invitation (same UID, higher SEQUENCE); the due time follows", async () => {
    const { people, interviewId, recruiter, loopId } = await scheduled(2, new Date(Date.now() + 48 * HOUR));
    const [ada, bo] = people;
    const zone = "Europe/Berlin";
    const local = wallClockInZone(new Date(Math.ceil((Date.now() + 96 * HOUR) / HOUR) * HOUR), zone);
    const startsAt = (instantFromWallClock(local, zone) as { instant: Date }).instant;
    const revisionBefore = (await prisma.loop.findUniqueOrThrow({ where: { id: loopId } })).revision;
    const previous = (await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).startsAt;

    const answer = await change(recruiter.cookie, interviewId, { intent: "reschedule", sequence: "0", startsAtLocal: local, timeZone: zone, durationMinutes: "90" });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, sequence: 1 });
    expect(await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).toMatchObject({ startsAt, durationMinutes: 90, sequence: 1 });
    // The committee list reads loops whose revision rose.
    expect((await prisma.loop.findUniqueOrThrow({ where: { id: loopId } })).revision).toBeGreaterThan(revisionBefore);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "interview.reschedule", recordId: interviewId } });
    expect(entry.actorId).toBe(recruiter.id);

    const arrived = await deliver();
    expect(arrived.map((m) => m.to).sort()).toEqual([ada!.email, bo!.email].sort());
    for (const { mail } of arrived) {
      expect(mail.subject).toBe(`Interview moved: ${STAGE}, now ${emailTime(startsAt)}`);
      expect(mail.text).toContain(`http://localhost:3000/interviews/${interviewId}/scorecard`);
      expect(mail.text).toContain(`has moved from ${emailTime(previous)} to ${emailTime(startsAt)} (90 minutes)`);
      expect(calendarOf(mail)).toMatchObject({
        partMethod: "REQUEST",
        method: "REQUEST",
        uid: uidOf(interviewId),
        sequence: 1,
        start: startsAt,
        end: new Date(startsAt.getTime() + 90 * 60_000),
        organizer: `mailto:${recruiter.email}`,
        attendees: [`mailto:${ada!.email}`, `mailto:${bo!.email}`].sort(),
      });
    }
    // Her to-do list and the download read the new time.
    const [entryForAda] = (await homeQueue(ada!.cookie)).filter((e) => e.interviewId === interviewId);
    expect(entryForAda).toMatchObject({ startsAt, dueAt: scorecardDueAt({ startsAt, durationMinutes: 90 }, entryForAda!.dueHours) });
    const file = await call(ics.loader, { url: `/interviews/${interviewId}/calendar.ics`, cookie: ada!.cookie, params: { interviewId } });
    expect(String(file.body)).toContain("SEQUENCE:1\r\n");
  });

  it("refuses a stale version (409) and writes nothing: no change, no entry, no email", async () => {
    const { interviewId, recruiter } = await scheduled(1, new Date(Date.now() + 48 * HOUR));
    const local = wallClockInZone(new Date(Date.now() + 72 * HOUR), "UTC");
    expect((await change(recruiter.cookie, interviewId, { intent: "reschedule", sequence: "0", startsAtLocal: local, timeZone: "UTC", durationMinutes: "60" })).status).toBe(200);
    await deliver();
    // A second form loaded before that change still names version 0.
    const later = wallClockInZone(new Date(Date.now() + 100 * HOUR), "UTC");
    const stale = await rowsChangedBy(() => change(recruiter.cookie, interviewId, { intent: "reschedule", sequence: "0", startsAtLocal: later, timeZone: "UTC", durationMinutes: "60" }));
    expect(stale.result.status).toBe(409);
    expect(stale.changed).toBe(0);
    const staleCancel = await rowsChangedBy(() => change(recruiter.cookie, interviewId, { intent: "cancel", sequence: "0", reason: "Clash" }));
    expect([staleCancel.result.status, staleCancel.changed]).toEqual([409, 0]);
    expect(await deliver()).toEqual([]);
  });

  it("refuses bad input (400) and those who do not manage loops (403), writing nothing", async () => {
    const { people, interviewId, recruiter } = await scheduled(1, new Date(Date.now() + 48 * HOUR));
    const current = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    const cases: Array<[Record<string, string>, string]> = [
      [{ startsAtLocal: wallClockInZone(new Date(Date.now() - 5 * HOUR), "UTC") }, "startsAtLocal"],
      [{ startsAtLocal: wallClockInZone(current.startsAt, "UTC") }, "startsAtLocal"],
      [{ startsAtLocal: "2027-02-31T10:00" }, "startsAtLocal"],
      [{ durationMinutes: "5" }, "durationMinutes"],
      [{ sequence: "" }, "sequence"],
    ];
    for (const [over, field] of cases) {
      const { result, changed } = await rowsChangedBy(() =>
        change(recruiter.cookie, interviewId, { intent: "reschedule", sequence: "0", startsAtLocal: wallClockInZone(new Date(Date.now() + 72 * HOUR), "UTC"), timeZone: "UTC", durationMinutes: "60", ...over }),
      );
      expect([result.status, changed, Object.keys((result.body as { fieldErrors: object }).fieldErrors)], JSON.stringify(over)).toEqual([400, 0, [field]]);
    }
    const emptyReason = await rowsChangedBy(() => change(recruiter.cookie, interviewId, { intent: "cancel", sequence: "0", reason: "   " }));
    expect([emptyReason.result.status, emptyReason.changed]).toEqual([400, 0]);
    const builder = await person(["builder"], "Not An Interviewer");
    const notInterviewer = await rowsChangedBy(() => change(recruiter.cookie, interviewId, { intent: "reassign", sequence: "0", interviewerIds: [builder.id] }));
    expect([notInterviewer.result.status, notInterviewer.changed]).toEqual([400, 0]);
    expect((await change(people[0]!.cookie, interviewId, { intent: "cancel", sequence: "0", reason: "Mine" })).status).toBe(403);
    expect((await change(recruiter.cookie, "no-such-interview", { intent: "cancel", sequence: "0", reason: "x" })).status).toBe(404);
    expect((await call(edit.loader, { url: "/", cookie: people[0]!.cookie, params: { interviewId } })).status).toBe(403);
    expect((await call(edit.loader, { url: "/", cookie: recruiter.cookie, params: { interviewId } })).status).toBe(200);
  });
});

describe("cancelling an interview", () => {
  it("keeps it with its reason, sends every interviewer a cancellation (METHOD:CANCEL, STATUS:CANCELLED, same UID, higher SEQUENCE), and takes it off their to-do lists", async () => {
    const { people, interviewId, recruiter, loopId } = await scheduled(2, new Date(Date.now() - 30 * HOUR));
    const [ada, bo] = people;
    // Begun, scorecard not written: owed on her home page, and the recruiter's.
    expect((await homeQueue(ada!.cookie)).map((e) => e.interviewId)).toContain(interviewId);

    const answer = await change(recruiter.cookie, interviewId, { intent: "cancel", sequence: "0", reason: "The candidate withdrew." });
    expect(answer.status).toBe(200);
    expect(await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).toMatchObject({ cancelReason: "The candidate withdrew.", sequence: 1, cancelledAt: expect.any(Date) });
    expect(await prisma.auditEntry.findFirstOrThrow({ where: { action: "interview.cancel", recordId: interviewId } })).toMatchObject({ reason: "The candidate withdrew.", actorId: recruiter.id });

    const arrived = await deliver();
    expect(arrived.map((m) => m.to).sort()).toEqual([ada!.email, bo!.email].sort());
    const startsAt = (await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).startsAt;
    for (const { mail } of arrived) {
      expect(mail.subject).toBe(`Interview cancelled: ${STAGE}, ${emailTime(startsAt)}`);
      expect(mail.text).toContain("http://localhost:3000/\n");
      expect(calendarOf(mail)).toMatchObject({ partMethod: "CANCEL", method: "CANCEL", status: "CANCELLED", uid: uidOf(interviewId), sequence: 1, start: startsAt });
    }

    // Off her to-do list and the recruiter's owed list; the stage no longer counts it.
    expect((await homeQueue(ada!.cookie)).map((e) => e.interviewId)).not.toContain(interviewId);
    const recruiterHome = (await call(home.loader, { url: "/", cookie: recruiter.cookie })).body as Awaited<ReturnType<typeof home.loader>>;
    expect(recruiterHome.owed!.flatMap((l) => l.owed.map((o) => o.interviewId))).not.toContain(interviewId);
    const page = (await call(loopPage.loader, { url: "/", cookie: recruiter.cookie, params: { loopId } })).body as Awaited<ReturnType<typeof loopPage.loader>>;
    const stage = page.stages.find((s) => s.id === "technical_deep_dive")!;
    expect(stage.status).toBe("not_scheduled");
    expect(stage.interviews[0]).toMatchObject({ id: interviewId, cancelled: { reason: "The candidate withdrew." } });
    expect(stage.interviews[0]!.change?.lockedReason).toContain("cancelled");

    // No scorecard is opened or written for it (409); nothing more changes it (409).
    expect((await call(scorecardPage.loader, { url: "/", cookie: ada!.cookie, params: { interviewId } })).status).toBe(409);
    expect(await prisma.scorecard.count({ where: { interviewId } })).toBe(0);
    const submit = await postJson(scorecardPage.action, `/interviews/${interviewId}/scorecard`, ada!.cookie, { interviewId }, { intent: "submit", version: 0, content: stage2Content() });
    expect(submit.status).toBe(409);
    expect((await change(recruiter.cookie, interviewId, { intent: "reassign", sequence: "1", interviewerIds: [ada!.id] })).status).toBe(409);
    // The download is a cancellation too.
    const file = String((await call(ics.loader, { url: "/", cookie: recruiter.cookie, params: { interviewId } })).body);
    expect(file).toContain("METHOD:CANCEL\r\n");
    expect(file).toContain("SEQUENCE:1\r\n");

    // The reason is text about the candidate: erasure clears it.
    const candidateId = (await prisma.loop.findUniqueOrThrow({ where: { id: loopId } })).candidateId;
    expect(await eraseCandidate(candidateId, { reason: "Request", actor: actorOf(recruiter), now: new Date() })).toMatchObject({ ok: true });
    expect((await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).cancelReason).toBe("(erased)");
  });

  it("refuses to cancel an interview whose scorecards are in, or one of a closed loop or an erased candidate (409)", async () => {
    const { people, interviewId, recruiter } = await scheduled(1, new Date(Date.now() - 2 * HOUR));
    const submitted = await postJson(scorecardPage.action, `/interviews/${interviewId}/scorecard`, people[0]!.cookie, { interviewId }, { intent: "submit", version: 0, content: stage2Content() });
    expect(submitted.status).toBe(302);
    expect((await change(recruiter.cookie, interviewId, { intent: "cancel", sequence: "0", reason: "Late" })).status).toBe(409);

    const other = await scheduled(1, new Date(Date.now() + 48 * HOUR));
    await prisma.loop.update({ where: { id: other.loopId }, data: { closedAt: new Date() } });
    const closed = await rowsChangedBy(() => change(other.recruiter.cookie, other.interviewId, { intent: "cancel", sequence: "0", reason: "Closed" }));
    expect([closed.result.status, closed.changed]).toEqual([409, 0]);

    const erased = await scheduled(1, new Date(Date.now() + 48 * HOUR));
    await prisma.candidate.update({ where: { id: erased.candidate.id }, data: { erasedAt: new Date() } });
    const refused = await rowsChangedBy(() => change(erased.recruiter.cookie, erased.interviewId, { intent: "cancel", sequence: "0", reason: "Erased" }));
    expect([refused.result.status, refused.changed]).toEqual([409, 0]);
  });
});

describe("reassigning an interview", () => {
  it("invites those added, cancels it for those taken off, and keeps (marked) what they wrote; putting someone back clears the mark", async () => {
    const { people, interviewId, recruiter, loopId } = await scheduled(3, new Date(Date.now() - 2 * HOUR));
    const [ada, bo, di] = people;
    const cy = await person(["interviewer"], "Cy Young");
    // Ada submitted her scorecard; Di has a draft.
    expect((await postJson(scorecardPage.action, `/interviews/${interviewId}/scorecard`, ada!.cookie, { interviewId }, { intent: "submit", version: 0, content: stage2Content([4, 4, 4, 4]) })).status).toBe(302);
    const diPage = (await call(scorecardPage.loader, { url: "/", cookie: di!.cookie, params: { interviewId } })).body as Awaited<ReturnType<typeof scorecardPage.loader>>;
    expect((await postJson(draftRoute.action, `/scorecards/${diPage.scorecardId}/draft`, di!.cookie, { scorecardId: diPage.scorecardId }, { version: 0, content: stage2Content() })).status).toBe(200);
    await deliver();

    const answer = await change(recruiter.cookie, interviewId, { intent: "reassign", sequence: "0", interviewerIds: [bo!.id, cy.id] });
    expect(answer.status).toBe(200);
    expect((await prisma.interviewAssignment.findMany({ where: { interviewId } })).map((a) => a.interviewerId).sort()).toEqual([bo!.id, cy.id].sort());
    expect(await prisma.auditEntry.findFirstOrThrow({ where: { action: "interview.reassign", recordId: interviewId } })).toMatchObject({ actorId: recruiter.id });

    const arrived = await deliver();
    expect(arrived.map((m) => m.to).sort()).toEqual([ada!.email, cy.email, di!.email].sort());
    const startsAt = (await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).startsAt;
    const toCy = arrived.find((m) => m.to === cy.email)!.mail;
    expect(toCy.subject).toBe(`Interview to run: ${STAGE}, ${emailTime(startsAt)}`);
    expect(toCy.text).toContain(`http://localhost:3000/interviews/${interviewId}/scorecard`);
    expect(calendarOf(toCy)).toMatchObject({ method: "REQUEST", partMethod: "REQUEST", uid: uidOf(interviewId), sequence: 1, start: startsAt, attendees: [`mailto:${bo!.email}`, `mailto:${cy.email}`].sort() });
    for (const removed of [ada!, di!]) {
      const mail = arrived.find((m) => m.to === removed.email)!.mail;
      expect(mail.subject).toBe(`You no longer run: ${STAGE}, ${emailTime(startsAt)}`);
      expect(mail.text).toContain("http://localhost:3000/\n");
      expect(calendarOf(mail)).toMatchObject({ method: "CANCEL", partMethod: "CANCEL", status: "CANCELLED", uid: uidOf(interviewId), sequence: 1, attendees: [`mailto:${ada!.email}`, `mailto:${di!.email}`].sort() });
    }

    // What they wrote is kept, marked; Ada's submitted scorecard still counts for the committee.
    const cards = await prisma.scorecard.findMany({ where: { interviewId }, orderBy: { interviewerId: "asc" } });
    expect(cards.map((c) => [c.interviewerId, c.status, c.interviewerRemovedAt !== null]).sort()).toEqual([
      [ada!.id, "submitted", true],
      [di!.id, "draft", true],
    ].sort());
    expect((await submittedScorecards(loopId)).find((s) => s.interviewerId === ada!.id)).toMatchObject({ interviewerRemoved: true });
    const page = (await call(loopPage.loader, { url: "/", cookie: recruiter.cookie, params: { loopId } })).body as Awaited<ReturnType<typeof loopPage.loader>>;
    const shown = page.stages.find((s) => s.id === "technical_deep_dive")!.interviews[0]!;
    expect(shown.removed.map((r) => [r.name, r.status]).sort()).toEqual([["Ada Lovelace", "submitted"], ["Di Prince", "draft"]]);
    expect(shown.interviewers.map((p) => p.name)).toEqual(["Bo Chen", "Cy Young"]);

    // They can no longer change it: the scorecard page (403) and the autosave (409) refuse, nothing written.
    const amend = await rowsChangedBy(() => postJson(scorecardPage.action, `/interviews/${interviewId}/scorecard`, ada!.cookie, { interviewId }, { intent: "amend", revision: 1, reason: "x", content: stage2Content() }));
    expect([amend.result.status, amend.changed]).toEqual([403, 0]);
    const autosave = await rowsChangedBy(() => postJson(draftRoute.action, `/scorecards/${diPage.scorecardId}/draft`, di!.cookie, { scorecardId: diPage.scorecardId }, { version: 1, content: stage2Content() }));
    expect([autosave.result.status, autosave.changed, (autosave.result.body as { reason: string }).reason]).toEqual([409, 0, "removed"]);
    expect((await homeQueue(di!.cookie)).map((e) => e.interviewId)).not.toContain(interviewId);

    // Put back on: the mark goes, and her calendar gets an invitation above the cancellation it holds.
    expect((await change(recruiter.cookie, interviewId, { intent: "reassign", sequence: "1", interviewerIds: [bo!.id, cy.id, di!.id] })).status).toBe(200);
    expect((await prisma.scorecard.findFirstOrThrow({ where: { interviewId, interviewerId: di!.id } })).interviewerRemovedAt).toBeNull();
    const back = await deliver();
    expect(back.map((m) => m.to)).toEqual([di!.email]);
    expect(calendarOf(back[0]!.mail)).toMatchObject({ method: "REQUEST", sequence: 2 });
  });
});
