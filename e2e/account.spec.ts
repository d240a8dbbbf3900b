import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signInAs, unique, type Person } from "./fixtures";

/**
 * One's own account, end to end: changing the password (other browsers are signed out), signing
 * out everywhere, and an onboarded builder forced to replace the temporary password. Each test
 * uses people no other spec signs in as (Noah, Inês) or creates its own, since specs share one database.
 */

const NOAH: Person = { email: "noah.fischer@northwind.example", name: "Noah Fischer" };
const INES: Person = { email: "ines.costa@northwind.example", name: "Inês Costa" };
const TOMAS: Person = { email: "tomas.berg@northwind.example", name: "Tomás Berg" };
const RECRUITER: Person = { email: "recruiter@northwind.example", name: "Sofia Alvarez" };
const HANNAH: Person = { email: "hiring@northwind.example", name: "Hannah Schmidt" };
const ADMIN: Person = { email: "admin@northwind.example", name: "Morgan Lee" };

/** A new browser (its own cookies), signed in as `person`. */
async function browserOf(browser: Browser, person: Person): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, person);
  return page;
}

async function expectSignedOut(page: Page) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
}

test("changing one's password: a wrong current password is refused at its field; then it changes and every other browser is signed out", async ({ browser }) => {
  const laptop = await browserOf(browser, NOAH);
  const phone = await browserOf(browser, NOAH);

  await laptop.getByRole("banner").getByRole("link", { name: "Your account" }).click();
  await expect(laptop.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(laptop.getByText("You are signed in on 2 browsers or devices, this one included.")).toBeVisible();
  await laptop.getByRole("link", { name: "Change your password" }).click();
  await expect(laptop.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();

  // The browser checks the policy before sending anything.
  await laptop.getByLabel("Current password").fill(DEMO_PASSWORD);
  await laptop.getByLabel("New password", { exact: true }).fill("too short");
  await laptop.getByLabel("New password again").fill("too short");
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByText("Use at least 12 characters")).toBeVisible();

  const newPassword = `Noah's own passphrase ${unique()}`;
  await laptop.getByLabel("Current password").fill("not my password at all");
  await laptop.getByLabel("New password", { exact: true }).fill(newPassword);
  await laptop.getByLabel("New password again").fill(newPassword);
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByText("That is not your current password")).toBeVisible();
  await expect(laptop.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await laptop.getByLabel("Current password").fill(DEMO_PASSWORD);
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByRole("status")).toHaveText("Your password is changed. Every other browser signed in as you has been signed out.");
  await expect(laptop.getByText("You are signed in on 1 browser or device: this one.")).toBeVisible();

  await expectSignedOut(phone);
  await laptop.goto("/");
  await expect(laptop.getByRole("heading", { level: 1, name: "Welcome, Noah" })).toBeVisible();

  // The new password is the one that signs in now.
  await phone.getByLabel("Email").fill(NOAH.email);
  await phone.getByLabel("Password").fill(DEMO_PASSWORD);
  await phone.getByRole("button", { name: "Sign in" }).click();
  await expect(phone.getByRole("alert")).toHaveText("That email and password do not match an account.");
  await phone.getByLabel("Password").fill(newPassword);
  await phone.getByRole("button", { name: "Sign in" }).click();
  await expect(phone.getByRole("heading", { level: 1, name: "Welcome, Noah" })).toBeVisible();

  await laptop.context().close();
  await phone.context().close();
});

test("signing out everywhere ends every session, this one included, and lands on the sign-in page", async ({ browser }) => {
  const laptop = await browserOf(browser, INES);
  const phone = await browserOf(browser, INES);

  await laptop.getByRole("banner").getByRole("link", { name: "Your account" }).click();
  await expect(laptop.getByText("You are signed in on 2 browsers or devices, this one included.")).toBeVisible();
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/login$/);
  await expect(laptop.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  expect((await laptop.context().cookies()).find((c) => c.name === "__session")).toBeUndefined();

  await expectSignedOut(phone);
  await expectSignedOut(laptop);

  await laptop.context().close();
  await phone.context().close();
});

