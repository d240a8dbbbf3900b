import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./fixtures";

test("a builder opens their own record with pay and history, but never another builder's", async ({ page }) => {
  await signIn(page, "builder");
  await page.getByRole("link", { name: "Your record, pay and level history" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your record" })).toBeVisible();
  const pay = page.getByRole("region", { name: "Pay" });
  await expect(pay).toContainText("$231,000");
  await expect(pay).toContainText("Compa-ratio");
  await expect(page.getByRole("region", { name: "Level history" })).toContainText("Promoted");

  // Another builder's record, by its address: refused.
  await signOut(page);
  await signIn(page, "manager");
  const reports = page.getByRole("region", { name: "Your reports" });
  await reports.getByRole("link", { name: "Leo Martins" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Leo Martins" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Pay" })).toContainText("$182,000");
  const leoUrl = page.url();

  await signOut(page);
  await signIn(page, "builder");
  const response = await page.goto(leoUrl);
  expect(response?.status()).toBe(403);
  await expect(page.getByText("$182,000")).toHaveCount(0);
});
