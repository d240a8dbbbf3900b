/**
 * Text for the benchmark organisation: names, scorecard evidence, take-aways, packet evidence,
 * statements, assessments and rationales, composed from small phrase banks with a seeded Rng.
 * Realistic in length and shape (what the pages render and the database stores), never in detail.
 */
import type { Rng } from "./generate-random";

export const FIRST_NAMES = [
  "Aaliyah", "Abel", "Ada", "Adrian", "Agnes", "Ahmed", "Aiko", "Alba", "Alejandro", "Alice", "Amir", "Ana", "Anders", "Andrea",
  "Anika", "Anton", "Arjun", "Astrid", "Ayesha", "Beatriz", "Ben", "Bianca", "Bo", "Camila", "Carlos", "Carmen", "Chen", "Chiara",
  "Chloé", "Clara", "Daniela", "Dario", "David", "Deepa", "Diego", "Dmitri", "Eitan", "Elena", "Elif", "Elijah", "Elsa", "Emeka",
  "Emil", "Emma", "Erik", "Esther", "Fatima", "Felipe", "Fiona", "Freya", "Gabriel", "Giulia", "Hamza", "Hana", "Hannah", "Hiro",
  "Ibrahim", "Ida", "Ifeoma", "Ilya", "Ingrid", "Isaac", "Isabel", "Ivan", "Jamal", "Jana", "Javier", "Jin", "João", "Johanna",
  "Jonas", "Julia", "Kai", "Karim", "Kavya", "Kenji", "Kofi", "Lara", "Laura", "Lena", "Leon", "Lina", "Luca", "Lucía", "Maja",
  "Malik", "Marco", "Maria", "Mateo", "Maya", "Mehmet", "Mia", "Mikael", "Nadia", "Naomi", "Nia", "Nikhil", "Nina", "Oliver",
  "Olivia", "Omar", "Oskar", "Pablo", "Paula", "Pedro", "Priya", "Rafael", "Rania", "Ravi", "Rosa", "Ruth", "Sara", "Sebastián",
  "Selin", "Sergio", "Shira", "Simone", "Sofia", "Stefan", "Tariq", "Tessa", "Theo", "Tobias", "Uma", "Valentina", "Viktor",
  "Wei", "Yara", "Yusuf", "Zara", "Zoe",
];

export const LAST_NAMES = [
  "Abara", "Adeyemi", "Ahmed", "Almeida", "Andersen", "Bauer", "Becker", "Bianchi", "Björk", "Brennan", "Castro", "Chen", "Cohen",
  "Costa", "Dahl", "Das", "Delgado", "Dijkstra", "Dubois", "Eriksen", "Esposito", "Farah", "Ferreira", "Fischer", "García", "Gupta",
  "Haddad", "Hansen", "Hartmann", "Hoffmann", "Horvat", "Huang", "Ibrahim", "Ivanova", "Jansen", "Jensen", "Kaya", "Kim", "Kowalski",
  "Krüger", "Kumar", "Larsen", "Laurent", "Lee", "Lehmann", "Li", "Lindqvist", "Lopes", "López", "Mäkinen", "Mancini", "Martens",
  "Martins", "Mehta", "Mendes", "Meyer", "Moreau", "Moreno", "Müller", "Murphy", "Nakamura", "Nguyen", "Nielsen", "Novak",
  "Nowak", "Okafor", "Okoye", "Olsen", "Ortiz", "Osei", "Park", "Patel", "Pereira", "Petrov", "Popescu", "Quinn", "Rahman", "Ramos",
  "Reyes", "Ricci", "Rossi", "Sato", "Schmidt", "Schneider", "Shah", "Silva", "Singh", "Sousa", "Suzuki", "Svensson", "Takahashi",
  "Tan", "Torres", "Ueda", "Varga", "Vasquez", "Vogel", "Wagner", "Walsh", "Wang", "Weber", "Wong", "Yamamoto", "Yilmaz", "Zhang",
  "Zimmermann",
];

export function personName(rng: Rng): { first: string; last: string; name: string } {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  return { first, last, name: `${first} ${last}` };
}

/** ASCII, lower case, for e-mail local parts. */
export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}

const AREAS = [
  "self-serve onboarding", "usage-based billing", "workspace import", "enterprise SSO", "in-app analytics", "the mobile app",
  "Slack alerts", "the public API", "team permissions", "the pricing page", "automation runs", "the template gallery",
  "search", "the admin console", "audit logs", "the partner marketplace", "invoicing", "data export", "the status page",
  "the AI assistant", "real-time collaboration", "offline mode", "the onboarding checklist", "referral rewards",
  "the help centre", "email digests", "the activity feed", "custom fields", "the Zapier integration", "trial conversion",
];

