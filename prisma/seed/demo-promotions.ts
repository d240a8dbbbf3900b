import { evidenceData, tagRows } from "~/data/packet-drafts.server";
import { decisionRow } from "~/data/packet-workflow.server";
import { findPacket } from "~/data/packets.server";
import type { Prisma } from "~/generated/prisma/client";
import { isLevel, type Level } from "~/domain/levels";
import { coverageRequirements, packetCoverage } from "~/domain/promotion/coverage";
import { assessmentSchema, evidenceSchema, packetSummarySchema, promotionDecisionSchema, statementSchema } from "~/domain/promotion/forms";
import { buildSnapshot, submissionProblems, targetCriteria } from "~/domain/promotion/snapshot";
import { isPacketTarget, type PromotionOutcome } from "~/domain/promotion/workflow";
import type { Rubric } from "~/domain/rubric/schema";

/**
 * Northwind Labs' promotion packets, one in every state, written in exactly the shape the app
 * writes them (app/data/packet-drafts.server.ts, app/data/packet-workflow.server.ts). Every packet
 * pins the builder's rubric version (builder v2). Times are relative to `now`, in UTC working
 * hours, except Lucas's packet, which records his promotion of 2025-03-01 already in his history.
 *
 * - Bea Novak (L5 → L6, Marcus Chen): a draft with gaps. Three evidence items; scope is met,
 *   strategy, cross-team leadership and mentoring are partial, external thought leadership is
 *   missing. Marcus has assessed two of the five criteria, so it cannot be submitted yet. Grace Kim
 *   has written a statement; Leo Martins is invited and has not.
 * - Mei Lin (L5 → L6, Aisha Rahman): submitted two days ago and clearly ready: every criterion and
 *   competency L6 asks for is met, Aisha has assessed all five, two peers have written. Her Insights
 *   item cites her project (demo-projects.ts), so the snapshot freezes its recorded outcome.
 * - Samuel Osei (L6 → L7, Aisha): in review with Tomás Berg; covered except external thought
 *   leadership (one item of the two L7 asks for).
 * - Noah Fischer (L4 → L5, Aisha): decided "not yet" by Priya Natarajan about three months ago,
 *   with feedback on every criterion. He stays L4.
 * - Lucas Moreau (L5 → L6, Aisha): decided "promoted" by Tomás on 2025-03-01. His existing history
 *   entry for that promotion is linked to the packet; his level and pay are left as they are.
 *
 * Every summary, evidence item, statement, assessment and decision is checked against the form
 * schema the app uses, and snapshots are built by the app's own `buildSnapshot` from the packet as
 * `findPacket` reads it, so the demo can never hold a packet the app would refuse.
 */

type Db = Prisma.TransactionClient;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const BEA = "builder@northwind.example";
const MARCUS = "manager@northwind.example";
const AISHA = "aisha.rahman@northwind.example";
const PRIYA = "promotions@northwind.example";
const TOMAS = "tomas.berg@northwind.example";
const LEO = "leo.martins@northwind.example";
const YUKI = "yuki.tanaka@northwind.example";
const GRACE = "grace.kim@northwind.example";
const AMARA = "amara.eze@northwind.example";
const LUCAS = "lucas.moreau@northwind.example";
const INES = "ines.costa@northwind.example";
const NOAH = "noah.fischer@northwind.example";
const MEI = "mei.lin@northwind.example";
const SAMUEL = "samuel.osei@northwind.example";

/** Who did something, and when. */
type Act = { by: string; at: Date };

type EvidenceSpec = {
  key: string;
  title: string;
  description: string;
  impact: string;
  links: string[];
  /** Calendar dates, YYYY-MM-DD; no end date while the work goes on. */
  startDate: string;
  endDate?: string;
  criteria: string[];
  competencies: string[];
  /** The builder's own launched project the item cites (its key in demo-projects.ts). */
  project?: string;
  added: Act;
  /** A later edit: version 2. */
  edited?: Act;
};

type PacketSpec = {
  builder: string;
  fromLevel: Level;
  targetLevel: Level;
  created: Act;
  /** The last save of the summary, and how many saves there were (each raises the packet's version). */
  summary: { text: string; saved: Act; saves: number };
  evidence: EvidenceSpec[];
  peers: Array<{ email: string; invited: Act; statements: Array<{ evidence: string; text: string; at: Date }> }>;
  /** The manager's assessments; `revised` adds a second save (version 2). */
  assessments: Array<{ criterion: string; rating: number; comment: string; by: string; at: Date; revised?: Date }>;
  /** What the coverage must say of the evidence: the story each packet tells depends on it. */
  coverage: "ready" | "gaps";
  submitted?: Act & { baseAtSubmission?: number };
  reviewStarted?: Act;
  decision?: Act & {
    outcome: PromotionOutcome;
    rationale: string;
    feedback: Record<string, string>;
    newBaseSalary?: number;
    bandJustification?: string;
  };
};

/**
 * `days` from now's date at a UTC working time. A past date that falls on a weekend moves to the
 * Friday before, so past stays past.
 */
function workingDay(now: Date, days: number, hour: number, minute = 0): Date {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, hour, minute));
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() - 1);
  return date;
}

/** The calendar date `days` from now's date, YYYY-MM-DD. */
function calendarDay(now: Date, days: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days)).toISOString().slice(0, 10);
}

/** As packet-drafts.server.ts stores evidence dates: UTC midnight. */

const at = (iso: string) => new Date(`${iso}:00Z`);

