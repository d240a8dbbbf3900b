import { writeCurrentRows } from "~/data/scorecards.server";
import { interviewHasBegun } from "~/domain/loop";
import type { Prisma } from "~/generated/prisma/client";
import type { Rubric } from "~/domain/rubric/schema";
import { stageRubric, type Recommendation, type ScorecardContent, type StageRubric } from "~/domain/scorecard/content";
import { scorecardSchemas, type SubmittedContent } from "~/domain/scorecard/schema";

/**
 * Northwind Labs' hiring in flight: interview loops with interviews and scorecards, written in
 * exactly the shape the app writes them (app/data/loops.server.ts, app/data/scorecards.server.ts).
 * Every time is relative to `now`, in UTC working hours; nothing is random.
 *
 * - Ravi Menon (L5): a loop pinned to builder v1, opened before v2 was published. Every stage is
 *   complete: a 2-vs-4 disagreement on system design, a minor red flag and an amended scorecard.
 * - Jonas Weber (L6): builder v2, complete; two interviewers independently raise the blocking
 *   red flag "lack of customer empathy".
 * - Chloé Dubois (L4): builder v2; Stage 1 complete, Stage 2 waiting on Daniel Okafor's overdue
 *   draft, Stage 3 in three days.
 * - Ana Souza (L6): builder v2; Daniel owes the Stage 1 scorecard (not started, not yet due) and
 *   interviews her again tomorrow.
 * - Kwame Asante: no loop yet.
 *
 * Each scorecard is checked against the pinned rubric's submission (or draft) schema before it is
 * written, so the demo can never hold a scorecard the app would refuse.
 */

type Db = Prisma.TransactionClient;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** [rating, evidence] for one criterion. */
type Rated = readonly [number, string];

type SubmittedSpec = {
  by: string;
  ratings: Record<string, Rated>;
  /** Observed signals, with the interviewer's note. */
  signals?: Record<string, string>;
  /** Raised red flags, with the evidence. */
  redFlags?: Record<string, string>;
  recommendation: Recommendation;
  takeaways: string;
  /** When it was submitted, in hours after the interview ended. */
  submittedAfterHours: number;
  /** A later revision: what changed (merged over the original), why, and when (hours after submitting). */
  amendment?: {
    afterHours: number;
    reason: string;
    ratings?: Record<string, Rated>;
    recommendation?: Recommendation;
    takeaways?: string;
  };
};

type DraftSpec = {
  by: string;
  ratings: Record<string, readonly [number | null, string]>;
  signals?: Record<string, string>;
  /** When the interviewer first opened it, in minutes after the interview started. */
  openedAfterMinutes: number;
  /** When the draft was last saved, in hours after the interview ended. */
  savedAfterHours: number;
};

type InterviewSpec = {
  stageId: string;
  startsAt: Date;
  durationMinutes: number;
  interviewers: string[];
  /** When the recruiter put it in the calendar. */
  scheduledAt: Date;
  submitted?: SubmittedSpec[];
  drafts?: DraftSpec[];
};

type LoopSpec = {
  candidate: string;
  version: number;
  createdAt: Date;
  interviews: InterviewSpec[];
};

const RECRUITER = "recruiter@northwind.example";
const DANIEL = "interviewer@northwind.example";
const HANNAH = "hiring@northwind.example";
const MARCUS = "manager@northwind.example";
const LEO = "leo.martins@northwind.example";
const YUKI = "yuki.tanaka@northwind.example";
const GRACE = "grace.kim@northwind.example";
const AMARA = "amara.eze@northwind.example";
const LUCAS = "lucas.moreau@northwind.example";
const MEI = "mei.lin@northwind.example";

/**
 * `days` from now's date at a UTC working time. A past date that falls on a weekend moves to the
 * Friday before, a future one to the Monday after, so past stays past and future stays future.
 */
function workingDay(now: Date, days: number, hour: number, minute = 0): Date {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, hour, minute));
  const step = days <= 0 ? -1 : 1;
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + step);
  return date;
}

/**
 * About three hours before now, on the quarter hour, kept between 09:00 and 16:30 UTC: late in
 * the evening that is 16:30 the same day, early in the morning 16:30 the day before. Either way
 * the interview has begun and its scorecard (due 24 hours after it ends) is not yet overdue.
 * Seeded on a Sunday or early on a Monday, that can mean a weekend slot: the state matters more.
 */
