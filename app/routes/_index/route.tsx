import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { readHome } from "~/data/home-page.server";
import { requireUser } from "~/utils/auth.server";
import { requestNow } from "~/utils/clock.server";
import { homePage, homeSections, type HomePage } from "~/views/home-page";
import { AdminPanel, BuilderPanel, CandidatesPanel, ReportsPanel, RosterPanel } from "./panels";
import { InReviewPanel, InterviewerPanel, OwedScorecardsPanel } from "./hiring-panels";
import { OwnPacketPanel, PacketQueuePanel, ReportPacketsPanel, StatementRequestsPanel } from "./promotion-panels";
import { ApprovalQueuePanel, EscalationsPanel, OwnProjectsPanel, ReportProjectsPanel } from "./project-panels";

export const meta: MetaFunction = () => [{ title: "Home · Builder Ladder" }];

/** Each role's home panel, read only for a user whose roles allow it (views/home-page.ts). */
export async function loader({ request }: LoaderFunctionArgs): Promise<HomePage> {
  const user = await requireUser(request);
  const now = requestNow(request);
  const records = await readHome(user, homeSections(user.roles), now);
  return homePage(records, now);
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
        {data.owed ? <OwedScorecardsPanel loops={data.owed} total={data.owedTotal ?? data.owed.length} /> : null}
        {data.inReview ? <InReviewPanel loops={data.inReview.loops} total={data.inReview.total} /> : null}
        {data.candidates ? <CandidatesPanel candidates={data.candidates} total={data.candidatesTotal ?? data.candidates.length} /> : null}
        {data.roster ? <RosterPanel builders={data.roster} /> : null}
        {data.people ? <AdminPanel people={data.people} /> : null}
      </div>
    </section>
  );
}
