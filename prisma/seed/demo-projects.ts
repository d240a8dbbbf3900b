import type { Prisma } from "~/generated/prisma/client";
import { contentRow } from "~/data/project-workflow.server";
import { demoSchema, projectSchema, type ProjectInput } from "~/domain/project/forms";
import { addDays, checkpointDueAt } from "~/domain/project/process";
import { pastDecisionDate, urgencyOf } from "~/domain/project/due";
import { transition, type CheckpointVerdict, type ProjectAction, type ProjectFacts, type ProjectOutcome, type ReviewHealth } from "~/domain/project/workflow";
import type { ProjectProcess, Rubric } from "~/domain/rubric/schema";

/**
 * Northwind Labs' Builder project log: projects in every state of the workflow, and four weeks of
 * demos, some flagged for the wider organisation. Written in the shape the app writes them
 * (app/data/project-workflow.server.ts): every form value is checked with the app's schema, and
 * every step goes through the app's own workflow (`transition`), at its time, by its person, so the
 * demo holds only projects the app could have produced, each transition recorded as an event.
 * Every project pins the builder track's current version (builder v3, which defines the process);
 * times are relative to `now`, in UTC working hours.
 *
 * Team leads, the approvers of satellite projects (v3 `satellite_approver: team_lead`): Bea Novak
 * (Onboarding), Yuki Tanaka (Billing), Lucas Moreau (Core Workflow), Samuel Osei (Integrations).
 *
 * - Leo Martins, "Invite teammates during onboarding" (satellite, Onboarding): Bea asked for
 *   changes, Leo resubmitted three days ago: awaiting Bea's thumbs-up (on her home).
 * - Omar Haddad, "Weekly Slack digest of workspace activity" (founder): awaiting Marcus Chen's
 *   thumbs-up for six days (on his home, the oldest first).
 * - Felix Wagner, "Public roadmap with feature voting" (founder): Yuki asked for changes.
 * - Noah Fischer, "Per-channel notification digests": a draft.
 * - Grace Kim, "Bulk edit for tasks" (satellite, Core Workflow): launched 29 days ago, its 28-day
 *   checkpoint due (on Grace's and Marcus's homes).
 * - Noah Fischer, "Annual-plan offer at checkout" (satellite, Billing): the checkpoint missed both
 *   targets and said "roll back"; closed as rolled back.
 * - Inês Costa, "Meeting notes to tasks" (founder): checkpoint "iterate", past its decision date
 *   and its first quarterly review overdue (on Aisha Rahman's home).
 * - Yuki Tanaka, "Spend controls for usage-based billing" (founder): checkpoint "keep" and two
 *   quarterly reviews; the next one in about ten weeks.
 * - Mei Lin, "Insights for workspace admins" (founder): checkpoint "keep", one review, closed
 *   staffed up; cited by her submitted packet (demo-promotions.ts), so the committee reads its
 *   recorded outcome.
 * - Bea Novak, "Two-way Jira sync" (satellite, Integrations): approved, then blocked on Platform's
 *   API budget and escalated to Marcus Chen (on his home).
 * - Bea Novak, "Workspace import from Asana and Trello" (satellite, Integrations): checkpoint "keep",
 *   folded into Integrations; her draft packet does not cite it yet, so the demo builder can.
 */
type Db = Prisma.TransactionClient;

const BEA = "builder@northwind.example";
const MARCUS = "manager@northwind.example";
const AISHA = "aisha.rahman@northwind.example";
const LEO = "leo.martins@northwind.example";
const YUKI = "yuki.tanaka@northwind.example";
const OMAR = "omar.haddad@northwind.example";
const GRACE = "grace.kim@northwind.example";
const FELIX = "felix.wagner@northwind.example";
const AMARA = "amara.eze@northwind.example";
const LUCAS = "lucas.moreau@northwind.example";
const INES = "ines.costa@northwind.example";
const NOAH = "noah.fischer@northwind.example";
const MEI = "mei.lin@northwind.example";
const SAMUEL = "samuel.osei@northwind.example";

const DAY = 86_400_000;

/** One step of a project's life, by whom and when. Checkpoint actuals are given by metric, in order. */
type Step = { by: string; at: Date } & (
  | { kind: "submit" }
  | { kind: "approve"; note: string }
  | { kind: "request_changes"; comments: string }
  | { kind: "launch" }
  | { kind: "record_checkpoint"; actuals: number[]; verdict: CheckpointVerdict; followUps: string }
  | { kind: "record_review"; health: ReviewHealth; roi: string; followThrough: string; nextReviewOn: Date }
  | { kind: "close"; outcome: ProjectOutcome; note: string }
  | { kind: "block"; escalateTo: string; reason: string }
);

type MetricSpec = { name: string; unit: string; baseline: number; target: number; direction: "at_least" | "at_most"; measurement: string };

type ProjectSpec = {
  /** How other seed files refer to it (demo-promotions.ts cites "insights"). */
  key: string;
  owner: string;
  approver: string;
  title: string;
  problem: string;
  mode: "founder" | "satellite";
  team?: string;
  /** Founder mode: the decision date, as a calendar day. */
  decisionDate?: string;
  prd: string;
  links: string[];
  metrics: MetricSpec[];
  created: Date;
  steps: Step[];
};