function recentSlot(now: Date): Date {
  const target = new Date(Math.floor((now.getTime() - 3 * HOUR) / (15 * MINUTE)) * 15 * MINUTE);
  const minutes = target.getUTCHours() * 60 + target.getUTCMinutes();
  const day = Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), target.getUTCDate());
  if (minutes < 9 * 60) return new Date(day - DAY + 16.5 * HOUR);
  if (minutes > 16.5 * 60) return new Date(day + 16.5 * HOUR);
  return target;
}

function demoLoops(now: Date): LoopSpec[] {
  const day = (days: number, hour: number, minute = 0) => workingDay(now, days, hour, minute);

  const ravi: LoopSpec = {
    candidate: "ravi.menon@mail.example",
    version: 1,
    createdAt: day(-35, 10, 15),
    interviews: [
      {
        stageId: "initial_screen",
        startsAt: day(-33, 14),
        durationMinutes: 45,
        interviewers: [DANIEL],
        scheduledAt: day(-35, 10, 40),
        submitted: [
          {
            by: DANIEL,
            submittedAfterHours: 2.5,
            ratings: {
              end_to_end_ownership: [
                4,
                "Took Ledgerly, his invoicing SaaS, from a spreadsheet macro to 400 paying customers on his own: the Rails app, Stripe billing, onboarding emails and help docs. Showed me the launch checklist he still uses and the retention curve of the first six months.",
              ],
              builder_motivation: [
                3,
                "Wants to own outcomes again, but with a team: \"every decision was mine, and so was every on-call page\". Clear on why not a pure engineering role; he missed customers the one year he only wrote code.",
              ],
              technical_depth_screen: [
                3,
                "Walked through migrating Ledgerly from Heroku to Fly: cut hosting costs 60% and explained why he kept Postgres rather than SQLite replicas (multi-tenant reporting queries). Uses Copilot for tests and migrations and could say where it misled him on a timezone bug.",
              ],
              business_and_product_thinking: [
                3,
                "Built Xero sync before a mobile app because 70% of churned trials cited double entry; quoted trial-to-paid going from 11% to 17%. Less sure how he would size a market he hasn't lived in.",
              ],
              customer_contact: [
                4,
                "Still runs a monthly call with five customers. Changed the reminder-email defaults after an accountant told him clients ignore anything sent on a Friday, and had the notes from last week's call open on his phone.",
              ],
            },
            signals: {
              business_terms: "Described the Fly migration as \"two extra months of runway\" rather than as a tech upgrade.",
              minimal_resources: "Ran the whole product alone on about $180 a month of infrastructure.",
            },
            recommendation: "yes",
            takeaways:
              "A genuine end-to-end owner who still talks to customers every month. Technical depth looks right for L5; Stage 2 should probe how he designs beyond a single Rails monolith.",
          },
        ],
      },
      {
        stageId: "technical_deep_dive",
        startsAt: day(-28, 10),
        durationMinutes: 90,
        interviewers: [YUKI, LUCAS],
        scheduledAt: day(-33, 16),
        submitted: [
          {
            by: YUKI,
            submittedAfterHours: 4,
            ratings: {
              live_build: [
                3,
                "Built the partial-payments endpoint and the pay-by-link form in about 50 minutes with Remix and Prisma, and wrote two tests for the rounding edge case unprompted. Left out refunds and said so up front.",
              ],
              system_design: [
                2,
                "Designed reminders as one cron job scanning every unpaid invoice each hour. Pushed to a million invoices he added an index, but only reached queueing and per-tenant rate limits after I prompted twice; the email provider's limits never came up.",
              ],
              product_considerations: [
                3,
                "Asked who chases an invoice, the freelancer or their accountant, before deciding where the reminder settings live. Would revisit the default cadence once he saw open rates.",
              ],
              debugging_and_review: [
                3,
                "Found the N+1 query on the invoice list from the slow-query log in about ten minutes. Review comments were fair but brief.",
              ],
            },
            signals: {
              strong_opinions_loosely_held:
                "Argued for a server-rendered payment form, then moved validation to the client when I pointed out the card widget needs it.",
            },
            recommendation: "yes",
            takeaways:
              "Ships clean, tested code quickly and debugs methodically. System design at scale is the gap: he defaults to what worked for 400 customers.",
            amendment: {
              afterHours: 22,
              reason:
                "Re-read my notes: the debugging exercise was stronger than I first scored. He also found the currency-rounding bug I had not pointed him to.",
              ratings: {
                debugging_and_review: [
                  4,
                  "Found the N+1 query from the slow-query log in under ten minutes, then found the second planted bug (currency rounding in the totals helper) without a hint. In review he separated must-fix (no transaction around the payment write) from preference (naming) unprompted.",
                ],
              },
              takeaways:
                "Ships clean, tested code quickly and debugs better than most of our L5s. System design at scale is the gap: he defaults to what worked for 400 customers.",
            },
          },
          {
            by: LUCAS,
            submittedAfterHours: 20,
            ratings: {
              live_build: [
                3,
                "Got the partial-payment flow working end to end, including the remaining-balance display; skipped email receipts to finish and listed them as the first follow-up. Small, well-described commits.",
              ],
              system_design: [
                4,
                "Ended with a scheduler that enqueues per-tenant reminder jobs and workers that respect the email provider's rate limits; one Postgres with a read replica until reporting load justifies a warehouse. Put a rough monthly cost on each step.",
              ],
              product_considerations: [
                3,
                "Tied the reminder cadence to when customers actually pay (his data: most within 48 hours of the second reminder) and suggested making the first reminder opt-out.",
              ],
              debugging_and_review: [
                3,
                "Narrowed the failing service down through the request ids in the logs instead of guessing. Review comments were specific, though he missed the missing transaction around the payment write at first.",
              ],
            },
            signals: {
              business_terms: "Justified the queue by the cost of a missed reminder: \"late payments are our customers' cash-flow problem, so they're ours\".",
              asks_about_impact: "Asked what share of our customers invoice in more than one currency before designing the totals.",
            },
            recommendation: "yes",
            takeaways:
              "The strongest system design answer I've heard this quarter; he reasons from real load and real cost. A solid, unflashy builder.",
          },
        ],
      },
      {
        stageId: "product_assessment",
        startsAt: day(-24, 13),
        durationMinutes: 75,
        interviewers: [GRACE, AMARA],
        scheduledAt: day(-28, 15),
        submitted: [
          {
            by: GRACE,
            submittedAfterHours: 3,
            ratings: {
              define_and_prototype: [
                3,
                "Framed the problem as \"freelancers can't see next month's cash\" and chose weekly active forecast viewers as the metric before showing anything. The prototype tested whether people trust a forecast built only from open invoices.",
              ],
              prototype_experience: [
                3,
                "Clean single-page flow. A first-time user stalls on the empty state, which needs three paid invoices before it shows anything; he spotted it himself when I asked him to click through as a new user.",
              ],
              design_critique: [
                3,
                "In the designer-versus-sales role-play he got both to agree on a test rather than picking a side. His own critique of the dashboard was thoughtful but mostly about data density.",
              ],
              go_to_market: [
                3,
                "Would sell it as a $9/month add-on to existing invoicing customers first, through an in-app prompt at month end. Reasonable, if close to what he did at Ledgerly.",
              ],
              customer_validation: [
                4,
                "Named the five customers he'd call, the script he'd use and the stop condition: \"if fewer than three would change when they send invoices, drop it\". Exactly how we want builders to validate.",
              ],
              past_tradeoffs: [
                3,
                "Talked through sunsetting Ledgerly's multi-currency beta after it doubled support tickets, and owned that he shipped it without talking to enough non-UK customers.",
              ],
            },
            signals: {
              cross_discipline_learning: "Taught himself enough Figma to run his own usability tests; showed the component library he built for Ledgerly.",
            },
            redFlags: {
              over_engineer:
                "The prototype shipped with a plugin system for export formats (CSV, Excel, QuickBooks) although no customer had asked for more than CSV. He called it \"cheap to add now\"; it took about a third of his build time.",
            },
            recommendation: "yes",
            takeaways:
              "Strong product instincts and excellent customer validation. He builds infrastructure ahead of demand (the export plugins): minor, and he took the feedback well.",
          },
          {
            by: AMARA,
            submittedAfterHours: 18,
            ratings: {
              define_and_prototype: [
                3,
                "Problem statement and metric were crisp. The riskiest assumption, that freelancers enter expected invoices at all, only came out when I asked for it.",
              ],
              prototype_experience: [
                3,
                "Clear flow that worked from the keyboard; the forecast chart never explained what \"expected\" meant, which he acknowledged straight away.",
              ],
              design_critique: [
                2,
                "Critiqued the dashboard mostly on visual polish. When our sales lead pushed for a bigger upsell banner he conceded within a minute instead of bringing the designer in.",
              ],
              go_to_market: [
                4,
                "Laid out a partner channel through accountants, who each bring 20 to 40 freelance clients: pricing, a referral cut and the first three firms he would approach. He has clearly done this before.",
              ],
              customer_validation: [
                3,
                "Would validate with five current customers against a clear stop condition; leaned on customers he already knows well rather than new ones.",
              ],
              past_tradeoffs: [
                4,
                "Candid story about rebuilding Ledgerly's onboarding three times, with activation for each version (31%, 44%, 39%) and why he reverted the third.",
              ],
            },
            signals: {
              business_terms: "Costed the forecast against the churn it should prevent before agreeing it was worth building.",
              asks_about_impact: "Asked how our customers measure success today and which number we'd expect this to move.",
            },
            recommendation: "yes",
            takeaways:
              "Thinks like an owner about go-to-market and is honest about his mistakes. Design facilitation is his weakest area; fine for L5 with a designer alongside.",
          },
        ],
      },
    ],
  };

  const jonas: LoopSpec = {
    candidate: "jonas.weber@mail.example",
    version: 2,
    createdAt: day(-26, 9, 30),
    interviews: [
      {
        stageId: "initial_screen",
        startsAt: day(-24, 11),
        durationMinutes: 45,
        interviewers: [MARCUS],
        scheduledAt: day(-26, 9, 50),
        submitted: [
          {
            by: MARCUS,
            submittedAfterHours: 1.5,
            ratings: {
              end_to_end_ownership: [
                3,
                "Led the pricing overhaul at his current company from analysis to launch: ran the willingness-to-pay survey, built the new pricing page in Next.js himself and coordinated the billing migration across two engineering teams.",
              ],
              builder_motivation: [
                3,
                "Wants to stop \"writing specs for other people to build\"; has been prototyping in TypeScript in the evenings and wants that to be the job.",
              ],
              technical_depth_screen: [
                3,
                "Explained his prototype's architecture (Next.js, tRPC, Postgres on Neon) and why he'd move plan entitlements out of the JWT. Honest that he has never run anything at production scale on his own.",
              ],
              business_and_product_thinking: [
                4,
                "The pricing overhaul lifted average revenue per account 18% with flat logo churn. Walked me through the cohort analysis and the guardrail metric (downgrades within 30 days) he agreed with finance in advance.",
              ],
              customer_contact: [
                2,
                "Couldn't recall the last time he spoke to a customer himself; relies on the research team's synthesis and call recordings.",
              ],
            },
            signals: {
              business_terms: "Every decision he described came with its revenue or margin impact attached.",
            },
            redFlags: {
              lack_of_customer_empathy:
                "Asked what he had changed after talking to a customer, he said \"customers tell you what they want, not what they need\" and that calls are \"a poor use of a PM's time at my level\". Named no decision in the last year shaped by a customer conversation.",
            },
            recommendation: "no",
            takeaways:
              "Exceptional commercial thinking and a credible prototyper. His dismissive stance on talking to customers worries me.",
          },
        ],
      },
      {
        stageId: "technical_deep_dive",
        startsAt: day(-19, 14),
        durationMinutes: 90,
        interviewers: [AMARA, DANIEL],
        scheduledAt: day(-24, 14),
        submitted: [
          {
            by: AMARA,
            submittedAfterHours: 2,
            ratings: {
              live_build: [
                3,
                "Built a usage-based billing preview (meter events in, projected invoice out) in TypeScript in about an hour; let an AI assistant write the boilerplate and caught it inventing a Stripe API field.",
              ],
              system_design: [
                3,
                "Sensible metering pipeline: idempotency keys on ingest, a daily aggregation job, late events reconciled at invoice close. Didn't size storage until I asked.",
              ],
              product_considerations: [
                3,
                "Designed the preview so finance admins see the projected invoice before it goes out, tying it to the support tickets he'd seen after his own pricing change.",
              ],
              debugging_and_review: [
                3,
                "Found the off-by-one at the billing-period boundary from the failing test and the logs. Flagged the missing idempotency check in the pull request as must-fix.",
              ],
            },
            signals: {
              strong_opinions_loosely_held:
                "Insisted on daily aggregation, then switched to hourly when I pointed out admins watch spend during launches.",
            },
            recommendation: "yes",
            takeaways:
              "Solid technical range for someone coming from product. Not the deepest engineer we've seen, but fast and careful.",
          },
          {
            by: DANIEL,
            submittedAfterHours: 19,
            ratings: {
              live_build: [
                4,
                "Shipped the billing preview end to end, with an empty state, a CSV export and tests on the proration maths, and narrated every cut he made to finish in time.",
              ],
              system_design: [
                3,
                "Idempotent event ingest, aggregation per tenant and a reconciliation job, with the cost of each choice. His storage estimate was rough but the right order of magnitude.",
              ],
              product_considerations: [
                3,
                "Started from \"what surprises an admin on their first usage-based invoice\" and designed backwards from there.",
              ],
              debugging_and_review: [
                2,
                "Needed two hints to find the timezone bug at the billing-period boundary. His review caught naming issues but missed the unhandled promise rejection in the webhook handler.",
              ],
            },
            signals: {
              minimal_resources: "Built the first pricing-page prototype over a weekend on a free database tier to get the exec team to commit.",
            },
            recommendation: "yes",
            takeaways: "Ships quickly with sensible scope cuts. Debugging under pressure is average, which is fine at L6 if the product side holds.",
          },
        ],
      },
      {
        stageId: "product_assessment",
        startsAt: day(-14, 10),
        durationMinutes: 90,
        interviewers: [MEI, LUCAS],
        scheduledAt: day(-19, 16, 30),
        submitted: [
          {
            by: MEI,
            submittedAfterHours: 5,
            ratings: {
              define_and_prototype: [
                3,
                "Defined a spend-alerts prototype for team admins with a clear metric: the share of admins who set an alert in their first week.",
              ],
              prototype_experience: [3, "Tidy flow with sensible defaults; the threshold input had no units, so I typed 50 meaning dollars and got 50%."],
              design_critique: [
                3,
                "Facilitated the designer and sales disagreement well: proposed showing the upsell only after an alert fires, and both agreed.",
              ],
              go_to_market: [
                4,
                "Put alerts into the Team plan rather than selling an add-on, argued from his pricing-overhaul data, and named the launch sequence and the sales enablement it needs.",
              ],
              customer_validation: [
                1,
                "Proposed skipping customer conversations and letting \"the A/B test decide\". Would not name a single customer he'd call before building.",
              ],
              past_tradeoffs: [
                3,
                "Owned a pricing experiment that hurt self-serve conversion and explained how he rolled it back within a week.",
              ],
              growth_plan: [
                4,
                "Proposed an activation experiment (alert set-up during onboarding) with a pre-registered success threshold and a holdout group, and said which parts he'd run himself and where lifecycle marketing comes in.",
              ],
            },
            signals: {
              asks_about_impact: "Asked what our net revenue retention is before proposing anything.",
              cross_discipline_learning: "Learned enough SQL and dbt to build his own pricing dashboards rather than wait for the data team.",
            },
            redFlags: {
              lack_of_customer_empathy:
                "When I role-played a churned admin saying the new pricing page hid the per-seat cost, he said the customer \"just hadn't read it properly\" and moved on to funnel numbers. He never asked what she was trying to do.",
            },
            recommendation: "no",
            takeaways:
              "Commercially excellent and a good facilitator, but he dismissed the customer's point of view every time it came up. Builders at L6 talk to customers themselves; I can't see him doing it.",
          },
          {
            by: LUCAS,
            submittedAfterHours: 21,
            ratings: {
              define_and_prototype: [
                3,
                "Clear problem and user; picked admins of teams over 20 seats because that's where the surprise invoices came from.",
              ],
              prototype_experience: [3, "The alert set-up took three clicks from the billing page; he'd watched session recordings to place the entry point."],
              design_critique: [3, "Gave the designer's mock specific, kind feedback: fewer colours, one primary action, the threshold in plain words."],
              go_to_market: [3, "A sensible launch plan through in-app messaging and the customer success team; pricing inside the existing plans."],
              customer_validation: [
                2,
                "His validation plan was a survey only. Asked who he'd call, he named our sales team rather than any customers.",
              ],
              past_tradeoffs: [3, "Explained why he delayed annual billing by a quarter to fix proration first, and what it cost in bookings."],
              growth_plan: [3, "A reasonable first experiment on activation with a clear metric; relied on the growth team to run it."],
            },
            signals: {
              business_terms: "Explained the alert thresholds in terms of the support cost of surprise invoices.",
            },
            recommendation: "yes",
            takeaways:
              "Strong on strategy and pricing. Customer validation was thin, but he had a plan; I lean yes with customer contact as the open question.",
          },
        ],
      },
    ],
  };

  const chloe: LoopSpec = {
    candidate: "chloe.dubois@mail.example",
    version: 2,
    createdAt: day(-12, 11),
    interviews: [
      {
        stageId: "initial_screen",
        startsAt: day(-10, 15),
        durationMinutes: 45,
        interviewers: [LEO],
        scheduledAt: day(-12, 11, 20),
        submitted: [
          {
            by: LEO,
            submittedAfterHours: 1,
            ratings: {
              end_to_end_ownership: [
                3,
                "Built split-a-bill in her fintech's app after noticing support tickets asking for it: pitched it to her PM with the ticket counts, built the React Native screens and the Kotlin service, and watched adoption for a month.",
              ],
              builder_motivation: [3, "Wants to pick problems, not tickets; both features she's proudest of were ones nobody asked her to build."],
              technical_depth_screen: [
                4,
                "Explained their ledger's double-entry model and why they moved idempotency from the client to the API gateway after a duplicate-transfer incident she debugged. Precise about what she'd change: event sourcing for the ledger only, not the whole app.",
              ],
              business_and_product_thinking: [
                2,
                "Knew split-a-bill reached 12% of monthly actives, but not whether it moved retention or revenue, and hadn't thought about how she'd have known if it failed.",
              ],
              customer_contact: [
                3,
                "Joins two support shifts a month and sat in on five user interviews; changed the default split from equal to by-item after watching people use it.",
              ],
            },
            signals: {
              cross_discipline_learning: "Took a UX research course on her own time and ran the interviews for her second feature herself.",
            },
            recommendation: "yes",
            takeaways: "A strong engineer with real initiative. Business framing is the gap for a Builder and worth probing in Stage 3.",
          },
        ],
      },
      {
        stageId: "technical_deep_dive",
        startsAt: day(-2, 10),
        durationMinutes: 90,
        interviewers: [GRACE, DANIEL],
        scheduledAt: day(-9, 10),
        submitted: [
          {
            by: GRACE,
            submittedAfterHours: 3,
            ratings: {
              live_build: [
                3,
                "Built the shared-expenses feature from the brief in Remix and SQLite in about 55 minutes; left out currency conversion and said so. Clean commits and a test for the rounding rule.",
              ],
              system_design: [
                3,
                "Sound design for the first thousand users; at a million she moved notifications onto a queue and explained why the ledger stays in one database.",
              ],
              product_considerations: [
                3,
                "Asked how friends settle up in real life before designing the who-owes-whom screen; would revisit the settle-up nudges if reminders started to annoy people.",
              ],
              debugging_and_review: [
                4,
                "Found the race condition in the transfer service from interleaved log lines in under 15 minutes and wrote a failing test before fixing it. Her review separated must-fix from style and explained both kindly.",
              ],
            },
            signals: {
              strong_opinions_loosely_held:
                "Argued for an optimistic update on settle-up, then added a confirmation step when I raised the cost of a mistaken payment.",
            },
            recommendation: "strong_yes",
            takeaways: "The best debugging session I've run this year. The technical bar for L4 is clearly met; her product thinking is there but still engineer-first.",
          },
        ],
        drafts: [
          {
            by: DANIEL,
            openedAfterMinutes: 5,
            savedAfterHours: 2,
            ratings: {
              live_build: [3, "Got the expense split working end to end in under an hour; skipped currency conversion on purpose."],
              system_design: [3, "Queue for notifications at scale; keeps the ledger in one database because"],
              product_considerations: [null, "Asked how friends settle up in real life before"],
            },
            signals: {
              strong_opinions_loosely_held: "Changed her mind on optimistic updates once the payment risk came up.",
            },
          },
        ],
      },
      {
        stageId: "product_assessment",
        startsAt: day(3, 13, 30),
        durationMinutes: 90,
        interviewers: [HANNAH, YUKI],
        scheduledAt: day(-2, 15),
      },
    ],
  };

  const ana: LoopSpec = {
    candidate: "ana.souza@mail.example",
    version: 2,
    createdAt: day(-5, 9, 45),
    interviews: [
      {
        stageId: "initial_screen",
        startsAt: recentSlot(now),
        durationMinutes: 45,
        interviewers: [DANIEL],
        scheduledAt: day(-5, 10),
      },
      {
        stageId: "technical_deep_dive",
        startsAt: day(1, 10, 30),
        durationMinutes: 90,
        interviewers: [DANIEL, MEI],
        scheduledAt: day(-5, 10, 5),
      },
    ],
  };

  return [ravi, jonas, chloe, ana];
}

