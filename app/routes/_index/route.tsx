import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listBuilders, listReports, findBuilder, type BuilderRecord } from "~/data/builders.server";
import { listCandidates } from "~/data/candidates.server";
import { countUsersByRole } from "~/data/users.server";
import { committeeRows } from "~/data/committee-rows.server";
import { loopsAssignedTo } from "~/data/scorecards.server";
import { rowsVisibleTo } from "~/domain/committee-list";
import { listAssignedInterviews, listLoops, namesOf } from "~/data/loops.server";
import { interviewerQueue, owedScorecards } from "~/domain/loop";
import { hasPermission } from "~/domain/permissions";
import { listPackets, type PacketSummary } from "~/data/packets.server";
import { isPacketOpen, nextLevelFor, OPEN_PACKET_STATUSES } from "~/domain/promotion/workflow";
import { requireUser } from "~/utils/auth.server";
import { AdminPanel, BuilderPanel, CandidatesPanel, ReportsPanel, RosterPanel } from "./panels";
import { InReviewPanel, InterviewerPanel, OwedScorecardsPanel } from "./hiring-panels";
import { OwnPacketPanel, PacketQueuePanel, ReportPacketsPanel, StatementRequestsPanel, type OwnPromotion } from "./promotion-panels";
import { AWAITING_REVIEW, committeeOrder } from "~/domain/promotion/packet-list";
import { openProjectsOfReports, openProjectsOwnedBy, projectsAwaitingApproval, projectsEscalatedTo } from "~/data/projects.server";
import { requestNow } from "~/utils/clock.server";
import { ApprovalQueuePanel, EscalationsPanel, OwnProjectsPanel, ReportProjectsPanel, projectHome } from "./project-panels";

export const meta: MetaFunction = () => [{ title: "Home · Builder Ladder" }];

/** Each role's home panel, loaded only for a user whose roles allow it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(user.roles, p);
  const now = requestNow(request);
  const [ownRecord, reports, roster, candidates, people, assigned, owed, inReview, ownPackets, reportPackets, packetQueue, statementRequests, projects] = await Promise.all([
    can("read:builder:own") ? findBuilder(user.id) : null,
    can("read:builder:team") ? listReports(user.id) : null,
    can("read:builder:any") ? listBuilders() : null,
    // Those still in the pipeline; the candidate list has everyone.
    can("read:candidate:any") ? listCandidates({ statuses: ["active", "on_hold"] }) : null,
    can("manage:user:any") ? countUsersByRole() : null,
    can("write:scorecard:own") ? listAssignedInterviews(user.id) : null,
    can("manage:loop:any") ? loopsOwingScorecards(now) : null,
    can("read:scorecard:any") ? loopsInReview(user.id, now) : null,
    can("read:builder:own") ? listPackets({ builderId: user.id }) : null,
    can("read:builder:team") ? listPackets({ managerId: user.id, statuses: [...OPEN_PACKET_STATUSES] }) : null,
    can("decide:promotion:any") ? listPackets({ statuses: AWAITING_REVIEW }) : null,
    // Anyone may be invited as a peer; statements are written while the packet is a draft.
    listPackets({ peerId: user.id, statuses: ["draft"] }),
    // Anyone may be named a PRD's approver or a block's escalation; only builders own projects.
    Promise.all([
      projectsAwaitingApproval(user.id),
      can("read:builder:own") ? openProjectsOwnedBy(user.id) : null,
      can("read:builder:team") ? openProjectsOfReports(user.id) : null,
      projectsEscalatedTo(user.id),
    ]).then(([awaiting, owned, reports, escalated]) => projectHome({ awaiting, owned, reports, escalated }, now)),
  ]);
  return {
    name: user.name,
    ownRecord,
    reports,
    roster,
    candidates,
    people,
    queue: assigned ? interviewerQueue(assigned, now) : null,
    owed,
    inReview,
    ownPromotion: ownRecord && ownPackets ? ownPromotion(ownRecord, ownPackets) : null,
    reportPackets,
    packetQueue: packetQueue ? committeeOrder(packetQueue) : null,
    statementRequests,
    projects,
  };
}

/** A builder's open packet (there is at most one), else their latest decided one and the level they could go for next. */
function ownPromotion(record: BuilderRecord, packets: PacketSummary[]): OwnPromotion {
  return {
    userId: record.userId,
    level: record.level,
    nextLevel: nextLevelFor(record.level),
    open: packets.find((p) => isPacketOpen(p.status)) ?? null,
    // Newest first: the list is ordered by last update.
    lastDecided: packets.find((p) => !isPacketOpen(p.status)) ?? null,
  };
}