/**
 * `days` from now's date at a UTC working time. A past date that falls on a weekend moves to the
 * Friday before, so past stays past (as demo-promotions.ts does). A project's steps are at least
 * three days apart, so that move never puts a step before the one it follows.
 */
function workingDay(now: Date, days: number, hour: number, minute = 0): Date {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, hour, minute));
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() - 1);
  return date;
}

/** The calendar day (UTC midnight) `days` after the moment `at`: a review's next review date. */
function dayAfter(at: Date, days: number): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + days));
}

function calendarDay(now: Date, days: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days)).toISOString().slice(0, 10);
}

/** A PRD with the sections builder v3 asks for (Problem, Solution, Success criteria, Risks and rollback). */
function prd(sections: { problem: string; solution: string; outOfScope?: string; success: string; risks: string }): string {
  return [
    "## Problem",
    sections.problem,
    "## Solution",
    sections.solution,
    ...(sections.outOfScope ? ["### Out of scope", sections.outOfScope] : []),
    "## Success criteria",
    sections.success,
    "## Risks and rollback",
    sections.risks,
  ].join("\n\n");
}

function demoProjects(now: Date): ProjectSpec[] {
  const day = (days: number, hour: number, minute = 0) => workingDay(now, days, hour, minute);
  const date = (days: number) => calendarDay(now, days);

  // Launched 28–30 days ago, on a weekday when possible, so that the checkpoint is due now (not
  // upcoming, not overdue) whenever the demo starts.
  const checkpointDueLaunch = (() => {
    for (const offset of [-29, -30, -28]) {
      const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset, 14, 30));
      const weekday = at.getUTCDay() !== 0 && at.getUTCDay() !== 6;
      if (weekday && now.getTime() - at.getTime() >= 28 * DAY && now.getTime() - at.getTime() <= 30 * DAY) return at;
    }
    return new Date(now.getTime() - 29 * DAY);
  })();

  const spendReviews = [day(-110, 11), day(-20, 15)] as const;
  const insightsReview = day(-180, 10);

  return [
    {
      key: "onboarding-invites",
      owner: LEO,
      approver: BEA,
      title: "Invite teammates during onboarding",
      problem:
        "62% of new workspaces still have a single member after their first week, and single-member workspaces convert to paid at a quarter of the rate of those with three or more. Nothing in onboarding asks the creator to bring their team.",
      mode: "satellite",
      team: "Onboarding",
      prd: prd({
        problem:
          "Workspace creators finish onboarding alone: invites are two menus deep, and 62% of new workspaces have one member after seven days. Workspaces with three or more members in week one convert to paid at 4x the rate.",
        solution:
          "An optional invite step after the workspace is named: paste emails or share a join link limited to the creator's company domain. Invites sent to addresses outside the domain need the creator to confirm each one, so nobody invites a whole contact list by mistake.",
        outOfScope: "Importing contacts from Google or Microsoft; invites later in the product (already exist).",
        success:
          "Workspaces with 3+ members after 7 days from 21% to 30%; invite acceptance at least 45% (measured on invites sent from the new step).",
        risks:
          "Creators may skip onboarding altogether if the step feels mandatory: it has a visible Skip, and completion of onboarding is watched daily for the first two weeks. Rollback: the step is behind the `onboarding_invites` flag.",
      }),
      links: ["https://docs.northwind.example/prd/onboarding-invites", "https://northwind.example/design/onboarding-invite-step"],
      metrics: [
        { name: "Workspaces with 3+ members after 7 days", unit: "%", baseline: 21, target: 30, direction: "at_least", measurement: "Weekly cohort report, workspaces created in the week" },
        { name: "Invite acceptance", unit: "%", baseline: 38, target: 45, direction: "at_least", measurement: "Accepted ÷ sent, invites from the onboarding step, 14-day window" },
      ],
      created: day(-15, 10, 20),
      steps: [
        { kind: "submit", by: LEO, at: day(-12, 16, 40) },
        {
          kind: "request_changes",
          by: BEA,
          at: day(-9, 11, 5),
          comments:
            "Two things before I approve: say what happens when someone invites an address outside their company domain (spam risk and a support load we know from last year), and measure invite acceptance, not only invites sent — sends alone will go up whatever we do.",
        },
        { kind: "submit", by: LEO, at: day(-3, 15, 10) },
      ],
    },
    {
      key: "slack-digest",
      owner: OMAR,
      approver: MARCUS,
      title: "Weekly Slack digest of workspace activity",
      problem:
        "Team leads who live in Slack stop opening Northwind after the first month; 40% of churned Team-plan workspaces had a lead who had not signed in for 30 days before cancelling.",
      mode: "founder",
      decisionDate: date(170),
      prd: prd({
        problem:
          "Leads of Team-plan workspaces drift away: 40% of churned workspaces had a lead inactive for 30 days before cancelling. They are in Slack every day, and nothing of Northwind reaches them there.",
        solution:
          "A weekly digest posted to a Slack channel the lead chooses: what shipped, what is overdue, who is blocked, with links back to each item. Set up from the existing Slack integration in two clicks.",
        success: "Team-plan leads active weekly from 48% to 58%; gross churn of Team-plan workspaces with the digest below 2.5% a month (3.1% today).",
        risks:
          "Digest fatigue: we send one a week, never more, and stop when nobody clicks for four weeks. Rollback: the digest job is a flag; uninstalling the Slack app removes it.",
      }),
      links: ["https://docs.northwind.example/prd/slack-digest"],
      metrics: [
        { name: "Team-plan leads active weekly", unit: "%", baseline: 48, target: 58, direction: "at_least", measurement: "Leads with a session in the week ÷ all Team-plan leads" },
        { name: "Monthly churn, Team plan with digest", unit: "%", baseline: 3.1, target: 2.5, direction: "at_most", measurement: "Billing churn report, workspaces with the digest on" },
      ],
      created: day(-9, 9, 45),
      steps: [{ kind: "submit", by: OMAR, at: day(-6, 14, 20) }],
    },
    {
      key: "roadmap-voting",
      owner: FELIX,
      approver: YUKI,
      title: "Public roadmap with feature voting",
      problem: "Feature requests arrive through Support, Sales and the community forum, and nobody can tell a customer where their request stands.",
      mode: "founder",
      decisionDate: date(140),
      prd: prd({
        problem: "Requests are scattered over three channels; customers ask Support for status 300 times a month and we cannot answer.",
        solution: "A public roadmap page with Planned, In progress and Shipped columns, where signed-in customers vote and follow items and hear when they ship.",
        success: "Status questions to Support down 40%; 1,000 voting customers in the first month.",
        risks: "Public commitments we then miss. Rollback: the page can be unpublished; votes are kept.",
      }),
      links: ["https://docs.northwind.example/prd/public-roadmap"],
      metrics: [
        { name: "Status questions to Support", unit: "tickets/month", baseline: 300, target: 180, direction: "at_most", measurement: "Zendesk tag `roadmap-status`" },
        { name: "Customers who voted", unit: "customers", baseline: 0, target: 1000, direction: "at_least", measurement: "Distinct voting accounts, first 30 days" },
      ],
      created: day(-11, 11, 30),
      steps: [
        { kind: "submit", by: FELIX, at: day(-8, 10, 15) },
        {
          kind: "request_changes",
          by: YUKI,
          at: day(-5, 15, 45),
          comments:
            "The problem is real, but the PRD does not say who decides what goes on the roadmap, or how we avoid promising dates. Please add the editorial process (who moves items between columns, weekly?) and a metric that shows voting changes what we build, not only that people vote.",
        },
      ],
    },
    {
      key: "channel-digests",
      owner: NOAH,
      approver: LUCAS,
      title: "Per-channel notification digests",
      problem: "Members of busy workspaces mute notifications entirely because every channel notifies at once.",
      mode: "founder",
      decisionDate: date(120),
      prd: "## Problem\n\nMembers of workspaces with more than 30 channels mute everything: 35% of them have all notifications off.\n\n## Solution\n\n(Drafting: hourly or daily digests chosen per channel.)",
      links: [],
      metrics: [{ name: "Members with all notifications off", unit: "%", baseline: 35, target: 20, direction: "at_most", measurement: "Notification settings, workspaces with 30+ channels" }],
      created: day(-2, 13, 10),
      steps: [],
    },
    {
      key: "bulk-edit",
      owner: GRACE,
      approver: LUCAS,
      title: "Bulk edit for tasks",
      problem: "Project leads re-assign and re-date tasks one by one after every planning meeting; it is the top request from workspaces with more than 50 active projects.",
      mode: "satellite",
      team: "Core Workflow",
      prd: prd({
        problem: "After planning, leads change assignee, due date or status of dozens of tasks one at a time. It is the most-voted request among large workspaces (1,140 votes) and a common reason given in Enterprise losses.",
        solution: "Select tasks in any list (shift-click, select all filtered), then change assignee, due date, status or labels for all of them in one action, with a single undo and one entry in the audit log.",
        success: "Median time to re-plan 50 tasks from 11 minutes to under 3; weekly active users of bulk edit at least 25% of project leads.",
        risks: "A mistaken bulk change hits many tasks: every bulk edit has one-step undo for 10 minutes and an audit entry. Rollback: the `bulk_edit` flag.",
      }),
      links: ["https://docs.northwind.example/prd/bulk-edit", "https://northwind.example/changelog/bulk-edit"],
      metrics: [
        { name: "Time to re-plan 50 tasks (median)", unit: "min", baseline: 11, target: 3, direction: "at_most", measurement: "Session recordings of planning sessions, sampled weekly" },
        { name: "Project leads using bulk edit weekly", unit: "%", baseline: 0, target: 25, direction: "at_least", measurement: "Product analytics, event `bulk_edit.applied`" },
      ],
      created: addDays(checkpointDueLaunch, -24),
      steps: [
        { kind: "submit", by: GRACE, at: addDays(checkpointDueLaunch, -21) },
        { kind: "approve", by: LUCAS, at: addDays(checkpointDueLaunch, -19), note: "Approved. Keep undo in the first release — it is what makes this safe for Enterprise admins." },
        { kind: "launch", by: GRACE, at: checkpointDueLaunch },
      ],
    },
    {
      key: "annual-offer",
      owner: NOAH,
      approver: YUKI,
      title: "Annual-plan offer at checkout",
      problem: "Only 9% of new paid workspaces choose annual billing, and monthly workspaces churn three times as often in their first year.",
      mode: "satellite",
      team: "Billing",
      prd: prd({
        problem: "9% of new subscriptions are annual; monthly workspaces churn at 3x the annual rate in year one.",
        solution: "An interstitial at checkout offering two months free on annual billing, shown once, before payment details.",
        success: "Annual share of new subscriptions at least 12%, without checkout completion falling below 80%.",
        risks: "The interstitial may cost us checkouts. Rollback: remove the interstitial (flag `checkout_annual_offer`); no subscription changes.",
      }),
      links: ["https://docs.northwind.example/prd/annual-offer", "https://docs.northwind.example/reviews/annual-offer-checkpoint"],
      metrics: [
        { name: "Annual share of new subscriptions", unit: "%", baseline: 9, target: 12, direction: "at_least", measurement: "Billing: new subscriptions by interval, 28 days" },
        { name: "Checkout completion", unit: "%", baseline: 81, target: 80, direction: "at_least", measurement: "Checkout funnel, started → paid" },
      ],
      created: day(-102, 10),
      steps: [
        { kind: "submit", by: NOAH, at: day(-99, 15) },
        { kind: "approve", by: YUKI, at: day(-96, 11, 30), note: "Approved as an experiment: watch checkout completion daily and pull it if it drops." },
        { kind: "launch", by: NOAH, at: day(-90, 10) },
        {
          kind: "record_checkpoint",
          by: NOAH,
          at: day(-60, 14),
          actuals: [9.6, 74.2],
          verdict: "roll_back",
          followUps: "Roll back the interstitial this week. Next: test an annual toggle on the pricing page, where intent is formed, instead of at checkout.",
        },
        { kind: "close", by: NOAH, at: day(-57, 11), outcome: "rolled_back", note: "Interstitial removed on all plans; checkout completion back to 81% within a week." },
      ],
    },
    {
      key: "meeting-notes",
      owner: INES,
      approver: AMARA,
      title: "Meeting notes to tasks",
      problem: "Action items agreed in meetings live in notes documents and are never turned into tasks; customers tell us half of them are forgotten.",
      mode: "founder",
      decisionDate: date(-10),
      prd: prd({
        problem: "Teams write meeting notes in Northwind docs, but action items stay in the text: in interviews, 9 of 12 teams said half of them are forgotten.",
        solution: "Detect action items in meeting notes (owner, what, when) and offer to turn them into tasks in one click, linked back to the note.",
        success: "30% of meeting notes with action items produce at least one task; 20% of those tasks completed on time.",
        risks: "Wrong owners or dates erode trust: every suggestion is confirmed by a person; nothing is created silently. Rollback: turn off suggestions per workspace or globally.",
      }),
      links: ["https://docs.northwind.example/prd/meeting-notes-to-tasks"],
      metrics: [
        { name: "Notes with action items that produce a task", unit: "%", baseline: 0, target: 30, direction: "at_least", measurement: "Docs tagged as meeting notes with detected action items, 28 days" },
        { name: "Tasks from notes completed on time", unit: "%", baseline: 0, target: 20, direction: "at_least", measurement: "Tasks created from a note, done by their due date" },
      ],
      created: day(-161, 9, 30),
      steps: [
        { kind: "submit", by: INES, at: day(-158, 16) },
        { kind: "approve", by: AMARA, at: day(-155, 10, 30), note: "Go. Decide by the decision date whether this is a team of its own or folds into Docs." },
        { kind: "launch", by: INES, at: day(-140, 11) },
        {
          kind: "record_checkpoint",
          by: INES,
          at: day(-110, 15),
          actuals: [34, 14],
          verdict: "iterate",
          followUps: "Adoption is there, follow-through is not: add due-date detection and a reminder the day before. Re-measure in a quarter.",
        },
      ],
    },
    {
      key: "spend-controls",
      owner: YUKI,
      approver: SAMUEL,
      title: "Spend controls for usage-based billing",
      problem: "Since usage-based billing launched, surprise invoices are the first reason Enterprise admins contact Support, and two renewals were lost over them.",
      mode: "founder",
      decisionDate: date(115),
      prd: prd({
        problem: "Admins cannot see or cap usage before the invoice: 'unexpected invoice' is the top Enterprise billing ticket (140 a month) and cost us two renewals last quarter.",
        solution: "Soft and hard spending caps per workspace, alerts to owners at 50/80/100% of the cap, and a usage forecast on the billing page.",
        success: "Unexpected-invoice tickets down to 40 a month; net revenue retention of usage-billed accounts at least 110%.",
        risks: "Hard caps could stop work mid-month: hard caps are opt-in and warn a week ahead. Rollback: caps off per workspace; alerts stay.",
      }),
      links: ["https://docs.northwind.example/prd/spend-controls", "https://northwind.example/changelog/spend-controls"],
      metrics: [
        { name: "Unexpected-invoice tickets", unit: "tickets/month", baseline: 140, target: 40, direction: "at_most", measurement: "Zendesk tag `billing-unexpected-invoice`" },
        { name: "Net revenue retention, usage-billed accounts", unit: "%", baseline: 104, target: 110, direction: "at_least", measurement: "Finance NRR report, trailing 12 months" },
      ],
      created: day(-248, 10),
      steps: [
        { kind: "submit", by: YUKI, at: day(-245, 16, 30) },
        { kind: "approve", by: SAMUEL, at: day(-242, 9, 50), note: "Approved. Talk to Legal before hard caps reach contracts with committed spend." },
        { kind: "launch", by: YUKI, at: day(-230, 10, 30) },
        { kind: "record_checkpoint", by: YUKI, at: day(-200, 14), actuals: [52, 109], verdict: "keep", followUps: "NRR just under target: revisit at the first quarterly review. Add the forecast to the admin email." },
        {
          kind: "record_review",
          by: YUKI,
          at: spendReviews[0],
          health: "healthy",
          roi: "Unexpected-invoice tickets at 38 a month (from 140); NRR of usage-billed accounts 111%. About USD 600k ARR retained in renewals that cited spend controls.",
          followThrough: "Forecast accuracy on spiky workspaces is poor: Data to review the model.",
          nextReviewOn: dayAfter(spendReviews[0], 89),
        },
        {
          kind: "record_review",
          by: YUKI,
          at: spendReviews[1],
          health: "healthy",
          roi: "NRR 112%; tickets stable at 35–40 a month. Two Enterprise deals closed with hard caps as a requirement.",
          followThrough: "Hand the forecast model to the Data team; decide by the decision date whether Billing staffs it up.",
          nextReviewOn: dayAfter(spendReviews[1], 88),
        },
      ],
    },
    {
      key: "insights",
      owner: MEI,
      approver: AISHA,
      title: "Insights for workspace admins",
      problem:
        "Admins cannot show their leadership how their team uses Northwind; in 15 churn interviews it was the reason given most often for not renewing.",
      mode: "founder",
      decisionDate: date(-60),
      prd: prd({
        problem: "Workspace admins cannot show usage upward: 11 of 15 churn interviews named it. Without numbers, renewals are decided by whoever shouts loudest about cost.",
        solution: "An in-app analytics surface for admins: active members, projects shipped, time to done, exportable for their own reviews. One engineer and me for the first version, three dashboards.",
        success: "1,500 admin accounts using Insights weekly within a month; renewal rate of workspaces whose admins use it at least 90%.",
        risks: "Numbers that look bad for a team could be used against it: dashboards show teams, never individuals. Rollback: the `insights` flag; the event pipeline stays.",
      }),
      links: ["https://northwind.example/product/insights", "https://docs.northwind.example/proposals/insights"],
      metrics: [
        { name: "Admin accounts using Insights weekly", unit: "accounts", baseline: 0, target: 1500, direction: "at_least", measurement: "Product analytics, weekly active admin accounts on Insights" },
        { name: "Renewal rate, workspaces whose admins use Insights", unit: "%", baseline: 86, target: 90, direction: "at_least", measurement: "Finance renewals report, quarterly" },
      ],
      created: day(-337, 10),
      steps: [
        { kind: "submit", by: MEI, at: day(-334, 15, 30) },
        { kind: "approve", by: AISHA, at: day(-331, 10), note: "Yes. Keep it to three dashboards and come back at the checkpoint with the renewal numbers." },
        { kind: "launch", by: MEI, at: day(-300, 11) },
        { kind: "record_checkpoint", by: MEI, at: day(-270, 14, 30), actuals: [1720, 93], verdict: "keep", followUps: "Exports next; make the case for a team of its own at the first quarterly review." },
        {
          kind: "record_review",
          by: AISHA,
          at: insightsReview,
          health: "healthy",
          roi: "2,300 admin accounts weekly; workspaces whose admins use Insights renew at 94% against 86%. Leadership agreed to staff a team of five.",
          followThrough: "Recruit two engineers and a designer; hand the event pipeline to Data.",
          nextReviewOn: dayAfter(insightsReview, 90),
        },
        { kind: "close", by: MEI, at: day(-150, 16), outcome: "staffed_up", note: "Insights is now a standalone team of five." },
      ],
    },
    {
      key: "workspace-import",
      owner: BEA,
      approver: SAMUEL,
      title: "Workspace import from Asana and Trello",
      problem: "40% of lost trials in our win/loss notes named the cost of switching: teams will not rebuild their boards by hand.",
      mode: "satellite",
      team: "Integrations",
      prd: prd({
        problem: "Trials from teams already on Asana or Trello stall at an empty workspace: 40% of lost trials name switching cost, and importers we interviewed rebuilt boards by hand for a week.",
        solution: "Import a whole Asana workspace or Trello board set — projects, tasks, assignees, due dates, comments, attachments — with a field-mapping screen, run by queue-backed workers.",
        success: "Trial-to-paid of teams that import at least 18% (14% today for all trials); migration tickets to Support below 60 a month.",
        risks: "Large boards could lose data: imports are dry-run first and report every item they could not bring. Rollback: the importer is a flag; imported data stays.",
      }),
      links: ["https://docs.northwind.example/specs/workspace-import", "https://northwind.example/changelog/workspace-import"],
      metrics: [
        { name: "Trial-to-paid, teams that import", unit: "%", baseline: 14, target: 18, direction: "at_least", measurement: "Trials started in the month that import, converted within 45 days" },
        { name: "Migration tickets to Support", unit: "tickets/month", baseline: 95, target: 60, direction: "at_most", measurement: "Zendesk tag `migration`" },
      ],
      created: day(-262, 10, 15),
      steps: [
        { kind: "submit", by: BEA, at: day(-259, 15) },
        { kind: "approve", by: SAMUEL, at: day(-255, 11), note: "Approved. Dry runs first, and Support in the loop from the beta." },
        { kind: "launch", by: BEA, at: day(-220, 10) },
        { kind: "record_checkpoint", by: BEA, at: day(-190, 14), actuals: [21, 59], verdict: "keep", followUps: "Attachments on large Trello boards: fix before the Enterprise rollout. Hand the workers to Integrations' on-call." },
        { kind: "close", by: BEA, at: day(-150, 16), outcome: "folded_into_team", note: "Integrations owns the importer from now on." },
      ],
    },
    {
      key: "jira-sync",
      owner: BEA,
      approver: SAMUEL,
      title: "Two-way Jira sync",
      problem: "Teams that plan in Northwind and ship in Jira copy status by hand; it is the most common reason trial workspaces from engineering-led companies give for leaving.",
      mode: "satellite",
      team: "Integrations",
      prd: prd({
        problem: "Engineering-led trials leave because status lives in two tools: 38% of lost trials with a Jira integration attempt named the one-way sync.",
        solution: "Two-way sync of status, assignee and comments between Northwind tasks and Jira issues, with a mapping screen for statuses.",
        success: "Trial-to-paid of workspaces that connect Jira from 14% to 20%; sync errors under 0.5% of updates.",
        risks: "Sync loops and Jira's API limits: every update carries its origin, and sync backs off on rate limits. Rollback: two-way turns back into today's one-way sync.",
      }),
      links: ["https://docs.northwind.example/prd/jira-two-way-sync"],
      metrics: [
        { name: "Trial-to-paid, workspaces connecting Jira", unit: "%", baseline: 14, target: 20, direction: "at_least", measurement: "Trials started in the month, converted within 45 days" },
        { name: "Sync errors", unit: "% of updates", baseline: 1.8, target: 0.5, direction: "at_most", measurement: "Integration error log ÷ synced updates" },
      ],
      created: day(-16, 9, 30),
      steps: [
        { kind: "submit", by: BEA, at: day(-13, 14) },
        { kind: "approve", by: SAMUEL, at: day(-7, 10, 40), note: "Approved — agree the API budget with Platform before the beta." },
        {
          kind: "block",
          by: BEA,
          at: day(-3, 16, 20),
          escalateTo: MARCUS,
          reason: "Jira Cloud rate limits: the sync needs Platform to raise our shared API budget, and Platform's queue is three weeks. Can you get it prioritised with Lucas's team?",
        },
      ],
    },
  ];
}

