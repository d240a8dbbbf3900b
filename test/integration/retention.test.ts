// Retention of candidate data: the dry run and the real run agree, tested with the clock as an
// argument — seeded decisions at chosen dates, a plan at now N, a run at the same N.
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SYSTEM_ACTOR } from "~/data/audit.server";
import { prisma } from "~/data/db.server";
import { retentionPlan, runRetention } from "~/data/retention.server";
import { DEFAULT_RETENTION_POLICY } from "~/domain/retention";
import * as retentionRoute from "~/routes/admin.retention/route";
import { TEST_CLOCK_HEADER } from "~/utils/clock.server";
import { startRetentionSchedule } from "~/server/retention-schedule";
import { publishShippedRubrics } from "../helpers/loops";
import { BASE } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

// Before any import reads the configuration: the test clock is on for this file only.
const previousTestClock = vi.hoisted(() => {
  const previous = process.env.TEST_CLOCK;
  process.env.TEST_CLOCK = "true";
  return previous;
});
afterAll(() => {
  if (previousTestClock === undefined) delete process.env.TEST_CLOCK;
  else process.env.TEST_CLOCK = previousTestClock;
});

const policy = DEFAULT_RETENTION_POLICY; // not hired 12, hired not joined 24, no decision 12
const N = new Date("2026-11-30T12:00:00Z");
const at = (iso: string) => new Date(iso);

let rubricVersionId: string;
let staffId: string;

type LoopSeed = {
  createdAt: Date;
  decisions?: Array<{ outcome: "hire" | "no_hire"; decidedAt: Date; corrects?: number }>;
  interviewAt?: Date;
  scorecardSubmittedAt?: Date;
};

/** A candidate with loops, decisions (a correction names the index of the one it corrects), an interview and a scorecard, at the dates given. */
async function seedCandidate(name: string, createdAt: Date, loops: LoopSeed[] = [], options: { becameBuilder?: boolean; erasedAt?: Date } = {}) {
  const candidate = await prisma.candidate.create({
    data: { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@mail.example`, source: "other", targetLevel: "L5", notes: `Notes about ${name} that erasure must clear.`, createdAt, updatedAt: createdAt, erasedAt: options.erasedAt ?? null },
  });
  const decisionIds: string[] = [];
  for (const seed of loops) {
    const loop = await prisma.loop.create({ data: { candidateId: candidate.id, rubricVersionId, targetLevel: "L5", createdById: staffId, createdAt: seed.createdAt } });
    if (seed.interviewAt) {
      const interview = await prisma.interview.create({ data: { loopId: loop.id, stageId: "initial_screen", startsAt: seed.interviewAt, durationMinutes: 60, createdAt: seed.createdAt } });
      if (seed.scorecardSubmittedAt) {
        await prisma.scorecard.create({
          data: { interviewId: interview.id, interviewerId: staffId, loopId: loop.id, stageId: "initial_screen", status: "submitted", submittedAt: seed.scorecardSubmittedAt, createdAt: seed.interviewAt, takeaways: "Strong on trade-offs." },
        });
      }
    }
    for (const d of seed.decisions ?? []) {
      const row = await prisma.hiringDecision.create({
        data: {
          loopId: loop.id,
          outcome: d.outcome,
          level: d.outcome === "hire" ? "L5" : null,
          rationale: `The committee's rationale for ${name}.`,
          decidedById: staffId,
          decidedAt: d.decidedAt,
          correctsId: d.corrects === undefined ? null : decisionIds[d.corrects]!,
        },
      });
      decisionIds.push(row.id);
    }
  }
  if (options.becameBuilder) {
    const user = await createUser(["builder"], { name });
    await prisma.builder.create({
      data: { userId: user.id, level: "L5", startedAt: at("2020-03-01T00:00:00Z"), levelHistory: { create: [{ level: "L5", effectiveAt: at("2020-03-01T00:00:00Z"), reason: "hired", hiringDecisionId: decisionIds.at(-1)! }] } },
    });
  }
  return candidate.id;
}

const ids = {} as Record<"anniversary" | "dayShort" | "dayPast" | "hiredGone" | "hiredRecent" | "corrected" | "abandoned" | "stillActive" | "noLoop" | "builder" | "erased", string>;