const COMPANIES = ["a fintech scale-up", "a B2B SaaS start-up", "an agency", "a marketplace", "a health-tech company", "a developer-tools company", "their own start-up", "a logistics platform"];

// ---------------------------------------------------------------------------------------------
// Candidates

export function candidateNotes(rng: Rng, source: string): string {
  const company = rng.pick(COMPANIES);
  const area = rng.pick(AREAS);
  switch (source) {
    case "founder":
      return rng.pick([
        `Founder of a bootstrapped SaaS with ${rng.int(40, 900)} paying customers; wants a team again.`,
        `Indie hacker: ${rng.int(2, 4)} small products, one profitable; strong on marketing and pricing.`,
        `Co-founded ${company}; ran product and engineering until the acquisition.`,
      ]);
    case "product_engineer":
      return rng.pick([
        `Senior engineer at ${company}; shipped ${area} end to end after spotting it in support tickets.`,
        `Full-stack engineer who runs user interviews for their own features; owns ${area} today.`,
        `Staff engineer at ${company} looking for more product ownership.`,
      ]);
    case "technical_pm":
      return rng.pick([
        `Product manager with a CS degree; prototypes in TypeScript; led ${area} at ${company}.`,
        `Group PM at ${company}; writes SQL daily and shipped a pricing change without engineering help.`,
        `Technical PM who moved from engineering; owns ${area}.`,
      ]);
    default:
      return rng.pick([
        `Design engineer from ${company}; referred by a builder.`,
        `Data scientist who shipped internal tools used by ${rng.int(20, 400)} colleagues.`,
        "Met at a product meetup; strong portfolio, little B2B experience.",
      ]);
  }
}

// ---------------------------------------------------------------------------------------------
// Scorecards

const CRITERION_TOPICS: Record<string, string[]> = {
  end_to_end_ownership: ["took a self-initiated feature from idea to production", "owned a billing change including the support docs", "ran a side product from landing page to payments"],
  builder_motivation: ["wants to own outcomes rather than tickets", "explained why a pure engineering role no longer fits", "misses customer contact in the current role"],
  technical_depth_screen: ["walked through a data-model migration at the current job", "explained the trade-offs of the queueing set-up they built", "described debugging a production incident"],
  business_and_product_thinking: ["tied the feature to activation and revenue", "sized the opportunity before building", "explained how they would know a launch had failed"],
  customer_contact: ["runs customer calls every month", "joined support shifts and changed a default after one", "quoted what customers said in interviews last month"],
  live_build: ["built the feature from the brief within the time box", "shipped a working slice with tests", "got the core flow working end to end"],
  system_design: ["designed for the first thousand users, then for a million", "moved the slow path onto a queue with per-tenant limits", "kept one database and explained when to split it"],
  product_considerations: ["asked who the user is before designing the screen", "tied the design to how customers actually behave", "named the metric the design should move"],
  debugging_and_review: ["found the planted bug from the logs", "separated must-fix from style in the review", "wrote a failing test before fixing the bug"],
  define_and_prototype: ["framed the problem and chose a metric before prototyping", "built a prototype that tested the riskiest assumption", "kept the prototype small and focused"],
  prototype_experience: ["made the prototype's flow clear for a first-time user", "handled the empty state and the errors", "left a flow that needed explaining to get through"],
  design_critique: ["gave specific, kind critique of the dashboard", "turned the designer-versus-sales role-play into a test", "defended design choices with user evidence"],
  go_to_market: ["proposed launching through existing customers first", "priced the add-on and named the channel", "had a plan to reach the first hundred users"],
  growth_plan: ["proposed an activation experiment with a clear metric", "named the growth loop and how to measure it", "planned the first experiment and its stop condition"],
  customer_validation: ["named the customers to call and the stop condition", "planned interviews before building more", "would validate with a fake-door test first"],
  past_tradeoffs: ["talked through sunsetting a feature that did not pay off", "owned a trade-off that went wrong", "explained what they cut to ship on time"],
};

const RATING_LEADS: Record<number, string[]> = {
  1: ["Clear evidence against:", "Could not show this:", "Well below the bar:"],
  2: ["Below the bar:", "Partly there:", "Some evidence, but gaps:"],
  3: ["Meets the bar:", "Solid:", "Good:"],
  4: ["Well above the bar:", "Exceptional:", "Outstanding:"],
};

const RATING_DETAILS: Record<number, string[]> = {
  1: ["needed heavy prompting and still missed the core of it.", "the answer contradicted what the role needs.", "no concrete example even when asked twice."],
  2: ["the gaps outweighed the strengths once I probed.", "stayed generic, without specifics or numbers.", "needed prompting for the harder parts."],
  3: ["specific, in their own words, with numbers.", "a clear example from their own work.", "reasoned well when I pushed on the trade-offs."],
  4: ["the best answer I have heard this quarter.", "specific figures and an unprompted second example.", "this would raise the team's bar."],
};

