import type { PrismaClient } from "~/generated/prisma/client";
import type { Level } from "~/domain/levels";
import type { Role } from "~/domain/roles";
import type { CandidateSource } from "~/domain/candidates";
import { hashPassword } from "~/utils/password.server";
import { seedDemoHiring } from "./demo-hiring";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./demo-logins";
import { seedDemoProjects } from "./demo-projects";
import { seedDemoPromotions } from "./demo-promotions";

export { DEMO_LOGINS, DEMO_PASSWORD };

/**
 * Northwind Labs, a realistic demo organisation: one sign-in per role, two managers with a
 * dozen builders between them at L4–L7 (several of whom also interview), and candidates in the
 * pipeline, four of them with interview loops and scorecards (./demo-hiring.ts), the builders'
 * project log in every state with a few weeks of demos (./demo-projects.ts), and promotion packets
 * in every state, one clearly ready and one with gaps (./demo-promotions.ts).
 */
type DemoPerson = { email: string; name: string; roles: Role[]; level?: Level; manager?: string; started?: string };

const PEOPLE: DemoPerson[] = [
  { email: "admin@northwind.example", name: "Morgan Lee", roles: ["admin"] },
  { email: "recruiter@northwind.example", name: "Sofia Alvarez", roles: ["recruiter"] },
  { email: "interviewer@northwind.example", name: "Daniel Okafor", roles: ["interviewer"] },
  { email: "hiring@northwind.example", name: "Hannah Schmidt", roles: ["hiring_committee", "interviewer"] },
  { email: "manager@northwind.example", name: "Marcus Chen", roles: ["manager", "interviewer"] },
  { email: "aisha.rahman@northwind.example", name: "Aisha Rahman", roles: ["manager", "hiring_committee"] },
  { email: "promotions@northwind.example", name: "Priya Natarajan", roles: ["promotion_committee"] },
  { email: "tomas.berg@northwind.example", name: "Tomás Berg", roles: ["promotion_committee", "hiring_committee"] },
  // Builders. Marcus Chen manages the first six, Aisha Rahman the other six.
  { email: "builder@northwind.example", name: "Bea Novak", roles: ["builder"], level: "L5", manager: "manager@northwind.example", started: "2024-03-04" },
  { email: "leo.martins@northwind.example", name: "Leo Martins", roles: ["builder", "interviewer"], level: "L4", manager: "manager@northwind.example", started: "2025-06-16" },
  { email: "yuki.tanaka@northwind.example", name: "Yuki Tanaka", roles: ["builder", "interviewer"], level: "L6", manager: "manager@northwind.example", started: "2021-09-01" },
  { email: "omar.haddad@northwind.example", name: "Omar Haddad", roles: ["builder"], level: "L4", manager: "manager@northwind.example", started: "2025-11-03" },
  { email: "grace.kim@northwind.example", name: "Grace Kim", roles: ["builder", "interviewer"], level: "L5", manager: "manager@northwind.example", started: "2023-01-09" },
  { email: "felix.wagner@northwind.example", name: "Felix Wagner", roles: ["builder"], level: "L4", manager: "manager@northwind.example", started: "2026-02-02" },
  { email: "amara.eze@northwind.example", name: "Amara Eze", roles: ["builder", "interviewer"], level: "L7", manager: "aisha.rahman@northwind.example", started: "2019-04-15" },
  { email: "lucas.moreau@northwind.example", name: "Lucas Moreau", roles: ["builder", "interviewer"], level: "L6", manager: "aisha.rahman@northwind.example", started: "2022-05-23" },
  { email: "ines.costa@northwind.example", name: "Inês Costa", roles: ["builder"], level: "L5", manager: "aisha.rahman@northwind.example", started: "2023-08-28" },
  { email: "noah.fischer@northwind.example", name: "Noah Fischer", roles: ["builder"], level: "L4", manager: "aisha.rahman@northwind.example", started: "2025-03-10" },
  { email: "mei.lin@northwind.example", name: "Mei Lin", roles: ["builder", "interviewer"], level: "L5", manager: "aisha.rahman@northwind.example", started: "2022-11-14" },
  { email: "samuel.osei@northwind.example", name: "Samuel Osei", roles: ["builder"], level: "L6", manager: "aisha.rahman@northwind.example", started: "2020-07-06" },
];