beforeAll(async () => {
  await publishShippedRubrics();
  rubricVersionId = (await prisma.rubricVersion.findFirstOrThrow({ where: { track: "builder" }, orderBy: { version: "desc" } })).id;
  staffId = (await createUser(["recruiter", "interviewer", "hiring_committee"], { name: "Staff" })).id;
  const loop = (decisions: LoopSeed["decisions"], createdAt = at("2024-06-01T00:00:00Z")): LoopSeed[] => [{ createdAt, decisions }];

  // Not hired, 12 months: due on the anniversary's UTC midnight.
  ids.anniversary = await seedCandidate("Anniversary", at("2024-05-01T00:00:00Z"), loop([{ outcome: "no_hire", decidedAt: at("2025-11-30T16:00:00Z") }]));
  ids.dayShort = await seedCandidate("Day Short", at("2024-05-01T00:00:00Z"), loop([{ outcome: "no_hire", decidedAt: at("2025-12-01T09:00:00Z") }]));
  ids.dayPast = await seedCandidate("Day Past", at("2024-05-01T00:00:00Z"), loop([{ outcome: "no_hire", decidedAt: at("2025-11-29T09:00:00Z") }]));
  // Hired but never joined, 24 months.
  ids.hiredGone = await seedCandidate("Hired Gone", at("2024-05-01T00:00:00Z"), loop([{ outcome: "hire", decidedAt: at("2024-11-01T09:00:00Z") }]));
  ids.hiredRecent = await seedCandidate("Hired Recent", at("2024-05-01T00:00:00Z"), loop([{ outcome: "hire", decidedAt: at("2024-12-15T09:00:00Z") }]));
  // A no-hire corrected to a hire: the hire is in force, counted from the correction.
  ids.corrected = await seedCandidate("Corrected", at("2024-05-01T00:00:00Z"), loop([{ outcome: "no_hire", decidedAt: at("2025-01-01T09:00:00Z") }, { outcome: "hire", decidedAt: at("2025-06-01T09:00:00Z"), corrects: 0 }]));
  // No decision: the last activity (a scorecard submitted after the interview) counts.
  ids.abandoned = await seedCandidate("Abandoned", at("2025-01-01T00:00:00Z"), [{ createdAt: at("2025-02-01T00:00:00Z"), interviewAt: at("2025-11-10T10:00:00Z"), scorecardSubmittedAt: at("2025-11-12T10:00:00Z") }]);
  ids.stillActive = await seedCandidate("Still Active", at("2025-01-01T00:00:00Z"), [{ createdAt: at("2025-02-01T00:00:00Z"), interviewAt: at("2025-12-20T10:00:00Z") }]);
  ids.noLoop = await seedCandidate("No Loop", at("2026-01-15T00:00:00Z"));
  // Hired long ago and onboarded: never due.
  ids.builder = await seedCandidate("Now A Builder", at("2019-01-01T00:00:00Z"), loop([{ outcome: "hire", decidedAt: at("2020-01-01T00:00:00Z") }], at("2019-06-01T00:00:00Z")), { becameBuilder: true });
  ids.erased = await seedCandidate("Erased Already", at("2019-01-01T00:00:00Z"), [], { erasedAt: at("2024-01-01T00:00:00Z") });
});

