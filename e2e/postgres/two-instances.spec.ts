/**
 * Two app instances on one PostgreSQL database, one person's requests alternating between them,
 * as behind a load balancer without sticky sessions. Runs in `npm run test:postgres` (it needs
 * TEST_POSTGRES_URL, a server to make a database on, and the production build).
 */
import { randomUUID } from "node:crypto";
import net from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { serve, type Served } from "../../test/bench/processes";
import { adminQuery, databaseUrlFor } from "../../test/setup/postgres-admin";
import type { Role } from "../../app/domain/roles";
import { demoLogin, DEMO_PASSWORD } from "../fixtures";

const admin = process.env.TEST_POSTGRES_URL ?? "";
const database = `bl_two_instances_${randomUUID().replace(/-/g, "")}`;
// Free ports, asked of the system at start: nothing else on the machine is disturbed.
let PORTS: [number, number] = [0, 0];
let instances: Served[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test.skip(!admin, "needs TEST_POSTGRES_URL (npm run test:postgres)");
// Not UTC, so that a page's times show when React has hydrated it (the server writes UTC).
test.use({ timezoneId: "Europe/Berlin" });

test.beforeAll(async () => {
  PORTS = [await freePort(), await freePort()];
  await adminQuery(admin, `CREATE DATABASE "${database}"`);
  const start = (port: number) =>
    serve(
      ["--import", "tsx", "server.ts"],
      {
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        DATABASE_URL: databaseUrlFor(admin, database),
        SESSION_SECRET: "two-instances-session-secret-0123456789ab",
        DEPLOYMENT: "demo",
        SEED_DEMO: "true",
        LOG_REQUESTS: "false",
      },
      `http://127.0.0.1:${port}`,
      "/login",
    );
  // The first migrates and seeds the empty database; the second finds it ready.
  instances = [await start(PORTS[0]), await start(PORTS[1])];
});

test.afterAll(async () => {
  for (const instance of instances) await instance.stop();
  await adminQuery(admin, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});

const on = (i: 0 | 1, path: string) => `http://127.0.0.1:${PORTS[i]}${path}`;

test("both instances say they are ready, on PostgreSQL", async ({ request }) => {
  for (const i of [0, 1] as const) {
    const ready = await request.get(on(i, "/readyz"));
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: "postgresql" });
  }
});

async function signInOn(page: Page, i: 0 | 1, who: Role | { email: string; name: string }) {
  const person = typeof who === "string" ? demoLogin(who) : who;
  await page.goto(on(i, "/login"));
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${person.name.split(" ")[0]}` })).toBeVisible();
}

test("signed in on one instance, a person carries on on the other, and each sees the other's writes at once", async ({ page }) => {
  await signInOn(page, 0, "recruiter");

  // The same browser on the other instance (cookies do not depend on the port): still signed in.
  await page.goto(on(1, "/candidates/new"));
  await expect(page.getByRole("heading", { level: 1, name: "New candidate" })).toBeVisible();
  const name = `Two Instances ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`two.instances.${Date.now()}@mail.example`);
  await page.getByLabel("Source").selectOption({ label: "Founder or indie hacker" });
  await page.getByLabel("Target level").selectOption("L5");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const candidatePath = new URL(page.url()).pathname;

  // Written on the second, read on the first at the next request.
  await page.goto(on(0, candidatePath));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.goto(on(0, "/candidates"));
  await expect(page.getByRole("rowheader", { name, exact: true })).toBeVisible();

  // Signed out on the first: the second no longer knows the session either.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.goto(on(1, "/candidates"));
  await expect(page).toHaveURL(/\/login/);
});

test("the committee list and page an instance keeps in memory follow a decision recorded on the other", async ({ page }) => {
  // Each instance keeps the committee list's rows in memory, refreshed from the loops whose
  // revision rose in the database: the first instance's list is built here, before the decision.
  await signInOn(page, 0, "hiring_committee");
  const loops = page.getByRole("region", { name: "Interview loops" });
  const ravi = loops.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Ravi Menon" }) });
  await page.goto(on(0, "/committee"));
  await expect(ravi).toBeVisible();
  await ravi.getByRole("link", { name: "Open review of Ravi Menon's loop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Committee review: Ravi Menon" })).toBeVisible();
  const committeePath = new URL(page.url()).pathname;
  const decision = page.getByRole("region", { name: "Decision", exact: true });
  await expect(decision.getByText("No decision recorded yet.")).toBeVisible();

  // The decision, on the second instance.
  await page.goto(on(1, committeePath));
  await expect(page.getByRole("main").locator("header time").first()).not.toContainText("UTC"); // hydrated
  const form = decision.getByRole("form", { name: "Record the decision" });
  await form.getByRole("radio", { name: "Hire", exact: true }).check();
  await form.getByLabel("Level").selectOption("L5");
  await form.getByLabel(/^Base salary/).fill("230000");
  await form.getByLabel("Rationale").fill("Decided on the second instance.");
  await form.getByRole("button", { name: "Record decision" }).click();
  const dialog = page.getByRole("dialog", { name: "Record this decision?" });
  await dialog.getByRole("button", { name: "Record decision" }).click();
  await expect(decision.getByRole("status")).toHaveText("Decision recorded.");

  // The first instance's next requests show it: the loop has left the list of loops in review,
  // is among the decided ones, and its page carries the decision.
  await page.goto(on(0, "/committee"));
  await expect(loops.getByRole("rowheader", { name: "Jonas Weber" })).toBeVisible();
  await expect(ravi).toHaveCount(0);
  await page.goto(on(0, "/committee?status=decided"));
  await expect(ravi).toBeVisible();
  await page.goto(on(0, committeePath));
  await expect(page.getByRole("region", { name: "Summary", exact: true })).toContainText("Hire at L5, base $230,000 · decided by Hannah Schmidt");
});

