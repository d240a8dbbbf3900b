import { calendarDate } from "~/domain/calendar-date";
import { linkLines } from "~/domain/candidate-form";
import { committeeAudience } from "~/domain/committee";
import type { Viewer } from "~/domain/permissions";
import { canReadScorecard } from "~/domain/scorecard/visibility";
import { prisma } from "./db.server";
import { viewerOnLoop } from "./scorecards.server";

/**
 * Everything held about one candidate, as plain JSON-ready data (dates as ISO text): their details
 * and data-protection facts, their loops with interviews, interviewers, scorecards (the current
 * rows, any draft and every submitted revision), red flags and decisions, and the audit entries
 * about them with the names of who acted. Interviewers' and actors' names are there because the
 * candidate may know who assessed them; their addresses are not (those are the actors' data).
 *
 * What the reader may not see elsewhere stays withheld here too, by the same rules: a scorecard's
 * content for those who may not read it (someone else's draft; a loop where the reader still owes
 * a scorecard; recruiters), a decision's pay for all but the committee audience, its rationale
 * for those outside the committee and panel. `withheld` lists what was left out, so an export for
 * the candidate is taken by an admin who is on none of their panels.
 */

type Person = { id: string; name: string } | null;

export type CandidateExport = {
  exportedAt: string;
  /** What this reader may not see and this export therefore leaves out (empty: it is complete). */
  withheld: string[];
  candidate: {
    id: string;
    name: string;
    email: string;
    source: string;
    targetLevel: string;
    links: string[];
    notes: string;
    createdAt: string;
    updatedAt: string;
    erasedAt: string | null;
    dataOrigin: string;
    dataOriginDetail: string;
    legalBasis: string;
    consentGivenOn: string | null;
    noticeSentOn: string | null;
    /** Where they stand in the pipeline, why, and since when. */
    status: string;
    statusReason: string;
    statusChangedAt: string | null;
  };
  loops: ExportLoop[];
  auditEntries: ExportAuditEntry[];
};

export type ExportScorecard = {
  id: string;
  interviewer: Person;
  stageId: string;
  status: string;
  /** The content is left out: the reader may not read this scorecard. */
  contentWithheld: boolean;
  createdAt: string;
  submittedAt: string | null;
  recommendation: string | null;
  takeaways: string | null;
  /** The draft as saved, while the scorecard is a draft. */
  draft: unknown;
  ratings: Array<{
    criterionId: string;
    competencyId: string;
    rating: number;
    evidence: string;
  }>;
  signals: Array<{ signalId: string; note: string }>;
  redFlags: Array<{ flagId: string; evidence: string }>;
  revisions: Array<{
    number: number;
    author: Person;
    createdAt: string;
    reason: string | null;
    content: unknown;
  }>;
};

export type ExportLoop = {
  id: string;
  track: string;
  rubricVersion: number;
  targetLevel: string;
  createdAt: string;
  createdBy: Person;
  closedAt: string | null;
  closeReason: string | null;
  interviews: Array<{
    id: string;
    stageId: string;
    startsAt: string;
    durationMinutes: number;
    interviewers: Person[];
    scorecards: ExportScorecard[];
  }>;
  decisions: Array<{
    id: string;
    outcome: string;
    level: string | null;
    /** Null when withheld from this reader. */
    rationale: string | null;
    /** The offer's terms, for the committee audience only (null otherwise). */
    pay: {
      baseSalary: number | null;
      currency: string | null;
      bandJustification: string | null;
    } | null;
    overrides: unknown;
    overrideJustification: string | null;
    decidedBy: Person;
    decidedAt: string;
    correctsId: string | null;
  }>;
};

export type ExportAuditEntry = {
  seq: number;
  at: string;
  kind: string;
  action: string;
  recordType: string;
  recordId: string;
  actor: Person;
  reason: string | null;
  detail: unknown;
  redactedAt: string | null;
};

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const named = { select: { id: true, name: true } } as const;

