import { expect, test } from "@playwright/test";
import { signIn, signInAs, signOut, type Person } from "./fixtures";

// Samuel Osei's packet is the seeded one in review (L6 → L7); no other spec decides it or signs in as Samuel.
const SAMUEL: Person = { email: "samuel.osei@northwind.example", name: "Samuel Osei" };
const CRITERIA = ["Expanding scope of ownership", "Increasing strategic influence", "Cross-team leadership", "External thought leadership", "Mentoring other builders"];

test("the committee records “not yet” with feedback on every criterion, and the builder reads it on their record and packet", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "promotion_committee");
  await page.goto("/packets");
  await page.getByRole("link", { name: "Samuel Osei" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Samuel Osei: L6 → L7/ })).toBeVisible();
  const decide = page.getByRole("region", { name: "Record the decision" });
  await decide.getByRole("radio", { name: "Not yet" }).check();

  // Pressed before the feedback is written: refused out loud, every problem listed, the list focused.
  await decide.getByRole("button", { name: "Record decision" }).click();
  const summary = decide.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading")).toHaveText(`There are ${CRITERIA.length + 1} problems`);
  await expect(summary).toContainText("Write the committee's rationale");
  for (const criterion of CRITERIA) await expect(summary).toContainText(`Write feedback on ${criterion}`);
  // Nothing about pay: the suggested base of "promoted" is not part of a "not yet".
  await expect(summary).not.toContainText(/base|pay/i);
  await summary.getByRole("link", { name: /^Write feedback on Mentoring other builders/ }).click();
  await expect(decide.getByLabel("Mentoring other builders")).toBeFocused();

  await decide.getByLabel("Rationale").fill("Strong L6 work; the external and strategic reach L7 asks for is not there yet.");
  for (const criterion of CRITERIA) await decide.getByLabel(criterion).fill(`Next for ${criterion.toLowerCase()}: one more company-level example.`);
  await decide.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Decision: Not yet" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Record the decision" })).toHaveCount(0);
  await signOut(page);

  // Samuel finds the decision on his record, then its feedback on the packet.
  await signInAs(page, SAMUEL);
  await page.getByRole("link", { name: "Your record, pay and level history" }).click();
  const packets = page.getByRole("region", { name: "Promotion packets" });
  const row = packets.getByRole("row").filter({ has: page.getByRole("link", { name: /L6.→.L7/ }) });
  await expect(row).toContainText("Decided");
  await expect(row).toContainText("Not yet");
  await row.getByRole("link", { name: /L6.→.L7/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Your packet: L6 → L7/ })).toBeVisible();
  const decision = page.getByRole("region", { name: "Decision: Not yet" });
  await expect(decision).toContainText("Priya Natarajan");
  await expect(decision).toContainText("the external and strategic reach L7 asks for is not there yet");
  for (const criterion of CRITERIA) {
    await expect(decision.getByRole("term").filter({ hasText: criterion })).toBeVisible();
    await expect(decision).toContainText(`Next for ${criterion.toLowerCase()}: one more company-level example.`);
  }
  // Still L6: "not yet" changes neither level nor pay.
  await page.goBack();
  await expect(page.getByRole("region", { name: "Level", exact: true })).toContainText("L6");
});
