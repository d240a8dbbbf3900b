import fs from "node:fs";
import { parse } from "yaml";
import { packetAccess, type PacketAccess } from "~/domain/promotion/access";
import type { PacketStatus } from "~/domain/promotion/workflow";
import type { Role } from "~/domain/roles";
import { RubricSchema, type Rubric } from "~/domain/rubric/schema";
import type { PacketCaseRecord } from "~/views/packet-page";

/** Plain packet records for the packet page's view tests: no database, the shipped v3 rubric. */
export const rubric: Rubric = RubricSchema.parse(parse(fs.readFileSync("rubrics/builder/v3.yaml", "utf8")));

export const BEA = "bea"; // the builder
export const MARCUS = "marcus"; // her manager
export const GRACE = "grace"; // an invited peer
export const HUGO = "hugo"; // another invited peer

/** Everyone who may read a packet, by their relation to it; roles add up, so a manager on the committee is its own audience. */
export const AUDIENCES = {
  builder: { id: BEA, roles: ["builder"] },
  manager: { id: MARCUS, roles: ["manager"] },
  peer: { id: GRACE, roles: ["builder"] },
  committee: { id: "priya", roles: ["promotion_committee"] },
  admin: { id: "ada", roles: ["admin"] },
  "manager on the committee": { id: MARCUS, roles: ["manager", "promotion_committee"] },
} satisfies Record<string, { id: string; roles: Role[] }>;
export type Audience = keyof typeof AUDIENCES;

export const at = (day: number) => new Date(Date.UTC(2025, 2, day, 9, 30));

export function accessOf(audience: Audience, status: PacketStatus): PacketAccess {
  return packetAccess(AUDIENCES[audience], { builderId: BEA, managerId: MARCUS, status, peerIds: [GRACE, HUGO] });
}

export type Pay = { baseSalary: number | null; baseAtSubmission: number | null; newBaseSalary: number | null };

/** A packet for Bea, L4 → L5, in the given status: two evidence items (one citing a project), statements by both peers, an assessment; frozen and decided as its status says. */
export function packetRecord(status: PacketStatus, pay: Pay = { baseSalary: 190_123, baseAtSubmission: 188_777, newBaseSalary: 212_345 }): PacketCaseRecord {
  const criterion = rubric.advancement_criteria[0]!.id;
  const project = {
    projectId: "p1",
    title: "Self-serve onboarding",
    mode: "satellite" as const,
    team: "Growth",
    approval: { byName: "Marcus", at: at(1).toISOString(), note: "Go" },
    launchedAt: at(2).toISOString(),
    metrics: [{ name: "Activation", unit: "%", baseline: 20, target: 30, direction: "at_least" as const, measurement: "Weekly", actual: 33, met: true }],
    checkpoint: { recordedAt: at(3).toISOString(), recordedByName: "Marcus", verdict: "keep" as const, followUps: "Keep going", met: 1, of: 1 },
    reviews: [{ reviewedAt: at(4).toISOString(), reviewedByName: "Marcus", health: "healthy" as const, roi: "Strong" }],
    closed: null,
  };
  const evidence = [
    { id: "e1", title: "Onboarding", description: "Rebuilt it", impact: "More activation", links: ["https://example.com/a"], startDate: "2025-01-06", endDate: "2025-02-07", criteria: [criterion], competencies: [], version: 2, updatedAt: at(5), updatedByName: "Bea", projectId: "p1", project },
    { id: "e2", title: "Mentoring", description: "Two juniors", impact: "Both shipped", links: [], startDate: "2025-01-13", endDate: null, criteria: [], competencies: [rubric.competencies[0]!.id], version: 1, updatedAt: at(6), updatedByName: "Marcus", projectId: null, project: null },
  ];
  const statements = [
    { id: "s1", evidenceId: "e1", authorId: GRACE, authorName: "Grace", text: "Saw it land", updatedAt: at(7) },
    { id: "s2", evidenceId: "e2", authorId: HUGO, authorName: "Hugo", text: "I was mentored", updatedAt: at(8) },
  ];
  const assessments = [{ criterionId: criterion, rating: 3, comment: "Clearly there", version: 1, authorName: "Marcus", updatedAt: at(9) }];
  const frozen = status !== "draft";
  return {
    id: "pk1",
    builder: { userId: BEA, name: "Bea", managerId: MARCUS, managerName: "Marcus", baseSalary: pay.baseSalary },
    fromLevel: "L4",
    targetLevel: "L5",
    status,
    summary: "Ready for Staff",
    version: 7,
    createdAt: at(1),
    updatedAt: at(10),
    updatedByName: "Marcus",
    reviewStartedAt: status === "in_review" || status === "decided" ? at(12) : null,
    rubricVersion: { id: "rv3", track: rubric.track, version: rubric.version, name: "Builder v3" },
    rubric,
    evidence,
    statements,
    invitations: [
      { peerId: GRACE, peerName: "Grace", invitedAt: at(2) },
      { peerId: HUGO, peerName: "Hugo", invitedAt: at(2) },
    ],
    assessments,
    snapshot: frozen
      ? {
          summary: "Ready for Staff (as submitted)",
          fromLevel: "L4",
          targetLevel: "L5",
          version: 6,
          evidence: evidence.map(({ version: _v, updatedAt: _u, updatedByName: _n, ...e }) => e),
          statements: statements.map(({ id: _id, ...s }) => ({ ...s, updatedAt: s.updatedAt.toISOString() })),
          assessments: assessments.map(({ version: _v, ...a }) => ({ ...a, updatedAt: a.updatedAt.toISOString() })),
          submittedAt: at(11).toISOString(),
          submittedByName: "Marcus",
          baseAtSubmission: pay.baseAtSubmission,
        }
      : null,
    decision:
      status === "decided"
        ? {
            outcome: "promoted",
            feedback: { [criterion]: "Strong" },
            rationale: "Meets the bar",
            newBaseSalary: pay.newBaseSalary,
            currency: pay.newBaseSalary === null ? null : "USD",
            bandJustification: null,
            raiseJustification: null,
            decidedByName: "Priya",
            decidedAt: at(13),
          }
        : null,
  };
}