function parsed(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

export async function exportCandidate(candidateId: string, now: Date, viewer: Viewer): Promise<CandidateExport | null> {
  const candidate = await prisma.candidate.findUnique({
    where: { id: candidateId },
  });
  if (!candidate) return null;
  const loops = await prisma.loop.findMany({
    where: { candidateId },
    orderBy: { createdAt: "asc" },
    include: {
      rubricVersion: { select: { track: true, version: true } },
      createdBy: named,
      interviews: {
        orderBy: { startsAt: "asc" },
        include: {
          assignments: { include: { interviewer: named } },
          scorecards: {
            orderBy: { createdAt: "asc" },
            include: {
              interviewer: named,
              ratings: { orderBy: { criterionId: "asc" } },
              signals: { orderBy: { signalId: "asc" } },
              redFlags: { orderBy: { flagId: "asc" } },
              revisions: {
                orderBy: { number: "asc" },
                include: { author: named },
              },
            },
          },
        },
      },
      decisions: {
        orderBy: { decidedAt: "asc" },
        include: { decidedBy: named },
      },
    },
  });
  const withheld = new Set<string>();
  const onLoop = new Map(await Promise.all(loops.map(async (l) => [l.id, await viewerOnLoop(l.id, viewer.id)] as const)));
  const readable = new Set<string>();
  for (const loop of loops) {
    for (const card of loop.interviews.flatMap((i) => i.scorecards)) {
      if (
        canReadScorecard(
          viewer,
          {
            interviewerId: card.interviewerId,
            status: card.status === "submitted" ? "submitted" : "draft",
          },
          onLoop.get(loop.id)!
        )
      )
        readable.add(card.id);
      else withheld.add(card.status === "submitted" ? "scorecards you may not read" : "drafts (only their interviewer reads a draft)");
    }
  }
  const audienceOf = (loopId: string) => committeeAudience(viewer, onLoop.get(loopId)!);

  const entries = await prisma.auditEntry.findMany({
    where: { candidateId },
    orderBy: { seq: "asc" },
  });
  const actorIds = [...new Set(entries.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const actors = new Map((await prisma.user.findMany({ where: { id: { in: actorIds } }, ...named })).map((u) => [u.id, u]));

  const result: CandidateExport = {
    exportedAt: iso(now),
    withheld: [] as string[],
    candidate: {
      id: candidate.id,
      name: candidate.name,
      email: candidate.email,
      source: candidate.source,
      targetLevel: candidate.targetLevel,
      links: linkLines(candidate.links),
      notes: candidate.notes,
      createdAt: iso(candidate.createdAt),
      updatedAt: iso(candidate.updatedAt),
      erasedAt: isoOrNull(candidate.erasedAt),
      dataOrigin: candidate.dataOrigin,
      dataOriginDetail: candidate.dataOriginDetail,
      legalBasis: candidate.legalBasis,
      consentGivenOn: candidate.consentGivenOn ? calendarDate(candidate.consentGivenOn) : null,
      noticeSentOn: candidate.noticeSentOn ? calendarDate(candidate.noticeSentOn) : null,
      status: candidate.status,
      statusReason: candidate.statusReason,
      statusChangedAt: isoOrNull(candidate.statusChangedAt),
    },
    loops: loops.map((loop) => ({
      id: loop.id,
      track: loop.rubricVersion.track,
      rubricVersion: loop.rubricVersion.version,
      targetLevel: loop.targetLevel,
      createdAt: iso(loop.createdAt),
      createdBy: loop.createdBy,
      closedAt: isoOrNull(loop.closedAt),
      closeReason: loop.closeReason,
      interviews: loop.interviews.map((interview) => ({
        id: interview.id,
        stageId: interview.stageId,
        startsAt: iso(interview.startsAt),
        durationMinutes: interview.durationMinutes,
        interviewers: interview.assignments.map((a) => a.interviewer),
        scorecards: interview.scorecards.map((card) => {
          const open = readable.has(card.id);
          return {
            id: card.id,
            interviewer: card.interviewer,
            stageId: card.stageId,
            status: card.status,
            contentWithheld: !open,
            createdAt: iso(card.createdAt),
            submittedAt: isoOrNull(card.submittedAt),
            recommendation: open ? card.recommendation : null,
            takeaways: open ? card.takeaways : null,
            draft: open && card.status === "draft" ? parsed(card.draft) : null,
            ratings: open
              ? card.ratings.map(({ criterionId, competencyId, rating, evidence }) => ({
                  criterionId,
                  competencyId,
                  rating,
                  evidence,
                }))
              : [],
            signals: open ? card.signals.map(({ signalId, note }) => ({ signalId, note })) : [],
            redFlags: open
              ? card.redFlags.map(({ flagId, evidence }) => ({
                  flagId,
                  evidence,
                }))
              : [],
            revisions: card.revisions.map((r) => ({
              number: r.number,
              author: r.author,
              createdAt: iso(r.createdAt),
              reason: open ? r.reason : null,
              content: open ? parsed(r.content) : null,
            })),
          };
        }),
      })),
      decisions: loop.decisions.map((d) => {
        const audience = audienceOf(loop.id);
        const reads = audience === "committee" || audience === "panel";
        if (audience !== "committee") withheld.add("the terms (pay) of hiring decisions");
        if (!reads) withheld.add("the rationale of hiring decisions");
        return {
          id: d.id,
          outcome: d.outcome,
          level: d.level,
          rationale: reads ? d.rationale : null,
          pay:
            audience === "committee"
              ? {
                  baseSalary: d.baseSalary,
                  currency: d.currency,
                  bandJustification: d.bandJustification,
                }
              : null,
          overrides: parsed(d.overrides),
          overrideJustification: reads ? d.overrideJustification : null,
          decidedBy: d.decidedBy,
          decidedAt: iso(d.decidedAt),
          correctsId: d.correctsId,
        };
      }),
    })),
    auditEntries: entries.map((e) => {
      // An entry about a scorecard may carry its amendment reason: only for those who read the scorecard.
      const open = e.recordType !== "scorecard" || readable.has(e.recordId);
      return {
        seq: e.seq,
        at: iso(e.at),
        kind: e.kind,
        action: e.action,
        recordType: e.recordType,
        recordId: e.recordId,
        actor: e.actorId
          ? actors.get(e.actorId) ?? {
              id: e.actorId,
              name: "(unknown account)",
            }
          : null,
        reason: open ? e.reason : null,
        detail: open ? parsed(e.detail) : null,
        redactedAt: isoOrNull(e.redactedAt),
      };
    }),
  };
  result.withheld = [...withheld];
  return result;
}

/** The export's file name: the record's id, never the person's name. */
export function exportFileName(candidateId: string): string {
  return `candidate-${candidateId.replace(/[^A-Za-z0-9_-]/g, "")}.json`;
}
