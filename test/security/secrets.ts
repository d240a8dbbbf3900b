/**
 * Everything in the database that only some people may see, each with the rule (from app/domain)
 * that says who: pay (builders' base salaries, pay frozen in packets, promotion and hiring
 * decisions' figures and justifications, every rubric version's band figures), interviewers' words
 * (every text of every scorecard, drafts included), candidates' contact data, a packet's content,
 * its peers' statements and its manager's assessments, and credentials (password and session hashes).
 * The leak scan (leak-scan.ts) looks for these values in what each person is sent.
 */
import { prisma } from "~/data/db.server";
import { committeeAudience } from "~/domain/committee";
import { linkLines } from "~/domain/candidate-form";
import { canSeeBuilderPay, hasPermission, type Viewer } from "~/domain/permissions";
import { packetAccess, type PacketAccess } from "~/domain/promotion/access";
import type { Rubric } from "~/domain/rubric/schema";
import { canReadScorecard } from "~/domain/scorecard/visibility";
import type { World } from "./world";

export type Secret = {
  kind: string;
  /** Where the value comes from, for failure messages. */
  source: string;
  value: string | number;
  visibleTo: (viewer: Viewer) => boolean;
};

/** Texts shorter than this are too common to tell a leak from a coincidence. */
const MIN_TEXT = 16;
/** Smaller figures (learning budgets, ratings) collide with ordinary numbers; key names cover them. */
const MIN_FIGURE = 10_000;

