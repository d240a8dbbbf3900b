/**
 * Who knocks: signed out; one person per single role; every combination of roles the demo
 * organisation holds (with the relations that come with them: builders who interview, builders
 * invited as peers, managers who interview or sit on the hiring committee); and the combinations
 * the world adds (an admin or a recruiter who interviews, a committee member who has submitted).
 */
import type { Role } from "~/domain/roles";
import type { Viewer } from "~/domain/permissions";
import { sessionCookieFor } from "../helpers/users";
import { EXTRA, type Person, type World } from "./world";

export type Persona = {
  key: string;
  /** Name and roles, plus what makes them interesting, for failure messages. */
  label: string;
  person: Person | null;
  viewer: Viewer | null;
  cookie: string | null;
};

const CAST: Array<{ key: string; email: string | null; why: string; roles?: Role[] }> = [
  { key: "signed-out", email: null, why: "no session" },
  // One person per single role.
  { key: "admin", email: "admin@northwind.example", why: "Morgan", roles: ["admin"] },
  { key: "recruiter", email: "recruiter@northwind.example", why: "Sofia", roles: ["recruiter"] },
  { key: "interviewer", email: "interviewer@northwind.example", why: "Daniel: submitted on Ravi and Jonas; a draft on Chloé; owes on Ana", roles: ["interviewer"] },
  { key: "hiring-committee", email: EXTRA.hiringCommittee, why: "Harriet", roles: ["hiring_committee"] },
  { key: "manager", email: EXTRA.manager, why: "Mona, manages Ben only", roles: ["manager"] },
  { key: "builder", email: "builder@northwind.example", why: "Bea: own draft packet", roles: ["builder"] },
  { key: "promotion-committee", email: "promotions@northwind.example", why: "Priya", roles: ["promotion_committee"] },
  // The demo organisation's combinations.
  { key: "hannah", email: "hiring@northwind.example", why: "Hannah: owes on Chloé", roles: ["interviewer", "hiring_committee"] },
  { key: "marcus", email: "manager@northwind.example", why: "Marcus: manages Bea's team; submitted on Jonas", roles: ["interviewer", "manager"] },
  { key: "aisha", email: "aisha.rahman@northwind.example", why: "Aisha: manages Mei, Samuel, Noah, Lucas", roles: ["hiring_committee", "manager"] },
  { key: "tomas", email: "tomas.berg@northwind.example", why: "Tomás", roles: ["hiring_committee", "promotion_committee"] },
  { key: "leo", email: "leo.martins@northwind.example", why: "Leo: submitted on Chloé; invited peer on Bea's draft, no statement", roles: ["interviewer", "builder"] },
  { key: "grace", email: "grace.kim@northwind.example", why: "Grace: submitted on Chloé and Ravi; peer with a statement on Bea's draft", roles: ["interviewer", "builder"] },
  { key: "yuki", email: "yuki.tanaka@northwind.example", why: "Yuki: submitted on Ravi; owes on Chloé; peer on Samuel's", roles: ["interviewer", "builder"] },
  { key: "mei", email: "mei.lin@northwind.example", why: "Mei: submitted on Jonas; owes on Ana; own packet submitted; peer on Noah's", roles: ["interviewer", "builder"] },
  { key: "lucas", email: "lucas.moreau@northwind.example", why: "Lucas: own packet decided; peer on Mei's", roles: ["interviewer", "builder"] },
  { key: "amara", email: "amara.eze@northwind.example", why: "Amara: L7; peer on Samuel's and Lucas's", roles: ["interviewer", "builder"] },
  { key: "ines", email: "ines.costa@northwind.example", why: "Inês: peer on Mei's", roles: ["builder"] },
  { key: "samuel", email: "samuel.osei@northwind.example", why: "Samuel: own packet in review; peer on Lucas's", roles: ["builder"] },
  // Combinations the world adds.
  { key: "admin+interviewer", email: EXTRA.adminInterviewer, why: "Ada: owes on Jonas", roles: ["admin", "interviewer"] },
  { key: "committee+interviewer", email: EXTRA.committeeInterviewer, why: "Hugo: submitted on Jonas", roles: ["interviewer", "hiring_committee"] },
  { key: "recruiter+interviewer", email: EXTRA.recruiterInterviewer, why: "Rita: owes on Ana", roles: ["recruiter", "interviewer"] },
];

/** Signs every persona in (one session each) and checks each holds the roles the cast says. */
export async function signInPersonas(world: World): Promise<Persona[]> {
  const personas: Persona[] = [];
  for (const member of CAST) {
    if (!member.email) {
      personas.push({ key: member.key, label: "signed out", person: null, viewer: null, cookie: null });
      continue;
    }
    const person = world.person(member.email);
    if ([...person.roles].sort().join() !== [...(member.roles ?? [])].sort().join()) {
      throw new Error(`${member.email} holds ${person.roles.join("+")}, not ${member.roles?.join("+")}: the cast is out of date`);
    }
    personas.push({
      key: member.key,
      label: `${member.why} [${person.roles.join("+")}]`,
      person,
      viewer: { id: person.id, roles: person.roles },
      cookie: await sessionCookieFor(person.id, world.now),
    });
  }
  return personas;
}

/** Every combination of roles held by someone in the organisation (for the coverage check). */
export function roleCombinations(people: readonly Person[]): string[] {
  return [...new Set(people.map((p) => [...p.roles].sort().join("+")))].sort();
}
