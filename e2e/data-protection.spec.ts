import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut } from "./fixtures";

// Reads only (they add audit entries, which no other spec counts): Marcus reads Bea's record, Bea
// sees it and exports her data, the admin finds the read in the audit trail.

async function accessible(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a builder sees that their manager read their record, and downloads their own data", async ({ page }) => {
  await signIn(page, "manager");
  await page.getByRole("link", { name: "Bea Novak" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /Bea Novak/ })).toBeVisible();
  await signOut(page);

  await signIn(page, "builder");
  await page.getByRole("link", { name: "Your account" }).click();
  await page.getByRole("link", { name: "See who read your data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Who read your data" })).toBeVisible();
  // Other specs open Bea's packet meanwhile: look for this read, of her record, among them.
  await expect(page.getByRole("row").filter({ hasText: "Marcus Chen" }).filter({ hasText: /record/i }).first()).toBeVisible();
  // Her own visits are not listed.
  await expect(page.getByRole("row").filter({ hasText: "Bea Novak" })).toHaveCount(0);
  await accessible(page);

  await page.goto("/account/export");
  await expect(page.getByRole("heading", { level: 1, name: "Export your data" })).toBeVisible();
  await accessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data (JSON)" }).click()]);
  const file = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as Record<string, unknown>;
  expect(JSON.stringify(file)).toContain("Bea Novak");
  expect(JSON.stringify(file)).not.toContain("Marcus Chen's pay");
});

test("an admin finds a read in the audit trail, filters it, verifies the chain and exports it", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  await accessible(page);

  // Other specs sign in at the same time: this admin's own sign-ins.
  await page.getByLabel("Person").selectOption({ label: "Morgan Lee" });
  await page.getByLabel("Action").selectOption("account.sign_in");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=account.sign_in/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("account.sign_in");
  await expect(rows.nth(1)).toContainText("Morgan Lee");

  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Every link of the chain holds" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toContain("seq");
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((line) => line.includes("account.sign_in") && line.includes("Morgan Lee"))).toBe(true);
});

for (const width of [1280, 390]) {
  test(`the audit, retention and data request pages are accessible at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, "admin");
    await page.goto("/admin/audit");
    await accessible(page);
    await page.goto("/admin/retention");
    await expect(page.getByRole("heading", { level: 1, name: "Candidate data retention" })).toBeVisible();
    await accessible(page);
    // A candidate's data request page (read only: nobody is erased here).
    await page.goto("/candidates");
    await page.getByRole("link", { name: "Kwame Asante" }).first().click();
    await page.getByRole("link", { name: /Data request/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Kwame Asante");
    await accessible(page);
  });
}
