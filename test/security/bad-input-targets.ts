/**
 * Every action of the app, and every intent of the multi-intent ones, as a target for generated
 * bad input: who may use it (so the input reaches the parser, not just the gate), who may not,
 * and its poisons — each one a change that a correct action must refuse (400, or 404/409 for an
 * id that is not there or not theirs), read from the action's code and its zod schema. A target's
 * base input is valid or a refusal; with at least one poison it never is.
 */
import fc from "fast-check";
import { prisma } from "~/data/db.server";
import { findLoop } from "~/data/loops.server";
import { findPacket } from "~/data/packets.server";
import { CANDIDATE_SOURCES, DATA_ORIGINS, LEGAL_BASES } from "~/domain/candidates";
import { LEVELS } from "~/domain/levels";
import { isRole } from "~/domain/roles";
import { emptyContent, stageRubric, type StageRubric } from "~/domain/scorecard/content";
import { targetCriteria } from "~/domain/promotion/snapshot";
import {
  BAD_NUMBERS,
  addField,
  dropField,
  formWire,
  hostileString,
  jsonNoise,
  jsonSet,
  jsonWire,
  noiseField,
  oversize,
  poisoned,
  repeatField,
  setField,
  type Doc,
  type Fields,
  type Json,
  type Poison,
  type Wire,
} from "./bad-bodies";
import type { World } from "./world";
import { accountTargets } from "./bad-input-accounts";
import { auditTargets } from "./bad-input-audit";
import { candidateDataTargets } from "./bad-input-candidate-data";
import { notificationTargets } from "./bad-input-notifications";
import { interviewChangeTargets } from "./bad-input-interview-changes";
import { pipelineTargets } from "./bad-input-pipeline";
import { retentionTargets } from "./bad-input-retention";

export type Input = Wire & { poisons: string[] };

export type Target = {
  name: string;
  route: string;
  url: string;
  params: Record<string, string>;
  /** The persona who may use the action. */
  persona: string;
  /** Personas who may not: their inputs must be refused too (403, or 409 where they hold their own copy). */
  others: string[];
  input: fc.Arbitrary<Input>;
};

const oneOf = <T>(...values: T[]) => fc.constantFrom(...values);
const unlike = (...taken: string[]) => hostileString.filter((s) => !taken.includes(s.trim()));
const notEmail = hostileString.filter((s) => !s.includes("@"));

function form(base: Fields, poison: fc.Arbitrary<Poison<Fields>>): fc.Arbitrary<Input> {
  return poisoned(() => base, poison, noiseField).chain(({ value, poisons }) => formWire(value).map((wire) => ({ ...wire, poisons })));
}

function json(base: () => Doc, poison: fc.Arbitrary<Poison<Doc>>): fc.Arbitrary<Input> {
  return poisoned(base, poison, jsonNoise, 2).chain(({ value, poisons }) => jsonWire(value).map((wire) => ({ ...wire, poisons })));
}

/** A text field's usual poisons: empty, blank, too long, sent twice, missing (if required). */
function textPoisons(name: string, max: number, required = true): Array<fc.Arbitrary<Poison<Fields>>> {
  return [
    ...(required ? [oneOf(setField(name, ""), setField(name, "   \t"), dropField(name))] : []),
    oversize(max + 1).map((v) => setField(name, v)),
    fc.constant(repeatField(name)),
    fc.constantFrom("\u0000", "a\u0000b").map((v) => setField(name, v)),
  ];
}

/** A filled-in, valid scorecard for a stage (ratings of 3 need no evidence, but it is there). */
function validContent(stage: StageRubric): Doc {
  const content = emptyContent(stage);
  return {
    ratings: content.ratings.map((r) => ({ criterionId: r.criterionId, rating: 3, evidence: `Specific observations on ${r.criterionId}.` })),
    signals: content.signals.map((s) => ({ signalId: s.signalId, observed: false, note: "" })),
    redFlags: content.redFlags.map((f) => ({ flagId: f.flagId, raised: false, evidence: "" })),
    recommendation: "yes",
    takeaways: "A solid builder who explains trade-offs.",
  };
}

/** Poisons of a scorecard's content (at `content`), as the submission or the draft schema must refuse them. */
function contentPoisons(stage: StageRubric, mode: "submission" | "draft"): fc.Arbitrary<Poison<Doc>> {
  const n = stage.stage.criteria.length;
  const i = fc.integer({ min: 0, max: n - 1 });
  const signals = stage.signals.length;
  const badRating: Json[] = mode === "submission" ? [0, 5, 2.5, "3", null, true, -1] : [0, 5, 2.5, "3", true, -1];
  const dupe = (key: "ratings" | "signals" | "redFlags", label: string): Poison<Doc> => ({
    label,
    apply: (doc) => {
      const list = (doc.content as Record<string, Json[]> | null)?.[key];
      if (!Array.isArray(list) || list.length === 0) return doc;
      const first = key === "signals" ? { ...(list[0] as Record<string, Json>), observed: true, note: "Seen twice." } : list[0]!;
      const withFirst = key === "signals" ? [first, ...list.slice(1)] : list;
      return jsonSet(["content", key], [...withFirst, first]).apply(doc);
    },
  });
  const arbitraries: Array<fc.Arbitrary<Poison<Doc>>> = [
    oneOf<Json | undefined>(null, [], "content", 7, undefined).map((v) => jsonSet(["content"], v)),
    fc.tuple(i, oneOf(...badRating)).map(([k, v]) => jsonSet(["content", "ratings", k, "rating"], v)),
    fc.tuple(i, oneOf<Json>("no_such_criterion", "__proto__", "", 1)).map(([k, v]) => jsonSet(["content", "ratings", k, "criterionId"], v)),
    fc.tuple(i, fc.oneof(oversize(5001), oneOf("\uD800", "x\uDC00", "a\u0000b")), fc.boolean()).map(([k, v, asNumber]) => jsonSet(["content", "ratings", k, "evidence"], asNumber ? 12 : v)),
    fc.constant(dupe("ratings", "a criterion rated twice")),
    fc.constant(dupe("signals", "the same observed signal listed twice")),
    fc.constant(dupe("redFlags", "the same red flag listed twice")),
    oneOf<Json>("no_such_signal", "__proto__").map((v) => jsonSet(["content", "signals", 0, "signalId"], v)),
    fc.integer({ min: 0, max: Math.max(0, signals - 1) }).map((k) => jsonSet(["content", "signals", k, "observed"], "yes")),
    oneOf<Json>("no_such_flag", "constructor").map((v) => jsonSet(["content", "redFlags", 0, "flagId"], v)),
    oneOf<Json>("maybe", 3, "STRONG_YES", ...(mode === "submission" ? [null] : [])).map((v) => jsonSet(["content", "recommendation"], v)),
    fc.oneof(oversize(5001), oneOf<string>("\uDBFF", "take\uD800aways", "\u0000")).map((v) => jsonSet(["content", "takeaways"], v)),
    oneOf<Json | undefined>(42, undefined).map((v) => jsonSet(["content", "takeaways"], v)),
    oneOf<Json | undefined>("ratings", null, undefined).map((v) => jsonSet(["content", "ratings"], v)),
  ];
  if (mode === "submission") {
    arbitraries.push(
      fc.constant<Poison<Doc>>({ label: "a criterion left out", apply: (doc) => jsonSet(["content", "ratings", 0], undefined).apply(doc) }),
      fc.constant(jsonSet(["content", "redFlags", 0, "raised"], true)),
      oneOf("", "   ").map((v) => jsonSet(["content", "takeaways"], v)),
    );
  }
  return fc.oneof(...arbitraries);
}

