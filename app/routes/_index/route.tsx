import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listBuilders, listReports, findBuilder } from "~/data/builders.server";
import { listCandidates } from "~/data/candidates.server";
import { countUsersByRole } from "~/data/users.server";
import { hasPermission } from "~/domain/permissions";
import { requireUser } from "~/utils/auth.server";
import { AdminPanel, BuilderPanel, CandidatesPanel, InterviewerPanel, ReportsPanel, RosterPanel } from "./panels";

export const meta: MetaFunction = () => [{ title: "Home · Builder Ladder" }];

/** Each role's home panel, loaded only for a user whose roles allow it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(user.roles, p);
  const [ownRecord, reports, roster, candidates, people] = await Promise.all([
    can("read:builder:own") ? findBuilder(user.id) : null,
    can("read:builder:team") ? listReports(user.id) : null,
    can("read:builder:any") ? listBuilders() : null,
    can("read:candidate:any") ? listCandidates() : null,
    can("manage:user:any") ? countUsersByRole() : null,
  ]);
  return {
    name: user.name,
    ownRecord,
    reports,
    roster,
    candidates,
    people,
    interviewer: can("write:scorecard:own"),
  };
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const firstName = data.name.split(" ")[0];
  return (
    <section className="page" aria-labelledby="home-title">
      <h1 id="home-title">Welcome, {firstName}</h1>
      <div className="panels">
        {data.ownRecord ? <BuilderPanel record={data.ownRecord} /> : null}
        {data.reports ? <ReportsPanel reports={data.reports} /> : null}
        {data.interviewer ? <InterviewerPanel /> : null}
        {data.candidates ? <CandidatesPanel candidates={data.candidates} /> : null}
        {data.roster ? <RosterPanel builders={data.roster} /> : null}
        {data.people ? <AdminPanel people={data.people} /> : null}
      </div>
    </section>
  );
}