/** Four weeks of demos on open or launched projects; curators (managers) flag some. */
type DemoSpec = { project: string; title: string; shows: string; link: string; week: number; flaggedBy?: string; flagNote?: string };

const DEMOS: DemoSpec[] = [
  { project: "bulk-edit", week: 3, title: "Bulk edit: re-plan 200 tasks in one go", shows: "Selecting a filtered list, changing assignee and due date for all of it at once.", link: "https://northwind.example/demos/bulk-edit-first-look", flaggedBy: MARCUS, flagNote: "The most-requested Enterprise feature, live: worth the all-hands." },
  { project: "spend-controls", week: 3, title: "Spend controls: owner alerts at 50/80/100%", shows: "An owner receiving the 80% alert and raising the cap from the email.", link: "https://northwind.example/demos/spend-alerts" },
  { project: "meeting-notes", week: 2, title: "Meeting notes to tasks, with owner detection", shows: "Action items detected in a real meeting note, owners matched to members, tasks created with one click.", link: "https://northwind.example/demos/notes-to-tasks-owners", flaggedBy: AISHA, flagNote: "Shows the iterate verdict at work: follow-through features after the checkpoint." },
  { project: "bulk-edit", week: 2, title: "Bulk edit: one-step undo", shows: "Undoing a bulk change of 140 tasks, and what the assignees are told.", link: "https://northwind.example/demos/bulk-edit-undo" },
  { project: "jira-sync", week: 1, title: "Jira sync: mapping statuses both ways", shows: "The status mapping screen and a change made in Jira arriving in Northwind in under five seconds.", link: "https://northwind.example/demos/jira-two-way-mapping", flaggedBy: MARCUS, flagNote: "Engineering-led trials ask for this every week: Sales should see it." },
  { project: "spend-controls", week: 1, title: "Usage forecast on the billing page", shows: "The month-end forecast with its range, for a steady and a spiky workspace.", link: "https://northwind.example/demos/usage-forecast" },
  { project: "onboarding-invites", week: 0, title: "Onboarding invite step, clickable prototype", shows: "The invite step with domain-limited join links, and what happens with an outside address.", link: "https://northwind.example/demos/onboarding-invite-prototype" },
  { project: "slack-digest", week: 0, title: "Slack digest, first draft in a test workspace", shows: "The weekly digest as a lead sees it in Slack, and the two-click setup.", link: "https://northwind.example/demos/slack-digest-draft" },
];