export function ratingEvidence(rng: Rng, criterionId: string, criterionName: string, rating: number): string {
  const topic = rng.pick(CRITERION_TOPICS[criterionId] ?? [criterionName.toLowerCase()]);
  return `${rng.pick(RATING_LEADS[rating] ?? RATING_LEADS[3]!)} ${topic}; ${rng.pick(RATING_DETAILS[rating] ?? RATING_DETAILS[3]!)}`;
}

/** Half-written evidence, as an autosaved draft holds it. */
export function partialEvidence(rng: Rng, criterionId: string, criterionName: string): string {
  const topic = rng.pick(CRITERION_TOPICS[criterionId] ?? [criterionName.toLowerCase()]);
  const words = topic.split(" ");
  return words.slice(0, Math.max(3, rng.int(3, words.length))).join(" ");
}

const SIGNAL_NOTES: Record<string, string[]> = {
  business_terms: ["Described the migration as months of runway rather than as a tech upgrade.", "Justified the queue by the cost of a missed reminder to customers."],
  minimal_resources: ["Ran the whole product alone on a couple of hundred dollars a month.", "Shipped the first version in two weeks with one designer."],
  cross_discipline_learning: ["Taught themself enough Figma to run their own usability tests.", "Took a UX research course and ran the interviews themself."],
  strong_opinions_loosely_held: ["Argued for server rendering, then changed course when the trade-off came up.", "Held a clear view on pricing but took the counter-evidence seriously."],
  asks_about_impact: ["Asked which metric the team is judged on before designing.", "Asked how many customers hit the problem before solving it."],
};

export function signalNote(rng: Rng, signalId: string, text: string): string {
  return rng.chance(0.15) ? "" : rng.pick(SIGNAL_NOTES[signalId] ?? [text]);
}

const FLAG_EVIDENCE = [
  "When I asked what users had said about it, the answer was that users don't know what they want.",
  "Spent most of the exercise on an abstraction nobody had asked for and ran out of time for the flow.",
  "Could not explain the trade-off they had made, even when I asked for it directly.",
  "Said it was not their job to talk to sales or support about the launch.",
  "Treated every item on the list as a must-have and would not say what to cut.",
  "Kept going with the original plan after the data in the exercise showed it would not work.",
];

export function redFlagEvidence(rng: Rng, flagName: string): string {
  return `${flagName}: ${rng.pick(FLAG_EVIDENCE)}`;
}

const TAKEAWAYS: Record<string, string[]> = {
  strong_yes: [
    "One of the strongest candidates this quarter: ships end to end and reasons from customers and numbers.",
    "A clear builder. Strong across the board; I would be happy to have them on my team tomorrow.",
    "Exceptional product judgement backed by real technical depth. Strong yes.",
  ],
  yes: [
    "Solid builder. Meets the bar on everything I saw; the next stage should probe scale.",
    "Good product instincts and clean execution. A few gaps, none that worry me.",
    "Meets the bar. Talks to customers, ships, and explains trade-offs clearly.",
  ],
  no: [
    "Strong engineer, but the product and business side is not there yet for a Builder.",
    "Below the bar on the parts of the role that matter most here; generic answers when probed.",
    "Some good moments, but needed too much prompting. I lean no.",
  ],
  strong_no: [
    "Clear no: could not show end-to-end ownership or customer focus.",
    "Far from the bar on most criteria, and dismissive of customer feedback.",
  ],
};

export function takeaways(rng: Rng, recommendation: string): string {
  return rng.pick(TAKEAWAYS[recommendation] ?? TAKEAWAYS.yes!);
}

export function hiringRationale(rng: Rng, outcome: "hire" | "no_hire", level: string | null, recommendation: string): string {
  if (outcome === "hire") {
    return rng.pick([
      `Hire at ${level}. The aggregate supports ${level}; interviewers agree on ownership and customer focus.`,
      `Hire at ${level}: every barred competency meets the ${level} bar; the one disagreement was resolved in the debrief.`,
      `Hire at ${level}. Strong product sense and shipping; system design is the area to grow.`,
    ]);
  }
  return rng.pick([
    `No hire. The aggregate says ${recommendation.replace(/_/g, " ")}; the product and business bars are not met.`,
    "No hire: strong technically, but customer focus and business sense fall short of the target level.",
    "No hire. Several interviewers saw the same gaps; we would reconsider in a year.",
  ]);
}

// ---------------------------------------------------------------------------------------------
// Promotion packets