/** For the hiring committee: loops whose stages are all complete and that await a decision (the first few; the list has them all). */
async function loopsInReview(viewerId: string, now: Date) {
  const [rows, assigned] = await Promise.all([committeeRows(now), loopsAssignedTo(viewerId)]);
  // Not the loops where the viewer still owes a scorecard (independence).
  const inReview = rowsVisibleTo(rows, assigned).filter((r) => r.status === "in_review");
  const shown = [...inReview].sort((x, y) => x.candidateName.localeCompare(y.candidateName)).slice(0, IN_REVIEW_SHOWN);
  return { total: inReview.length, loops: shown.map((r) => ({ loopId: r.loopId, candidateName: r.candidateName, targetLevel: r.targetLevel })) };
}

const IN_REVIEW_SHOWN = 10;

/** For recruiters: each loop's missing scorecards, who owes them and when they are due. */
async function loopsOwingScorecards(now: Date) {
  const loops = (await listLoops())
    // A closed loop owes nothing any more.
    .filter((loop) => !loop.closedAt)
    .map((loop) => ({ loop, owed: owedScorecards(loop.interviews, loop.rubric.decision_rules.scorecard_due_hours, now) }))
    .filter((l) => l.owed.length > 0);
  const names = await namesOf(loops.flatMap((l) => l.owed.map((o) => o.interviewerId)));
  return loops.map(({ loop, owed }) => ({
    loopId: loop.id,
    candidateName: loop.candidateName,
    owed: owed.map((o) => ({
      ...o,
      interviewerName: names.get(o.interviewerId) ?? "Unknown",
      stageName: loop.rubric.stages.find((s) => s.id === o.stageId)?.name ?? o.stageId,
    })),
  }));
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const firstName = data.name.split(" ")[0];
  return (
    <section className="page" aria-labelledby="home-title">
      <h1 id="home-title">Welcome, {firstName}</h1>
      <div className="panels">
        {data.ownRecord ? <BuilderPanel record={data.ownRecord} /> : null}
        {data.ownPromotion ? <OwnPacketPanel promotion={data.ownPromotion} /> : null}
        {data.projects.own ? <OwnProjectsPanel own={data.projects.own} /> : null}
        {data.statementRequests.length > 0 ? <StatementRequestsPanel packets={data.statementRequests} /> : null}
        {data.projects.awaitingApproval.length > 0 ? <ApprovalQueuePanel items={data.projects.awaitingApproval} /> : null}
        {data.projects.escalated.length > 0 ? <EscalationsPanel items={data.projects.escalated} /> : null}
        {data.reports ? <ReportsPanel reports={data.reports} /> : null}
        {data.reportPackets ? <ReportPacketsPanel packets={data.reportPackets} /> : null}
        {data.projects.reports ? <ReportProjectsPanel reports={data.projects.reports} /> : null}
        {data.packetQueue ? <PacketQueuePanel packets={data.packetQueue} /> : null}
        {data.queue ? <InterviewerPanel queue={data.queue} /> : null}
        {data.owed ? <OwedScorecardsPanel loops={data.owed} /> : null}
        {data.inReview ? <InReviewPanel loops={data.inReview.loops} total={data.inReview.total} /> : null}
        {data.candidates ? <CandidatesPanel candidates={data.candidates} /> : null}
        {data.roster ? <RosterPanel builders={data.roster} /> : null}
        {data.people ? <AdminPanel people={data.people} /> : null}
      </div>
    </section>
  );
}