function demoPackets(now: Date): PacketSpec[] {
  const day = (days: number, hour: number, minute = 0) => workingDay(now, days, hour, minute);
  const date = (days: number) => calendarDay(now, days);

  const bea: PacketSpec = {
    builder: BEA,
    fromLevel: "L5",
    targetLevel: "L6",
    created: { by: BEA, at: day(-24, 10, 5) },
    summary: {
      saved: { by: BEA, at: day(-9, 16, 45) },
      saves: 3,
      text:
        "Since my promotion to L5 I have moved from owning features to proposing projects that need several teams. " +
        "I proposed and led workspace import with Integrations and Support, and I made the case for a usage component on the Team plan, " +
        "which leadership is now building next year's pricing on.\n\n" +
        "What is not in here yet: I have not presented our work outside Northwind, and my mentoring has been one builder so far. " +
        "I am submitting a talk on the import project to a product meetup and have offered to mentor Omar Haddad as he ramps up.",
    },
    evidence: [
      {
        key: "import",
        title: "Workspace import from Asana and Trello",
        description:
          "Proposed the project after 40% of lost trials in our win/loss notes named switching cost. Wrote the spec, ran 12 customer calls on what a " +
          "migrated board must keep, built the queue-backed import workers and the field-mapping screen, and set up a weekly sync with Integrations " +
          "and Support that owned one decision log. Paused the rollout for a day when large Trello boards lost attachments and wrote the customer note myself.",
        impact:
          "1,900 workspaces imported in the first 10 weeks. Trial-to-paid conversion for teams that import is 21% against 14% for those that don't; " +
          "migration-related support tickets fell 38%.",
        links: ["https://northwind.example/changelog/workspace-import", "https://docs.northwind.example/specs/workspace-import"],
        startDate: date(-260),
        endDate: date(-150),
        criteria: ["expanding_scope", "cross_team_leadership"],
        competencies: ["technical_depth", "customer_obsession", "shipping_excellence"],
        added: { by: BEA, at: day(-24, 10, 40) },
        edited: { by: BEA, at: day(-9, 16, 20) },
      },
      {
        key: "pricing",
        title: "Seat-plus-usage pricing test on the Team plan",
        description:
          "Wrote the proposal to add automation runs as a usage component to the Team plan, modelled it with Finance on 18 months of billing data, " +
          "built the metering and the pricing-page variant, and ran a six-week test on new sign-ups.",
        impact:
          "Average revenue per new Team account rose 11% (USD 412 to 457 a month) with no measurable change in conversion (−0.3 points, within noise). " +
          "Leadership adopted the usage meter as the basis for next year's pricing.",
        links: ["https://docs.northwind.example/proposals/team-plan-usage-pricing", "https://example.com/northwind/experiments/team-usage-pricing-results"],
        startDate: date(-140),
        endDate: date(-60),
        criteria: ["strategic_influence", "expanding_scope"],
        competencies: ["product_sense", "business_sense", "growth_expertise"],
        added: { by: BEA, at: day(-23, 14) },
      },
      {
        key: "mentoring",
        title: "Mentoring Leo Martins through his first end-to-end launch",
        description:
          "Weekly pairing and spec reviews with Leo while he built Slack alerts. Taught him to test the alert-settings flow with five customers before " +
          "building it, and sat in on his 28-day milestone review rather than running it for him.",
        impact:
          "Leo shipped Slack alerts in seven weeks; 640 workspaces connected it in the first month. He now runs the spec reviews for the integrations squad.",
        links: ["https://northwind.example/changelog/slack-alerts"],
        startDate: date(-120),
        criteria: ["mentoring"],
        competencies: ["design_thinking"],
        added: { by: MARCUS, at: day(-16, 11, 30) },
      },
    ],
    peers: [
      {
        email: GRACE,
        invited: { by: MARCUS, at: day(-15, 9, 30) },
        statements: [
          {
            evidence: "import",
            at: day(-12, 15, 10),
            text:
              "I built the field-mapping screens with Bea. She kept Integrations, Support and us on one decision log, so nobody waited for a meeting to get unblocked. " +
              "When large Trello boards started losing attachments she paused the rollout that afternoon, told Support exactly what to say, and had a fix out the next day.",
          },
        ],
      },
      { email: LEO, invited: { by: MARCUS, at: day(-15, 9, 32) }, statements: [] },
    ],
    assessments: [
      {
        criterion: "expanding_scope",
        rating: 4,
        by: MARCUS,
        at: day(-6, 17),
        comment:
          "Both projects were Bea's proposals, not assignments. Workspace import needed two other teams and she led it from the problem statement to the 28-day review.",
      },
      {
        criterion: "cross_team_leadership",
        rating: 3,
        by: MARCUS,
        at: day(-6, 17, 20),
        comment:
          "Import shows she can align Integrations and Support without authority. I want a second example at that scale before I would call it L6.",
      },
    ],
    coverage: "gaps",
  };

  const mei: PacketSpec = {
    builder: MEI,
    fromLevel: "L5",
    targetLevel: "L6",
    created: { by: AISHA, at: day(-41, 9, 50) },
    summary: {
      saved: { by: AISHA, at: day(-6, 11, 15) },
      saves: 4,
      text:
        "Mei has worked at L6 for the past three quarters. She founded Insights, now a team of five, from churn interviews nobody had asked her to run; " +
        "she aligned Sales, Security and Platform behind enterprise SSO without authority over any of them; and her sales-assist memo is the reference " +
        "for next year's growth bets.\n\n" +
        "Outside the team she spoke at the Product Builders Summit, and inside it she grows builders: Inês Costa led her first cross-team launch with Mei's " +
        "coaching, and the weekly design critique Mei started has changed nine flows before they were built.",
    },
    evidence: [
      {
        key: "insights",
        title: "Founded Insights, the in-app analytics surface for workspace admins",
        description:
          "Ran 15 churn interviews that pointed to admins unable to show their team's usage upward. Proposed Insights, built the first version (event " +
          "pipeline, aggregates, dashboards) with one engineer, then made the case for a dedicated team and recruited two engineers and a designer into it.",
        impact:
          "Adopted by 2,300 admin accounts in four months. Workspaces whose admins use Insights renew at 94% against 86%; Insights is now a standalone team of five.",
        links: ["https://northwind.example/product/insights", "https://docs.northwind.example/proposals/insights"],
        startDate: date(-330),
        endDate: date(-150),
        criteria: ["expanding_scope", "strategic_influence", "cross_team_leadership"],
        competencies: ["technical_depth", "product_sense", "business_sense", "shipping_excellence"],
        // Her project log holds it: the committee reads its recorded outcome (checkpoint, review, staffed up).
        project: "insights",
        added: { by: MEI, at: day(-41, 10, 30) },
      },
      {
        key: "sso",
        title: "Enterprise SSO and SCIM launch across Sales, Security and Platform",
        description:
          "Took over a stalled SAML/SCIM project, agreed one launch plan with the Security and Platform leads and the enterprise sales team, ran a " +
          "twice-weekly launch stand-up, and wrote the admin setup guide with Support.",
        impact:
          "Unblocked 31 enterprise deals worth USD 2.4M ARR that were stuck in security review. Launched three weeks before the sales kick-off date with no P1 incidents.",
        links: ["https://northwind.example/changelog/enterprise-sso", "https://docs.northwind.example/admin/sso-setup"],
        startDate: date(-240),
        endDate: date(-170),
        criteria: ["expanding_scope", "cross_team_leadership"],
        competencies: ["customer_obsession", "shipping_excellence", "business_sense"],
        added: { by: MEI, at: day(-40, 11) },
        edited: { by: AISHA, at: day(-20, 12) },
      },
      {
        key: "memo",
        title: "Self-serve to sales-assist strategy memo",
        description:
          "Wrote the memo that defines when a self-serve workspace is handed to sales-assist (a product-qualified-lead threshold), tested three thresholds " +
          "against last year's cohorts and presented it at annual planning.",
        impact:
          "Leadership adopted it: sales-assist now engages workspaces above 25 active seats, and pipeline from self-serve is up 34% over two quarters.",
        links: ["https://docs.northwind.example/strategy/sales-assist-memo"],
        startDate: date(-200),
        endDate: date(-150),
        criteria: ["strategic_influence"],
        competencies: ["product_sense", "growth_expertise"],
        added: { by: MEI, at: day(-38, 15) },
      },
      {
        key: "talk",
        title: "Talk at the Product Builders Summit: “Shipping a product surface with five people”",
        description:
          "Spoke to 450 attendees on how we validated the Insights dashboards with six customer prototypes before writing production code, and published the write-up on our engineering blog.",
        impact: "The write-up has 18,000 reads; three of this year's Builder applicants cited it in their first interview.",
        links: ["https://example.com/product-builders-summit/talks/shipping-with-five-people", "https://northwind.example/blog/shipping-a-product-surface-with-five-people"],
        startDate: date(-110),
        endDate: date(-110),
        criteria: ["external_thought_leadership"],
        competencies: ["design_thinking"],
        added: { by: MEI, at: day(-34, 10) },
      },
      {
        key: "ines",
        title: "Mentoring Inês Costa to lead her first cross-team launch",
        description:
          "Fortnightly one-to-ones with Inês, reviews of her audit-log spec and launch plan, and a dry run of her 28-day milestone review.",
        impact: "Inês led the audit-log launch; 60% of enterprise workspaces enabled it within six weeks. She now reviews specs for two other builders.",
        links: ["https://northwind.example/changelog/audit-log"],
        startDate: date(-180),
        endDate: date(-60),
        criteria: ["mentoring"],
        competencies: [],
        added: { by: MEI, at: day(-33, 14) },
      },
      {
        key: "crit",
        title: "Started the weekly builder design critique",
        description:
          "Set up a 45-minute weekly critique where builders and engineers bring flows before building them, and wrote the checklist we use (job to be done, empty states, the riskiest assumption).",
        impact: "14 people attend regularly; nine flows changed before build; rework tickets in the month after launch fell 27%.",
        links: ["https://wiki.northwind.example/builders/design-critique"],
        startDate: date(-150),
        criteria: ["mentoring"],
        competencies: ["design_thinking"],
        added: { by: MEI, at: day(-33, 14, 30) },
      },
    ],
    peers: [
      {
        email: LUCAS,
        invited: { by: AISHA, at: day(-36, 9) },
        statements: [
          {
            evidence: "sso",
            at: day(-28, 14),
            text:
              "I was the Platform lead on SSO. Before Mei took it over it had slipped twice because Security and Sales wanted different first customers. " +
              "She got us to one list of five design partners in a week and ran the stand-up so tightly that it never went over 15 minutes. It is the smoothest enterprise launch I have been part of here.",
          },
        ],
      },
      {
        email: INES,
        invited: { by: AISHA, at: day(-36, 9, 5) },
        statements: [
          {
            evidence: "ines",
            at: day(-27, 10, 30),
            text:
              "Mei never wrote my spec for me, but she asked the question that changed it: who reads the audit log, and when? That moved us from a raw event list to exports for compliance reviews, " +
              "which is what the enterprise customers actually use. The dry run before my 28-day review was the most useful hour of the project.",
          },
        ],
      },
    ],
    assessments: [
      {
        criterion: "expanding_scope",
        rating: 4,
        by: AISHA,
        at: day(-5, 9, 30),
        comment: "Founded Insights from her own research and grew it into a team of five: the opportunistic team founder L6 describes.",
      },
      {
        criterion: "strategic_influence",
        rating: 3,
        by: AISHA,
        at: day(-5, 9, 45),
        revised: day(-4, 14),
        comment: "The sales-assist memo changed the annual plan, and leadership now asks for her view on growth bets. Consistent rather than exceptional so far.",
      },
      {
        criterion: "cross_team_leadership",
        rating: 4,
        by: AISHA,
        at: day(-5, 10),
        comment: "SSO needed Security, Platform and Sales to agree on one plan; she did it without authority over any of them and shipped early.",
      },
      {
        criterion: "external_thought_leadership",
        rating: 3,
        by: AISHA,
        at: day(-5, 10, 15),
        comment: "One well-received external talk with a write-up that still brings us candidates. Meets the bar.",
      },
      {
        criterion: "mentoring",
        rating: 3,
        by: AISHA,
        at: day(-4, 11),
        comment: "Inês cites her as the reason she led a cross-team launch, and the design critique reaches the whole builder group.",
      },
    ],
    coverage: "ready",
    submitted: { by: AISHA, at: day(-2, 16, 15) },
  };

  const samuel: PacketSpec = {
    builder: SAMUEL,
    fromLevel: "L6",
    targetLevel: "L7",
    created: { by: SAMUEL, at: day(-62, 9, 30) },
    summary: {
      saved: { by: SAMUEL, at: day(-30, 16) },
      saves: 3,
      text:
        "Over the last two years I have led three company-level bets from zero to one: EU data residency, the public API and partner marketplace, and AI ticket triage. " +
        "Together they account for about USD 4.5M of new ARR and two new customer segments.\n\n" +
        "I also wrote the Builder playbook, which we now use to onboard every new builder, and I run the mentoring circle for L5 and L6 builders across both teams.",
    },
    evidence: [
      {
        key: "residency",
        title: "Founded the EU data residency offering",
        description:
          "Made the case to the leadership team for an EU region after losing 14 DACH and Nordic deals in a year, designed the tenant placement and migration " +
          "tooling with Platform, and ran the launch with Legal, Sales and Customer Success.",
        impact: "USD 3.1M new ARR in the first two quarters; 11 existing accounts migrated with no downtime; the EU region now hosts 22% of enterprise workspaces.",
        links: ["https://northwind.example/security/data-residency", "https://docs.northwind.example/proposals/eu-region"],
        startDate: date(-560),
        endDate: date(-330),
        criteria: ["expanding_scope", "strategic_influence", "cross_team_leadership"],
        competencies: ["technical_depth", "business_sense", "customer_obsession", "shipping_excellence"],
        added: { by: SAMUEL, at: day(-62, 10) },
      },
      {
        key: "platform",
        title: "Set the public API v2 and partner marketplace strategy",
        description:
          "Wrote the platform strategy adopted by the executive team: a versioned public API, OAuth apps and a partner marketplace. Designed API v2 and recruited the first eight launch partners.",
        impact: "42 partner integrations are live. Accounts with two or more integrations churn at 4% against 11%, and the marketplace sources 18% of new trials.",
        links: ["https://developers.northwind.example/api/v2", "https://northwind.example/marketplace"],
        startDate: date(-420),
        endDate: date(-200),
        criteria: ["expanding_scope", "strategic_influence"],
        competencies: ["technical_depth", "product_sense", "business_sense", "growth_expertise"],
        added: { by: SAMUEL, at: day(-61, 11) },
      },
      {
        key: "triage",
        title: "Led the AI ticket triage bet from prototype to general availability",
        description:
          "Prototyped triage on our own support queue in two weeks, ran a 20-customer beta, and led Support Engineering, Data and Sales through pricing and launch as a paid add-on.",
        impact: "Used by 1,100 support teams; their median first-response time fell 37%. The add-on brought in USD 1.4M ARR in its first three quarters.",
        links: ["https://northwind.example/product/ai-triage", "https://northwind.example/blog/how-we-built-ai-triage"],
        startDate: date(-300),
        endDate: date(-90),
        criteria: ["expanding_scope", "strategic_influence", "cross_team_leadership"],
        competencies: ["product_sense", "design_thinking", "customer_obsession", "shipping_excellence"],
        added: { by: SAMUEL, at: day(-60, 14) },
      },
      {
        key: "playbook",
        title: "Published the Builder playbook",
        description:
          "Wrote the playbook on how a builder takes a problem from customer insight to launch at Northwind, published it on our blog and turned it into the onboarding track for new builders.",
        impact: "22,000 reads; every builder hired this year went through the onboarding track, and four senior candidates cited the playbook as the reason they applied.",
        links: ["https://northwind.example/blog/the-builder-playbook", "https://wiki.northwind.example/builders/onboarding-track"],
        startDate: date(-250),
        endDate: date(-200),
        criteria: ["external_thought_leadership", "mentoring"],
        competencies: [],
        added: { by: SAMUEL, at: day(-55, 10) },
      },
      {
        key: "circle",
        title: "Runs the mentoring circle for L5 and L6 builders",
        description:
          "A monthly circle for the L5 and L6 builders in both teams; each member takes a stretch project with Samuel as sponsor. Mei Lin and Grace Kim both led cross-team projects through it.",
        impact: "Two members now lead cross-team projects; members rate it 4.7 out of 5; no builder in either team has left since it started.",
        links: ["https://wiki.northwind.example/builders/mentoring-circle"],
        startDate: date(-400),
        criteria: ["mentoring"],
        competencies: [],
        added: { by: SAMUEL, at: day(-50, 15) },
      },
    ],
    peers: [
      {
        email: AMARA,
        invited: { by: AISHA, at: day(-52, 9, 15) },
        statements: [
          {
            evidence: "platform",
            at: day(-45, 11),
            text:
              "The platform strategy is the one document from last year that the executive team still quotes. Samuel did not just argue for a marketplace: " +
              "he signed the first eight partners himself, which is why it had integrations on day one instead of an empty storefront.",
          },
        ],
      },
      {
        email: YUKI,
        invited: { by: AISHA, at: day(-52, 9, 20) },
        statements: [
          {
            evidence: "triage",
            at: day(-44, 16, 30),
            text:
              "I built the billing side of the triage add-on. Samuel ran the beta on our own queue first, so by the time customers saw it we already knew where it misrouted. " +
              "He also killed the auto-reply feature two weeks before launch when the beta showed it hurt CSAT, which was the right call.",
          },
        ],
      },
    ],
    assessments: [
      {
        criterion: "expanding_scope",
        rating: 4,
        by: AISHA,
        at: day(-18, 14),
        comment: "Three company bets from zero to one, one of them a new market. This is the L7 bar.",
      },
      {
        criterion: "strategic_influence",
        rating: 4,
        by: AISHA,
        at: day(-18, 14, 20),
        comment: "The platform strategy set product direction for the whole company, not only for his teams.",
      },
      {
        criterion: "cross_team_leadership",
        rating: 3,
        by: AISHA,
        at: day(-18, 14, 40),
        comment: "Data residency and triage both spanned go-to-market and several engineering teams. Meets the bar.",
      },
      {
        criterion: "external_thought_leadership",
        rating: 2,
        by: AISHA,
        at: day(-17, 10),
        comment: "The playbook is strong, but it is one piece. L7 asks for a recognised voice outside the company; he has turned down every speaking invitation so far.",
      },
      {
        criterion: "mentoring",
        rating: 3,
        by: AISHA,
        at: day(-17, 10, 20),
        comment: "The circle and the onboarding track shape how we grow builders across both teams.",
      },
    ],
    coverage: "gaps",
    submitted: { by: AISHA, at: day(-14, 11) },
    reviewStarted: { by: TOMAS, at: day(-6, 10) },
  };

  const noah: PacketSpec = {
    builder: NOAH,
    fromLevel: "L4",
    targetLevel: "L5",
    created: { by: NOAH, at: day(-150, 10) },
    summary: {
      saved: { by: AISHA, at: day(-132, 15) },
      saves: 2,
      text:
        "Noah has become the person the team trusts with hard back-end problems: he rebuilt CSV export for our largest workspaces and redesigned notification digests from customer feedback. " +
        "This packet asks whether that adds up to leading projects end to end at L5.",
    },
    evidence: [
      {
        key: "export",
        title: "Rebuilt CSV export for large workspaces",
        description:
          "Replaced the synchronous export with a streamed background job, added progress and email delivery, and load-tested it against our ten largest workspaces.",
        impact: "Exports over 100,000 rows went from an 8% failure rate to 99.7% success; p95 export time fell from four minutes to 40 seconds.",
        links: ["https://northwind.example/changelog/faster-exports"],
        startDate: date(-400),
        endDate: date(-330),
        criteria: ["expanding_scope"],
        competencies: ["technical_depth", "shipping_excellence"],
        added: { by: NOAH, at: day(-150, 10, 30) },
      },
      {
        key: "digests",
        title: "Proposed per-channel notification digests",
        description:
          "Read 200 unsubscribe reasons, proposed daily and weekly digests per channel, got the idea onto the team roadmap and designed the settings screen with our designer.",
        impact: "Unsubscribes from notification emails fell from 3.1% to 1.2% a month; weekly active admins rose 6%.",
        links: ["https://docs.northwind.example/proposals/notification-digests", "https://northwind.example/changelog/notification-digests"],
        startDate: date(-300),
        endDate: date(-220),
        criteria: ["strategic_influence"],
        competencies: ["product_sense", "design_thinking", "customer_obsession"],
        added: { by: NOAH, at: day(-149, 14) },
      },
      {
        key: "zendesk",
        title: "Coordinated the Zendesk sync fix with Support",
        description: "Worked with Support to reproduce duplicate tickets from the Zendesk sync, shipped the fix and agreed a status update for the 60 affected customers.",
        impact: "Duplicate tickets from the sync dropped to zero; the affected customers were told within two days, and none escalated.",
        links: ["https://status.northwind.example/incidents/zendesk-sync-duplicates"],
        startDate: date(-210),
        endDate: date(-195),
        criteria: ["cross_team_leadership"],
        competencies: ["customer_obsession"],
        added: { by: NOAH, at: day(-147, 11) },
      },
    ],
    peers: [
      {
        email: MEI,
        invited: { by: AISHA, at: day(-144, 9) },
        statements: [
          {
            evidence: "export",
            at: day(-138, 13, 45),
            text:
              "Insights depends on the export job, so I watched this closely. Noah load-tested against real workspace sizes before anyone asked him to, and the new job has not paged us once. " +
              "Technically it is excellent work; the scope was one team's problem.",
          },
        ],
      },
    ],
    assessments: [
      {
        criterion: "expanding_scope",
        rating: 2,
        by: AISHA,
        at: day(-128, 10),
        comment: "Export was well run, but it is one feature-sized project. L5 asks for multi-month projects led end to end, including the 28-day review.",
      },
      {
        criterion: "strategic_influence",
        rating: 3,
        by: AISHA,
        at: day(-128, 10, 15),
        comment: "The digests proposal came from his own research and changed the team's roadmap.",
      },
      {
        criterion: "cross_team_leadership",
        rating: 3,
        by: AISHA,
        at: day(-128, 10, 30),
        comment: "Handled the Zendesk fix with Support well; still a small coordination, not a launch.",
      },
      {
        criterion: "external_thought_leadership",
        rating: 2,
        by: AISHA,
        at: day(-128, 10, 45),
        comment: "Not required for L5. He has not yet presented his work beyond the team.",
      },
      {
        criterion: "mentoring",
        rating: 2,
        by: AISHA,
        at: day(-128, 11),
        comment: "Reviews code carefully, but has not mentored anyone yet.",
      },
    ],
    coverage: "gaps",
    submitted: { by: AISHA, at: day(-126, 16) },
    reviewStarted: { by: PRIYA, at: day(-118, 10) },
    decision: {
      by: PRIYA,
      at: day(-104, 14),
      outcome: "not_yet",
      rationale:
        "Not yet. Noah's execution is already at the L5 bar on individual features, but the packet shows one project led end to end rather than the several multi-month projects L5 asks for, and no mentoring yet. " +
        "We expect a strong packet within two or three quarters.",
      feedback: {
        expanding_scope: "Lead a multi-month project end to end, including its success metrics and the 28-day milestone review, and bring a second one into the next packet.",
        strategic_influence: "The digests proposal meets the bar: keep tying proposals to the team's metrics, as you did with the unsubscribe rate.",
        cross_team_leadership: "Good coordination with Support. Next, lead a launch where design and go-to-market have to move with you.",
        external_thought_leadership: "Not required for L5, but a demo or write-up of the export rebuild would help others and make your work visible.",
        mentoring: "Take on a new joiner and pair with them through their first launch.",
      },
    },
  };

  const lucas: PacketSpec = {
    builder: LUCAS,
    fromLevel: "L5",
    targetLevel: "L6",
    created: { by: LUCAS, at: at("2025-01-13T10:00") },
    summary: {
      saved: { by: AISHA, at: at("2025-02-03T16:30") },
      saves: 3,
      text:
        "Lucas proposed and led the cross-team reliability programme that took us from 99.82% to 99.97% monthly availability, founded the status page, " +
        "and turned reliability into an Enterprise plan commitment. He spoke about error budgets at the Reliability Engineering Summit and grew two engineers into on-call leads.",
    },
    evidence: [
      {
        key: "reliability",
        title: "Led the cross-team reliability programme",
        description:
          "Proposed and led a two-quarter programme across Platform, Billing and Integrations: an SLO per customer-facing journey, shared error budgets, and a weekly incident-review rota.",
        impact: "Monthly availability rose from 99.82% to 99.97%; P1 incidents fell from nine a quarter to two; credits paid to enterprise customers for downtime fell by USD 180k a year.",
        links: ["https://docs.northwind.example/proposals/reliability-programme", "https://wiki.northwind.example/platform/slos"],
        startDate: "2024-04-01",
        endDate: "2024-12-20",
        criteria: ["expanding_scope", "strategic_influence", "cross_team_leadership"],
        competencies: ["technical_depth", "business_sense", "customer_obsession", "shipping_excellence"],
        added: { by: LUCAS, at: at("2025-01-13T10:30") },
      },
      {
        key: "status",
        title: "Founded the public status page and incident communications",
        description:
          "Built the status page and the incident-update templates, and set up the hand-off with Support and Customer Success so customers hear about an incident from us first.",
        impact: "Support tickets during incidents fell 52%; 1,200 customer subscribers in three months; Sales now uses our uptime history in security reviews.",
        links: ["https://status.northwind.example", "https://northwind.example/blog/introducing-our-status-page"],
        startDate: "2024-06-03",
        endDate: "2024-09-13",
        criteria: ["expanding_scope", "cross_team_leadership"],
        competencies: ["product_sense", "design_thinking", "shipping_excellence"],
        added: { by: LUCAS, at: at("2025-01-14T11:00") },
      },
      {
        key: "sla",
        title: "Made reliability an Enterprise plan commitment",
        description: "Modelled a 99.95% SLA with Finance and Legal from the programme's data and proposed it as an Enterprise add-on; leadership made reliability a pillar of the annual plan.",
        impact: "38 accounts bought the SLA add-on in its first quarter, worth USD 640k ARR.",
        links: ["https://northwind.example/enterprise/sla"],
        startDate: "2024-09-02",
        endDate: "2024-12-06",
        criteria: ["strategic_influence"],
        competencies: ["product_sense", "business_sense", "growth_expertise"],
        added: { by: LUCAS, at: at("2025-01-14T15:20") },
        edited: { by: AISHA, at: at("2025-01-22T09:40") },
      },
      {
        key: "reliability-summit",
        title: "Talk at the Reliability Engineering Summit: “Error budgets for product teams”",
        description: "Spoke on how product builders, not only SREs, can own error budgets, using the programme's numbers; the recording and slides are public.",
        impact: "300 attendees; the recording has 9,000 views, and two engineers from other companies asked to visit our incident review.",
        links: ["https://example.com/reliability-summit/talks/error-budgets-for-product-teams"],
        startDate: "2024-11-14",
        endDate: "2024-11-14",
        criteria: ["external_thought_leadership"],
        competencies: [],
        added: { by: LUCAS, at: at("2025-01-15T10:00") },
      },
      {
        key: "oncall",
        title: "Grew two engineers into on-call leads",
        description: "Paired with Inês Costa and a Platform engineer through their first incidents as incident commander, and reviewed their post-incident write-ups.",
        impact: "Both now lead incidents on their own; the on-call rota grew from four leads to six, and median time to mitigate fell from 48 to 31 minutes.",
        links: ["https://wiki.northwind.example/platform/incident-commander-guide"],
        startDate: "2024-05-06",
        endDate: "2024-12-20",
        criteria: ["mentoring"],
        competencies: [],
        added: { by: LUCAS, at: at("2025-01-15T14:00") },
      },
      {
        key: "training",
        title: "Incident-review training for builders and engineers",
        description: "Wrote and ran a two-hour blameless incident-review course, now part of engineering onboarding.",
        impact: "30 people trained in the first run; post-incident reviews are now written within five days on average instead of 19.",
        links: ["https://wiki.northwind.example/onboarding/incident-review-course"],
        startDate: "2024-10-07",
        endDate: "2024-10-31",
        criteria: ["mentoring"],
        competencies: [],
        added: { by: AISHA, at: at("2025-01-20T10:15") },
      },
    ],
    peers: [
      {
        email: SAMUEL,
        invited: { by: AISHA, at: at("2025-01-20T11:00") },
        statements: [
          {
            evidence: "reliability",
            at: at("2025-01-27T15:30"),
            text:
              "The programme worked because Lucas made error budgets a product decision rather than an SRE rule. Billing and Integrations signed up because he showed each team its own customer-facing numbers, and he never needed anyone's manager to push them.",
          },
        ],
      },
      {
        email: AMARA,
        invited: { by: AISHA, at: at("2025-01-20T11:02") },
        statements: [
          {
            evidence: "sla",
            at: at("2025-01-29T09:50"),
            text:
              "I sat in the planning session where Lucas presented the SLA model. He had the downtime cost per segment and the credit exposure ready, which is why leadership agreed in one meeting instead of three.",
          },
        ],
      },
    ],
    assessments: [
      { criterion: "expanding_scope", rating: 4, by: AISHA, at: at("2025-02-04T14:00"), comment: "Proposed and led a cross-team programme and founded the status page: clear L6 scope." },
      { criterion: "strategic_influence", rating: 3, by: AISHA, at: at("2025-02-04T14:15"), comment: "Reliability became a pillar of the annual plan on his proposal." },
      { criterion: "cross_team_leadership", rating: 4, by: AISHA, at: at("2025-02-04T14:30"), comment: "Aligned three teams and their leads around shared error budgets without formal authority." },
      { criterion: "external_thought_leadership", rating: 3, by: AISHA, at: at("2025-02-04T14:45"), comment: "The Reliability Engineering Summit talk meets the bar." },
      { criterion: "mentoring", rating: 3, by: AISHA, at: at("2025-02-04T15:00"), comment: "Two new incident leads, and a course that is now part of onboarding." },
    ],
    coverage: "ready",
    submitted: { by: AISHA, at: at("2025-02-05T15:00"), baseAtSubmission: 233000 },
    reviewStarted: { by: PRIYA, at: at("2025-02-12T10:00") },
    decision: {
      // As decidePacket: the promotion takes effect at the decision (his history says 2025-03-01).
      by: TOMAS,
      at: at("2025-03-01T09:00"),
      outcome: "promoted",
      rationale:
        "Led the cross-team reliability programme.\n" +
        "Every criterion L6 asks for is evidenced, and the manager's assessments and both peer statements agree. The new base of USD 252,000 is an 8.2% raise, above the rubric's 8% minimum and inside the L6 band.",
      feedback: {
        external_thought_leadership: "One talk meets L6. For L7, look for a steady external voice: write up the programme and keep speaking.",
      },
      newBaseSalary: 252000,
    },
  };

  return [lucas, noah, samuel, mei, bea];
}

