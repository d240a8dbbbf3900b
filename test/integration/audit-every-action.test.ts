/**
 * Every change the app makes is in the audit trail, in the same transaction as the change.
 *
 * For every action of the route manifest (and every intent of the multi-intent ones) the table
 * below holds a valid request, sent as someone allowed to make it, and an invalid one. Each case,
 * in order (later cases build on what earlier ones changed):
 *
 * 1. the invalid request is refused (4xx) and changes no row, so no entry either;
 * 2. with every insert into AuditEntry made to fail (a trigger), the valid request does not
 *    succeed and changes no row anywhere: the change and its entry commit together or not at all;
 * 3. without the trigger, the same request succeeds, and the trail gains change entries written
 *    by that person from the request's address, one naming the record changed.
 *
 * An action route without a case (or an explicit reason it changes nothing) fails the test.
 */
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { findLoop } from "~/data/loops.server";
import { notify } from "~/data/notifications.server";
import { findPacket } from "~/data/packets.server";
import { mintAccountToken } from "~/domain/accounts";
import { ERASE_WORD } from "~/domain/candidate-erasure";
import { PACKET_FORMS } from "~/domain/promotion/access";
import { ERASE_DUE_INTENT } from "~/domain/retention";
import { targetCriteria } from "~/domain/promotion/snapshot";
import { PROJECT_ACTION_PARTIES } from "~/domain/project/access";
import { emptyContent, stageRubric, type StageRubric } from "~/domain/scorecard/content";
import { createUser, sessionCookieFor, TEST_PASSWORD } from "../helpers/users";
import { buildRequest, type Body } from "../security/expectations";
import { contentHash, rowsChangedBy, tableContent, tableNames } from "../security/fingerprint";
import { blockAuditInserts, unblockAuditInserts } from "../helpers/audit-triggers";
import { CLIENT_ADDRESS, describeOutcome, invoke, type Outcome } from "../security/invoke";
import { signInPersonas, type Persona } from "../security/personas";
import { loadRouteManifest, type RouteEntry } from "../security/routes";
import { buildWorld, type World } from "../security/world";

type Req = { url: string; params?: Record<string, string>; body: Body };
type Who = { userId: string; cookie: string | null };
type Ctx = { world: World; personas: Persona[]; who: Who; id: (email: string) => string };
/** Tables whose new rows' ids count as "the record changed" (for creations). */
type Table = "candidate" | "loop" | "interview" | "user" | "hiringDecision" | "promotionPacket" | "packetEvidence" | "project" | "demo" | "promotionDecision";

type Case = {
  route: string;
  intent?: string;
  /** A persona key, or someone made for the case (password changes, signing in and out). */
  as: string | ((ctx: Omit<Ctx, "who">) => Promise<Who>);
  /** Work through other routes (audited too) that puts the record in the state the action needs. */
  prepare?: (ctx: Ctx) => Promise<void>;
  /** Refused and writes nothing; null with `noBadInput` when the action takes no input. */
  bad: ((ctx: Ctx) => Promise<Req>) | null;
  noBadInput?: string;
  valid: (ctx: Ctx) => Promise<Req>;
  /** Ids of the record changed (any one named by an entry will do). */
  names: (ctx: Ctx) => Promise<string[]> | string[];
  creates?: Table[];
  /** Tables the action writes on purpose before its audited transaction, and why. */
  writesFirst?: { tables: string[]; why: string };
};

/**
 * Every password check is recorded for the sign-in throttle before anything else happens (the
 * same on every path, so timing tells nothing), and stays recorded whatever fails afterwards.
 */
const THROTTLE = { tables: ["LoginAttempt"], why: "the sign-in throttle records each password check first" };

/** Records a case picks when it builds its request, for its `names`. */
const picked: { flag?: string; unflag?: string; due?: string; erased?: string; notification?: string } = {};
const newcomer = async () => (await prisma.candidate.findFirstOrThrow({ where: { email: "new.candidate@mail.example" } })).id;

/** Actions that change nothing, and why. */
const NOT_A_CHANGE: Record<string, string> = {
  "routes/$": "the catch-all answers 404 to every POST",
};

const form = (url: string, fields: Record<string, string>, params: Record<string, string> = {}): Req => ({ url, params, body: { kind: "form", fields } });
const json = (url: string, value: unknown, params: Record<string, string> = {}): Req => ({ url, params, body: { kind: "json", value } });
const DAY = 86_400_000;
const dateIn = (world: World, days: number) => new Date(world.now.getTime() + days * DAY).toISOString().slice(0, 10);

const projectId = (world: World, title: string) => {
  const p = world.projects.find((x) => x.title === title);
  if (!p) throw new Error(`No project "${title}"`);
  return p.id;
};
const projectVersion = async (id: string) => String((await prisma.project.findUniqueOrThrow({ where: { id }, select: { version: true } })).version);
const projectReq = async (id: string, fields: Record<string, string>) => form(`/projects/${id}`, { ...fields, version: fields.version ?? (await projectVersion(id)) }, { projectId: id });
const packetOf = (world: World, name: string) => world.packets.find((p) => p.builderName === name)!.id;
const packetReq = (id: string, fields: Record<string, string>) => form(`/packets/${id}`, fields, { packetId: id });

/** A filled-in, valid scorecard for a stage. */
function validContent(stage: StageRubric) {
  const content = emptyContent(stage);
  return {
    ratings: content.ratings.map((r) => ({ criterionId: r.criterionId, rating: 3, evidence: `Specific observations on ${r.criterionId}.` })),
    signals: content.signals.map((s) => ({ signalId: s.signalId, observed: false, note: "" })),
    redFlags: content.redFlags.map((f) => ({ flagId: f.flagId, raised: false, evidence: "" })),
    recommendation: "yes",
    takeaways: "A solid builder who explains trade-offs.",
  };
}
const stageOf = async (loopId: string, stageId: string) => stageRubric((await findLoop(loopId))!.rubric, stageId)!;

/** Daniel's draft on Chloé's Stage 2 and his submitted screen on Ravi's loop (as bad-input-targets.ts finds them). */
function danielsCards(ctx: Ctx) {
  const daniel = ctx.id("interviewer@northwind.example");
  const chloe = ctx.world.loopOf("Chloé Dubois");
  const ravi = ctx.world.loopOf("Ravi Menon");
  const chloeStage2 = chloe.interviews.find((i) => i.stageId === "technical_deep_dive" && i.interviewerIds.includes(daniel))!;
  const raviStage1 = ravi.interviews.find((i) => i.stageId === "initial_screen" && i.interviewerIds.includes(daniel))!;
  const draft = ctx.world.scorecards.find((s) => s.interviewId === chloeStage2.id && s.interviewerId === daniel)!;
  return { daniel, chloe, ravi, chloeStage2, raviStage1, draft };
}
const draftVersion = async (id: string) => (await prisma.scorecard.findUniqueOrThrow({ where: { id } })).draftVersion;
/** Chloé's product assessment (still ahead, no scorecard in) as it stands: the interview-change cases' record. */
async function chloesAssessment(ctx: Ctx) {
  const id = ctx.world.loopOf("Chloé Dubois").interviews.find((i) => i.stageId === "product_assessment")!.id;
  return prisma.interview.findUniqueOrThrow({ where: { id } });
}