describe("the retention plan and run at a chosen now", () => {
  it("plans exactly those past their period, each with why", async () => {
    const plan = await retentionPlan(policy, N);
    const due = new Map(plan.due.map((d) => [d.candidateId, d.reason]));
    expect([...due.keys()].sort()).toEqual([ids.anniversary, ids.dayPast, ids.hiredGone, ids.abandoned].sort());
    expect(due.get(ids.anniversary)).toBe("not hired: decided 2025-11-30, kept 12 months");
    expect(due.get(ids.hiredGone)).toBe("hired but never joined: decided 2024-11-01, kept 24 months");
    expect(due.get(ids.abandoned)).toBe("no decision: last activity 2025-11-12, kept 12 months");
    // One day short of the period is not due; one day past is.
    expect(due.has(ids.dayShort)).toBe(false);
    expect(due.has(ids.dayPast)).toBe(true);
    // A builder-candidate, an erased one, a correction's hire in force, a recent activity: never or not yet.
    for (const key of ["builder", "erased", "corrected", "stillActive", "noLoop", "hiredRecent"] as const) expect(due.has(ids[key]), key).toBe(false);
    expect(plan.byOutcome).toMatchObject({ builder: 1, erased: 1 });
    // The dry run wrote nothing.
    expect(await prisma.auditEntry.count({ where: { action: "retention.run" } })).toBe(0);
    expect(await prisma.candidate.count({ where: { erasedAt: { not: null } } })).toBe(1);
  });

  it("a day later, the one-day-short candidate is due too; a builder never is", async () => {
    const later = (await retentionPlan(policy, new Date(N.getTime() + 86_400_000))).due.map((d) => d.candidateId);
    expect(later).toContain(ids.dayShort);
    const muchLater = (await retentionPlan(policy, at("2100-01-01T00:00:00Z"))).due.map((d) => d.candidateId);
    expect(muchLater).not.toContain(ids.builder);
    expect(muchLater).not.toContain(ids.erased);
  });

  it("the run at the same now erases exactly the plan, and records itself", async () => {
    const plan = await retentionPlan(policy, N);
    const run = await runRetention(policy, N, SYSTEM_ACTOR);
    expect(run.erased.map((e) => e.candidateId).sort()).toEqual(plan.due.map((d) => d.candidateId).sort());
    expect(run.refused).toEqual([]);
    expect(run.erased.find((e) => e.candidateId === ids.anniversary)?.reason).toBe("not hired: decided 2025-11-30, kept 12 months");

    const rows = await prisma.candidate.findMany({ where: { id: { in: plan.due.map((d) => d.candidateId) } } });
    for (const row of rows) {
      expect(row.erasedAt?.toISOString()).toBe(N.toISOString());
      expect(row.name).toMatch(/^Erased candidate/);
      expect(row.notes).toBe("");
    }
    // Those not due are untouched.
    const kept = await prisma.candidate.findUniqueOrThrow({ where: { id: ids.dayShort } });
    expect(kept.erasedAt).toBeNull();
    expect(kept.name).toBe("Day Short");

    // One entry for the run (the system, counts only) and one per erasure, with the reason.
    const entries = await prisma.auditEntry.findMany({ where: { action: "retention.run" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: null, kind: "change", recordType: "retention", candidateId: null });
    expect(JSON.parse(entries[0]!.detail!)).toEqual({ due: 4, erased: 4, refused: 0, notHiredMonths: 12, hiredNotJoinedMonths: 24, noDecisionMonths: 12 });
    const erasures = await prisma.auditEntry.findMany({ where: { action: "candidate.erase", candidateId: { in: plan.due.map((d) => d.candidateId) } } });
    expect(erasures).toHaveLength(4);
    expect(erasures.find((e) => e.candidateId === ids.hiredGone)?.reason).toBe("Retention: hired but never joined: decided 2024-11-01, kept 24 months");

    // Run again at the same now: nothing is due any more.
    expect((await retentionPlan(policy, N)).due).toEqual([]);
    const again = await runRetention(policy, N, SYSTEM_ACTOR);
    expect(again.erased).toEqual([]);
  });
});

type Handler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown;

async function send(handler: Handler, cookie: string, now: Date, form?: Record<string, string>) {
  const headers = new Headers({ Cookie: cookie, [TEST_CLOCK_HEADER]: now.toISOString() });
  const request = new Request(new URL("/admin/retention", BASE), form ? { method: "POST", headers, body: new URLSearchParams(form) } : { headers });
  let outcome: unknown;
  try {
    outcome = await handler({ request, params: {}, context: { clientAddress: "203.0.113.9", cspNonce: "" } });
  } catch (thrown) {
    outcome = thrown;
  }
  if (outcome instanceof Response) return { status: outcome.status, body: null as unknown };
  const d = outcome as { type?: string; data?: unknown; init?: { status?: number } | null };
  if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, body: d.data };
  return { status: 200, body: outcome };
}

