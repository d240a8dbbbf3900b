import { BUILDER_EXPORT_LEFT_OUT, canExportOwnRecord } from "~/domain/builder-export";
import { canSeeBuilderPay, type Viewer } from "~/domain/permissions";
import { packetAccess } from "~/domain/promotion/access";
import { projectAccess } from "~/domain/project/access";
import { packetView } from "~/views/packet-page";
import { findBuilderCareer } from "./builders.server";
import { prisma } from "./db.server";
import { findPacket, listPackets } from "./packets.server";
import { findProject, type ProjectDetail } from "./projects.server";
import { partiesOf } from "~/utils/project-access.server";

/**
 * Gathers a builder's own data export (domain/builder-export.ts). Everything is read through the
 * rules the app's pages use, with the builder as the viewer: the packets through packetView (the
 * packet page's own view, views/packet-page.ts, driven by packetAccess), the projects through
 * projectAccess. So the export never holds more than the builder can already read, and never less.
 */

export type BuilderExport = Awaited<ReturnType<typeof gatherExport>>;

/** The signed-in person's export, or null when they have no builder record they may read. */
export async function builderExport(viewer: Viewer & { name: string; email: string }, now: Date): Promise<BuilderExport | null> {
  const career = await findBuilderCareer(viewer.id);
  if (!career || !canExportOwnRecord(viewer, career)) return null;
  return gatherExport(viewer, career, now);
}

/** Whether the person has a builder record to export (the page asks before offering the button). */
export async function hasExportableRecord(viewer: Viewer): Promise<{ packets: number; projects: number } | null> {
  const record = await prisma.builder.findUnique({ where: { userId: viewer.id }, select: { userId: true, managerId: true } });
  if (!canExportOwnRecord(viewer, record)) return null;
  const [packets, projects] = await Promise.all([prisma.promotionPacket.count({ where: { builderId: viewer.id } }), prisma.project.count({ where: { ownerId: viewer.id } })]);
  return { packets, projects };
}

async function gatherExport(viewer: Viewer & { name: string; email: string }, career: NonNullable<Awaited<ReturnType<typeof findBuilderCareer>>>, now: Date) {
  const [summaries, projectIds] = await Promise.all([
    listPackets({ builderId: viewer.id }),
    prisma.project.findMany({ where: { ownerId: viewer.id }, select: { id: true }, orderBy: { createdAt: "asc" } }),
  ]);

  const packets = [];
  for (const summary of [...summaries].reverse()) {
    const packet = await findPacket(summary.id);
    if (!packet) continue;
    const access = packetAccess(viewer, {
      builderId: packet.builder.userId,
      managerId: packet.builder.managerId,
      status: packet.status,
      peerIds: packet.invitations.map((i) => i.peerId),
    });
    if (!access.read) continue;
    const view = packetView(packet, { id: viewer.id, access });
    packets.push({
      id: view.packet.id,
      status: view.packet.status,
      fromLevel: view.packet.fromLevel,
      targetLevel: view.packet.targetLevel,
      rubricVersion: { track: view.packet.rubricVersion.track, version: view.packet.rubricVersion.version, name: view.packet.rubricVersion.name },
      createdAt: view.packet.createdAt,
      submittedAt: view.packet.submittedAt,
      reviewStartedAt: view.packet.reviewStartedAt,
      summary: view.packet.summary,
      evidence: view.evidence.map((e) => ({
        id: e.id,
        title: e.title,
        description: e.description,
        impact: e.impact,
        links: e.links,
        startDate: e.startDate,
        endDate: e.endDate,
        criteria: e.criteria,
        competencies: e.competencies,
        citedProject: e.project,
      })),
      peersInvited: view.invitations?.map((i) => ({ name: i.peerName, invitedAt: i.invitedAt })) ?? null,
      peerStatements: view.statements.map((s) => ({ evidenceId: s.evidenceId, author: s.authorName, text: s.text, updatedAt: s.updatedAt })),
      managerAssessments: view.assessments?.map((a) => ({ criterionId: a.criterionId, rating: a.rating, comment: a.comment, author: a.authorName, updatedAt: a.updatedAt })) ?? null,
      decision: view.decision,
    });
  }

  const projects = [];
  for (const { id } of projectIds) {
    const project = await findProject(id);
    if (!project) continue;
    const access = projectAccess(viewer, partiesOf(project));
    projects.push(projectExport(project, access.readOutcomes, access.readBlock));
  }

  return {
    exportedAt: now,
    about: "Your data in Builder Ladder: your builder record, your promotion packets and your projects, as the app shows them to you.",
    person: { id: viewer.id, name: viewer.name, email: viewer.email },
    record: {
      level: career.level,
      track: career.track,
      rubricVersion: career.rubricVersion ? { track: career.rubricVersion.track, version: career.rubricVersion.version, name: career.rubricVersion.name } : null,
      startedAt: career.startedAt,
      manager: career.managerName ? { name: career.managerName } : null,
      levelHistory: career.history.map((h) => ({ level: h.level, effectiveAt: h.effectiveAt, reason: h.reason, note: h.note })),
      // Your own pay, shown to you on your record: included when the app lets you see it.
      pay: canSeeBuilderPay(viewer, career) && career.baseSalary !== null ? { baseSalary: career.baseSalary, currency: career.currency } : null,
    },
    packets,
    projects,
    leftOut: BUILDER_EXPORT_LEFT_OUT,
  };
}

/** A project as its owner reads it: the summary, and the outcomes and block where projectAccess allows (always, for the owner). */
function projectExport(p: ProjectDetail, readOutcomes: boolean, readBlock: boolean) {
  return {
    id: p.id,
    title: p.title,
    problem: p.problem,
    mode: p.mode,
    team: p.team,
    prd: p.prd,
    links: p.links,
    status: p.status,
    createdAt: p.createdAt,
    submittedAt: p.submittedAt,
    approvedAt: p.approvedAt,
    launchedAt: p.launchedAt,
    closedAt: p.closedAt,
    outcome: p.outcome,
    decisionDate: p.decisionDate,
    approver: p.approver.name,
    rubricVersion: { track: p.rubricVersion.track, version: p.rubricVersion.version, name: p.rubricVersion.name },
    metrics: p.metrics.map((m) => ({ name: m.name, unit: m.unit, baseline: m.baseline, target: m.target, direction: m.direction, measurement: m.measurement, id: m.id })),
    blocked: readBlock && p.blocked ? { at: p.blocked.at, reason: p.blocked.reason, escalatedTo: p.blocked.escalateTo?.name ?? null } : null,
    events: readOutcomes ? p.events.map((e) => ({ kind: e.kind, by: e.actor.name, at: e.at, note: e.note })) : null,
    checkpoint: readOutcomes && p.checkpoint ? { recordedAt: p.checkpoint.recordedAt, recordedBy: p.checkpoint.recordedBy.name, verdict: p.checkpoint.verdict, actuals: p.checkpoint.actuals, followUps: p.checkpoint.followUps } : null,
    reviews: readOutcomes ? p.reviews.map((r) => ({ reviewedAt: r.reviewedAt, reviewedBy: r.reviewedBy.name, health: r.health, roi: r.roi, followThrough: r.followThrough, nextReviewOn: r.nextReviewOn })) : null,
    demos: p.demos.map((d) => ({ title: d.title, shows: d.shows, link: d.link, demoOn: d.demoOn, presenter: d.presenter.name, flagged: d.flagged ? { by: d.flagged.by.name, at: d.flagged.at, note: d.flagged.note } : null })),
  };
}