const PRD = [
  "## Problem",
  "Leads rebuild the same filtered list every Monday.",
  "## Solution",
  "Saved views, shared with the team.",
  "## Success criteria",
  "400 weekly active saved views.",
  "## Risks and rollback",
  "Views that go stale; a flag turns the feature off.",
].join("\n\n");

function projectFields(ctx: Ctx, intent: "save" | "submit", extra: Record<string, string> = {}): Record<string, string> {
  return {
    intent,
    title: "Shared saved views",
    problem: "Leads rebuild the same filtered list every Monday.",
    mode: "satellite",
    team: "Core Workflow",
    approverId: ctx.id("manager@northwind.example"),
    prd: PRD,
    links: "https://northwind.example/research/saved-views",
    "metrics.0.name": "Weekly active saved views",
    "metrics.0.unit": "views",
    "metrics.0.baseline": "0",
    "metrics.0.target": "400",
    "metrics.0.direction": "at_least",
    "metrics.0.measurement": "Product analytics, event saved_view_opened",
    ...extra,
  };
}

const candidateFields = (email: string, extra: Record<string, string> = {}) => ({
  name: "Kwame Asante",
  email,
  source: "other",
  targetLevel: "L4",
  links: "",
  notes: "Design engineer.",
  ...extra,
});

/** Someone made for the case, signed in with a session of their own. */
const freshPerson = (roles: Parameters<typeof createUser>[0], signedIn = true) => async (): Promise<Who> => {
  const user = await createUser(roles, { name: "Fresh Person" });
  return { userId: user.id, cookie: signedIn ? await sessionCookieFor(user.id) : null };
};