describe("the admin page", () => {
  it("is for admins only", async () => {
    const recruiter = await createUser(["recruiter"]);
    const cookie = await sessionCookieFor(recruiter.id);
    expect((await send(retentionRoute.loader, cookie, N)).status).toBe(403);
    expect((await send(retentionRoute.action, cookie, N, { intent: "erase-due" })).status).toBe(403);
  });

  it("shows the policy and who is due at its now; its action re-plans at its own now, erases that and records the admin", async () => {
    const admin = await createUser(["admin"], { name: "Morgan" });
    const cookie = await sessionCookieFor(admin.id);
    const later = new Date(N.getTime() + 86_400_000); // Day Short falls due
    const page = (await send(retentionRoute.loader, cookie, later)).body as Awaited<ReturnType<typeof retentionRoute.loader>>;
    expect(page.policy).toEqual(policy);
    expect(page.due.map((d) => d.candidateId)).toEqual([ids.dayShort]);
    expect(page.due[0]).toMatchObject({ name: "Day Short", reason: "not hired: decided 2025-12-01, kept 12 months", dueOn: "2026-12-01" });
    // The two runs above, newest first: the empty second one, then the one that erased four.
    expect(page.runs.slice(0, 2)).toMatchObject([
      { actorName: null, due: 0, erased: 0, refused: 0 },
      { actorName: null, due: 4, erased: 4, refused: 0, policy },
    ]);

    // Bad input: 400, nothing written.
    const before = await prisma.auditEntry.count();
    const bad = await send(retentionRoute.action, cookie, later, { intent: "erase-everyone" });
    expect(bad.status).toBe(400);
    expect(await prisma.auditEntry.count()).toBe(before);

    // The action at a later now still: by then Hired Recent (2026-12-15) and Still Active (its
    // interview was 2025-12-20) are due too; it erases what is due at its own now.
    const evenLater = at("2026-12-21T00:00:00Z");
    const done = await send(retentionRoute.action, cookie, evenLater, { intent: "erase-due" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ ok: true, erased: 3, refused: [] });
    const erasedNow = await prisma.candidate.findMany({ where: { erasedAt: evenLater }, select: { id: true } });
    expect(erasedNow.map((c) => c.id).sort()).toEqual([ids.dayShort, ids.hiredRecent, ids.stillActive].sort());
    const run = await prisma.auditEntry.findFirstOrThrow({ where: { action: "retention.run" }, orderBy: { seq: "desc" } });
    expect(run).toMatchObject({ actorId: admin.id, address: "203.0.113.9" });
    expect((await prisma.candidate.findUniqueOrThrow({ where: { id: ids.stillActive } })).erasedAt?.toISOString()).toBe(evenLater.toISOString());
  });
});

describe("the scheduled run", () => {
  const config = { retention: policy, retentionEveryHours: 24 };
  const quiet = { info: () => {}, error: () => {} };

  it("is off with RETENTION_EVERY_HOURS=0", () => {
    expect(startRetentionSchedule({ ...config, retentionEveryHours: 0 }, quiet)).toBeNull();
  });

  it("runs through the real job when the last recorded run is old enough, not before", async () => {
    const lines: string[] = [];
    const schedule = startRetentionSchedule(config, { info: (l) => lines.push(l), error: (l) => lines.push(`ERROR ${l}`) })!;
    try {
      const last = (await prisma.auditEntry.findFirstOrThrow({ where: { action: "retention.run" }, orderBy: { seq: "desc" } })).at;
      expect(await schedule.tick(new Date(last.getTime() + 23 * 3_600_000))).toBe("not-due");
      const runs = await prisma.auditEntry.count({ where: { action: "retention.run" } });
      expect(await schedule.tick(new Date(last.getTime() + 24 * 3_600_000))).toBe("done");
      expect(await prisma.auditEntry.count({ where: { action: "retention.run", actorId: null } })).toBeGreaterThan(0);
      expect(await prisma.auditEntry.count({ where: { action: "retention.run" } })).toBe(runs + 1);
      expect(lines.at(-1)).toMatch(/^Scheduled retention: erased \d+ candidate\(s\)/);
      // Logs carry counts, never names.
      expect(lines.join("\n")).not.toMatch(/Day Short|Anniversary|Abandoned/);
    } finally {
      schedule.stop();
    }
  });

  it("never overlaps itself, and a failure is logged and survived", async () => {
    const lines: string[] = [];
    let finish!: () => void;
    let runs = 0;
    const schedule = startRetentionSchedule(config, { info: (l) => lines.push(l), error: (l) => lines.push(`ERROR ${l}`) }, {
      lastRunAt: async () => null,
      run: () => {
        runs++;
        return new Promise((resolve) => (finish = () => resolve({ erased: 0, refused: 0 })));
      },
    })!;
    try {
      const first = schedule.tick();
      await new Promise((r) => setTimeout(r, 5));
      expect(await schedule.tick()).toBe("skipped");
      finish();
      expect(await first).toBe("done");
      expect(runs).toBe(1);
    } finally {
      schedule.stop();
    }
    const failing = startRetentionSchedule(config, { info: (l) => lines.push(l), error: (l) => lines.push(`ERROR ${l}`) }, {
      lastRunAt: async () => null,
      run: async () => {
        throw new Error("database is locked\nstack…");
      },
    })!;
    try {
      expect(await failing.tick()).toBe("failed");
      expect(lines.at(-1)).toBe("ERROR Scheduled retention failed (the app keeps running; it tries again within the hour): database is locked");
    } finally {
      failing.stop();
    }
  });
});
