/**
 * The benchmark organisation's builders: managers, builders at L4–L7 with pay inside their level's
 * band and a level history, and one promotion packet per L4–L6 builder in every state, written as
 * app/data/packet-drafts.server.ts and app/data/packet-workflow.server.ts write them (snapshots by
 * the app's own `buildSnapshot`, every form value checked with the app's schema).
 */
import { LEVELS, nextLevel, type Level } from "~/domain/levels";
import { coverageRequirements } from "~/domain/promotion/coverage";
import { assessmentSchema, evidenceSchema, packetSummarySchema, promotionDecisionSchema, statementSchema } from "~/domain/promotion/forms";
import { checkRaise, promotionPay } from "~/domain/promotion/pay";
import { buildSnapshot, PacketSnapshotSchema, targetCriteria } from "~/domain/promotion/snapshot";
import type { PacketStatus } from "~/domain/promotion/workflow";
import { createUser, mustParse, noteUse, uniqueEmail, type Context } from "./generate-context";
import { calendarDate, dbDate, DAY, HOUR, MINUTE, utcMidnight, workingMoment } from "./generate-random";
import {
  assessmentComment,
  evidenceItem,
  packetSummary,
  peerStatement,
  personName,
  promotionFeedback,
  promotionRationale,
} from "./generate-text";

const YEAR = 365 * DAY;

export type PromotionsResult = {
  builderCount: number;
  /** Builders who also interview (roles builder + interviewer): part of the interviewer pool. */
  interviewingBuilderIds: string[];
  /** An in-review packet with six evidence items (the promotion committee's typical read). */
  inReviewPacketId: string;
  packetsByStatus: Record<PacketStatus, number>;
};

type Person = { id: string; name: string };

/** Counts per value by share, summing to `total` (largest remainders). */
function quota<T extends string>(total: number, shares: ReadonlyArray<readonly [T, number]>): T[] {
  const raw = shares.map(([v, s]) => ({ v, n: Math.floor(total * s), r: total * s - Math.floor(total * s) }));
  let left = total - raw.reduce((n, x) => n + x.n, 0);
  for (const x of [...raw].sort((a, b) => b.r - a.r)) {
    if (left-- <= 0) break;
    x.n++;
  }
  return raw.flatMap((x) => Array.from({ length: x.n }, () => x.v));
}

const PROMOTION_NOTES = [
  "Led the self-serve onboarding rebuild end to end.",
  "Founded the usage-based billing surface.",
  "Shipped the design-system migration across three teams.",
  "Led the cross-team reliability programme.",
  "Took enterprise SSO from stalled to launched.",
];

