import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
// The sign-ins only: importing the seed itself would load the database client (and its configuration) into the test runner.
import { DEMO_LOGINS, DEMO_PASSWORD } from "../prisma/seed/demo-logins";
import type { Role } from "../app/domain/roles";

export { DEMO_LOGINS, DEMO_PASSWORD };

export function demoLogin(role: Role) {
  const login = DEMO_LOGINS.find((l) => l.role === role);
  if (!login) throw new Error(`No demo login for ${role}`);
  return login;
}

export type Person = { email: string; name: string };

/** Signs in through the form, as a person would, and waits for their home page. */
export async function signInAs(page: Page, person: Person) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${person.name.split(" ")[0]}` })).toBeVisible();
}

/** Signs in as the demo user of a role. */
export async function signIn(page: Page, role: Role) {
  await signInAs(page, demoLogin(role));
}

/** Signs out and waits for the sign-in page, so the next sign-in does not race the sign-out. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}

/** A suffix that keeps names apart: tests share one database. */
export function unique() {
  return `${Date.now()}${Math.floor(Math.random() * 1000)}`;
}

/**
 * As a recruiter on `page`: adds a candidate (named `label` and a unique suffix) and starts a
 * Builder v2 loop for them. The loop of their own keeps a spec's writes away from the others'.
 */
export async function startLoopForNewCandidate(page: Page, label: string) {
  const candidateName = `${label} ${unique()}`;
  await page.goto("/candidates/new");
  await page.getByLabel("Name").fill(candidateName);
  await page.getByLabel("Email").fill(`${label.toLowerCase().replace(/\W+/g, ".")}.${unique()}@mail.example`);
  await page.getByLabel("Source").selectOption({ label: "Founder or indie hacker" });
  await page.getByLabel("Target level").selectOption("L5");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("heading", { level: 1, name: candidateName })).toBeVisible();
  const candidatePath = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "Start an interview loop" }).click();
  await page.getByLabel("Track and rubric version").selectOption({ label: "Builder (v3)" });
  await page.getByRole("button", { name: "Create loop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Interview loop: ${candidateName}` })).toBeVisible();
  return { candidateName, candidatePath, loopPath: new URL(page.url()).pathname };
}

type Viewport = { width: number; height: number };

/**
 * A `test` whose `as(person)` signs that person in, in a browser context of their own (in
 * `timeZone`, at an optional viewport), closed after the test: several people in one test.
 */
export function testWithPeople(timeZone: string) {
  const test = base.extend<{ as: (person: Person, viewport?: Viewport) => Promise<Page> }>({
    as: async ({ browser }, use) => {
      const contexts: BrowserContext[] = [];
      await use(async (person, viewport) => {
        const context = await browser.newContext({ timezoneId: timeZone, ...(viewport ? { viewport } : {}) });
        contexts.push(context);
        const page = await context.newPage();
        await signInAs(page, person);
        return page;
      });
      for (const context of contexts) await context.close();
    },
  });
  test.use({ timezoneId: timeZone });
  return test;
}