const EVIDENCE_VERBS = ["Led", "Founded", "Rebuilt", "Launched", "Proposed and shipped", "Turned around", "Scaled", "Redesigned"];

export function evidenceItem(rng: Rng): { title: string; description: string; impact: string; links: string[] } {
  const area = rng.pick(AREAS);
  const verb = rng.pick(EVIDENCE_VERBS);
  const title = `${verb} ${area}`;
  const s = slug(area).replace(/\./g, "-");
  const description = rng.pick([
    `Spotted the problem in win/loss notes and support tickets, wrote the spec, ran ${rng.int(5, 20)} customer calls, built the core of ${area} and set up a weekly sync with the teams it touched.`,
    `Proposed ${area} to leadership with a one-page memo, prototyped it in two weeks, and led ${rng.int(2, 6)} engineers and a designer through the launch and the 28-day review.`,
    `Took over ${area} when it had stalled, agreed one plan with the partner teams, cut scope to what customers asked for and shipped it.`,
    `Ran the discovery for ${area}: interviews, a fake-door test and a pricing survey; then built and launched the first version with one other engineer.`,
  ]);
  const impact = rng.pick([
    `Adopted by ${rng.int(300, 5000).toLocaleString("en-US")} accounts in ${rng.int(2, 6)} months; retention for those accounts is ${rng.int(3, 12)} points higher.`,
    `Trial-to-paid conversion rose from ${rng.int(8, 14)}% to ${rng.int(15, 24)}%; support tickets on the topic fell ${rng.int(20, 60)}%.`,
    `Unblocked ${rng.int(5, 40)} enterprise deals worth USD ${rng.int(2, 40) / 10}M ARR; launched ${rng.int(1, 4)} weeks early with no P1 incidents.`,
    `Average revenue per account rose ${rng.int(4, 15)}% with no measurable change in conversion.`,
  ]);
  const links = [
    `https://northwind.example/changelog/${s}`,
    `https://docs.northwind.example/specs/${s}`,
    `https://example.com/northwind/metrics/${s}`,
  ].slice(0, rng.int(0, 3));
  return { title, description, impact, links };
}

export function packetSummary(rng: Rng, name: string, target: string): string {
  const first = name.split(" ")[0];
  return rng.pick([
    `${first} has worked at ${target} for the last three quarters: proposing cross-team projects rather than taking them on, and shaping what the team builds next.\n\nThe evidence below shows the scope; the gaps are named in the assessments.`,
    `Since the last promotion ${first} moved from owning features to leading projects that need several teams. The strongest examples are below, with the figures.`,
    `This packet makes the case for ${target}. ${first} founded a new surface, grew two people into builders and now represents the team outside the company.`,
  ]);
}

export function peerStatement(rng: Rng, builderFirst: string): string {
  return rng.pick([
    `I worked with ${builderFirst} on this for most of the project. They kept everyone on one decision log and unblocked us without waiting for meetings.`,
    `${builderFirst} led this end to end. When the rollout hit a problem they paused it the same afternoon, told support what to say and had a fix out the next day.`,
    `I reviewed most of the code and sat in on the customer calls. ${builderFirst} changed the plan twice because of what customers said, both times for the better.`,
    `From the design side: ${builderFirst} brought us in before anything was built and tested three versions with customers. That is rare.`,
  ]);
}

export function assessmentComment(rng: Rng, criterionName: string, rating: number, target: string): string {
  const lead =
    rating >= 4 ? "Clearly at the next level." : rating === 3 ? `Meets what ${target} asks.` : rating === 2 ? "Partly there." : "Not yet.";
  return `${lead} ${criterionName}: ${rng.pick([
    "the evidence items show it at the scope the level describes.",
    "one strong example; I want to see a second at the same scale.",
    "others now seek their view before deciding.",
    "consistent over the last two quarters.",
  ])}`;
}

export function promotionRationale(rng: Rng, outcome: "promoted" | "not_yet", target: string, summaryLine: string): string {
  if (outcome === "promoted") {
    return `${summaryLine}\nEvery criterion ${target} asks for is evidenced, and the manager's assessment and the peer statements agree.`;
  }
  return rng.pick([
    `Not yet. The scope is there, but the evidence for ${target} is thin on influence beyond the team.`,
    `Not yet: strong delivery, but ${target} needs cross-team leadership the packet does not show yet.`,
  ]);
}

export function promotionFeedback(rng: Rng, criterionName: string): string {
  return `${criterionName}: ${rng.pick([
    "one example so far; look for a second at the same scale before the next packet.",
    "strong evidence; keep it up.",
    "the packet shows intent more than outcome: bring the figures.",
    "ask your manager for a project that exercises this across teams.",
  ])}`;
}