test("an onboarded builder must replace the temporary password before anything else", async ({ browser }) => {
  test.slow();
  const name = `Tariq Onboard${unique()}`;
  const email = `tariq.${unique()}@mail.example`;

  // A recruiter adds the candidate and starts a loop…
  const recruiter = await browserOf(browser, RECRUITER);
  await recruiter.goto("/candidates/new");
  await recruiter.getByLabel("Name").fill(name);
  await recruiter.getByLabel("Email").fill(email);
  await recruiter.getByLabel("Source").selectOption({ label: "Founder or indie hacker" });
  await recruiter.getByLabel("Target level").selectOption("L5");
  await recruiter.getByRole("button", { name: "Add candidate" }).click();
  await expect(recruiter.getByRole("heading", { level: 1, name })).toBeVisible();
  const candidatePath = new URL(recruiter.url()).pathname;
  await recruiter.getByRole("link", { name: "Start an interview loop" }).click();
  await recruiter.getByLabel("Track and rubric version").selectOption({ label: "Builder (v3)" });
  await recruiter.getByRole("button", { name: "Create loop" }).click();
  await recruiter.waitForURL((url) => /^\/loops\/[^/]+$/.test(url.pathname));
  const loopPath = new URL(recruiter.url()).pathname;
  await recruiter.context().close();

  // …the hiring committee decides to hire…
  // (In a time zone other than UTC: times read "UTC" until React has hydrated the page.)
  const hannah = await (await browser.newContext({ timezoneId: "Europe/Berlin" })).newPage();
  await signInAs(hannah, HANNAH);
  expect((await hannah.goto(`${loopPath}/committee`))?.status()).toBe(200);
  await expect(hannah.getByRole("heading", { level: 1, name: `Committee review: ${name}` })).toBeVisible();
  await expect(hannah.getByRole("main").locator("header time").first()).not.toContainText("UTC");
  const decision = hannah.getByRole("region", { name: "Decision", exact: true });
  const form = decision.getByRole("form", { name: "Record the decision" });
  await form.getByRole("radio", { name: "Hire", exact: true }).check();
  await form.getByLabel("Level").selectOption("L5");
  await form.getByLabel(/^Base salary/).fill("230000");
  await form.getByLabel("Rationale").fill("Hire at L5.");
  // The loop has no scorecards yet: deciding now is confirmed and justified, then confirmed once more.
  for (const box of await form.getByRole("checkbox").all()) await box.check();
  await form.getByLabel("Why decide now").fill("A demo hire, decided before the interviews.");
  await form.getByRole("button", { name: "Record decision" }).click();
  await hannah.getByRole("dialog", { name: "Record this decision?" }).getByRole("button", { name: "Record decision" }).click();
  await expect(decision.getByRole("status")).toHaveText("Decision recorded.");
  await hannah.context().close();

  // …and an admin creates the account, whose temporary password is shown once.
  const admin = await browserOf(browser, ADMIN);
  await admin.goto(candidatePath);
  await admin.getByRole("link", { name: "Create builder record" }).click();
  await admin.getByLabel("Start date").fill("2026-12-01");
  await admin.getByRole("button", { name: "Create account and builder record" }).click();
  const done = admin.getByRole("status");
  await expect(done).toContainText("must choose their own password when they first sign in");
  const temporaryPassword = (await done.locator("code").textContent())!.trim();
  expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
  await admin.context().close();

  // The new builder signs in with it and is sent to choose their own.
  const builder = await (await browser.newContext()).newPage();
  await builder.goto("/login");
  await builder.getByLabel("Email").fill(email);
  await builder.getByLabel("Password").fill(temporaryPassword);
  await builder.getByRole("button", { name: "Sign in" }).click();
  await expect(builder).toHaveURL(/\/account\/password$/);
  await expect(builder.getByRole("heading", { level: 1, name: "Choose your own password" })).toBeVisible();

  // Every other page leads back here until it is done.
  for (const path of ["/", "/account", "/packets", "/rubrics"]) {
    await builder.goto(path);
    await expect(builder).toHaveURL(/\/account\/password$/);
  }

  const ownPassword = `Tariq's own passphrase ${unique()}`;
  await builder.getByLabel("Temporary password").fill(temporaryPassword);
  await builder.getByLabel("New password", { exact: true }).fill(ownPassword);
  await builder.getByLabel("New password again").fill(ownPassword);
  await builder.getByRole("button", { name: "Change password" }).click();
  await expect(builder.getByRole("status")).toContainText("Your password is changed.");
  await builder.goto("/");
  await expect(builder.getByRole("heading", { level: 1, name: "Welcome, Tariq" })).toBeVisible();
  await builder.context().close();
});

for (const width of [1280, 390]) {
  test(`the account and password pages are accessible at ${width} px wide`, async ({ browser }) => {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await signInAs(page, TOMAS);
    for (const path of ["/account", "/account/password"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });
}
