// Why: the hiring decision form must never contradict the page: refusals always shown, hidden fields never blocking, corrections starting from the decision in force.
import { expect, test, type Page } from "@playwright/test";
import { signInAs, signOut, type Person, startLoopForNewCandidate } from "./fixtures";

/**
 * A candidate and loop of its own (no interviews yet), decided on by Hannah and onboarded by the
 * admin's page (read only: no account is created), so nothing here touches what other specs read.
 */
const RECRUITER: Person = { email: "recruiter@northwind.example", name: "Sofia Alvarez" };
const HANNAH: Person = { email: "hiring@northwind.example", name: "Hannah Schmidt" };
const ADMIN: Person = { email: "admin@northwind.example", name: "Morgan Lee" };

test.use({ timezoneId: "Europe/Berlin" });

const newLoop = (page: Page) => startLoopForNewCandidate(page, "Decision Form");

async function confirmIn(page: Page, title: string, button: string) {
  const dialog = page.getByRole("dialog", { name: title });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: button }).click();
  await expect(dialog).toBeHidden();
}

test("the hiring decision form: refusals listed, a hidden field never blocks, a correction starts from the decision in force, money reads alike", async ({ page }) => {
  test.slow();
  await signInAs(page, RECRUITER);
  const { candidateName, candidatePath, loopPath } = await newLoop(page);
  await signOut(page);

  await signInAs(page, HANNAH);
  await page.goto(`${loopPath}/committee`);
  await expect(page.getByRole("heading", { level: 1, name: `Committee review: ${candidateName}` })).toBeVisible();
  await expect(page.getByRole("main").locator("header time").first()).not.toContainText("UTC"); // hydrated
  const decision = page.getByRole("region", { name: "Decision", exact: true });
  let form = decision.getByRole("form", { name: "Record the decision" });

  // An empty submit is refused with every problem listed at the top, focused, each linking to its field.
  await form.getByRole("button", { name: "Record decision" }).click();
  const summary = form.getByRole("alert").filter({ has: page.getByRole("heading", { name: /^There (is a problem|are \d+ problems)$/ }) });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Choose hire or no hire" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Write the committee's rationale" })).toBeVisible();
  await expect(page.getByRole("dialog")).toBeHidden();

  // A hire's base typed wrong, then "No hire": the base is hidden and no longer stands in the way.
  await form.getByRole("radio", { name: "Hire", exact: true }).check();
  await form.getByLabel("Level").selectOption("L5");
  await form.getByLabel(/^Base salary/).fill("-5");
  await form.getByRole("radio", { name: "No hire", exact: true }).check();
  await expect(form.getByLabel(/^Base salary/)).toHaveCount(0);
  await form.getByLabel("Rationale").fill("Not enough signal yet; the candidate withdrew.");
  // Still refused until the unfinished loop is confirmed and justified: listed at the top and at the fields.
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(summary.getByRole("link", { name: "Confirm it to record this decision: Decide before every stage is complete (0 of 3 complete)" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Write why the committee decides this now: it stays with the decision" })).toBeVisible();
  await expect(summary.getByRole("listitem")).toHaveCount(2);
  await form.getByRole("checkbox", { name: "Decide before every stage is complete (0 of 3 complete)" }).check();
  await form.getByLabel("Why decide now").fill("The candidate withdrew before the interviews.");
  await form.getByRole("button", { name: "Record decision" }).click();
  await confirmIn(page, "Record this decision?", "Record decision");
  await expect(decision.getByRole("status")).toHaveText("Decision recorded.");

  // The correction starts from the decision in force: "No hire", not the evidence's suggestion.
  form = decision.getByRole("form", { name: "Record a correction" });
  await expect(form.getByRole("radio", { name: "No hire", exact: true })).toBeChecked();
  await expect(form.getByLabel("Level")).toHaveCount(0);
  await expect(form.getByLabel("Rationale")).toHaveValue("");

  // Corrected to a hire at L5 on $250,000 (inside the band), confirmed and justified.
  await form.getByRole("radio", { name: "Hire", exact: true }).check();
  await form.getByLabel("Level").selectOption("L5");
  await form.getByLabel(/^Base salary/).fill("250000");
  await form.getByLabel("Rationale").fill("The candidate came back; the founder interview settled it.");
  for (const box of await form.getByRole("checkbox").all()) await box.check();
  await form.getByLabel("Why decide now").fill("A competing offer expires this week.");
  await form.getByRole("button", { name: "Record correction" }).click();
  await confirmIn(page, "Record this correction?", "Record correction");
  await expect(decision.getByRole("status")).toHaveText("Decision recorded.");
  await expect(form.getByRole("radio", { name: "Hire", exact: true })).toBeChecked();
  await expect(form.getByLabel("Level")).toHaveValue("L5");
  await expect(form.getByLabel(/^Base salary/)).toHaveValue("250000");
  await signOut(page);

  // The onboarding page names the hire's base as every other page does.
  await signInAs(page, ADMIN);
  await page.goto(candidatePath);
  await page.getByRole("link", { name: "Create builder record" }).click();
  const hire = page.getByLabel("Hire decision");
  await expect(hire.locator("option").first()).toHaveText(/^L5, base \$250,000 \(/);
  await expect(page.getByRole("main")).not.toContainText("250000 USD");
});