const CASES: Case[] = [
  // ---- Accounts and users --------------------------------------------------------------------
  {
    route: "routes/login",
    as: freshPerson(["builder"], false),
    bad: async () => form("/login", { email: "", password: TEST_PASSWORD, redirectTo: "/" }),
    valid: async (c) => form("/login", { email: (await prisma.user.findUniqueOrThrow({ where: { id: c.who.userId } })).email, password: TEST_PASSWORD, redirectTo: "/" }),
    names: (c) => [c.who.userId],
    writesFirst: THROTTLE,
  },
  {
    route: "routes/account.password",
    as: freshPerson(["builder"]),
    bad: async () => form("/account/password", { currentPassword: TEST_PASSWORD, newPassword: "short", confirmPassword: "short" }),
    valid: async () => form("/account/password", { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" }),
    names: (c) => [c.who.userId],
    writesFirst: THROTTLE,
  },
  {
    route: "routes/account.sign-out-everywhere",
    as: freshPerson(["interviewer"]),
    bad: null,
    noBadInput: "it takes no input: any POST signs the person out everywhere",
    valid: async () => form("/account/sign-out-everywhere", {}),
    names: (c) => [c.who.userId],
  },
  {
    route: "routes/logout",
    as: freshPerson(["recruiter"]),
    bad: null,
    noBadInput: "it takes no input: any POST ends the session",
    valid: async () => form("/logout", {}),
    names: (c) => [c.who.userId],
  },
  {
    route: "routes/admin.users",
    intent: "roles",
    as: "admin",
    bad: async (c) => form("/admin/users", { intent: "roles", userId: c.id("ben.report@test.example"), roles: "superuser" }),
    valid: async (c) => form("/admin/users", { intent: "roles", userId: c.id("ben.report@test.example"), roles: "builder" }),
    names: (c) => [c.id("ben.report@test.example")],
  },

  // ---- Hiring --------------------------------------------------------------------------------
  {
    route: "routes/candidates.new",
    as: "recruiter",
    bad: async () => form("/candidates/new", candidateFields("kwame@")),
    valid: async () => form("/candidates/new", candidateFields("new.candidate@mail.example", { name: "Nadia Newcomer" })),
    names: () => [],
    creates: ["candidate"],
  },
  {
    route: "routes/candidates.$candidateId.edit",
    as: "recruiter",
    bad: async (c) => {
      const kwame = c.world.candidates.find((x) => x.name === "Kwame Asante")!;
      return form(`/candidates/${kwame.id}/edit`, candidateFields("kwame@"), { candidateId: kwame.id });
    },
    valid: async (c) => {
      const kwame = c.world.candidates.find((x) => x.name === "Kwame Asante")!;
      return form(`/candidates/${kwame.id}/edit`, candidateFields(kwame.email, { notes: "Design engineer; strong portfolio." }), { candidateId: kwame.id });
    },
    names: (c) => [c.world.candidates.find((x) => x.name === "Kwame Asante")!.id],
  },
  {
    route: "routes/candidates.$candidateId.loops.new",
    as: "recruiter",
    bad: async (c) => {
      const kwame = c.world.candidates.find((x) => x.name === "Kwame Asante")!;
      return form(`/candidates/${kwame.id}/loops/new`, { track: "nope", targetLevel: "L4" }, { candidateId: kwame.id });
    },
    valid: async (c) => {
      const kwame = c.world.candidates.find((x) => x.name === "Kwame Asante")!;
      return form(`/candidates/${kwame.id}/loops/new`, { track: "builder", targetLevel: "L4" }, { candidateId: kwame.id });
    },
    names: (c) => [c.world.candidates.find((x) => x.name === "Kwame Asante")!.id],
    creates: ["loop"],
  },
  {
    route: "routes/loops.$loopId._index",
    intent: "add-interview",
    as: "recruiter",
    bad: async (c) => {
      const ana = c.world.loopOf("Ana Souza");
      return form(`/loops/${ana.id}`, { intent: "add-interview", stageId: "no_such_stage", startsAtLocal: "2027-01-05T10:00", timeZone: "Europe/Berlin", durationMinutes: "60", interviewerIds: c.id("interviewer@northwind.example") }, { loopId: ana.id });
    },
    valid: async (c) => {
      const ana = c.world.loopOf("Ana Souza");
      return form(`/loops/${ana.id}`, { intent: "add-interview", stageId: "product_assessment", startsAtLocal: "2027-01-05T10:00", timeZone: "Europe/Berlin", durationMinutes: "60", interviewerIds: c.id("interviewer@northwind.example") }, { loopId: ana.id });
    },
    names: (c) => [c.world.loopOf("Ana Souza").id],
    creates: ["interview"],
  },
  {
    route: "routes/scorecards.$scorecardId.draft",
    as: "interviewer",
    bad: async (c) => {
      const { draft, chloe } = danielsCards(c);
      return json(`/scorecards/${draft.id}/draft`, { version: -1, content: validContent(await stageOf(chloe.id, "technical_deep_dive")) }, { scorecardId: draft.id });
    },
    valid: async (c) => {
      const { draft, chloe } = danielsCards(c);
      return json(`/scorecards/${draft.id}/draft`, { version: await draftVersion(draft.id), content: validContent(await stageOf(chloe.id, "technical_deep_dive")) }, { scorecardId: draft.id });
    },
    names: (c) => [danielsCards(c).draft.id],
  },
  {
    route: "routes/interviews.$interviewId.scorecard",
    intent: "submit",
    as: "interviewer",
    bad: async (c) => {
      const { draft, chloe, chloeStage2 } = danielsCards(c);
      const content = validContent(await stageOf(chloe.id, "technical_deep_dive"));
      return json(`/interviews/${chloeStage2.id}/scorecard`, { intent: "submit", version: await draftVersion(draft.id), content: { ...content, recommendation: "maybe" } }, { interviewId: chloeStage2.id });
    },
    valid: async (c) => {
      const { draft, chloe, chloeStage2 } = danielsCards(c);
      return json(`/interviews/${chloeStage2.id}/scorecard`, { intent: "submit", version: await draftVersion(draft.id), content: validContent(await stageOf(chloe.id, "technical_deep_dive")) }, { interviewId: chloeStage2.id });
    },
    names: (c) => [danielsCards(c).draft.id],
  },
  {
    route: "routes/interviews.$interviewId.scorecard",
    intent: "amend",
    as: "interviewer",
    bad: async (c) => {
      const { ravi, raviStage1 } = danielsCards(c);
      return json(`/interviews/${raviStage1.id}/scorecard`, { intent: "amend", revision: 1, reason: "", content: validContent(await stageOf(ravi.id, "initial_screen")) }, { interviewId: raviStage1.id });
    },
    valid: async (c) => {
      const { daniel, ravi, raviStage1 } = danielsCards(c);
      const revision = (await prisma.scorecardRevision.findFirstOrThrow({ where: { scorecard: { interviewId: raviStage1.id, interviewerId: daniel } }, orderBy: { number: "desc" } })).number;
      return json(`/interviews/${raviStage1.id}/scorecard`, { intent: "amend", revision, reason: "Correcting my notes after re-reading them.", content: validContent(await stageOf(ravi.id, "initial_screen")) }, { interviewId: raviStage1.id });
    },
    names: async (c) => {
      const { daniel, raviStage1 } = danielsCards(c);
      return [(await prisma.scorecard.findFirstOrThrow({ where: { interviewId: raviStage1.id, interviewerId: daniel } })).id];
    },
  },
  {
    route: "routes/loops.$loopId.committee",
    as: "hiring-committee",
    bad: async (c) => {
      const jonas = c.world.loopOf("Jonas Weber");
      return form(`/loops/${jonas.id}/committee`, decisionFields({ outcome: "maybe" }), { loopId: jonas.id });
    },
    valid: async (c) => {
      const jonas = c.world.loopOf("Jonas Weber");
      return form(`/loops/${jonas.id}/committee`, decisionFields(), { loopId: jonas.id });
    },
    names: (c) => [c.world.loopOf("Jonas Weber").id, c.world.loopOf("Jonas Weber").candidateId],
    creates: ["hiringDecision"],
  },
  {
    route: "routes/candidates.$candidateId.onboard",
    as: "admin",
    bad: async (c) => {
      const ravi = c.world.loopOf("Ravi Menon");
      return form(`/candidates/${ravi.candidateId}/onboard`, { loopId: ravi.id, managerId: c.id("manager@northwind.example"), startDate: "2027-02-30" }, { candidateId: ravi.candidateId });
    },
    valid: async (c) => {
      const ravi = c.world.loopOf("Ravi Menon");
      return form(`/candidates/${ravi.candidateId}/onboard`, { loopId: ravi.id, managerId: c.id("manager@northwind.example"), startDate: "2027-01-04" }, { candidateId: ravi.candidateId });
    },
    names: (c) => [c.world.loopOf("Ravi Menon").candidateId, c.world.loopOf("Ravi Menon").id],
    creates: ["user"],
  },

  // ---- Promotions ----------------------------------------------------------------------------
  {
    route: "routes/builders.$userId",
    intent: "start-packet",
    as: "manager",
    bad: async (c) => form(`/builders/${c.id("ben.report@test.example")}`, { intent: "start-pocket" }, { userId: c.id("ben.report@test.example") }),
    valid: async (c) => form(`/builders/${c.id("ben.report@test.example")}`, { intent: "start-packet" }, { userId: c.id("ben.report@test.example") }),
    names: (c) => [c.id("ben.report@test.example")],
    creates: ["promotionPacket"],
  },
  {
    route: "routes/packets.$packetId",
    intent: "summary",
    as: "builder",
    bad: async (c) => packetReq(packetOf(c.world, "Bea Novak"), { intent: "summary", summary: "Two projects.", version: "abc" }),
    valid: async (c) => {
      const id = packetOf(c.world, "Bea Novak");
      return packetReq(id, { intent: "summary", summary: "Since my promotion I have led two cross-team projects.", version: String((await findPacket(id))!.version) });
    },
    names: (c) => [packetOf(c.world, "Bea Novak")],
  },
  {
    route: "routes/packets.$packetId",
    intent: "evidence",
    as: "builder",
    bad: async (c) => packetReq(packetOf(c.world, "Bea Novak"), await evidenceFields(c, { title: "" })),
    valid: async (c) => packetReq(packetOf(c.world, "Bea Novak"), await evidenceFields(c)),
    names: (c) => [packetOf(c.world, "Bea Novak")],
    creates: ["packetEvidence"],
  },
  {
    route: "routes/packets.$packetId",
    intent: "statement",
    as: "grace",
    bad: async (c) => {
      const packet = (await findPacket(packetOf(c.world, "Bea Novak")))!;
      return packetReq(packet.id, { intent: "statement", evidenceId: packet.evidence[0]!.id, text: "" });
    },
    valid: async (c) => {
      const packet = (await findPacket(packetOf(c.world, "Bea Novak")))!;
      return packetReq(packet.id, { intent: "statement", evidenceId: packet.evidence[0]!.id, text: "I worked with Bea on this, and saw the churn numbers move." });
    },
    names: async (c) => [packetOf(c.world, "Bea Novak"), (await findPacket(packetOf(c.world, "Bea Novak")))!.evidence[0]!.id],
  },
  {
    route: "routes/packets.$packetId",
    intent: "assessment",
    as: "marcus",
    bad: async (c) => packetReq(packetOf(c.world, "Bea Novak"), { intent: "assessment", criterionId: await unassessed(c), rating: "7", comment: "Shown twice.", version: "0" }),
    valid: async (c) => packetReq(packetOf(c.world, "Bea Novak"), { intent: "assessment", criterionId: await unassessed(c), rating: "3", comment: "Shown in both projects.", version: "0" }),
    names: (c) => [packetOf(c.world, "Bea Novak")],
  },
  {
    route: "routes/packets.$packetId",
    intent: "invite-peer",
    as: "marcus",
    bad: async (c) => packetReq(packetOf(c.world, "Bea Novak"), { intent: "invite-peer", peerId: "no-such-user" }),
    valid: async (c) => packetReq(packetOf(c.world, "Bea Novak"), { intent: "invite-peer", peerId: c.id("ines.costa@northwind.example") }),
    names: (c) => [packetOf(c.world, "Bea Novak"), c.id("ines.costa@northwind.example")],
  },
  {
    route: "routes/packets.$packetId",
    intent: "remove-peer",
    as: "marcus",
    bad: async (c) => packetReq(packetOf(c.world, "Bea Novak"), { intent: "remove-peer", peerId: "" }),
    valid: async (c) => packetReq(packetOf(c.world, "Bea Novak"), { intent: "remove-peer", peerId: c.id("leo.martins@northwind.example") }),
    names: (c) => [packetOf(c.world, "Bea Novak"), c.id("leo.martins@northwind.example")],
  },
  {
    route: "routes/packets.$packetId",
    intent: "delete-evidence",
    as: "builder",
    bad: async (c) => packetReq(packetOf(c.world, "Bea Novak"), { intent: "delete-evidence", evidenceId: "no-such-evidence", version: "1" }),
    valid: async (c) => {
      const packet = (await findPacket(packetOf(c.world, "Bea Novak")))!;
      const added = packet.evidence.find((e) => e.title === "Usage-based alerts")!;
      return packetReq(packet.id, { intent: "delete-evidence", evidenceId: added.id, version: String(added.version) });
    },
    names: async (c) => [packetOf(c.world, "Bea Novak")],
  },
  {
    route: "routes/packets.$packetId",
    intent: "submit",
    as: "marcus",
    // Not ready yet: the manager's assessment is missing for some criteria.
    bad: async (c) => packetReq(packetOf(c.world, "Bea Novak"), { intent: "submit" }),
    prepare: async (c) => {
      const id = packetOf(c.world, "Bea Novak");
      const marcus = c.personas.find((p) => p.key === "marcus")!;
      const route = manifest.find((r) => r.id === "routes/packets.$packetId")!;
      for (;;) {
        const criterionId = await unassessed(c).catch(() => null);
        if (!criterionId) break;
        const req = packetReq(id, { intent: "assessment", criterionId, rating: "3", comment: "Evidenced.", version: "0" });
        const outcome = await send(route, req, marcus.cookie);
        if (!succeeded(outcome)) throw new Error(`Assessing ${criterionId}: ${describeOutcome(outcome)}`);
      }
    },
    valid: async (c) => packetReq(packetOf(c.world, "Bea Novak"), { intent: "submit" }),
    names: (c) => [packetOf(c.world, "Bea Novak")],
  },
  {
    route: "routes/packets.$packetId",
    intent: "start-review",
    as: "promotion-committee",
    bad: async (c) => packetReq(packetOf(c.world, "Mei Lin"), { intent: "start_review" }),
    valid: async (c) => packetReq(packetOf(c.world, "Mei Lin"), { intent: "start-review" }),
    names: (c) => [packetOf(c.world, "Mei Lin")],
  },
  {
    route: "routes/packets.$packetId",
    intent: "decide",
    as: "promotion-committee",
    bad: async (c) => packetReq(packetOf(c.world, "Samuel Osei"), { intent: "decide", outcome: "maybe", rationale: "Every criterion L7 asks for is evidenced.", newBaseSalary: "320000", bandJustification: "" }),
    valid: async (c) => packetReq(packetOf(c.world, "Samuel Osei"), { intent: "decide", outcome: "promoted", rationale: "Every criterion L7 asks for is evidenced.", newBaseSalary: "320000", bandJustification: "" }),
    names: (c) => [packetOf(c.world, "Samuel Osei")],
    creates: ["promotionDecision"],
  },

  // ---- Projects and demos --------------------------------------------------------------------
  {
    route: "routes/projects.new",
    intent: "save",
    as: "builder",
    bad: async (c) => form("/projects/new", projectFields(c, "save", { title: "" })),
    valid: async (c) => form("/projects/new", projectFields(c, "save", { title: "Saved views, a draft" })),
    names: () => [],
    creates: ["project"],
  },
  {
    route: "routes/projects.new",
    intent: "submit",
    as: "builder",
    bad: async (c) => form("/projects/new", projectFields(c, "submit", { prd: "## Problem\n\nOnly a problem.\n" })),
    valid: async (c) => form("/projects/new", projectFields(c, "submit", { title: "Saved views, submitted at once" })),
    names: () => [],
    creates: ["project"],
  },
  {
    route: "routes/projects.$projectId.edit",
    intent: "save",
    as: "builder",
    bad: async (c) => {
      const id = projectId(c.world, "Shared saved views");
      return form(`/projects/${id}/edit`, projectFields(c, "save", { version: "abc" }), { projectId: id });
    },
    valid: async (c) => {
      const id = projectId(c.world, "Shared saved views");
      return form(`/projects/${id}/edit`, projectFields(c, "save", { version: await projectVersion(id), problem: "Leads rebuild the same list every Monday, by hand." }), { projectId: id });
    },
    names: (c) => [projectId(c.world, "Shared saved views")],
  },
  {
    route: "routes/projects.$projectId.edit",
    intent: "submit",
    as: "builder",
    bad: async (c) => {
      const id = projectId(c.world, "Shared saved views");
      return form(`/projects/${id}/edit`, projectFields(c, "submit", { version: await projectVersion(id), prd: "## Problem\n\nOnly a problem.\n" }), { projectId: id });
    },
    valid: async (c) => {
      const id = projectId(c.world, "Shared saved views");
      return form(`/projects/${id}/edit`, projectFields(c, "submit", { version: await projectVersion(id) }), { projectId: id });
    },
    names: (c) => [projectId(c.world, "Shared saved views")],
  },
  {
    route: "routes/projects.$projectId._index",
    intent: "change_approver",
    as: "marcus",
    bad: async (c) => projectReq(projectId(c.world, "Invite teammates during onboarding"), { intent: "change_approver", approverId: c.id("leo.martins@northwind.example"), reason: "Bea is on leave." }),
    valid: async (c) => projectReq(projectId(c.world, "Invite teammates during onboarding"), { intent: "change_approver", approverId: c.id("manager@northwind.example"), reason: "Bea is on leave for three weeks." }),
    names: (c) => [projectId(c.world, "Invite teammates during onboarding")],
  },
  {
    route: "routes/projects.$projectId._index",
    intent: "approve",
    as: "marcus",
    bad: async (c) => projectReq(projectId(c.world, "Invite teammates during onboarding"), { intent: "approve", version: "999999", note: "" }),
    valid: async (c) => projectReq(projectId(c.world, "Invite teammates during onboarding"), { intent: "approve", note: "Good to go." }),
    names: (c) => [projectId(c.world, "Invite teammates during onboarding")],
  },
  {
    route: "routes/projects.$projectId._index",
    intent: "launch",
    as: "leo",
    bad: async (c) => projectReq(projectId(c.world, "Invite teammates during onboarding"), { intent: "launch", version: "abc" }),
    valid: async (c) => projectReq(projectId(c.world, "Invite teammates during onboarding"), { intent: "launch" }),
    names: (c) => [projectId(c.world, "Invite teammates during onboarding")],
  },
  {
    route: "routes/projects.$projectId._index",
    intent: "request_changes",
    as: "marcus",
    bad: async (c) => projectReq(projectId(c.world, "Weekly Slack digest of workspace activity"), { intent: "request_changes", comments: "" }),
    valid: async (c) => projectReq(projectId(c.world, "Weekly Slack digest of workspace activity"), { intent: "request_changes", comments: "Say who receives the digest by default." }),
    names: (c) => [projectId(c.world, "Weekly Slack digest of workspace activity")],
  },
  {
    route: "routes/projects.$projectId._index",
    intent: "record_checkpoint",
    as: "grace",
    bad: async (c) => projectReq(projectId(c.world, "Bulk edit for tasks"), await checkpointFields(c, { verdict: "meh" })),
    valid: async (c) => projectReq(projectId(c.world, "Bulk edit for tasks"), await checkpointFields(c)),
    names: (c) => [projectId(c.world, "Bulk edit for tasks")],
  },
  {
    route: "routes/projects.$projectId._index",
    intent: "record_review",
    as: "yuki",
    bad: async (c) => projectReq(projectId(c.world, "Spend controls for usage-based billing"), reviewFields(c, { health: "fine" })),
    valid: async (c) => projectReq(projectId(c.world, "Spend controls for usage-based billing"), reviewFields(c)),
    names: (c) => [projectId(c.world, "Spend controls for usage-based billing")],
  },
  {
    route: "routes/projects.$projectId._index",
    intent: "close",
    as: "yuki",
    bad: async (c) => projectReq(projectId(c.world, "Spend controls for usage-based billing"), { intent: "close", outcome: "withdrawn", note: "" }),
    valid: async (c) => projectReq(projectId(c.world, "Spend controls for usage-based billing"), { intent: "close", outcome: "folded_into_team", note: "Billing owns it now." }),
    names: (c) => [projectId(c.world, "Spend controls for usage-based billing")],
  },
  {
    route: "routes/projects.$projectId._index",
    intent: "unblock",
    as: "builder",
    bad: async (c) => projectReq(projectId(c.world, "Two-way Jira sync"), { intent: "unblock", version: "abc" }),
    valid: async (c) => projectReq(projectId(c.world, "Two-way Jira sync"), { intent: "unblock" }),
    names: (c) => [projectId(c.world, "Two-way Jira sync")],
  },
  {
    route: "routes/projects.$projectId._index",
    intent: "block",
    as: "builder",
    bad: async (c) => projectReq(projectId(c.world, "Two-way Jira sync"), { intent: "block", escalateToId: c.id("manager@northwind.example"), reason: "" }),
    valid: async (c) => projectReq(projectId(c.world, "Two-way Jira sync"), { intent: "block", escalateToId: c.id("manager@northwind.example"), reason: "Waiting for Platform's API budget." }),
    names: (c) => [projectId(c.world, "Two-way Jira sync")],
  },
  {
    route: "routes/projects.$projectId.demos.new",
    as: "grace",
    bad: async (c) => {
      const id = projectId(c.world, "Bulk edit for tasks");
      return form(`/projects/${id}/demos/new`, demoFields(c, { link: "javascript:alert(1)" }), { projectId: id });
    },
    valid: async (c) => {
      const id = projectId(c.world, "Bulk edit for tasks");
      return form(`/projects/${id}/demos/new`, demoFields(c), { projectId: id });
    },
    names: (c) => [projectId(c.world, "Bulk edit for tasks")],
    creates: ["demo"],
  },
  {
    route: "routes/demos._index",
    intent: "flag",
    as: "marcus",
    bad: async () => form("/demos", { intent: "flag", demoId: "no-such-demo", note: "" }),
    valid: async () => {
      picked.flag = (await prisma.demo.findFirstOrThrow({ where: { flaggedAt: null }, orderBy: { createdAt: "asc" } })).id;
      return form("/demos", { intent: "flag", demoId: picked.flag, note: "Worth the all-hands." });
    },
    names: () => [picked.flag!],
  },
  {
    route: "routes/demos._index",
    intent: "unflag",
    as: "marcus",
    bad: async () => form("/demos", { intent: "unflag", demoId: "", note: "" }),
    valid: async (c) => {
      picked.unflag = (await flaggedByMarcus(c)).id;
      return form("/demos", { intent: "unflag", demoId: picked.unflag, note: "" });
    },
    names: () => [picked.unflag!],
  },

  // ---- Data protection -----------------------------------------------------------------------
  {
    // The candidate created above (no loops), erased on request.
    route: "routes/candidates.$candidateId.data",
    as: "recruiter",
    bad: async () => {
      const id = await newcomer();
      return form(`/candidates/${id}/data`, { reason: "Asked to be forgotten.", confirmation: "nope" }, { candidateId: id });
    },
    valid: async () => {
      // Erasure replaces the email the case finds her by: remember who she was.
      picked.erased ??= await newcomer();
      return form(`/candidates/${picked.erased}/data`, { reason: "Asked to be forgotten, by email.", confirmation: ERASE_WORD }, { candidateId: picked.erased });
    },
    names: () => [picked.erased!],
  },
  {
    route: "routes/admin.retention",
    as: "admin",
    bad: async () => form("/admin/retention", { intent: "erase-all" }),
    // Someone long due: no loops, nothing recorded since 2015.
    prepare: async () => {
      const old = new Date("2015-03-02T09:00:00Z");
      picked.due = (await prisma.candidate.create({ data: { name: "Long Gone", email: "long.gone@mail.example", source: "other", targetLevel: "L4", createdAt: old, updatedAt: old } })).id;
    },
    valid: async () => form("/admin/retention", { intent: ERASE_DUE_INTENT }),
    names: () => [picked.due!],
  },

  // ---- Notifications ---------------------------------------------------------------------------
  {
    route: "routes/inbox",
    intent: "read",
    as: "interviewer",
    bad: async () => form("/inbox", { intent: "read", id: "" }),
    prepare: async (c) => {
      const me = c.world.person("interviewer@northwind.example");
      [picked.notification] = await prisma.$transaction((tx) =>
        notify(tx, { event: { kind: "interview.assigned", interviewId: "audit-case", stageName: "Live build", startsAt: new Date(), durationMinutes: 60 }, recipients: [me], now: new Date() }),
      );
    },
    valid: async () => form("/inbox", { intent: "read", id: picked.notification! }),
    names: () => [picked.notification!],
  },
  {
    route: "routes/inbox",
    intent: "read-all",
    as: "interviewer",
    bad: async () => form("/inbox", { intent: "read-everything" }),
    prepare: async (c) => {
      const me = c.world.person("interviewer@northwind.example");
      await prisma.$transaction((tx) =>
        notify(tx, { event: { kind: "interview.assigned", interviewId: "audit-case-2", stageName: "Live build", startsAt: new Date(), durationMinutes: 60 }, recipients: [me], now: new Date() }),
      );
    },
    valid: async () => form("/inbox", { intent: "read-all" }),
    names: (c) => [c.id("interviewer@northwind.example")],
  },
  {
    route: "routes/inbox",
    intent: "email",
    as: "builder",
    bad: async () => form("/inbox", { intent: "email", email: "interview.rated" }),
    valid: async () => form("/inbox", { intent: "email" }),
    names: (c) => [c.id("builder@northwind.example")],
  },

  // ---- Rubrics -------------------------------------------------------------------------------
  {
    route: "routes/rubrics.$track.$version._index",
    intent: "retire",
    as: "admin",
    bad: async () => form("/rubrics/builder/v1", { intent: "Retire" }, { track: "builder", version: "v1" }),
    valid: async () => form("/rubrics/builder/v1", { intent: "retire" }, { track: "builder", version: "v1" }),
    names: async () => [(await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 1 } } })).id, "builder/v1", "builder"],
  },
  {
    route: "routes/rubrics.$track.$version._index",
    intent: "reinstate",
    as: "admin",
    bad: async () => form("/rubrics/builder/v1", { intent: "Reinstate" }, { track: "builder", version: "v1" }),
    valid: async () => form("/rubrics/builder/v1", { intent: "reinstate" }, { track: "builder", version: "v1" }),
    names: async () => [(await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 1 } } })).id, "builder/v1", "builder"],
  },
  // ---- Interview changes (reschedule, cancel, reassign) ----
  // Chloé's product assessment, still ahead with no scorecard in: moved, given another panel, then cancelled.
  {
    route: "routes/interviews.$interviewId.edit",
    intent: "reschedule",
    as: "recruiter",
    bad: async (c) => {
      const i = await chloesAssessment(c);
      return form(`/interviews/${i.id}/edit`, { intent: "reschedule", sequence: String(i.sequence + 1), startsAtLocal: dateIn(c.world, 20) + "T10:00", timeZone: "Europe/Berlin", durationMinutes: "60" }, { interviewId: i.id });
    },
    valid: async (c) => {
      const i = await chloesAssessment(c);
      return form(`/interviews/${i.id}/edit`, { intent: "reschedule", sequence: String(i.sequence), startsAtLocal: dateIn(c.world, 20) + "T10:00", timeZone: "Europe/Berlin", durationMinutes: "60" }, { interviewId: i.id });
    },
    names: async (c) => [(await chloesAssessment(c)).id],
  },
  {
    route: "routes/interviews.$interviewId.edit",
    intent: "reassign",
    as: "admin",
    bad: async (c) => {
      const i = await chloesAssessment(c);
      return form(`/interviews/${i.id}/edit`, { intent: "reassign", sequence: String(i.sequence), interviewerIds: c.id("builder@northwind.example") }, { interviewId: i.id });
    },
    valid: async (c) => {
      const i = await chloesAssessment(c);
      // Daniel instead of its panel: both taken off, he is added.
      return form(`/interviews/${i.id}/edit`, { intent: "reassign", sequence: String(i.sequence), interviewerIds: c.id("interviewer@northwind.example") }, { interviewId: i.id });
    },
    names: async (c) => [(await chloesAssessment(c)).id],
  },
  {
    route: "routes/interviews.$interviewId.edit",
    intent: "cancel",
    as: "recruiter",
    bad: async (c) => {
      const i = await chloesAssessment(c);
      return form(`/interviews/${i.id}/edit`, { intent: "cancel", sequence: String(i.sequence), reason: "   " }, { interviewId: i.id });
    },
    valid: async (c) => {
      const i = await chloesAssessment(c);
      return form(`/interviews/${i.id}/edit`, { intent: "cancel", sequence: String(i.sequence), reason: "The candidate asked to pause the process." }, { interviewId: i.id });
    },
    names: async (c) => [(await chloesAssessment(c)).id],
  },
  // ---- Candidate pipeline (status, loop closure) ----
  {
    // Rejecting a candidate with an open loop: the status and the loop's closure, in one transaction.
    route: "routes/candidates.$candidateId._index",
    intent: "set-status",
    as: "recruiter",
    bad: async (c) => {
      const kwame = c.world.candidates.find((x) => x.name === "Kwame Asante")!;
      return form(`/candidates/${kwame.id}`, { intent: "set-status", status: "rejected", reason: "  ", statusChangedAt: "" }, { candidateId: kwame.id });
    },
    prepare: async (c) => {
      const version = await prisma.rubricVersion.findFirstOrThrow({ where: { track: "builder", retiredAt: null }, orderBy: { version: "desc" } });
      const rhea = await prisma.candidate.create({ data: { name: "Rhea Rejectable", email: "rhea.rejectable@mail.example", source: "other", targetLevel: "L5" } });
      await prisma.loop.create({ data: { candidateId: rhea.id, rubricVersionId: version.id, targetLevel: "L5", createdById: c.who.userId, createdAt: new Date() } });
    },
    valid: async () => {
      const rhea = await prisma.candidate.findFirstOrThrow({ where: { email: "rhea.rejectable@mail.example" } });
      return form(`/candidates/${rhea.id}`, { intent: "set-status", status: "rejected", reason: "Not the right fit for the platform team", statusChangedAt: "" }, { candidateId: rhea.id });
    },
    names: async () => [(await prisma.candidate.findFirstOrThrow({ where: { email: "rhea.rejectable@mail.example" } })).id],
  },
  {
    route: "routes/loops.$loopId._index",
    intent: "close-loop",
    as: "recruiter",
    bad: async (c) => form(`/loops/${c.world.loopOf("Ana Souza").id}`, { intent: "close-loop", reason: "" }, { loopId: c.world.loopOf("Ana Souza").id }),
    valid: async (c) => form(`/loops/${c.world.loopOf("Ana Souza").id}`, { intent: "close-loop", reason: "Role filled internally" }, { loopId: c.world.loopOf("Ana Souza").id }),
    names: (c) => [c.world.loopOf("Ana Souza").id],
  },
  {
    // Ana's loop, closed by the case above: reopened, so later cases find it as it was.
    route: "routes/loops.$loopId._index",
    intent: "reopen-loop",
    as: "recruiter",
    bad: async (c) => form(`/loops/${c.world.loopOf("Ana Souza").id}`, { intent: "reopen" }, { loopId: c.world.loopOf("Ana Souza").id }),
    valid: async (c) => form(`/loops/${c.world.loopOf("Ana Souza").id}`, { intent: "reopen-loop" }, { loopId: c.world.loopOf("Ana Souza").id }),
    names: (c) => [c.world.loopOf("Ana Souza").id],
  },
  // ---- Accounts (invite, deactivate, manager, password reset) ----
  {
    route: "routes/admin.users",
    intent: "invite",
    as: "admin",
    bad: async () => form("/admin/users", { intent: "invite", name: "Iris Invited", email: "not-an-email", roles: "interviewer" }),
    valid: async () => form("/admin/users", { intent: "invite", name: "Iris Invited", email: ACCOUNTS.invited, roles: "interviewer" }),
    names: () => [],
    creates: ["user"],
  },
  {
    // The person invited above: a new link replaces the first.
    route: "routes/admin.users",
    intent: "resend-invite",
    as: "admin",
    bad: async (c) => form("/admin/users", { intent: "resend-invite", userId: c.id("builder@northwind.example") }),
    valid: async () => form("/admin/users", { intent: "resend-invite", userId: await idOfEmail(ACCOUNTS.invited) }),
    names: async () => [await idOfEmail(ACCOUNTS.invited)],
  },
  {
    // The invited person follows the link of the newest email, signed out: the entries are theirs.
    route: "routes/account.welcome.$token",
    as: async () => ({ userId: await idOfEmail(ACCOUNTS.invited), cookie: null }),
    bad: async () => linkForm("/account/welcome", await tokenMailedTo(ACCOUNTS.invited), { newPassword: "short", confirmPassword: "short" }),
    valid: async () => linkForm("/account/welcome", await tokenMailedTo(ACCOUNTS.invited), { newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" }),
    names: (c) => [c.who.userId],
  },
  {
    route: "routes/admin.users",
    intent: "deactivate",
    as: "admin",
    bad: async (c) => form("/admin/users", { intent: "deactivate", userId: c.id("admin@northwind.example") }),
    prepare: async () => {
      ACCOUNTS.leaving ??= (await createUser(["interviewer"], { name: "Leaving Soon" })).id;
      await sessionCookieFor(ACCOUNTS.leaving);
    },
    valid: async () => form("/admin/users", { intent: "deactivate", userId: ACCOUNTS.leaving! }),
    names: () => [ACCOUNTS.leaving!],
  },
  {
    route: "routes/admin.users",
    intent: "reactivate",
    as: "admin",
    bad: async (c) => form("/admin/users", { intent: "reactivate", userId: c.id("builder@northwind.example") }),
    valid: async () => form("/admin/users", { intent: "reactivate", userId: ACCOUNTS.leaving! }),
    names: () => [ACCOUNTS.leaving!],
  },
  {
    // A builder made for the case, so that nobody else's team changes.
    route: "routes/admin.users",
    intent: "manager",
    as: "admin",
    bad: async (c) => form("/admin/users", { intent: "manager", userId: c.id("builder@northwind.example"), managerId: c.id("builder@northwind.example") }),
    prepare: async () => {
      if (ACCOUNTS.builder) return;
      ACCOUNTS.builder = (await createUser(["builder"], { name: "Moving Teams" })).id;
      await prisma.builder.create({ data: { userId: ACCOUNTS.builder, level: "L4", startedAt: new Date("2025-02-03T09:00:00Z") } });
    },
    valid: async (c) => form("/admin/users", { intent: "manager", userId: ACCOUNTS.builder!, managerId: c.id("manager@northwind.example") }),
    names: () => [ACCOUNTS.builder!],
  },
  {
    // Signed out: the entry names the account asked about, from the asker's address.
    route: "routes/password.forgot",
    as: freshPerson(["builder"], false),
    bad: async () => form("/password/forgot", { email: "not-an-email" }),
    valid: async (c) => form("/password/forgot", { email: (await prisma.user.findUniqueOrThrow({ where: { id: c.who.userId } })).email }),
    names: (c) => [c.who.userId],
    writesFirst: { tables: ["LoginAttempt"], why: "the reset throttle records each request first, account or not" },
  },
  {
    // Someone with a reset link (made for the case), signed out.
    route: "routes/password.reset.$token",
    as: async () => {
      const user = await createUser(["builder"], { name: "Forgot Often" });
      const { token, expiresAt } = mintAccountToken("reset", new Date(), randomBytes);
      await prisma.accountToken.create({ data: { userId: user.id, purpose: "reset", tokenHash: createHash("sha256").update(token).digest("hex"), createdAt: new Date(), expiresAt } });
      ACCOUNTS.resetToken = token;
      return { userId: user.id, cookie: null };
    },
    bad: async () => linkForm("/password/reset", ACCOUNTS.resetToken!, { newPassword: "a brand new passphrase", confirmPassword: "a different passphrase" }),
    valid: async () => linkForm("/password/reset", ACCOUNTS.resetToken!, { newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" }),
    names: (c) => [c.who.userId],
  },
  // ---- Reminders and other notifying events ----
];

/** The account cases' records: the person invited, someone deactivated and back, a builder changing teams, a reset link. */
const ACCOUNTS: { invited: string; leaving?: string; builder?: string; resetToken?: string } = { invited: "iris.invited@test.example" };
const idOfEmail = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
/** The token of the link emailed to `email` that still works (from the outbox, as the delivery worker would send it). */
async function tokenMailedTo(email: string): Promise<string> {
  const live = new Set((await prisma.accountToken.findMany({ where: { user: { email }, usedAt: null }, select: { tokenHash: true } })).map((t) => t.tokenHash));
  for (const mail of await prisma.outboxMessage.findMany({ where: { recipientEmail: email } })) {
    const token = /\/(?:account\/welcome|password\/reset)\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (token && live.has(createHash("sha256").update(token).digest("hex"))) return token;
  }
  throw new Error(`No working link was emailed to ${email}`);
}
const linkForm = (path: string, token: string, fields: Record<string, string>) => form(`${path}/${token}`, fields, { token });


function decisionFields(extra: Record<string, string> = {}) {
  return {
    outcome: "hire",
    level: "L6",
    baseSalary: "275000",
    bandJustification: "",
    rationale: "Hire at L6: strategy and pricing are strong.",
    correctsId: "",
    confirmedOverrides: "against_recommendation",
    overrideJustification: "The blocker was a misunderstanding, cleared in a follow-up call.",
    ...extra,
  };
}

async function evidenceFields(c: Ctx, extra: Record<string, string> = {}) {
  const packet = (await findPacket(packetOf(c.world, "Bea Novak")))!;
  const criterion = targetCriteria(packet.rubric, packet.targetLevel)[0]!.id;
  return {
    intent: "evidence",
    evidenceId: "",
    version: "",
    title: "Usage-based alerts",
    description: "Built the alerting service and its settings.",
    impact: "Churn fell 2 points.",
    links: "https://northwind.example/changelog/alerts",
    startDate: "2025-05-01",
    endDate: "",
    criteria: criterion,
    competencies: "product_sense",
    ...extra,
  };
}

async function unassessed(c: Ctx): Promise<string> {
  const packet = (await findPacket(packetOf(c.world, "Bea Novak")))!;
  const missing = targetCriteria(packet.rubric, packet.targetLevel).find((x) => !packet.assessments.some((a) => a.criterionId === x.id));
  if (!missing) throw new Error("Every criterion of Bea's packet is assessed");
  return missing.id;
}

async function checkpointFields(c: Ctx, extra: Record<string, string> = {}) {
  const project = c.world.projects.find((p) => p.title === "Bulk edit for tasks")!;
  return { intent: "record_checkpoint", verdict: "keep", followUps: "Undo for label changes next.", ...Object.fromEntries(project.metricIds.map((id, i) => [`actuals.${id}`, String(10 + i)])), ...extra };
}

function reviewFields(c: Ctx, extra: Record<string, string> = {}) {
  return { intent: "record_review", health: "healthy", roi: "Overage disputes down by two thirds.", followThrough: "", nextReviewOn: dateIn(c.world, 60), ...extra };
}

function demoFields(c: Ctx, extra: Record<string, string> = {}) {
  return { title: "Bulk edit: labels", shows: "Adding a label to 300 tasks at once.", link: "https://northwind.example/demos/bulk-labels", demoOn: dateIn(c.world, 0), ...extra };
}

async function flaggedByMarcus(c: Ctx) {
  return prisma.demo.findFirstOrThrow({ where: { flaggedById: c.id("manager@northwind.example") }, orderBy: { flaggedAt: "desc" } });
}

// ---- The run ---------------------------------------------------------------------------------

let world: World;
let personas: Persona[];
let manifest: RouteEntry[];

const succeeded = (o: Outcome) => !o.error && o.status >= 200 && o.status < 400 && !(o.headers.get("Location") ?? "").startsWith("/login?");
const send = (route: RouteEntry, req: Req, cookie: string | null) =>
  invoke(route.action!, buildRequest({ url: req.url, body: req.body, handler: "action" }, cookie), req.params ?? {});
const headSeq = async () => (await prisma.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0;
const idsOf = async (table: Table): Promise<Set<string>> =>
  new Set(((await (prisma[table] as unknown as { findMany: (a: unknown) => Promise<Array<{ id: string }>> }).findMany({ select: { id: true } })) as Array<{ id: string }>).map((r) => r.id));

/** Each table's content hash, to name the tables a failing request still wrote to. */
async function tableHashes(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await tableNames()) out[name] = await tableContent(name);
  return out;
}

beforeAll(async () => {
  world = await buildWorld();
  personas = await signInPersonas(world);
  manifest = await loadRouteManifest();
}, 120_000);

afterAll(async () => {
  await unblockAuditInserts();
});

describe("the table", () => {
  it("has a case for every action of the route manifest (or a reason it changes nothing), and for every intent", () => {
    const actions = manifest.filter((r) => r.action).map((r) => r.id);
    const covered = new Set([...CASES.map((c) => c.route), ...Object.keys(NOT_A_CHANGE)]);
    expect(actions.filter((id) => !covered.has(id))).toEqual([]);
    expect([...covered].filter((id) => !actions.includes(id))).toEqual([]);
    const intents = (route: string) => CASES.filter((c) => c.route === route).map((c) => c.intent).sort();
    expect(intents("routes/packets.$packetId")).toEqual([...PACKET_FORMS].sort());
    expect(intents("routes/projects.$projectId._index")).toEqual(Object.keys(PROJECT_ACTION_PARTIES).filter((k) => k !== "submit").sort());
    expect(intents("routes/demos._index")).toEqual(["flag", "unflag"]);
    expect(intents("routes/interviews.$interviewId.scorecard")).toEqual(["amend", "submit"]);
    expect(intents("routes/rubrics.$track.$version._index")).toEqual(["reinstate", "retire"]);
    expect(intents("routes/admin.users")).toEqual(["deactivate", "invite", "manager", "reactivate", "resend-invite", "roles"]);
    expect(intents("routes/projects.new")).toEqual(["save", "submit"]);
    expect(intents("routes/projects.$projectId.edit")).toEqual(["save", "submit"]);
    for (const c of CASES) if (c.bad === null) expect(c.noBadInput, `${c.route} ${c.intent ?? ""}`).toBeTruthy();
  });
});

describe("every change is audited, in the same transaction", () => {
  for (const c of CASES) {
    it(`${c.route}${c.intent ? ` · ${c.intent}` : ""}`, async () => {
      const route = manifest.find((r) => r.id === c.route);
      expect(route?.action, `${c.route} has an action`).toBeDefined();
      const base = { world, personas, id: (email: string) => world.person(email).id };
      let who: Who;
      if (typeof c.as === "string") {
        const persona = personas.find((p) => p.key === c.as);
        if (!persona?.person) throw new Error(`No persona ${String(c.as)}`);
        who = { userId: persona.person.id, cookie: persona.cookie };
      } else who = await c.as(base);
      const ctx: Ctx = { ...base, who };

      // 1. A refused change writes nothing, so no entry either.
      if (c.bad) {
        const req = await c.bad(ctx);
        const before = await headSeq();
        const { result, changed } = await rowsChangedBy(() => send(route!, req, who.cookie));
        expect(result.status >= 400 && result.status < 500 && !result.error, `the bad input got ${describeOutcome(result)}`).toBe(true);
        expect(changed, "rows changed by the refused input").toBe(0);
        expect(await headSeq()).toBe(before);
      }

      await c.prepare?.(ctx);

      // 2. With every audit insert failing, the change does not happen either.
      const req = await c.valid(ctx);
      const hashBefore = await contentHash();
      const tablesBefore = await tableHashes();
      await blockAuditInserts();
      let blocked: Outcome;
      try {
        blocked = await send(route!, req, who.cookie);
      } finally {
        await unblockAuditInserts();
      }
      expect(succeeded(blocked), `with audit writes failing it still answered ${describeOutcome(blocked)}`).toBe(false);
      // Content, not total_changes(): SQLite counts the rows of a rolled-back transaction too, and
      // rolling back is exactly what must happen here. Any row committed would change the hash.
      const changedTables = Object.entries(await tableHashes()).filter(([t, h]) => tablesBefore[t] !== h).map(([t]) => t);
      if (c.writesFirst) {
        expect(changedTables.filter((t) => !c.writesFirst!.tables.includes(t)), "tables written while audit writes were failing").toEqual([]);
      } else {
        expect(await contentHash(), `rows committed while audit writes were failing, in ${changedTables.join(", ")}`).toBe(hashBefore);
      }

      // 3. The same request succeeds and records itself.
      const before = await headSeq();
      const created = new Map<Table, Set<string>>();
      for (const t of c.creates ?? []) created.set(t, await idsOf(t));
      const outcome = await send(route!, await c.valid(ctx), who.cookie);
      expect(succeeded(outcome), `the valid request got ${describeOutcome(outcome)}`).toBe(true);
      const entries = await prisma.auditEntry.findMany({ where: { seq: { gt: before } }, orderBy: { seq: "asc" } });
      const changes = entries.filter((e) => e.kind === "change");
      expect(changes.length, "change entries written").toBeGreaterThan(0);
      for (const e of changes) expect([e.seq, e.action, e.actorId, e.address]).toEqual([e.seq, e.action, who.userId, CLIENT_ADDRESS]);
      const names = new Set(await c.names(ctx));
      for (const [t, ids] of created) for (const id of await idsOf(t)) if (!ids.has(id)) names.add(id);
      expect(names.size, "the case knows which record it changed").toBeGreaterThan(0);
      expect(
        changes.some((e) => names.has(e.recordId)),
        `no entry names the record changed (${[...names].join(", ")}): ${changes.map((e) => `${e.action} ${e.recordType} ${e.recordId}`).join("; ")}`,
      ).toBe(true);
    }, 60_000);
  }
});