test("the panel leniency an instance keeps in memory follows a scorecard submitted on the other", async ({ page }) => {
  // Aisha Rahman, on the hiring committee and not on Chloé Dubois's panel, reads that loop's
  // committee page on the first instance: its leniency figures are computed and kept there.
  await signInOn(page, 0, { email: "aisha.rahman@northwind.example", name: "Aisha Rahman" });
  await page.goto(on(0, "/committee?status=in_progress"));
  await page.getByRole("link", { name: "Open review of Chloé Dubois's loop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Committee review: Chloé Dubois" })).toBeVisible();
  const committeePath = new URL(page.url()).pathname;
  const lenience = page.getByRole("table", { name: "Each interviewer against the panel" });
  const daniel = lenience.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Daniel Okafor", exact: true }) });
  const grace = lenience.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Grace Kim", exact: true }) });
  await expect(grace).toBeVisible();
  const graceBefore = await grace.innerText();
  const danielBefore = (await daniel.count()) > 0 ? await daniel.innerText() : null;

  // Daniel Okafor submits his overdue Stage 2 scorecard for her on the second instance: his
  // ratings now meet Grace Kim's on the same criteria.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await signInOn(page, 1, "interviewer");
  await page.goto(on(1, committeePath.replace(/\/committee$/, "")));
  const stage2 = page.getByRole("region", { name: "Stage 2: Technical deep dive", exact: true });
  await stage2.getByRole("listitem").filter({ hasText: /^Daniel Okafor:/ }).getByRole("link", { name: /your scorecard/ }).click();
  await expect(page.getByRole("main").locator("time").first()).not.toContainText("UTC"); // hydrated
  const form = page.getByRole("form", { name: "Scorecard" });
  for (const name of ["Builds a small feature end to end", "System design", "Product considerations in the design", "Debugging and code review"]) {
    const criterion = form.getByRole("group", { name, exact: true });
    await criterion.getByRole("radio", { name: /^3 · Yes/ }).check();
    await criterion.getByRole("textbox", { name: /^Evidence/ }).fill(`Daniel on ${name}, written on the second instance.`);
  }
  await form.getByRole("group", { name: "Overall recommendation" }).getByRole("radio", { name: "Yes", exact: true }).check();
  await form.getByLabel("Key take-aways").fill("Solid on every criterion.");
  await form.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(page.getByText("Submitted and locked.")).toBeVisible();

  // Aisha's next request to the first instance shows the new comparisons: Grace Kim's figures, kept
  // there since the first read, and Daniel's.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await signInOn(page, 0, { email: "aisha.rahman@northwind.example", name: "Aisha Rahman" });
  await page.goto(on(0, committeePath));
  await expect(daniel).toBeVisible();
  expect(await daniel.innerText()).not.toBe(danielBefore);
  expect(await grace.innerText()).not.toBe(graceBefore);
});

test("failed sign-ins count across instances: the first refused attempt comes at the same count whichever instance gets it", async ({ request }) => {
  const target = demoLogin("builder");
  const attempt = (i: 0 | 1) =>
    request.post(on(i, "/login"), {
      form: { email: target.email, password: "not the password" },
      headers: { Origin: `http://127.0.0.1:${PORTS[i]}` },
      maxRedirects: 0,
    });
  const statuses: number[] = [];
  // Alternate instances; on one instance the sixth failure within the window is paused (five are free).
  for (let n = 0; n < 6; n++) statuses.push((await attempt((n % 2) as 0 | 1)).status());
  expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
  expect(statuses[5]).toBe(429);
  // And the first instance, which saw only three of them, refuses too.
  const paused = await attempt(0);
  expect(paused.status()).toBe(429);
  expect(await paused.text()).toMatch(/Too many failed sign-in attempts/);
});