/** Writes the demo loops. Expects the demo users and candidates, and the published builder rubrics. */
export async function seedDemoHiring(db: Db, now: Date): Promise<void> {
  const loops = demoLoops(now).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  const users = await db.user.findMany({ include: { roles: true } });
  const userByEmail = new Map(users.map((u) => [u.email, u]));
  const userId = (email: string, role?: string) => {
    const user = userByEmail.get(email);
    if (!user) throw new Error(`Demo hiring: no user ${email}`);
    if (role && !user.roles.some((r) => r.role === role)) throw new Error(`Demo hiring: ${email} is not an ${role}`);
    return user.id;
  };
  const createdById = userId(RECRUITER, "recruiter");

  for (const spec of loops) {
    const candidate = await db.candidate.findFirst({ where: { email: spec.candidate } });
    if (!candidate) throw new Error(`Demo hiring: no candidate ${spec.candidate}`);
    const version = await db.rubricVersion.findUnique({ where: { track_version: { track: "builder", version: spec.version } } });
    if (!version) throw new Error(`Demo hiring: builder v${spec.version} is not published; publish the rubrics before seeding`);
    const rubric = JSON.parse(version.content) as Rubric;
    check(candidate.createdAt <= spec.createdAt && spec.createdAt <= now, `${candidate.name}'s loop is created after the candidate, before now`);

    // As createLoop: the loop, and its version marked as used from then on.
    const loop = await db.loop.create({
      data: {
        candidateId: candidate.id,
        rubricVersionId: version.id,
        targetLevel: candidate.targetLevel,
        createdById,
        createdAt: spec.createdAt,
      },
    });
    await db.rubricVersion.updateMany({ where: { id: version.id, firstUsedAt: null }, data: { firstUsedAt: spec.createdAt } });

    for (const i of spec.interviews) {
      const stage = stageRubric(rubric, i.stageId);
      if (!stage) throw new Error(`Demo hiring: builder v${spec.version} has no stage ${i.stageId}`);
      const what = `${candidate.name} / ${i.stageId}`;
      const endsAt = new Date(i.startsAt.getTime() + i.durationMinutes * MINUTE);
      check(spec.createdAt <= i.scheduledAt && i.scheduledAt <= now && i.scheduledAt < i.startsAt, `${what} is scheduled after the loop opened, before it starts`);
      check(i.durationMinutes >= 45 && i.durationMinutes <= 90, `${what} lasts 45–90 minutes`);
      const interviewerIds = i.interviewers.map((email) => userId(email, "interviewer"));

      // As addInterview.
      const interview = await db.interview.create({
        data: {
          loopId: loop.id,
          stageId: i.stageId,
          startsAt: i.startsAt,
          durationMinutes: i.durationMinutes,
          createdAt: i.scheduledAt,
          assignments: { create: interviewerIds.map((interviewerId) => ({ interviewerId })) },
        },
      });

      const competencyOf = (criterionId: string) => stage.stage.criteria.find((c) => c.id === criterionId)!.competency;
      const keysFor = (email: string) => {
        if (!i.interviewers.includes(email)) throw new Error(`Demo hiring: ${email} is not assigned to ${what}`);
        return { interviewId: interview.id, interviewerId: userId(email), loopId: loop.id, stageId: i.stageId };
      };

      for (const card of i.submitted ?? []) {
        const keys = keysFor(card.by);
        const submittedAt = new Date(endsAt.getTime() + card.submittedAfterHours * HOUR);
        check(submittedAt <= now, `${what}: ${card.by} submits before now`);
        check(interviewHasBegun(i, submittedAt), `${what}: ${card.by} submits once the interview has begun`);
        const content = submission(stage, card, `${what} by ${card.by}`);
        // As openScorecard, then submitScorecard.
        const scorecard = await db.scorecard.create({
          data: {
            ...keys,
            status: "submitted",
            draft: JSON.stringify(content),
            draftSavedAt: submittedAt,
            submittedAt,
            recommendation: content.recommendation,
            takeaways: content.takeaways.trim(),
            createdAt: new Date(endsAt.getTime() - 10 * MINUTE),
          },
        });
        await db.scorecardRevision.create({
          data: { scorecardId: scorecard.id, number: 1, content: JSON.stringify(content), authorId: keys.interviewerId, createdAt: submittedAt },
        });
        let current = content;
        if (card.amendment) {
          // As amendScorecard: revision 2 with its reason; the current rows follow it.
          const amendedAt = new Date(submittedAt.getTime() + card.amendment.afterHours * HOUR);
          check(amendedAt <= now, `${what}: ${card.by} amends before now`);
          current = submission(
            stage,
            {
              ...card,
              ratings: { ...card.ratings, ...card.amendment.ratings },
              recommendation: card.amendment.recommendation ?? card.recommendation,
              takeaways: card.amendment.takeaways ?? card.takeaways,
            },
            `${what} by ${card.by}, amended`,
          );
          await db.scorecardRevision.create({
            data: {
              scorecardId: scorecard.id,
              number: 2,
              content: JSON.stringify(current),
              reason: card.amendment.reason.trim(),
              authorId: keys.interviewerId,
              createdAt: amendedAt,
            },
          });
          await db.scorecard.update({
            where: { id: scorecard.id },
            data: { recommendation: current.recommendation, takeaways: current.takeaways.trim() },
          });
        }
        await writeCurrentRows(db, { id: scorecard.id, ...keys }, current, competencyOf);
      }

      for (const draft of i.drafts ?? []) {
        const keys = keysFor(draft.by);
        const createdAt = new Date(i.startsAt.getTime() + draft.openedAfterMinutes * MINUTE);
        const draftSavedAt = new Date(endsAt.getTime() + draft.savedAfterHours * HOUR);
        check(createdAt < draftSavedAt && draftSavedAt <= now, `${what}: ${draft.by}'s draft is saved after it was opened, before now`);
        const content = draftContent(stage, draft, `${what} by ${draft.by}`);
        // As openScorecard, then saveDraft.
        await db.scorecard.create({
          data: { ...keys, status: "draft", draft: JSON.stringify(content), draftSavedAt, createdAt },
        });
      }
    }
  }
}