export async function collectSecrets(world: World): Promise<Secret[]> {
  const secrets: Secret[] = [];
  const text = (kind: string, source: string, value: string | null | undefined, visibleTo: Secret["visibleTo"]) => {
    const trimmed = value?.trim();
    if (trimmed && trimmed.length >= MIN_TEXT) secrets.push({ kind, source, value: trimmed, visibleTo });
  };
  const figure = (kind: string, source: string, value: number | null | undefined, visibleTo: Secret["visibleTo"]) => {
    if (typeof value === "number" && Math.abs(value) >= MIN_FIGURE) secrets.push({ kind, source, value, visibleTo });
  };

  // Builders' pay: the builder, their manager, the promotion committee and admins.
  const builders = await prisma.builder.findMany({ include: { user: true } });
  for (const b of builders) {
    figure("builder pay", `${b.user.name}'s base salary`, b.baseSalary, (v) => canSeeBuilderPay(v, b));
  }

  // Packets: their content, statements, assessments, decision and frozen pay.
  const packets = await prisma.promotionPacket.findMany({
    include: { builder: { include: { user: true } }, evidence: true, statements: true, assessments: true, decision: true },
  });
  for (const p of packets) {
    const facts = world.packets.find((f) => f.id === p.id)!;
    const access = (v: Viewer, key: keyof PacketAccess) => packetAccess(v, facts.parties)[key];
    const who = `${p.builder.user.name}'s ${p.status} packet`;
    text("packet content", `${who}: summary`, p.summary, (v) => access(v, "read"));
    // A project's title is public to everyone signed in; an evidence item citing it may bear the same
    // title, which then says nothing about the packet.
    const projectTitles = new Set(world.projects.map((project) => project.title));
    for (const e of p.evidence) {
      for (const field of [e.title, e.description, e.impact]) {
        if (field === e.title && projectTitles.has(field)) continue;
        text("packet content", `${who}: evidence “${e.title}”`, field, (v) => access(v, "read"));
      }
    }
    for (const s of p.statements) {
      text("peer statement", `${who}: a peer's statement`, s.text, (v) => access(v, "readAllStatements") || v.id === s.authorId);
    }
    for (const a of p.assessments) text("manager assessment", `${who}: assessment of ${a.criterionId}`, a.comment, (v) => access(v, "readAssessments"));
    if (p.snapshot) {
      const frozen = JSON.parse(p.snapshot) as { baseAtSubmission?: number | null };
      figure("builder pay", `${who}: base at submission`, frozen.baseAtSubmission, (v) => canSeeBuilderPay(v, p.builder));
    }
    if (p.decision) {
      const d = p.decision;
      const readDecision = (v: Viewer) => access(v, "readDecision");
      figure("promotion pay", `${who}: new base`, d.newBaseSalary, readDecision);
      text("promotion pay", `${who}: band justification`, d.bandJustification, readDecision);
      text("promotion decision", `${who}: rationale`, d.rationale, readDecision);
      for (const [criterion, feedback] of Object.entries(JSON.parse(d.feedback) as Record<string, string>)) {
        text("promotion decision", `${who}: feedback on ${criterion}`, feedback, readDecision);
      }
    }
  }

  // Hiring decisions: pay for the committee audience only; the rationale for the panel too.
  for (const d of await prisma.hiringDecision.findMany({ include: { loop: { include: { candidate: true } } } })) {
    const on = (v: Viewer) => committeeAudience(v, world.onLoop(v.id, d.loopId));
    const who = `the decision on ${d.loop.candidate.name}'s loop`;
    figure("hiring pay", `${who}: base salary`, d.baseSalary, (v) => on(v) === "committee");
    text("hiring pay", `${who}: band justification`, d.bandJustification, (v) => on(v) === "committee");
    text("hiring decision", `${who}: rationale`, d.rationale, (v) => on(v) === "committee" || on(v) === "panel");
  }

  // Every rubric version's band figures: roles allowed to see pay.
  for (const version of await prisma.rubricVersion.findMany()) {
    const bands = (JSON.parse(version.content) as Rubric).bands;
    for (const [level, band] of Object.entries(bands.levels)) {
      if (!band) continue;
      const source = `${version.track} v${version.version} ${level} band`;
      for (const n of [band.base.min, band.base.mid, band.base.max, band.equity.min, band.equity.max]) {
        figure("band", source, n, (v) => hasPermission(v.roles, "read:band:any"));
      }
    }
  }

  // Candidates' contact data.
  for (const c of await prisma.candidate.findMany()) {
    const may = (v: Viewer) => hasPermission(v.roles, "read:candidate:any");
    secrets.push({ kind: "candidate contact", source: `${c.name}'s email`, value: c.email, visibleTo: may });
    for (const link of linkLines(c.links)) secrets.push({ kind: "candidate contact", source: `${c.name}'s link`, value: link, visibleTo: may });
    text("candidate contact", `${c.name}'s notes`, c.notes, may);
  }

  // Every word of every scorecard (each revision and the draft): who may read that scorecard.
  const scorecards = await prisma.scorecard.findMany({ include: { revisions: true, interviewer: true, interview: { include: { loop: { include: { candidate: true } } } } } });
  for (const s of scorecards) {
    const card = { interviewerId: s.interviewerId, status: s.status === "submitted" ? ("submitted" as const) : ("draft" as const) };
    const may = (v: Viewer) => canReadScorecard(v, card, world.onLoop(v.id, s.loopId));
    const who = `${s.interviewer.name}'s ${card.status} scorecard on ${s.interview.loop.candidate.name}'s loop`;
    for (const value of [s.draft, ...s.revisions.map((r) => r.content)].flatMap(scorecardTexts)) text("scorecard", who, value, may);
    for (const r of s.revisions) text("scorecard", `${who}: amendment reason`, r.reason, may);
  }

  // Credentials: nobody.
  for (const p of await prisma.password.findMany()) secrets.push({ kind: "credential", source: "a password hash", value: p.hash, visibleTo: () => false });
  for (const s of await prisma.session.findMany()) secrets.push({ kind: "credential", source: "a session id hash", value: s.idHash, visibleTo: () => false });

  return secrets;
}

/** The free texts of a stored scorecard content (JSON): evidence, notes, take-aways. */
function scorecardTexts(json: string): string[] {
  const content = JSON.parse(json) as {
    ratings?: Array<{ evidence?: string }>;
    signals?: Array<{ note?: string }>;
    redFlags?: Array<{ evidence?: string }>;
    takeaways?: string;
  };
  return [
    ...(content.ratings ?? []).map((r) => r.evidence ?? ""),
    ...(content.signals ?? []).map((s) => s.note ?? ""),
    ...(content.redFlags ?? []).map((f) => f.evidence ?? ""),
    content.takeaways ?? "",
  ];
}
