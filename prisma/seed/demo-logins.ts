// The demo sign-ins on their own, so the start-up and the e2e tests can print and use them without loading the database client.
import type { Role } from "~/domain/roles";

/** Every demo user's password (the demo organisation is for trying the app, never for real data). */
export const DEMO_PASSWORD = "ladder-demo-2026";

/** One sign-in per role, as the README and the start-up list them. */
export const DEMO_LOGINS: ReadonlyArray<{ role: Role; email: string; name: string }> = [
  { role: "admin", email: "admin@northwind.example", name: "Morgan Lee" },
  { role: "recruiter", email: "recruiter@northwind.example", name: "Sofia Alvarez" },
  { role: "interviewer", email: "interviewer@northwind.example", name: "Daniel Okafor" },
  { role: "hiring_committee", email: "hiring@northwind.example", name: "Hannah Schmidt" },
  { role: "manager", email: "manager@northwind.example", name: "Marcus Chen" },
  { role: "builder", email: "builder@northwind.example", name: "Bea Novak" },
  { role: "promotion_committee", email: "promotions@northwind.example", name: "Priya Natarajan" },
];