/** The demo day `week` weeks back: the last Thursday before today, then a week earlier per week. */
function demoDay(now: Date, week: number): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
  while (day.getUTCDay() !== 4) day.setUTCDate(day.getUTCDate() - 1);
  day.setUTCDate(day.getUTCDate() - 7 * week);
  return day;
}

/**
 * Writes the project log and the demos. The builders and their managers exist (demo-organisation.ts).
 * Returns each project's id by its key, for the packets that cite them.
 */
export async function seedDemoProjects(db: Db, now: Date): Promise<Map<string, string>> {
  const users = await db.user.findMany({ select: { id: true, email: true, name: true, roles: { select: { role: true } } } });
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const userId = (email: string) => {
    const found = byEmail.get(email);
    if (!found) throw new Error(`Demo projects: no demo user ${email}`);
    return found.id;
  };

  // The process of each track's current version (what createProject pins).
  const processes = new Map<string, { id: string; process: ProjectProcess | undefined }>();
  async function currentOf(track: string) {
    if (!processes.has(track)) {
      const version = await db.rubricVersion.findFirst({ where: { track, retiredAt: null }, orderBy: { version: "desc" } });
      if (!version) throw new Error(`Demo projects: the ${track} track has no rubric version in service`);
      processes.set(track, { id: version.id, process: (JSON.parse(version.content) as Rubric).project_process });
    }
    return processes.get(track)!;
  }

  const ids = new Map<string, string>();
  for (const spec of demoProjects(now)) {
    const what = `“${spec.title}”`;
    const ownerId = userId(spec.owner);
    const builder = await db.builder.findUnique({ where: { userId: ownerId }, select: { track: true, managerId: true, startedAt: true } });
    if (!builder) throw new Error(`Demo projects: ${spec.owner} is not a builder`);
    // A track whose current version defines no process (product-builder v1) has no project log.
    const current = await currentOf(builder.track);
    const process = current.process;
    if (!process) throw new Error(`Demo projects: ${spec.owner}'s track (${builder.track}) has no project process, so no projects`);
    check(builder.startedAt <= spec.created && spec.created <= now, `${what} starts after its owner joined, before now`);

    // The form, as the app parses it.
    const parsed = projectSchema.safeParse({
      intent: "save",
      title: spec.title,
      problem: spec.problem,
      mode: spec.mode,
      team: spec.team ?? "",
      prd: spec.prd,
      approverId: userId(spec.approver),
      decisionDate: spec.decisionDate ?? "",
      links: spec.links.join("\n"),
      metrics: spec.metrics.map((m) => ({ ...m, baseline: String(m.baseline), target: String(m.target) })),
    });
    if (!parsed.success) throw new Error(`Demo projects: ${what} would be refused: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    const input: ProjectInput = parsed.data;
    check(input.approverId !== ownerId, `${what} is approved by someone other than its owner`);
    check(input.links.every((l) => /^https:\/\/([a-z0-9-]+\.)*(northwind\.example|example\.com)(\/|$)/.test(l)), `${what} links only to example domains`);

    // As createProject: the project, its metrics, the "created" event; the version pinned.
    const project = await db.project.create({
      data: {
        ownerId,
        rubricVersionId: current.id,
        ...contentRow(input),
        createdAt: spec.created,
        updatedAt: spec.created,
      },
      select: { id: true },
    });
    ids.set(spec.key, project.id);
    const metricIds: string[] = [];
    for (const [position, m] of input.metrics.entries()) {
      const row = await db.projectMetric.create({
        data: { projectId: project.id, position, name: m.name, unit: m.unit, baseline: m.baseline, target: m.target, direction: m.direction, measurement: m.measurement },
        select: { id: true },
      });
      metricIds.push(row.id);
    }
    await db.rubricVersion.updateMany({
      where: { id: current.id, OR: [{ firstUsedAt: null }, { firstUsedAt: { gt: spec.created } }] },
      data: { firstUsedAt: spec.created },
    });
    const events: Array<{ kind: string; actorId: string; at: Date; note: string; data: Record<string, unknown> }> = [
      { kind: "created", actorId: ownerId, at: spec.created, note: "", data: {} },
    ];

    // Every step through the app's workflow, at its time, by its person.
    let facts: ProjectFacts = {
      status: "draft",
      ownerId,
      managerId: builder.managerId,
      approverId: input.approverId,
      mode: input.mode,
      team: input.team,
      prd: input.prd,
      decisionDate: input.decisionDate ? new Date(`${input.decisionDate}T00:00:00Z`) : null,
      metricIds,
      submittedAt: null,
      approvedAt: null,
      launchedAt: null,
      checkpointRecorded: false,
      escalateToId: null,
      blocked: false,
    };
    let last = spec.created;
    let closed: { at: Date; outcome: ProjectOutcome } | null = null;
    let block: { at: Date; reason: string; escalateToId: string } | null = null;
    for (const step of spec.steps) {
      check(last <= step.at && step.at <= now, `${what}'s steps are in order, before now (${step.kind})`);
      const action: ProjectAction =
        step.kind === "record_checkpoint"
          ? { kind: step.kind, actuals: Object.fromEntries(step.actuals.map((v, i) => [metricIds[i]!, v])), verdict: step.verdict, followUps: step.followUps }
          : step.kind === "block"
            ? { kind: "block", escalateToId: userId(step.escalateTo), reason: step.reason }
            : (({ by: _by, at: _at, ...rest }) => rest)(step);
      if (step.kind === "record_checkpoint") check(step.actuals.length === metricIds.length, `${what}'s checkpoint gives an actual for every metric`);
      const result = transition(facts, action, userId(step.by), step.at, process);
      if (!result.ok) throw new Error(`Demo projects: ${what}: ${step.kind} by ${step.by} would be refused (${result.reason}): ${result.message}`);
      facts = result.facts;
      events.push(result.event);
      last = step.at;
      if (step.kind === "record_checkpoint") {
        await db.projectCheckpoint.create({
          data: { projectId: project.id, recordedById: userId(step.by), recordedAt: step.at, verdict: step.verdict, actuals: JSON.stringify(action.kind === "record_checkpoint" ? action.actuals : {}), followUps: step.followUps },
        });
      }
      if (step.kind === "record_review") {
        await db.projectReview.create({
          data: { projectId: project.id, reviewedById: userId(step.by), reviewedAt: step.at, health: step.health, roi: step.roi, followThrough: step.followThrough, nextReviewOn: step.nextReviewOn },
        });
      }
      if (step.kind === "close") closed = { at: step.at, outcome: step.outcome };
      if (step.kind === "block") block = { at: step.at, reason: step.reason, escalateToId: userId(step.escalateTo) };
    }

    // As the app leaves the row: status and dates from the workflow, one version per change.
    await db.project.update({
      where: { id: project.id },
      data: {
        status: facts.status,
        submittedAt: facts.submittedAt,
        approvedAt: facts.approvedAt,
        launchedAt: facts.launchedAt,
        closedAt: closed?.at ?? null,
        outcome: closed?.outcome ?? null,
        blockedAt: block?.at ?? null,
        blockedReason: block?.reason ?? null,
        escalateToId: block?.escalateToId ?? null,
        version: 1 + spec.steps.length,
        updatedAt: last,
      },
    });
    await db.projectEvent.createMany({
      data: events.map((e) => ({ projectId: project.id, kind: e.kind, actorId: e.actorId, at: e.at, note: e.note, data: JSON.stringify(e.data) })),
    });

    // The states the demo is there to show, checked at `now`.
    if (spec.key === "bulk-edit") check(facts.launchedAt !== null && urgencyOf(checkpointDueAt(facts.launchedAt, process), now) === "due", `${what}'s checkpoint is due now`);
    if (spec.key === "meeting-notes") check(pastDecisionDate({ mode: facts.mode, status: facts.status, decisionDate: facts.decisionDate }, now), `${what} is past its decision date`);
  }

  // Demos, posted by each project's owner (as postDemo), some flagged by a manager (as setDemoFlag).
  const projects = await db.project.findMany({ where: { id: { in: [...ids.values()] } }, select: { id: true, ownerId: true, status: true, launchedAt: true, createdAt: true } });
  for (const demo of DEMOS) {
    const project = projects.find((p) => p.id === ids.get(demo.project));
    if (!project) throw new Error(`Demo projects: no project “${demo.project}” for the demo “${demo.title}”`);
    const demoOn = demoDay(now, demo.week);
    const createdAt = new Date(demoOn.getTime() + 16 * 3600_000);
    const parsed = demoSchema.safeParse({ title: demo.title, shows: demo.shows, link: demo.link, demoOn: demoOn.toISOString().slice(0, 10) });
    if (!parsed.success) throw new Error(`Demo projects: the demo “${demo.title}” would be refused: ${parsed.error.message}`);
    check(project.status !== "closed" || project.launchedAt !== null, `“${demo.title}” is on an open or launched project`);
    check(project.createdAt <= demoOn && createdAt <= now, `“${demo.title}” is shown after its project started, before now`);
    const flagger = demo.flaggedBy ? byEmail.get(demo.flaggedBy) : undefined;
    if (demo.flaggedBy) check(Boolean(flagger?.roles.some((r) => r.role === "manager" || r.role === "admin")), `“${demo.title}” is flagged by a curator`);
    await db.demo.create({
      data: {
        projectId: project.id,
        presenterId: project.ownerId,
        title: parsed.data.title,
        shows: parsed.data.shows,
        link: parsed.data.link,
        demoOn,
        createdAt,
        ...(flagger ? { flaggedById: flagger.id, flaggedAt: new Date(createdAt.getTime() + 3600_000), flagNote: demo.flagNote ?? "" } : {}),
      },
    });
  }
  return ids;
}

function check(condition: boolean, rule: string): void {
  if (!condition) throw new Error(`Demo projects: expected ${rule}`);
}