export async function buildTargets(world: World): Promise<Target[]> {
  const person = (email: string) => world.person(email).id;
  const bea = person("builder@northwind.example");
  const marcus = person("manager@northwind.example");
  const admin = person("admin@northwind.example");
  const daniel = person("interviewer@northwind.example");
  const priya = person("promotions@northwind.example");
  const lucas = person("lucas.moreau@northwind.example");
  const kwame = world.candidates.find((c) => c.name === "Kwame Asante")!;
  const raviLoop = world.loopOf("Ravi Menon");
  const jonasLoop = world.loopOf("Jonas Weber");
  const anaLoop = world.loopOf("Ana Souza");
  const chloeLoop = world.loopOf("Chloé Dubois");
  const raviDecision = world.decisions.find((d) => d.loopId === raviLoop.id)!;

  const packetOf = (name: string) => world.packets.find((p) => p.builderName === name)!;
  const beaPacket = (await findPacket(packetOf("Bea Novak").id))!;
  const meiPacket = (await findPacket(packetOf("Mei Lin").id))!;
  const samuelPacket = packetOf("Samuel Osei");
  const beaCriteria = targetCriteria(beaPacket.rubric, beaPacket.targetLevel).map((c) => c.id);
  const unassessed = beaCriteria.find((c) => !beaPacket.assessments.some((a) => a.criterionId === c))!;
  const ownEvidence = beaPacket.evidence[0]!;
  const othersEvidence = meiPacket.evidence[0]!;
  const intents = ["summary", "evidence", "delete-evidence", "assessment", "invite-peer", "remove-peer", "statement", "submit", "start-review", "decide"];

  // Daniel's draft on Chloé's Stage 2, and his submitted Stage 1 scorecard on Ravi's loop.
  const chloeStage2 = chloeLoop.interviews.find((i) => i.stageId === "technical_deep_dive" && i.interviewerIds.includes(daniel))!;
  const raviStage1 = raviLoop.interviews.find((i) => i.stageId === "initial_screen" && i.interviewerIds.includes(daniel))!;
  const draft = world.scorecards.find((s) => s.interviewId === chloeStage2.id && s.interviewerId === daniel && s.status === "draft")!;
  const draftVersion = (await prisma.scorecard.findUniqueOrThrow({ where: { id: draft.id } })).draftVersion;
  // An amendment names the revision it is written over: Daniel's Ravi screen, as it stands.
  const raviRevision = (await prisma.scorecardRevision.findFirstOrThrow({ where: { scorecard: { interviewId: raviStage1.id, interviewerId: daniel } }, orderBy: { number: "desc" } })).number;
  const stageOf = async (loopId: string, stageId: string) => stageRubric((await findLoop(loopId))!.rubric, stageId)!;
  const chloeStage = await stageOf(chloeLoop.id, "technical_deep_dive");
  const raviStage = await stageOf(raviLoop.id, "initial_screen");

  // The project log (prisma/seed/demo-projects.ts): Leo's PRD awaiting Bea's thumbs-up, Grace's
  // launched project with its checkpoint due, Yuki's live project, Bea's blocked one.
  const projectOf = (title: string) => {
    const found = world.projects.find((p) => p.title === title);
    if (!found) throw new Error(`No project "${title}" in the demo organisation`);
    return found;
  };
  const projectVersion = async (id: string) => (await prisma.project.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  const leoProject = projectOf("Invite teammates during onboarding");
  const graceProject = projectOf("Bulk edit for tasks");
  const yukiProject = projectOf("Spend controls for usage-based billing");
  const beaBlocked = projectOf("Two-way Jira sync");
  const beaDraft = projectOf("Shared saved views");
  const leoVersion = await projectVersion(leoProject.id);
  const graceVersion = await projectVersion(graceProject.id);
  const yukiVersion = await projectVersion(yukiProject.id);
  const beaBlockedVersion = await projectVersion(beaBlocked.id);
  const beaDraftVersion = await projectVersion(beaDraft.id);
  const projectUrl = (id: string) => ({ url: `/projects/${id}`, params: { projectId: id } });
  const demoId = world.demos[0]!.id;
  const NOT_DECIMAL = ["1e309", "NaN", "Infinity", "-Infinity", "0x1F", "9007199254740993", "1_000", "١٢٣", "12abc", "abc", "", " ", "1,5"];

  const candidateBase: Fields = [
    ["name", "Kwame Asante"],
    ["email", "kwame.asante@mail.example"],
    ["source", "other"],
    ["targetLevel", "L4"],
    ["links", ""],
    ["notes", "Design engineer."],
  ];
  const candidatePoisons = fc.oneof(
    ...textPoisons("name", 200),
    notEmail.map((v) => setField("email", v)),
    oneOf(setField("email", "kwame@"), dropField("email"), repeatField("email")),
    oversize(321).map((v) => setField("email", `${v}@mail.example`)),
    unlike(...CANDIDATE_SOURCES).map((v) => setField("source", v)),
    unlike(...LEVELS).map((v) => setField("targetLevel", v)),
    oneOf(setField("targetLevel", "L8"), setField("targetLevel", "l4"), dropField("source"), dropField("targetLevel")),
    oneOf("javascript:alert(1)", "ftp://example.com/x", "www.example.com", "https://", "https://ok.example\nnot a link").map((v) => setField("links", v)),
    oversize(5001).map((v) => setField("links", v)),
    ...textPoisons("notes", 5000, false),
    unlike(...DATA_ORIGINS).map((v) => setField("dataOrigin", v)),
    unlike(...LEGAL_BASES).map((v) => setField("legalBasis", v)),
    // Consent without the day it was given; impossible days; two origins.
    oneOf(setField("legalBasis", "consent"), repeatField("dataOrigin"), setField("noticeSentOn", "2026-02-30"), setField("noticeSentOn", "soon")),
    oneOf("", "2026-02-30", "31/12/2026").map((v) => fc.constant({ label: `consent given on ${v || "(empty)"}`, apply: (f: Fields) => [...f.filter(([k]) => k !== "legalBasis" && k !== "consentGivenOn"), ["legalBasis", "consent"], ["consentGivenOn", v]] as Fields })).chain((a) => a),
    oversize(201).map((v) => setField("dataOriginDetail", v)),
  );

  const decisionBase: Fields = [
    ["outcome", "hire"],
    ["level", "L6"],
    ["baseSalary", "275000"],
    ["bandJustification", ""],
    ["rationale", "Hire at L6: strategy and pricing are strong."],
    ["correctsId", ""],
    // Jonas's loop is complete and its recommendation is "no hire": a hire goes against it.
    ["confirmedOverrides", "against_recommendation"],
    ["overrideJustification", "The blocker was a misunderstanding, cleared in a follow-up call."],
  ];

  const packetUrl = (id: string) => ({ url: `/packets/${id}`, params: { packetId: id } });
  const scorecardUrl = (id: string) => ({ url: `/interviews/${id}/scorecard`, params: { interviewId: id } });
  const version = (current: number) => oneOf(...BAD_NUMBERS.filter((v) => Number(v) !== current), "999999");

  const dataProtection = [...(await auditTargets(world)), ...(await candidateDataTargets(world)), ...(await retentionTargets(world)), ...(await notificationTargets(world)), ...(await accountTargets(world)), ...(await pipelineTargets(world)), ...(await interviewChangeTargets(world))];
  return [
    {
      name: "the catch-all (any POST to an unknown address)",
      route: "routes/$",
      url: "/no/such/page",
      params: { "*": "no/such/page" },
      persona: "admin",
      others: ["signed-out"],
      input: form([["anything", "x"]], fc.tuple(fc.string({ maxLength: 12 }), hostileString).map(([k, v]) => addField(k || "x", v))),
    },
    {
      name: "set a user's roles",
      route: "routes/admin.users",
      url: "/admin/users",
      params: {},
      persona: "admin",
      others: ["recruiter"],
      input: form(
        [
          ["intent", "roles"],
          ["userId", bea],
          ["roles", "__invalid__"],
        ],
        fc.oneof(
          hostileString.filter((v) => !isRole(v)).map((v) => setField("roles", v)),
          oneOf(setField("roles", "superuser"), setField("roles", "Admin"), addField("roles", "root"), setField("userId", "no-such-user"), setField("userId", "__proto__"), setField("userId", ""), repeatField("userId")),
          fc.constant<Poison<Fields>>({ label: "admin removes own admin role", apply: (f) => setField("roles", "builder").apply(setField("userId", admin).apply(f)) }),
        ),
      ),
    },
    {
      name: "start a packet (the builder already has an open one)",
      route: "routes/builders.$userId",
      url: `/builders/${bea}`,
      params: { userId: bea },
      persona: "builder",
      others: ["leo", "promotion-committee"],
      input: form([["intent", "start-packet"]], fc.oneof(hostileString.map((v) => setField("intent", v)), oneOf(dropField("intent"), repeatField("intent"), addField("intent", "start-packet")))),
    },
    {
      name: "edit a candidate",
      route: "routes/candidates.$candidateId.edit",
      url: `/candidates/${kwame.id}/edit`,
      params: { candidateId: kwame.id },
      persona: "recruiter",
      others: ["interviewer", "hannah"],
      input: form(candidateBase, candidatePoisons),
    },
    {
      name: "create a candidate",
      route: "routes/candidates.new",
      url: "/candidates/new",
      params: {},
      persona: "recruiter",
      others: ["hiring-committee"],
      input: form(candidateBase, candidatePoisons),
    },
    {
      name: "start a loop",
      route: "routes/candidates.$candidateId.loops.new",
      url: `/candidates/${kwame.id}/loops/new`,
      params: { candidateId: kwame.id },
      persona: "recruiter",
      others: ["hannah"],
      input: form(
        [
          ["track", "builder"],
          ["targetLevel", "L4"],
        ],
        fc.oneof(
          unlike("builder", "product-builder").map((v) => setField("track", v)),
          oneOf(setField("track", "Builder"), dropField("track"), repeatField("track"), dropField("targetLevel"), repeatField("targetLevel"), setField("targetLevel", "L3")),
          unlike(...LEVELS).map((v) => setField("targetLevel", v)),
        ),
      ),
    },
    {
      name: "onboard a hire",
      route: "routes/candidates.$candidateId.onboard",
      url: `/candidates/${raviLoop.candidateId}/onboard`,
      params: { candidateId: raviLoop.candidateId },
      persona: "admin",
      others: ["recruiter", "hiring-committee"],
      input: form(
        [
          ["loopId", raviLoop.id],
          ["managerId", marcus],
          ["startDate", "2027-01-04"],
        ],
        fc.oneof(
          oneOf(setField("loopId", jonasLoop.id), setField("loopId", "no-such-loop"), setField("loopId", ""), dropField("loopId"), repeatField("loopId")),
          oneOf("2027-02-30", "04/01/2027", "2027-1-4", "", "tomorrow", "2027-13-01").map((v) => setField("startDate", v)),
          hostileString.map((v) => setField("startDate", v)),
          oneOf(dropField("startDate"), repeatField("startDate")),
        ),
      ),
    },
    {
      name: "submit a scorecard (JSON)",
      route: "routes/interviews.$interviewId.scorecard",
      ...scorecardUrl(chloeStage2.id),
      persona: "interviewer",
      others: ["leo", "grace"],
      input: json(
        () => ({ intent: "submit", version: draftVersion, content: validContent(chloeStage) }),
        fc.oneof(
          contentPoisons(chloeStage, "submission"),
          oneOf<Json | undefined>(-1, 1.5, "0", null, true, 1e300, undefined, draftVersion + 999).map((v) => jsonSet(["version"], v)),
          oneOf<Json | undefined>(undefined, "Submit", ["submit"], 1, "", "delete").map((v) => jsonSet(["intent"], v)),
        ),
      ),
    },
    {
      name: "amend a scorecard (JSON)",
      route: "routes/interviews.$interviewId.scorecard",
      ...scorecardUrl(raviStage1.id),
      persona: "interviewer",
      others: ["grace", "hannah"],
      input: json(
        () => ({ intent: "amend", revision: raviRevision, reason: "Correcting my notes after re-reading them.", content: validContent(raviStage) }),
        fc.oneof(
          contentPoisons(raviStage, "submission"),
          oneOf<Json | undefined>(0, raviRevision + 1, raviRevision - 1, -1, 1.5, "1", null, undefined).map((v) => jsonSet(["revision"], v)),
          fc.oneof(oversize(2001), oneOf<string>("", "   ", "\uD800", "why\uDFFF", "a\u0000b")).map((v) => jsonSet(["reason"], v)),
          oneOf<Json | undefined>(7, null, undefined, ["why"]).map((v) => jsonSet(["reason"], v)),
          oneOf<Json | undefined>(undefined, "Amend", 0).map((v) => jsonSet(["intent"], v)),
        ),
      ),
    },
    {
      name: "save a scorecard draft (JSON autosave)",
      route: "routes/scorecards.$scorecardId.draft",
      url: `/scorecards/${draft.id}/draft`,
      params: { scorecardId: draft.id },
      persona: "interviewer",
      others: ["grace", "hannah"],
      input: json(
        () => ({ version: draftVersion, content: validContent(chloeStage) }),
        fc.oneof(contentPoisons(chloeStage, "draft"), oneOf<Json | undefined>(-1, 1.5, String(draftVersion), null, true, 1e300, undefined, draftVersion + 999).map((v) => jsonSet(["version"], v))),
      ),
    },
    {
      name: "sign in",
      route: "routes/login",
      url: "/login",
      params: {},
      persona: "signed-out",
      others: [],
      input: form(
        [
          ["email", "nobody@northwind.example"],
          ["password", "not-the-password"],
          ["redirectTo", "/"],
        ],
        fc.oneof(
          notEmail.map((v) => setField("email", v)),
          oneOf(setField("email", ""), dropField("email"), repeatField("email"), setField("email", "a@"), dropField("password"), setField("password", ""), repeatField("password"), repeatField("redirectTo")),
          oversize(321).map((v) => setField("email", `${v}@northwind.example`)),
          oversize(1025).map((v) => setField("password", v)),
          oversize(2049).map((v) => setField("redirectTo", `/${v}`)),
        ),
      ),
    },
    {
      // Only poisons the schema refuses: a well-formed form with a wrong current password is a
      // refusal too, but it rightly records a failed attempt (the throttle counts it).
      name: "change one's password",
      route: "routes/account.password",
      url: "/account/password",
      params: {},
      persona: "builder",
      others: [],
      input: form(
        [
          ["currentPassword", "not-the-current-password"],
          ["newPassword", "a brand new passphrase"],
          ["confirmPassword", "a brand new passphrase"],
        ],
        fc.oneof(
          oneOf(setField("currentPassword", ""), dropField("currentPassword"), repeatField("currentPassword"), setField("currentPassword", "a\u0000b")),
          oversize(1025).map((v) => setField("currentPassword", v)),
          oneOf("", "short", "eleven char", "🔑".repeat(11)).map((v) => setField("newPassword", v)),
          oversize(1025).map((v) => setField("newPassword", v)),
          oneOf(dropField("newPassword"), repeatField("newPassword"), setField("newPassword", "not-the-current-password")),
          oneOf(dropField("confirmPassword"), setField("confirmPassword", ""), setField("confirmPassword", "a brand new passphrasE"), repeatField("confirmPassword")),
        ),
      ),
    },
    {
      name: "schedule an interview",
      route: "routes/loops.$loopId._index",
      url: `/loops/${anaLoop.id}`,
      params: { loopId: anaLoop.id },
      persona: "recruiter",
      others: ["interviewer", "hannah"],
      input: form(
        [
          ["intent", "add-interview"],
          ["stageId", "product_assessment"],
          ["startsAtLocal", "2027-01-05T10:00"],
          ["timeZone", "Europe/Berlin"],
          ["durationMinutes", "60"],
          ["interviewerIds", daniel],
        ],
        fc.oneof(
          unlike("add-interview").map((v) => setField("intent", v)),
          oneOf(dropField("intent"), repeatField("intent"), setField("stageId", "no_such_stage"), setField("stageId", "__proto__"), setField("stageId", ""), dropField("stageId"), repeatField("stageId")),
          oneOf("2027-02-31T10:00", "2027-13-01T10:00", "2027-01-05 10:00", "tomorrow", "", "2027-01-05T25:00").map((v) => setField("startsAtLocal", v)),
          oneOf("+01:00", "-60", "Mars/Olympus_Mons", "", "Europe/Berlin\u0000", "__proto__", "x".repeat(65)).map((v) => setField("timeZone", v)),
          oneOf(dropField("timeZone"), repeatField("timeZone"), setField("startsAtLocal", "2027-03-28T02:30")),
          oneOf("14", "481", "60.5", "abc", "", "-60", "1e3", "Infinity").map((v) => setField("durationMinutes", v)),
          oneOf(dropField("durationMinutes"), dropField("interviewerIds"), setField("interviewerIds", bea), addField("interviewerIds", bea), setField("interviewerIds", "no-such-user"), setField("interviewerIds", "__proto__"), setField("interviewerIds", "")),
        ),
      ),
    },
    {
      name: "record a hiring decision",
      route: "routes/loops.$loopId.committee",
      url: `/loops/${jonasLoop.id}/committee`,
      params: { loopId: jonasLoop.id },
      persona: "hiring-committee",
      others: ["recruiter", "admin+interviewer", "interviewer"],
      input: form(
        decisionBase,
        fc.oneof(
          unlike("hire", "no_hire").map((v) => setField("outcome", v)),
          // (No poison empties the level: "no hire" without a level or salary would be a valid decision.)
          oneOf(dropField("outcome"), repeatField("outcome"), setField("outcome", "no_hire"), setField("level", "L8"), repeatField("level"), dropField("baseSalary"), setField("baseSalary", ""), setField("baseSalary", "0")),
          ...textPoisons("rationale", 5000),
          oneOf(...BAD_NUMBERS).map((v) => setField("baseSalary", v)),
          oneOf(setField("baseSalary", "1"), setField("baseSalary", "999999999")),
          oversize(2001).map((v) => setField("bandJustification", v)),
          oneOf(setField("correctsId", "no-such-decision"), setField("correctsId", raviDecision.id), repeatField("correctsId")),
          oneOf(dropField("confirmedOverrides"), setField("confirmedOverrides", ""), setField("confirmedOverrides", "gut_feeling"), setField("confirmedOverrides", "__proto__"), dropField("overrideJustification"), setField("overrideJustification", "   ")),
          ...textPoisons("overrideJustification", 2000),
        ),
      ),
    },
    {
      name: "the packet page without a known intent",
      route: "routes/packets.$packetId",
      ...packetUrl(beaPacket.id),
      persona: "builder",
      others: ["promotion-committee"],
      input: form([["summary", "x"]], fc.oneof(unlike(...intents).map((v) => setField("intent", v)), oneOf(setField("intent", "Summary"), setField("intent", "start_review"), dropField("intent")))),
    },
    {
      name: "packet · summary",
      route: "routes/packets.$packetId",
      ...packetUrl(beaPacket.id),
      persona: "builder",
      others: ["promotion-committee", "leo"],
      input: form(
        [
          ["intent", "summary"],
          ["summary", "Since my promotion I have led two cross-team projects."],
          ["version", String(beaPacket.version)],
        ],
        fc.oneof(version(beaPacket.version).map((v) => setField("version", v)), oneOf(dropField("version"), repeatField("version"), repeatField("summary"), setField("summary", "a\u0000b")), oversize(5001).map((v) => setField("summary", v))),
      ),
    },
    {
      name: "packet · evidence",
      route: "routes/packets.$packetId",
      ...packetUrl(beaPacket.id),
      persona: "builder",
      others: ["leo", "promotion-committee"],
      input: form(
        [
          ["intent", "evidence"],
          ["evidenceId", ""],
          ["version", ""],
          ["title", "Usage-based alerts"],
          ["description", "Built the alerting service and its settings."],
          ["impact", "Churn fell 2 points."],
          ["links", "https://northwind.example/changelog/alerts"],
          ["startDate", "2025-05-01"],
          ["endDate", ""],
          ["criteria", beaCriteria[0]!],
          ["competencies", "product_sense"],
        ],
        fc.oneof(
          ...textPoisons("title", 200),
          ...textPoisons("description", 5000),
          ...textPoisons("impact", 5000),
          oneOf("javascript:alert(1)", "not a link", Array.from({ length: 11 }, (_, k) => `https://example.com/${k}`).join("\n")).map((v) => setField("links", v)),
          oneOf("2025-02-30", "yesterday", "", "2025-13-01").map((v) => setField("startDate", v)),
          oneOf(setField("endDate", "2024-01-01"), setField("endDate", "2025-99-01"), dropField("startDate")),
          oneOf(dropField("criteria"), setField("criteria", "no_such_criterion"), addField("criteria", "__proto__"), setField("competencies", "no_such_competency")),
          fc.constant<Poison<Fields>>({ label: "own evidence id with a version that is not a number", apply: (f) => setField("version", "abc").apply(setField("evidenceId", ownEvidence.id).apply(f)) }),
          fc.constant<Poison<Fields>>({ label: "another packet's evidence id", apply: (f) => setField("version", "1").apply(setField("evidenceId", othersEvidence.id).apply(f)) }),
          fc.constant<Poison<Fields>>({ label: "own evidence id with a stale version", apply: (f) => setField("version", "999").apply(setField("evidenceId", ownEvidence.id).apply(f)) }),
        ),
      ),
    },
    {
      name: "packet · delete-evidence",
      route: "routes/packets.$packetId",
      ...packetUrl(beaPacket.id),
      persona: "builder",
      others: ["leo", "promotion-committee"],
      input: form(
        [
          ["intent", "delete-evidence"],
          ["evidenceId", ownEvidence.id],
          ["version", String(ownEvidence.version)],
        ],
        fc.oneof(
          oneOf(setField("evidenceId", othersEvidence.id), setField("evidenceId", "no-such-evidence"), setField("evidenceId", ""), dropField("evidenceId"), repeatField("evidenceId")),
          version(ownEvidence.version).map((v) => setField("version", v)),
          oneOf(dropField("version"), repeatField("version")),
        ),
      ),
    },
    {
      name: "packet · assessment",
      route: "routes/packets.$packetId",
      ...packetUrl(beaPacket.id),
      persona: "marcus",
      others: ["builder", "aisha"],
      input: form(
        [
          ["intent", "assessment"],
          ["criterionId", unassessed],
          ["rating", "3"],
          ["comment", "Shown in both projects."],
          ["version", "0"],
        ],
        fc.oneof(
          oneOf(setField("criterionId", "no_such_criterion"), setField("criterionId", "__proto__"), setField("criterionId", ""), dropField("criterionId"), repeatField("criterionId")),
          oneOf("0", "5", "2.5", "abc", "", "-1", "1e309").map((v) => setField("rating", v)),
          oneOf(dropField("rating"), repeatField("rating")),
          ...textPoisons("comment", 5000),
          version(0).filter((v) => v !== "").map((v) => setField("version", v)),
          oneOf(dropField("version"), repeatField("version")),
        ),
      ),
    },
    {
      name: "packet · invite-peer",
      route: "routes/packets.$packetId",
      ...packetUrl(beaPacket.id),
      persona: "marcus",
      others: ["builder", "grace"],
      input: form(
        [
          ["intent", "invite-peer"],
          ["peerId", bea],
        ],
        fc.oneof(oneOf(setField("peerId", marcus), setField("peerId", "no-such-user"), setField("peerId", "__proto__"), setField("peerId", ""), dropField("peerId"), repeatField("peerId")), hostileString.map((v) => setField("peerId", v))),
      ),
    },
    {
      name: "packet · remove-peer",
      route: "routes/packets.$packetId",
      ...packetUrl(beaPacket.id),
      persona: "marcus",
      others: ["builder", "leo"],
      input: form(
        [
          ["intent", "remove-peer"],
          ["peerId", ""],
        ],
        fc.oneof(
          oneOf(setField("peerId", ""), dropField("peerId"), repeatField("peerId")),
          // Someone who is not invited to this packet (one is another packet's peer).
          oneOf(setField("peerId", "no-such-user"), setField("peerId", priya), setField("peerId", lucas), setField("peerId", "__proto__")),
        ),
      ),
    },
    {
      name: "packet · statement",
      route: "routes/packets.$packetId",
      ...packetUrl(beaPacket.id),
      persona: "grace",
      others: ["marcus", "ines"],
      input: form(
        [
          ["intent", "statement"],
          ["evidenceId", ownEvidence.id],
          ["text", "I worked with Bea on this."],
        ],
        fc.oneof(
          oneOf(setField("evidenceId", othersEvidence.id), setField("evidenceId", "no-such-evidence"), setField("evidenceId", ""), dropField("evidenceId"), repeatField("evidenceId")),
          ...textPoisons("text", 3000),
        ),
      ),
    },
    {
      name: "packet · submit (not ready)",
      route: "routes/packets.$packetId",
      ...packetUrl(beaPacket.id),
      persona: "marcus",
      others: ["builder", "grace"],
      input: form([["intent", "submit"]], fc.tuple(oneOf("summary", "version", "force", "__proto__"), hostileString).map(([k, v]) => addField(k, v))),
    },
    {
      name: "packet · start-review (intent spoiled)",
      route: "routes/packets.$packetId",
      ...packetUrl(packetOf("Mei Lin").id),
      persona: "promotion-committee",
      others: [],
      input: form([["intent", "start-review"]], fc.oneof(unlike("start-review").map((v) => setField("intent", v)), oneOf(dropField("intent"), setField("intent", "start_review"), setField("intent", "Start-Review")))),
    },
    {
      name: "packet · decide",
      route: "routes/packets.$packetId",
      ...packetUrl(samuelPacket.id),
      persona: "promotion-committee",
      others: ["aisha", "samuel", "admin"],
      input: form(
        [
          ["intent", "decide"],
          ["outcome", "promoted"],
          ["rationale", "Every criterion L7 asks for is evidenced."],
          ["newBaseSalary", "320000"],
          ["bandJustification", ""],
        ],
        fc.oneof(
          unlike("promoted", "not_yet").map((v) => setField("outcome", v)),
          oneOf(dropField("outcome"), repeatField("outcome"), setField("outcome", "not_yet"), dropField("newBaseSalary"), setField("newBaseSalary", ""), setField("newBaseSalary", "1"), setField("newBaseSalary", "0")),
          oneOf(...BAD_NUMBERS).map((v) => setField("newBaseSalary", v)),
          ...textPoisons("rationale", 5000),
          oversize(2001).map((v) => setField("bandJustification", v)),
          oversize(2001).map((v) => addField("raiseJustification", v)),
          // Samuel's base at submission is 289,000 and builder v2's minimum promotion raise 8% (312,120): these need a justification.
          oneOf(setField("newBaseSalary", "300000"), setField("newBaseSalary", "289000"), setField("newBaseSalary", "312119")),
          oversize(3001).map((v) => addField("feedback.external_thought_leadership", v)),
        ),
      ),
    },
    {
      name: "retire the only version of a track in service",
      route: "routes/rubrics.$track.$version._index",
      url: "/rubrics/product-builder/v1",
      params: { track: "product-builder", version: "v1" },
      persona: "admin",
      others: ["promotion-committee"],
      input: form([["intent", "retire"]], fc.tuple(oneOf("reason", "version", "force", "__proto__"), hostileString).map(([k, v]) => addField(k, v))),
    },
    {
      name: "retire or reinstate a rubric version",
      route: "routes/rubrics.$track.$version._index",
      url: "/rubrics/builder/v1",
      params: { track: "builder", version: "v1" },
      persona: "admin",
      others: ["hannah", "recruiter"],
      input: form([["intent", "reinstate"]], fc.oneof(unlike("retire", "reinstate").map((v) => setField("intent", v)), oneOf(dropField("intent"), repeatField("intent"), setField("intent", "Retire"), {
            label: "intent sent as reinstate, then retire",
            apply: (f: Fields) => [...dropField("intent").apply(f), ["intent", "reinstate"], ["intent", "retire"]] as Fields,
          }))),
    },
      {
      name: "start a project",
      route: "routes/projects.new",
      url: "/projects/new",
      params: {},
      persona: "builder",
      others: ["recruiter", "admin"],
      input: form(
        [
          ["intent", "save"],
          ["title", "Shared saved views"],
          ["problem", "Leads rebuild the same filtered list every Monday."],
          ["mode", "satellite"],
          ["team", "Core Workflow"],
          ["approverId", marcus],
          ["prd", "## Problem\n\nLeads rebuild lists.\n"],
          ["links", "https://northwind.example/research/saved-views"],
          ["metrics.0.name", "Weekly active saved views"],
          ["metrics.0.unit", "views"],
          ["metrics.0.baseline", "0"],
          ["metrics.0.target", "400"],
          ["metrics.0.direction", "at_least"],
          ["metrics.0.measurement", "Product analytics, event saved_view_opened"],
        ],
        fc.oneof(
          ...textPoisons("title", 200),
          ...textPoisons("problem", 5000),
          unlike("founder", "satellite").map((v) => setField("mode", v)),
          oneOf(dropField("mode"), repeatField("mode"), setField("team", ""), repeatField("team"), repeatField("approverId"), dropField("approverId")),
          // Not someone else in the organisation: the builder, nobody, a made-up id.
          oneOf(setField("approverId", bea), setField("approverId", "no-such-user"), setField("approverId", "")),
          oneOf(...NOT_DECIMAL).map((v) => setField("metrics.0.baseline", v)),
          oneOf(...NOT_DECIMAL).map((v) => setField("metrics.0.target", v)),
          unlike("at_least", "at_most").map((v) => setField("metrics.0.direction", v)),
          ...textPoisons("metrics.0.name", 120),
          ...textPoisons("metrics.0.measurement", 1000),
          oneOf(addField("metrics.99999999.name", "x"), addField("metrics.__proto__.name", "x"), addField("metrics.1.name", "Half a metric"), setField("metrics", "all of them")),
          oneOf("javascript:alert(1)", "ftp://example.com/x", "www.example.com").map((v) => setField("links", v)),
          oversize(50_001).map((v) => setField("prd", v)),
          oneOf(setField("intent", "publish"), setField("intent", "Submit"), repeatField("intent")),
          // Submitting a PRD without the rubric's sections is refused with the gaps, and saves nothing.
          fc.constant(setField("intent", "submit")),
          oneOf("2025-02-30", "tomorrow", "2027-13-01").map((v) => fc.constant({ label: `founder, decisionDate=${v}`, apply: (f: Fields) => [...setField("mode", "founder").apply(f).filter(([k]) => k !== "decisionDate"), ["decisionDate", v]] as Fields })).chain((a) => a),
        ),
      ),
    },
    {
      name: "edit or submit a project",
      route: "routes/projects.$projectId.edit",
      url: `/projects/${beaDraft.id}/edit`,
      params: { projectId: beaDraft.id },
      persona: "builder",
      others: ["marcus", "admin", "leo"],
      input: form(
        [
          ["intent", "save"],
          ["version", String(beaDraftVersion)],
          ["title", "Shared saved views"],
          ["problem", "Leads rebuild the same filtered list every Monday."],
          ["mode", "satellite"],
          ["team", "Core Workflow"],
          ["approverId", marcus],
          ["prd", "## Problem\n\nLeads rebuild lists.\n"],
          ["metrics.0.name", "Weekly active saved views"],
          ["metrics.0.unit", "views"],
          ["metrics.0.baseline", "0"],
          ["metrics.0.target", "400"],
          ["metrics.0.direction", "at_least"],
          ["metrics.0.measurement", "Product analytics, event saved_view_opened"],
        ],
        fc.oneof(
          version(beaDraftVersion).map((v) => setField("version", v)),
          ...textPoisons("title", 200),
          oneOf(setField("approverId", bea), setField("approverId", "no-such-user"), repeatField("approverId"), setField("team", ""), repeatField("version")),
          oneOf(...NOT_DECIMAL).map((v) => setField("metrics.0.target", v)),
          unlike("at_least", "at_most").map((v) => setField("metrics.0.direction", v)),
          // The PRD lacks the rubric's other sections: submitting is refused with the gaps, and the edits are not saved either.
          fc.constant(setField("intent", "submit")),
        ),
      ),
    },
    {
      name: "project · approve or request changes",
      route: "routes/projects.$projectId._index",
      ...projectUrl(leoProject.id),
      persona: "builder",
      others: ["leo", "marcus", "admin"],
      input: form(
        [
          ["intent", "request_changes"],
          ["version", String(leoVersion)],
          ["comments", "Say what happens to invites sent to outside addresses."],
        ],
        fc.oneof(
          version(leoVersion).map((v) => setField("version", v)),
          oneOf(dropField("version"), repeatField("version"), setField("intent", "approved"), setField("intent", "Approve"), dropField("intent")),
          ...textPoisons("comments", 5000),
          oversize(5001).map((v) => fc.constant({ label: "approve with an oversize note", apply: () => [["intent", "approve"], ["version", String(leoVersion)], ["note", v]] as Fields })).chain((a) => a),
        ),
      ),
    },
    {
      name: "project · change the approver",
      route: "routes/projects.$projectId._index",
      ...projectUrl(leoProject.id),
      persona: "marcus",
      others: ["leo", "builder", "aisha"],
      input: form(
        [
          ["intent", "change_approver"],
          ["version", String(leoVersion)],
          ["approverId", marcus],
          ["reason", "Bea is on leave for three weeks."],
        ],
        fc.oneof(
          version(leoVersion).map((v) => setField("version", v)),
          // The owner, the approver already named, nobody, two people.
          oneOf(setField("approverId", leoProject.parties.ownerId), setField("approverId", bea), setField("approverId", "no-such-user"), setField("approverId", ""), repeatField("approverId")),
          ...textPoisons("reason", 2000),
        ),
      ),
    },
    {
      name: "project · record the checkpoint",
      route: "routes/projects.$projectId._index",
      ...projectUrl(graceProject.id),
      persona: "grace",
      others: ["interviewer", "lucas", "aisha"],
      input: form(
        [
          ["intent", "record_checkpoint"],
          ["version", String(graceVersion)],
          ["verdict", "keep"],
          ["followUps", "Undo for label changes next."],
          ...graceProject.metricIds.map((id, i): [string, string] => [`actuals.${id}`, String(10 + i)]),
        ],
        fc.oneof(
          version(graceVersion).map((v) => setField("version", v)),
          unlike("keep", "iterate", "roll_back", "deprecate").map((v) => setField("verdict", v)),
          oneOf(dropField("verdict"), repeatField("verdict"), dropField(`actuals.${graceProject.metricIds[0]}`), addField("actuals.no-such-metric", "1"), repeatField(`actuals.${graceProject.metricIds[0]}`)),
          oneOf(...NOT_DECIMAL).map((v) => setField(`actuals.${graceProject.metricIds[0]}`, v)),
          oversize(5001).map((v) => setField("followUps", v)),
        ),
      ),
    },
    {
      name: "project · record a quarterly review",
      route: "routes/projects.$projectId._index",
      ...projectUrl(yukiProject.id),
      persona: "yuki",
      others: ["interviewer", "samuel", "promotion-committee"],
      input: form(
        [
          ["intent", "record_review"],
          ["version", String(yukiVersion)],
          ["health", "healthy"],
          ["roi", "Overage disputes down by two thirds."],
          ["followThrough", ""],
          ["nextReviewOn", new Date(world.now.getTime() + 60 * 86_400_000).toISOString().slice(0, 10)],
        ],
        fc.oneof(
          version(yukiVersion).map((v) => setField("version", v)),
          unlike("healthy", "at_risk", "failing").map((v) => setField("health", v)),
          ...textPoisons("roi", 5000),
          // Not a date; today or earlier; further than one review period away.
          oneOf("2027-02-30", "next quarter", "", world.now.toISOString().slice(0, 10), "2020-01-01", new Date(world.now.getTime() + 200 * 86_400_000).toISOString().slice(0, 10)).map((v) => setField("nextReviewOn", v)),
        ),
      ),
    },
    {
      name: "project · block or close",
      route: "routes/projects.$projectId._index",
      ...projectUrl(beaBlocked.id),
      persona: "builder",
      others: ["interviewer", "samuel"],
      input: form(
        [
          ["intent", "block"],
          ["version", String(beaBlockedVersion)],
          ["escalateToId", marcus],
          ["reason", "Waiting for Platform's API budget."],
        ],
        fc.oneof(
          version(beaBlockedVersion).map((v) => setField("version", v)),
          oneOf(setField("escalateToId", bea), setField("escalateToId", "no-such-user"), setField("escalateToId", ""), repeatField("escalateToId")),
          ...textPoisons("reason", 2000),
          // Withdrawn is no end for a project that never launched... and this one has not launched: every other outcome is refused.
          oneOf("folded_into_team", "staffed_up", "deprecated", "rolled_back", "Withdrawn", "").map((outcome) => fc.constant({ label: `close as ${outcome}`, apply: () => [["intent", "close"], ["version", String(beaBlockedVersion)], ["outcome", outcome]] as Fields })).chain((a) => a),
        ),
      ),
    },
    {
      name: "post a demo",
      route: "routes/projects.$projectId.demos.new",
      url: `/projects/${graceProject.id}/demos/new`,
      params: { projectId: graceProject.id },
      persona: "grace",
      others: ["lucas", "marcus"],
      input: form(
        [
          ["title", "Bulk edit: labels"],
          ["shows", "Adding a label to 300 tasks at once."],
          ["link", "https://northwind.example/demos/bulk-labels"],
          ["demoOn", world.now.toISOString().slice(0, 10)],
        ],
        fc.oneof(
          ...textPoisons("title", 200),
          ...textPoisons("shows", 2000),
          oneOf("javascript:alert(1)", "northwind.example/demo", "", "https://", "data:text/html,hi").map((v) => setField("link", v)),
          oneOf("2027-02-30", "yesterday", "", "2999-01-01", new Date(world.now.getTime() + 3 * 86_400_000).toISOString().slice(0, 10)).map((v) => setField("demoOn", v)),
          oneOf(repeatField("demoOn"), repeatField("link")),
        ),
      ),
    },
    {
      name: "flag a demo",
      route: "routes/demos._index",
      url: "/demos",
      params: {},
      persona: "marcus",
      others: ["builder", "promotion-committee"],
      input: form(
        [
          ["intent", "flag"],
          ["demoId", demoId],
          ["note", "Worth the all-hands."],
        ],
        fc.oneof(
          unlike("flag", "unflag").map((v) => setField("intent", v)),
          oneOf(dropField("intent"), repeatField("intent"), setField("demoId", "no-such-demo"), setField("demoId", ""), dropField("demoId"), repeatField("demoId")),
          oversize(501).map((v) => setField("note", v)),
        ),
      ),
    },
    ...dataProtection,
  ];
}