function check(condition: boolean, rule: string): void {
  if (!condition) throw new Error(`Demo hiring: expected ${rule}`);
}

/** The stage's form filled in from a spec: rows in rubric order, unknown ids refused. */
function fill(
  stage: StageRubric,
  spec: { ratings: Record<string, readonly [number | null, string]>; signals?: Record<string, string>; redFlags?: Record<string, string> },
  what: string,
): Omit<ScorecardContent, "recommendation" | "takeaways"> {
  const unknown = [
    ...Object.keys(spec.ratings).filter((id) => !stage.stage.criteria.some((c) => c.id === id)),
    ...Object.keys(spec.signals ?? {}).filter((id) => !stage.signals.some((s) => s.id === id)),
    ...Object.keys(spec.redFlags ?? {}).filter((id) => !stage.redFlags.some((f) => f.id === id)),
  ];
  if (unknown.length > 0) throw new Error(`Demo scorecard ${what} names ids its stage lacks: ${unknown.join(", ")}`);
  return {
    ratings: stage.stage.criteria.map((c) => ({ criterionId: c.id, rating: spec.ratings[c.id]?.[0] ?? null, evidence: spec.ratings[c.id]?.[1] ?? "" })),
    signals: stage.signals.map((s) => ({ signalId: s.id, observed: spec.signals?.[s.id] !== undefined, note: spec.signals?.[s.id] ?? "" })),
    redFlags: stage.redFlags.map((f) => ({ flagId: f.id, raised: spec.redFlags?.[f.id] !== undefined, evidence: spec.redFlags?.[f.id] ?? "" })),
  };
}

/** A whole scorecard, parsed with the submission schema the app uses; throws if the app would refuse it. */
function submission(stage: StageRubric, spec: SubmittedSpec, what: string): SubmittedContent {
  const content: ScorecardContent = { ...fill(stage, spec, what), recommendation: spec.recommendation, takeaways: spec.takeaways };
  const parsed = scorecardSchemas(stage).submission.safeParse(content);
  if (!parsed.success) throw new Error(`Demo scorecard ${what} would be refused: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** A draft in progress, parsed with the autosave schema. */
function draftContent(stage: StageRubric, spec: DraftSpec, what: string): ScorecardContent {
  const content: ScorecardContent = { ...fill(stage, spec, what), recommendation: null, takeaways: "" };
  const parsed = scorecardSchemas(stage).draft.safeParse(content);
  if (!parsed.success) throw new Error(`Demo draft ${what} would be refused: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).join("; ");
}