/** Writes the demo packets. Expects the demo users and builders, and the published builder rubrics. */
export async function seedDemoPromotions(db: Db, now: Date, projectIds: ReadonlyMap<string, string> = new Map()): Promise<void> {
  const users = await db.user.findMany({ include: { roles: true } });
  const userByEmail = new Map(users.map((u) => [u.email, u]));
  const user = (email: string, role?: string) => {
    const found = userByEmail.get(email);
    if (!found) throw new Error(`Demo promotions: no user ${email}`);
    if (role && !found.roles.some((r) => r.role === role)) throw new Error(`Demo promotions: ${email} is not a ${role}`);
    return found;
  };
  const userId = (email: string, role?: string) => user(email, role).id;

  const specs = demoPackets(now);
  const open = new Set<string>();
  for (const spec of specs) {
    const what = `${spec.builder}'s packet for ${spec.targetLevel}`;
    const builder = await db.builder.findUnique({
      where: { userId: userId(spec.builder, "builder") },
      include: { rubricVersion: true, levelHistory: { orderBy: { effectiveAt: "asc" } } },
    });
    if (!builder) throw new Error(`Demo promotions: ${spec.builder} has no builder record`);
    if (!builder.rubricVersion) throw new Error(`Demo promotions: ${spec.builder} is pinned to no rubric version`);
    const version = builder.rubricVersion;
    const rubric = JSON.parse(version.content) as Rubric;
    const managerId = builder.managerId;
    if (!managerId) throw new Error(`Demo promotions: ${spec.builder} has no manager`);

    // The packet's shape, by the workflow's rules.
    check(isLevel(builder.level) && isPacketTarget(spec.fromLevel, spec.targetLevel), `${what} targets the level above its own`);
    const promoted = spec.decision?.outcome === "promoted";
    if (!promoted) check(builder.level === spec.fromLevel, `${what} is written at the builder's current level`);
    if (!spec.decision) {
      check(!open.has(spec.builder), `${spec.builder} has at most one open packet`);
      open.add(spec.builder);
    }
    check(builder.startedAt <= spec.created.at && spec.created.at <= now, `${what} is created after the builder started, before now`);
    check([builder.userId, managerId].includes(userId(spec.created.by)), `${what} is started by the builder or their manager`);

    const needs = coverageRequirements(rubric, spec.targetLevel);
    const criteria = targetCriteria(rubric, spec.targetLevel);
    const editors = new Set([builder.userId, managerId]);

    // The summary and every edit of the draft: the last one is the packet's updatedAt.
    const summary = packetSummarySchema.safeParse({ summary: spec.summary.text, version: spec.summary.saves });
    if (!summary.success) throw new Error(`Demo promotions: ${what}'s summary would be refused: ${describeIssues(summary.error.issues)}`);
    check(spec.summary.saves >= 1 && editors.has(userId(spec.summary.saved.by)), `${what}'s summary is saved by the builder or their manager`);
    const edits: Act[] = [spec.created, spec.summary.saved];

    const packet = await db.promotionPacket.create({
      data: {
        builderId: builder.userId,
        fromLevel: spec.fromLevel,
        targetLevel: spec.targetLevel,
        rubricVersionId: version.id,
        status: "draft",
        summary: summary.data.summary,
        version: 1 + spec.summary.saves,
        createdById: userId(spec.created.by),
        createdAt: spec.created.at,
        updatedById: userId(spec.created.by),
        updatedAt: spec.created.at,
      },
    });
    // As startPacket: the packet pins the version, which is immutable from then on. The demo's
    // history is written out of order (loops first), so keep the earliest use.
    await db.rubricVersion.updateMany({
      where: { id: version.id, OR: [{ firstUsedAt: null }, { firstUsedAt: { gt: spec.created.at } }] },
      data: { firstUsedAt: spec.created.at },
    });

    // Evidence, as saveEvidence writes it, after the form's schema has accepted it.
    const evidenceIds = new Map<string, string>();
    const coverageInput: Array<{ id: string; criteria: string[]; competencies: string[] }> = [];
    for (const item of spec.evidence) {
      const parsed = evidenceSchema(needs.defined).safeParse({
        evidenceId: "",
        version: "",
        title: item.title,
        description: item.description,
        impact: item.impact,
        links: item.links.join("\n"),
        startDate: item.startDate,
        endDate: item.endDate ?? "",
        criteria: item.criteria,
        competencies: item.competencies,
        projectId: item.project ? projectIds.get(item.project) : "",
      });
      if (!parsed.success) throw new Error(`Demo promotions: evidence “${item.title}” would be refused: ${describeIssues(parsed.error.issues)}`);
      const input = parsed.data;
      if (item.project) {
        // As saveEvidence: only the builder's own project, launched before the item cites it.
        const cited = input.projectId ? await db.project.findUnique({ where: { id: input.projectId }, select: { ownerId: true, launchedAt: true } }) : null;
        check(cited !== null && cited.ownerId === builder.userId, `“${item.title}” cites a project of ${spec.builder}'s own (${item.project})`);
        check(cited!.launchedAt !== null && cited!.launchedAt <= item.added.at, `“${item.title}” cites a project launched before the item was added`);
      }
      check(input.links.every((l) => /^https:\/\/([a-z0-9-]+\.)*(northwind\.example|example\.com)(\/|$)/.test(l)), `“${item.title}” links only to example domains`);
      check(input.startDate >= builder.startedAt.toISOString().slice(0, 10) && (input.endDate ?? input.startDate) <= now.toISOString().slice(0, 10), `“${item.title}” happened while the builder was here`);
      const last = item.edited ?? item.added;
      check(spec.created.at <= item.added.at && item.added.at <= last.at, `“${item.title}” is added after the packet was created`);
      check(editors.has(userId(item.added.by)) && editors.has(userId(last.by)), `“${item.title}” is edited by the builder or their manager`);
      const created = await db.packetEvidence.create({
        data: {
          packetId: packet.id,
          ...evidenceData(input),
          version: item.edited ? 2 : 1,
          createdAt: item.added.at,
          updatedById: userId(last.by),
          updatedAt: last.at,
          tags: { create: tagRows(input) },
        },
      });
      evidenceIds.set(item.key, created.id);
      coverageInput.push({ id: created.id, criteria: input.criteria, competencies: input.competencies });
      edits.push(item.added, last);
    }

    // The story each packet tells depends on its coverage: check it holds.
    const coverage = packetCoverage(rubric, spec.targetLevel, coverageInput);
    check(coverage.unknownTags.length === 0, `${what} uses only the rubric's tags`);
    check(coverage.summary.ready === (spec.coverage === "ready"), `${what} is ${spec.coverage === "ready" ? "ready" : "not ready"} by its coverage`);

    // Peers, invited by the manager; statements as saveStatement writes them (they do not touch the packet).
    for (const peer of spec.peers) {
      const peerId = userId(peer.email);
      check(peerId !== builder.userId && peerId !== managerId, `${peer.email} is a peer: neither the builder nor their manager`);
      check(userId(peer.invited.by) === managerId, `${peer.email} is invited by the manager`);
      check(spec.created.at <= peer.invited.at, `${peer.email} is invited after the packet was created`);
      await db.peerInvitation.create({ data: { packetId: packet.id, peerId, invitedById: managerId, invitedAt: peer.invited.at } });
      for (const s of peer.statements) {
        const evidenceId = evidenceIds.get(s.evidence);
        if (!evidenceId) throw new Error(`Demo promotions: ${what} has no evidence “${s.evidence}”`);
        const parsed = statementSchema.safeParse({ evidenceId, text: s.text });
        if (!parsed.success) throw new Error(`Demo promotions: ${peer.email}'s statement would be refused: ${describeIssues(parsed.error.issues)}`);
        const item = spec.evidence.find((e) => e.key === s.evidence)!;
        check(peer.invited.at <= s.at && item.added.at <= s.at, `${peer.email}'s statement follows the invitation and the evidence`);
        await db.peerStatement.create({ data: { packetId: packet.id, evidenceId, authorId: peerId, text: parsed.data.text, createdAt: s.at, updatedAt: s.at } });
      }
    }

    // The manager's assessments, on the rubric's scale.
    const assessment = assessmentSchema(
      criteria.map((c) => c.id),
      rubric.scale.map((p) => p.value),
    );
    for (const a of spec.assessments) {
      const parsed = assessment.safeParse({ criterionId: a.criterion, rating: a.rating, comment: a.comment, version: 0 });
      if (!parsed.success) throw new Error(`Demo promotions: ${what}'s assessment of ${a.criterion} would be refused: ${describeIssues(parsed.error.issues)}`);
      check(userId(a.by) === managerId, `${what} is assessed by the builder's manager`);
      const updatedAt = a.revised ?? a.at;
      check(spec.created.at <= a.at && a.at <= updatedAt, `${what}'s assessment of ${a.criterion} follows the packet's creation`);
      await db.managerAssessment.create({
        data: {
          packetId: packet.id,
          criterionId: parsed.data.criterionId,
          rating: parsed.data.rating,
          comment: parsed.data.comment,
          version: a.revised ? 2 : 1,
          authorId: managerId,
          updatedAt,
        },
      });
      edits.push({ by: a.by, at: updatedAt });
    }

    // The draft's last edit (summary, evidence or assessment, as `touch` records it).
    const lastEdit = edits.reduce((a, b) => (b.at > a.at ? b : a));
    await db.promotionPacket.update({ where: { id: packet.id }, data: { updatedAt: lastEdit.at, updatedById: userId(lastEdit.by) } });

    const problems = submissionProblems({ summary: spec.summary.text, evidenceCount: spec.evidence.length, assessedCriteria: spec.assessments.map((a) => a.criterion) }, criteria);
    if (!spec.submitted) {
      check(!spec.reviewStarted && !spec.decision, `${what} is a draft, so it is neither in review nor decided`);
      check(lastEdit.at <= now, `${what} was last edited before now`);
      continue;
    }

    // As submitPacket: the snapshot of the packet as findPacket reads it.
    const submitted = spec.submitted;
    check(problems.length === 0, `${what} is ready to submit (${problems.join(" ")})`);
    check(userId(submitted.by) === managerId && lastEdit.at <= submitted.at && submitted.at <= now, `${what} is submitted by the manager after its last edit, before now`);
    const draft = await findPacket(packet.id, db);
    if (!draft) throw new Error(`Demo promotions: ${what} cannot be read back`);
    const baseSalary = submitted.baseAtSubmission ?? draft.builder.baseSalary;
    const snapshot = buildSnapshot({ ...draft, baseSalary }, user(submitted.by).name, submitted.at);
    await db.promotionPacket.update({
      where: { id: packet.id },
      data: { status: "submitted", snapshot: JSON.stringify(snapshot), submittedAt: submitted.at, submittedById: managerId, updatedAt: submitted.at, updatedById: managerId },
    });

    // As startReview.
    if (!spec.reviewStarted) {
      check(!spec.decision, `${what} is decided only after its review`);
      continue;
    }
    const review = spec.reviewStarted;
    check(submitted.at <= review.at && review.at <= now, `${what}'s review starts after submission, before now`);
    await db.promotionPacket.update({
      where: { id: packet.id },
      data: { status: "in_review", reviewStartedAt: review.at, updatedAt: review.at, updatedById: userId(review.by, "promotion_committee") },
    });
    if (!spec.decision) continue;

    // As decidePacket, after the decision form's schema has accepted it.
    const decision = spec.decision;
    check(review.at <= decision.at && decision.at <= now, `${what} is decided after its review started, before now`);
    const decidedById = userId(decision.by, "promotion_committee");
    const currency = rubric.bands.currency;
    const band = rubric.bands.levels[spec.targetLevel]?.base;
    if (!band) throw new Error(`Demo promotions: ${version.track} v${version.version} has no ${spec.targetLevel} band`);
    const minimumRaise = { baseAtSubmission: snapshot.baseAtSubmission, minRaisePercent: rubric.decision_rules.promotion_pay.min_raise_percent };
    const parsed = promotionDecisionSchema(criteria, band, currency, minimumRaise).safeParse({
      outcome: decision.outcome,
      rationale: decision.rationale,
      newBaseSalary: decision.newBaseSalary === undefined ? "" : String(decision.newBaseSalary),
      bandJustification: decision.bandJustification ?? "",
      feedback: decision.feedback,
    });
    if (!parsed.success) throw new Error(`Demo promotions: ${what}'s decision would be refused: ${describeIssues(parsed.error.issues)}`);
    const input = parsed.data;
    await db.promotionPacket.update({ where: { id: packet.id }, data: { status: "decided", updatedAt: decision.at, updatedById: decidedById } });
    await db.promotionDecision.create({ data: decisionRow(input, { packetId: packet.id, currency, decidedById, decidedAt: decision.at }) });
    if (promoted) {
      // The promotion is already in the builder's history (demo-organisation.ts CAREERS), where
      // decidePacket would have written it: link that entry rather than adding a second one.
      const entries = builder.levelHistory.filter((h) => h.reason === "promoted" && h.level === spec.targetLevel);
      check(entries.length === 1, `${spec.builder}'s history holds one promotion to ${spec.targetLevel}`);
      const entry = entries[0]!;
      const before = builder.levelHistory[builder.levelHistory.indexOf(entry) - 1];
      check(before?.level === spec.fromLevel, `${spec.builder} was ${spec.fromLevel} before that promotion`);
      check(entry.effectiveAt.getTime() === decision.at.getTime(), `${what} is decided when the promotion took effect`);
      check(entry.note === input.rationale.split("\n")[0]!.slice(0, 300), `${what}'s rationale opens with the history's note`);
      check(input.newBaseSalary !== undefined && (submitted.baseAtSubmission ?? 0) < input.newBaseSalary, `${what} raises the base`);
      await db.levelChange.update({ where: { id: entry.id }, data: { packetId: packet.id } });
    }
  }
}

function check(condition: boolean, rule: string): void {
  if (!condition) throw new Error(`Demo promotions: expected ${rule}`);
}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).join("; ");
}