export function generatePromotions(ctx: Context, opts: { builders: number; interviewingBuilders: number }): PromotionsResult {
  const { rng, w, now } = ctx;
  const version = ctx.builderV2;
  const rubric = version.rubric;
  const currency = rubric.bands.currency;
  const band = (level: string) => {
    const b = rubric.bands.levels[level]?.base;
    if (!b) throw new Error(`builder v${version.version} has no ${level} band`);
    return b;
  };
  const minRaise = rubric.decision_rules.promotion_pay.min_raise_percent;
  const B = opts.builders;

  // Managers: one per about eight builders.
  const managerCount = Math.max(1, Math.ceil(B / 8));
  const managers: Person[] = [];
  for (let i = 0; i < managerCount; i++) {
    const p = personName(rng);
    const id = createUser(ctx, {
      email: uniqueEmail(ctx, p.first, p.last, "northwind.example"),
      name: p.name,
      roles: ["manager"],
      createdAt: now - rng.range(2, 6) * YEAR,
    });
    managers.push({ id, name: p.name });
  }

  // Levels by share; the first builder is L5 with the in-review packet the manifest names.
  const levels = rng.shuffle(quota<Level>(B - 1, [["L4", 0.35], ["L5", 0.33], ["L6", 0.24], ["L7", 0.08]]));
  levels.unshift("L5");
  const withPackets = levels.filter((l) => l !== "L7").length;
  const statuses = rng.shuffle(quota<PacketStatus>(withPackets - 1, [["draft", 0.5], ["submitted", 0.2], ["in_review", 0.15], ["decided", 0.15]]));
  statuses.unshift("in_review");

  // Names first, so peers can be anyone among them.
  const builders: Array<Person & { email: string; level: Level; manager: Person; interviews: boolean }> = [];
  const interviewEvery = opts.interviewingBuilders > 0 ? Math.max(1, Math.floor(B / opts.interviewingBuilders)) : Infinity;
  const interviewingBuilderIds: string[] = [];
  for (let i = 0; i < B; i++) {
    const p = personName(rng);
    const interviews = i % interviewEvery === 0 && interviewingBuilderIds.length < opts.interviewingBuilders;
    const builder = {
      id: ctx.ids.next(),
      name: p.name,
      email: uniqueEmail(ctx, p.first, p.last, "northwind.example"),
      level: levels[i]!,
      manager: managers[Math.min(managerCount - 1, Math.floor((i * managerCount) / B))]!,
      interviews,
    };
    builders.push(builder);
    if (interviews) interviewingBuilderIds.push(builder.id);
  }

  // The app's form schemas per target level, built once.
  const forms = new Map<Level, ReturnType<typeof formsFor>>();
  const formsFor = (target: Level) => {
    const needs = coverageRequirements(rubric, target);
    const criteria = targetCriteria(rubric, target);
    return {
      needs,
      criteria,
      evidence: evidenceSchema(needs.defined),
      assessment: assessmentSchema(criteria.map((c) => c.id), rubric.scale.map((p) => p.value)),
      // The minimum raise is measured against each builder's base at submission.
      decision: (baseAtSubmission: number) => promotionDecisionSchema(criteria, band(target), currency, { baseAtSubmission, minRaisePercent: minRaise }),
    };
  };
  const formsOf = (target: Level) => {
    let f = forms.get(target);
    if (!f) forms.set(target, (f = formsFor(target)));
    return f;
  };

  const counts: Record<PacketStatus, number> = { draft: 0, submitted: 0, in_review: 0, decided: 0 };
  let inReviewPacketId = "";
  let statusIndex = 0;

  for (const [i, b] of builders.entries()) {
    const from = b.level;
    const target = nextLevel(from);
    const status = target ? statuses[statusIndex++]! : null;
    const evidenceCount = i === 0 ? 6 : rng.int(3, 8);

    // The packet's timeline (all before now).
    let createdAt = 0;
    let submittedAt: number | null = null;
    let reviewAt: number | null = null;
    let decidedAt: number | null = null;
    if (status === "draft") createdAt = workingMoment(rng, now - rng.range(3, 90) * DAY, -1);
    if (status === "submitted") {
      submittedAt = workingMoment(rng, now - rng.range(1, 14) * DAY, -1);
      createdAt = workingMoment(rng, submittedAt - rng.range(20, 100) * DAY, -1);
    }
    if (status === "in_review") {
      reviewAt = workingMoment(rng, now - rng.range(1, 10) * DAY, -1);
      submittedAt = workingMoment(rng, reviewAt - rng.range(1, 10) * DAY, -1);
      createdAt = workingMoment(rng, submittedAt - rng.range(20, 100) * DAY, -1);
    }
    if (status === "decided") {
      decidedAt = workingMoment(rng, now - rng.range(20, 400) * DAY, -1);
      reviewAt = workingMoment(rng, decidedAt - rng.range(3, 20) * DAY, -1);
      submittedAt = workingMoment(rng, reviewAt - rng.range(1, 10) * DAY, -1);
      createdAt = workingMoment(rng, submittedAt - rng.range(20, 60) * DAY, -1);
    }
    for (const t of [createdAt, submittedAt, reviewAt, decidedAt]) {
      if (t !== null && t > now) throw new Error("generated packet event after now");
    }

    // Career: joined at or below the level the packet is written at; promotions before the packet.
    const li = LEVELS.indexOf(from);
    const promotions = rng.int(0, Math.min(li, 2));
    const lastEvent = status ? createdAt - rng.range(150, 400) * DAY : now - rng.range(150, 600) * DAY;
    const startedAt = utcMidnight(lastEvent - (promotions * rng.range(1.1, 2) + rng.range(0.4, 1.5)) * YEAR) + 9 * HOUR;
    const history: Array<{ level: Level; at: number; reason: string; note: string; packetId: string | null }> = [
      { level: LEVELS[li - promotions]!, at: startedAt, reason: "joined", note: "", packetId: null },
    ];
    for (let k = 1; k <= promotions; k++) {
      const at = utcMidnight(startedAt + ((lastEvent - startedAt) * k) / promotions) + 9 * HOUR;
      history.push({ level: LEVELS[li - promotions + k]!, at, reason: "promoted", note: rng.pick(PROMOTION_NOTES), packetId: null });
    }
    const fromBand = band(from);
    let base = Math.round((fromBand.min + (fromBand.max - fromBand.min) * rng.range(0.05, 0.95)) / 1000) * 1000;
    let level: Level = from;

    const userId = createUser(ctx, { email: b.email, name: b.name, roles: b.interviews ? ["builder", "interviewer"] : ["builder"], createdAt: startedAt }, b.id);

    if (status && target) {
      counts[status]++;
      const packetId = ctx.ids.next();
      if (i === 0) inReviewPacketId = packetId;
      noteUse(ctx, version.id, createdAt);
      const { needs, criteria, evidence: evidenceParser, assessment: assessmentParser, decision: decisionParser } = formsOf(target);
      const requiredCriteria = needs.requirements.filter((r) => r.kind === "criterion" && r.required > 0).map((r) => r.id);
      const editors: Person[] = [b, b.manager];
      const creator = rng.chance(0.6) ? b : b.manager;
      const editEnd = submittedAt !== null ? submittedAt - rng.range(2, 48) * HOUR : now - rng.range(1, 48) * HOUR;
      const span = Math.max(HOUR, editEnd - createdAt);
      const at = (from: number, to: number) => Math.round(from + (to - from) * rng.next());
      const edits: Array<{ by: Person; at: number }> = [{ by: creator, at: createdAt }];

      // Summary.
      const hasSummary = status !== "draft" || rng.chance(0.75);
      const summaryText = hasSummary ? packetSummary(rng, b.name, target) : "";
      const saves = hasSummary ? rng.int(1, 5) : 0;
      const summary = mustParse(packetSummarySchema, { summary: summaryText, version: Math.max(saves - 1, 0) }, "packet summary").summary;
      if (hasSummary) edits.push({ by: rng.pick(editors), at: at(createdAt + span * 0.5, createdAt + span) });

      // Evidence, tagged with the rubric's criteria and competencies.
      const evidenceSpan = span * 0.7;
      type Item = { id: string; title: string; description: string; impact: string; links: string[]; startDate: string; endDate: string | null; criteria: string[]; competencies: string[]; createdAt: number; updatedAt: number; version: number };
      const items: Item[] = [];
      for (let k = 0; k < evidenceCount; k++) {
        const added = Math.round(createdAt + (evidenceSpan * (k + 0.5)) / evidenceCount) + k * MINUTE;
        const edited = rng.chance(0.2) ? at(added, createdAt + span) : null;
        const text = evidenceItem(rng);
        const earliest = Math.max(startedAt, history[history.length - 1]!.at - 200 * DAY);
        const latest = Math.min(added, now) - 20 * DAY;
        const start = utcMidnight(earliest + Math.max(0, latest - earliest) * rng.next());
        const end = rng.chance(0.75) ? utcMidnight(start + Math.max(0, Math.min(added, now) - start) * rng.range(0.2, 1)) : null;
        const criteriaTags = rng.sample(rng.chance(0.8) ? requiredCriteria : needs.defined.criterion, rng.int(1, Math.min(3, requiredCriteria.length)));
        const competencyTags = rng.sample(needs.defined.competency, rng.int(0, 3));
        const input = mustParse(
          evidenceParser,
          {
            evidenceId: "",
            version: "",
            title: text.title,
            description: text.description,
            impact: text.impact,
            links: text.links.join("\n"),
            startDate: calendarDate(start),
            endDate: end === null ? "" : calendarDate(end),
            criteria: criteriaTags,
            competencies: competencyTags,
          },
          "evidence item",
        );
        const item: Item = {
          id: ctx.ids.next(),
          title: input.title,
          description: input.description,
          impact: input.impact,
          links: input.links,
          startDate: input.startDate,
          endDate: input.endDate ?? null,
          criteria: [...input.criteria].sort(),
          competencies: [...input.competencies].sort(),
          createdAt: added,
          updatedAt: edited ?? added,
          version: edited ? 2 : 1,
        };
        items.push(item);
        const addedBy = rng.pick(editors);
        const lastBy = edited ? rng.pick(editors) : addedBy;
        edits.push({ by: lastBy, at: item.updatedAt });
        w.insert("PacketEvidence", [
          item.id, packetId, item.title, item.description, item.impact, JSON.stringify(item.links),
          dbDate(Date.parse(`${item.startDate}T00:00:00Z`)), item.endDate ? dbDate(Date.parse(`${item.endDate}T00:00:00Z`)) : null,
          item.version, dbDate(item.createdAt), lastBy.id, dbDate(item.updatedAt),
        ]);
        for (const tagId of input.criteria) w.insert("EvidenceTag", [item.id, "criterion", tagId]);
        for (const tagId of input.competencies) w.insert("EvidenceTag", [item.id, "competency", tagId]);
      }

      // Peers (invited by the manager) and their statements; neither touches the packet.
      const peerPool = builders.filter((p) => p !== b && p.id !== b.manager.id);
      const peers = rng.sample(peerPool, Math.min(peerPool.length, status === "draft" ? rng.int(0, 3) : rng.int(1, 3)));
      const statements: Array<{ id: string; evidenceId: string; authorId: string; authorName: string; text: string; createdAt: number }> = [];
      for (const peer of peers) {
        const invitedAt = at(createdAt, createdAt + span * 0.6);
        w.insert("PeerInvitation", [packetId, peer.id, b.manager.id, dbDate(invitedAt)]);
        if (!rng.chance(0.7)) continue;
        for (const item of rng.sample(items, rng.int(1, Math.min(2, items.length)))) {
          const from = Math.max(invitedAt, item.createdAt);
          const written = at(from, Math.max(from, createdAt + span));
          const text = mustParse(statementSchema, { evidenceId: item.id, text: peerStatement(rng, b.name.split(" ")[0]!) }, "peer statement").text;
          statements.push({ id: ctx.ids.next(), evidenceId: item.id, authorId: peer.id, authorName: peer.name, text, createdAt: written });
        }
      }
      statements.sort((a, b2) => a.createdAt - b2.createdAt);
      for (const s of statements) w.insert("PeerStatement", [s.id, packetId, s.evidenceId, s.authorId, s.text, dbDate(s.createdAt), dbDate(s.createdAt)]);

      // The manager's assessments: every criterion once submitted; some while a draft.
      const assessed = status === "draft" ? rng.sample(criteria, rng.int(0, criteria.length)) : criteria;
      const assessments: Array<{ criterionId: string; rating: number; comment: string; authorName: string; updatedAt: number }> = [];
      for (const c of assessed) {
        const rating = rng.weighted([[2, 0.2], [3, 0.5], [4, 0.3]] as const);
        const input = mustParse(assessmentParser, { criterionId: c.id, rating: String(rating), comment: assessmentComment(rng, c.name, rating, target), version: "0" }, "manager assessment");
        const updatedAt = at(createdAt + span * 0.4, createdAt + span);
        const revised = rng.chance(0.15);
        assessments.push({ criterionId: input.criterionId, rating: input.rating, comment: input.comment, authorName: b.manager.name, updatedAt });
        w.insert("ManagerAssessment", [packetId, input.criterionId, input.rating, input.comment, revised ? 2 : 1, b.manager.id, dbDate(updatedAt)]);
        edits.push({ by: b.manager, at: updatedAt });
      }
      assessments.sort((a, b2) => (a.criterionId < b2.criterionId ? -1 : a.criterionId > b2.criterionId ? 1 : 0));

      const lastEdit = edits.reduce((a, e) => (e.at > a.at ? e : a));
      const packetVersion = 1 + saves;

      // As submitPacket: the snapshot of the draft, as findPacket reads it.
      let snapshot: string | null = null;
      if (submittedAt !== null) {
        if (!summary.trim() || items.length === 0 || assessments.length !== criteria.length) throw new Error("generated packet is not ready to submit");
        const byStart = [...items].sort((a, b2) => (a.startDate < b2.startDate ? -1 : a.startDate > b2.startDate ? 1 : a.createdAt - b2.createdAt));
        const built = buildSnapshot(
          {
            summary,
            fromLevel: from,
            targetLevel: target,
            version: packetVersion,
            evidence: byStart,
            statements: statements.map((s) => ({ ...s, updatedAt: new Date(s.createdAt) })),
            assessments: assessments.map((a) => ({ ...a, updatedAt: new Date(a.updatedAt) })),
            baseSalary: base,
          },
          b.manager.name,
          new Date(submittedAt),
        );
        snapshot = JSON.stringify(PacketSnapshotSchema.parse(built));
      }

      // As startReview and decidePacket.
      let updatedAt = lastEdit.at;
      let updatedById = lastEdit.by.id;
      if (submittedAt !== null) [updatedAt, updatedById] = [submittedAt, b.manager.id];
      const reviewer = rng.pick(ctx.people.promotionCommittee);
      if (reviewAt !== null) [updatedAt, updatedById] = [reviewAt, reviewer.id];
      if (decidedAt !== null) {
        const decider = rng.pick(ctx.people.promotionCommittee);
        [updatedAt, updatedById] = [decidedAt, decider.id];
        const promoted = rng.chance(0.55);
        const targetBand = band(target);
        const newBase = promoted ? promotionPay(base, fromBand, targetBand, minRaise).suggestedBase : undefined;
        // The suggestion stops at the target band's maximum, which may be below the minimum raise.
        const belowMinimumRaise = newBase !== undefined && checkRaise(base, newBase, minRaise)?.belowMinimum === true;
        const summaryLine = `${rng.pick(PROMOTION_NOTES)} Promoted to ${target}.`;
        const feedback = Object.fromEntries(
          criteria.filter(() => !promoted || rng.chance(0.3)).map((c) => [c.id, promotionFeedback(rng, c.name)]),
        );
        const input = mustParse(
          decisionParser(base),
          {
            outcome: promoted ? "promoted" : "not_yet",
            rationale: promotionRationale(rng, promoted ? "promoted" : "not_yet", target, summaryLine),
            newBaseSalary: newBase === undefined ? "" : String(newBase),
            bandJustification: "",
            raiseJustification: belowMinimumRaise ? `Capped at the top of the ${target} band.` : "",
            feedback,
          },
          "promotion decision",
        );
        const kept = Object.fromEntries(Object.entries(input.feedback).filter(([, t]) => t));
        w.insert("PromotionDecision", [
          ctx.ids.next(), packetId, input.outcome, JSON.stringify(kept), input.rationale,
          promoted ? (input.newBaseSalary ?? null) : null, promoted ? currency : null, null, promoted && input.raiseJustification ? input.raiseJustification : null, decider.id, dbDate(decidedAt),
        ]);
        if (promoted) {
          level = target;
          base = input.newBaseSalary!;
          history.push({ level: target, at: decidedAt, reason: "promoted", note: input.rationale.split("\n")[0]!.slice(0, 300), packetId });
        }
      }

      w.insert("PromotionPacket", [
        packetId, userId, from, target, version.id, status, summary, packetVersion, creator.id, dbDate(createdAt),
        updatedById, dbDate(updatedAt), submittedAt === null ? null : dbDate(submittedAt), submittedAt === null ? null : b.manager.id,
        snapshot, reviewAt === null ? null : dbDate(reviewAt),
      ]);
    }

    w.insert("Builder", [userId, level, "builder", version.id, b.manager.id, dbDate(startedAt), base, currency]);
    for (const h of history) w.insert("LevelChange", [ctx.ids.next(), userId, h.level, dbDate(h.at), h.reason, null, h.packetId, h.note]);
  }

  return { builderCount: B, interviewingBuilderIds, inReviewPacketId, packetsByStatus: counts };
}