// `daysAgo`: when each was added; those with loops came first (loops start after their candidate).
const CANDIDATES: Array<{
  name: string;
  email: string;
  source: CandidateSource;
  targetLevel: Level;
  links: string;
  notes: string;
  daysAgo: number;
}> = [
  {
    name: "Ravi Menon",
    email: "ravi.menon@mail.example",
    source: "founder",
    targetLevel: "L5",
    links: "https://ravimenon.example\nhttps://github.com/ravimenon-example",
    notes: "Ran a bootstrapped invoicing SaaS to 400 paying customers; looking for a team again.",
    daysAgo: 42,
  },
  {
    name: "Chloé Dubois",
    email: "chloe.dubois@mail.example",
    source: "product_engineer",
    targetLevel: "L4",
    links: "https://chloedubois.example",
    notes: "Senior full-stack engineer at a fintech; has shipped two self-initiated features end to end.",
    daysAgo: 20,
  },
  {
    name: "Jonas Weber",
    email: "jonas.weber@mail.example",
    source: "technical_pm",
    targetLevel: "L6",
    links: "https://www.linkedin.com/in/jonas-weber-example",
    notes: "Group PM with a CS degree; prototypes in TypeScript; led a pricing overhaul.",
    daysAgo: 30,
  },
  {
    name: "Ana Souza",
    email: "ana.souza@mail.example",
    source: "founder",
    targetLevel: "L6",
    links: "https://anasouza.example",
    notes: "Indie hacker: three profitable micro-SaaS products; strong growth and content marketing.",
    daysAgo: 9,
  },
  {
    name: "Kwame Asante",
    email: "kwame.asante@mail.example",
    source: "other",
    targetLevel: "L4",
    links: "",
    notes: "Design engineer from an agency background; referred by Yuki Tanaka.",
    daysAgo: 3,
  },
];

/** Pay and past promotions of the demo builders (USD, inside builder v1/v2's example bands). */
const CAREERS: Record<string, { base: number; joinedAt?: Level; promotions?: Array<{ level: Level; on: string; note: string }> }> = {
  "builder@northwind.example": { base: 231000, joinedAt: "L4", promotions: [{ level: "L5", on: "2025-09-01", note: "Led the self-serve onboarding rebuild end to end." }] },
  "leo.martins@northwind.example": { base: 182000 },
  "yuki.tanaka@northwind.example": { base: 268000, joinedAt: "L5", promotions: [{ level: "L6", on: "2024-03-01", note: "Founded the usage-based billing surface." }] },
  "omar.haddad@northwind.example": { base: 178000 },
  "grace.kim@northwind.example": { base: 214000, joinedAt: "L4", promotions: [{ level: "L5", on: "2025-03-01", note: "Shipped the design-system migration across three teams." }] },
  "felix.wagner@northwind.example": { base: 176000 },
  "amara.eze@northwind.example": { base: 335000, joinedAt: "L6", promotions: [{ level: "L7", on: "2023-03-01", note: "Defined the AI assistant market entry." }] },
  "lucas.moreau@northwind.example": { base: 252000, joinedAt: "L5", promotions: [{ level: "L6", on: "2025-03-01", note: "Led the cross-team reliability programme." }] },
  "ines.costa@northwind.example": { base: 226000 },
  "noah.fischer@northwind.example": { base: 190000 },
  "mei.lin@northwind.example": { base: 241000 },
  "samuel.osei@northwind.example": { base: 289000 },
};

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.count()) === 0;
}

/**
 * Writes the demo organisation, in one transaction. The caller ensures the database is empty and
 * has published the rubric files (the demo loops pin builder v1 and v2).
 */
export async function seedDemoOrganisation(prisma: PrismaClient, now: Date): Promise<void> {
  // One hash for the shared demo password keeps seeding fast; real accounts each get their own.
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();

  await prisma.$transaction(async (tx) => {
    for (const person of PEOPLE) {
      const user = await tx.user.create({
        data: {
          email: person.email,
          name: person.name,
          createdAt: now,
          password: { create: { hash } },
          roles: { create: person.roles.map((role) => ({ role })) },
        },
      });
      ids.set(person.email, user.id);
    }
    // Builders' records are read against the builder track's current version (when published).
    const builderRubric = await tx.rubricVersion.findFirst({ where: { track: "builder", retiredAt: null }, orderBy: { version: "desc" } });
    for (const person of PEOPLE) {
      if (!person.level) continue;
      const career = CAREERS[person.email];
      const startedAt = new Date(`${person.started}T09:00:00Z`);
      await tx.builder.create({
        data: {
          userId: ids.get(person.email)!,
          level: person.level,
          managerId: person.manager ? ids.get(person.manager)! : null,
          startedAt,
          rubricVersionId: builderRubric?.id ?? null,
          baseSalary: career?.base ?? null,
          currency: career ? "USD" : null,
          levelHistory: {
            create: [
              { level: career?.joinedAt ?? person.level, effectiveAt: startedAt, reason: "joined" },
              ...(career?.promotions ?? []).map((p) => ({
                level: p.level,
                effectiveAt: new Date(`${p.on}T09:00:00Z`),
                reason: "promoted",
                note: p.note,
              })),
            ],
          },
        },
      });
    }
    for (const { daysAgo, ...candidate } of CANDIDATES) {
      const createdAt = new Date(now.getTime() - daysAgo * 24 * 60 * 60 * 1000);
      await tx.candidate.create({ data: { ...candidate, createdAt, updatedAt: createdAt } });
    }
    await seedDemoHiring(tx, now);
    // Projects before packets: Mei Lin's packet cites one of hers.
    const projects = await seedDemoProjects(tx, now);
    await seedDemoPromotions(tx, now, projects);
  }, { timeout: 60_000 });
}
