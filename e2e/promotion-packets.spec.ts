import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAs, signOut } from "./fixtures";

// Seeded builders kept free of packets for these tests (prisma/seed/demo-promotions.ts).
const OMAR = { email: "omar.haddad@northwind.example", name: "Omar Haddad" };
const FELIX = { email: "felix.wagner@northwind.example", name: "Felix Wagner" };
const CRITERIA = ["Expanding scope of ownership", "Increasing strategic influence", "Cross-team leadership", "External thought leadership", "Mentoring other builders"];

/** From the builder's home to a new packet for their next level. */
async function startOwnPacket(page: Page, target: string) {
  await page.getByRole("link", { name: "Your record, pay and level history" }).click();
  await page.getByRole("button", { name: `Start a packet for ${target}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^Your packet: L\\d → ${target}`) })).toBeVisible();
}

const coverageRow = (page: Page, name: string) => page.getByRole("region", { name: /^Coverage of/ }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });

test("a builder drafts a packet, the manager assesses and submits, the committee promotes: level and band change", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAs(page, OMAR);
  await startOwnPacket(page, "L5");
  const packetUrl = page.url();

  // Summary.
  await page.getByLabel("The case in a few paragraphs").fill("Omar owns self-serve onboarding end to end and already leads across teams.");
  await page.getByRole("button", { name: "Save summary" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Summary saved." })).toBeVisible();

  // Evidence: coverage follows the ticked boxes before anything is saved.
  const scope = coverageRow(page, "Expanding scope of ownership");
  await expect(scope).toContainText("Missing");
  await expect(scope).toContainText("0 of 2 needed");
  await page.getByRole("button", { name: "Add evidence" }).click();
  const form = page.getByRole("form", { name: "New evidence item" });
  await form.getByLabel("Title").fill("Self-serve onboarding rebuild");
  await form.getByLabel("What was done").fill("Rebuilt sign-up and first-run setup with design and sales; cut the steps from 11 to 4.");
  await form.getByLabel("Impact").fill("Activation 31% → 46% in one quarter; 120 fewer support tickets a month.");
  await form.getByLabel("Links").fill("https://northwind.example/prd/onboarding");
  await form.getByLabel("Started").fill("2026-01-05");
  await form.getByLabel("Ended").fill("2026-04-30");
  await form.getByLabel("Expanding scope of ownership").check();
  await expect(scope).toContainText("Partial");
  await expect(scope).toContainText("1 of 2 needed");
  await expect(page.getByText("includes your unsaved changes")).toBeVisible();
  await form.getByLabel("Cross-team leadership").check();
  await form.getByLabel("Shipping excellence").check();
  await form.getByRole("button", { name: "Add evidence" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Self-serve onboarding rebuild" })).toBeVisible();
  await expect(coverageRow(page, "Cross-team leadership")).toContainText("Met");
  await expect(scope).toContainText("Partial");

  // A second item meets the scope requirement.
  await page.getByRole("button", { name: "Add evidence" }).click();
  const second = page.getByRole("form", { name: "New evidence item" });
  await second.getByLabel("Title").fill("Usage analytics for admins");
  await second.getByLabel("What was done").fill("Took over the admin analytics area and shipped the first usage dashboard.");
  await second.getByLabel("Impact").fill("Used weekly by 62% of admin accounts.");
  await second.getByLabel("Started").fill("2026-05-04");
  await second.getByLabel("Expanding scope of ownership").check();
  await second.getByLabel("Mentoring other builders").check();
  await second.getByRole("button", { name: "Add evidence" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Usage analytics for admins" })).toBeVisible();
  await expect(scope).toContainText("Met");
  await expect(scope).toContainText("2 of 2 needed");
  // Gaps come first.
  await expect(page.getByRole("region", { name: /^Coverage of/ }).getByRole("row").nth(1)).toHaveAttribute("data-status", /missing|partial/);
  // The builder cannot submit or assess.
  await expect(page.getByRole("button", { name: "Submit packet" })).toHaveCount(0);
  await signOut(page);

  // The manager assesses every criterion and submits.
  await signIn(page, "manager");
  await page.goto(packetUrl);
  await expect(page.getByRole("heading", { level: 1, name: /^Omar Haddad: L4 → L5/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit packet" })).toBeDisabled();
  for (const criterion of CRITERIA) {
    const assessment = page.getByRole("form", { name: `Assessment of ${criterion}` });
    await assessment.getByLabel("3 Yes").check();
    await assessment.getByLabel(`Comment on ${criterion}`).fill(`Seen at L5 level: ${criterion.toLowerCase()}.`);
    await assessment.getByRole("button", { name: /Save assessment/ }).click();
    await expect(assessment.getByText(/^Saved /)).toBeVisible();
  }
  await page.getByRole("button", { name: "Submit packet" }).click();
  await page.getByRole("dialog", { name: "Submit Omar Haddad’s packet for L5?" }).getByRole("button", { name: "Submit packet" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Submitted" }).and(page.locator("[aria-current=step]"))).toBeVisible();
  await expect(page.getByText("this is the frozen snapshot")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save summary" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add evidence" })).toHaveCount(0);
  await signOut(page);

  // The promotion committee reviews with pay in front of it and promotes.
  await signIn(page, "promotion_committee");
  await page.goto(packetUrl);
  const pay = page.getByRole("region", { name: "Pay" });
  // builder v2: L4 mid 200,000, L5 band 205,000–265,000 (mid 235,000); base 178,000; minimum raise 8%.
  await expect(pay.getByTestId("compa-current")).toHaveText("0.89");
  await expect(pay.getByTestId("compa-target")).toHaveText("0.76");
  await expect(pay.getByTestId("raise-to-min")).toHaveText("$27,000");
  await expect(pay.getByTestId("suggested-base")).toContainText("$205,000");
  await page.getByRole("button", { name: "Start review" }).click();
  await page.getByLabel("Promoted to L5").check();
  await expect(page.getByLabel(/New base salary/)).toHaveValue("205000");
  await page.getByLabel("Rationale").fill("Owns onboarding end to end and leads across teams: operating at L5.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await page.getByRole("dialog", { name: "Record “Promoted to L5” for Omar Haddad?" }).getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Decision: Promoted" })).toBeVisible();
  await signOut(page);

  // The builder's level and band changed.
  await signInAs(page, OMAR);
  await page.getByRole("link", { name: "Your record, pay and level history" }).click();
  await expect(page.getByRole("region", { name: "Level", exact: true })).toContainText("L5");
  const ownPay = page.getByRole("region", { name: "Pay", exact: true });
  await expect(ownPay).toContainText("$205,000");
  await expect(ownPay).toContainText("L5 band");
  await expect(page.getByRole("region", { name: "Level history" })).toContainText("Promoted");
});

test("a builder cannot open another builder's packet and never sees another person's pay", async ({ page }) => {
  // Bea's seeded draft, found through her manager.
  await signIn(page, "manager");
  await page.goto("/packets");
  await page.getByRole("link", { name: "Bea Novak" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Bea Novak: L5 → L6/ })).toBeVisible();
  const beaPacket = page.url();
  await signOut(page);

  await signInAs(page, FELIX);
  const response = await page.goto(beaPacket);
  expect(response?.status()).toBe(403);
  await expect(page.getByText("$231,000")).toHaveCount(0);
  await expect(page.getByText(/Bea Novak/)).toHaveCount(0);
});

test("when builder and manager save the summary at once, the stale save is refused and the current version shown", async ({ browser }) => {
  const builder = await browser.newPage();
  const manager = await browser.newPage();
  await signInAs(builder, FELIX);
  await startOwnPacket(builder, "L5");
  await signIn(manager, "manager");
  await manager.goto(builder.url());

  await builder.getByLabel("The case in a few paragraphs").fill("Felix's own words.");
  await builder.getByRole("button", { name: "Save summary" }).click();
  await expect(builder.getByRole("status").filter({ hasText: "Summary saved." })).toBeVisible();

  await manager.getByLabel("The case in a few paragraphs").fill("Marcus's words, written on the old version.");
  await manager.getByRole("button", { name: "Save summary" }).click();
  await expect(manager.getByRole("alert").filter({ hasText: /Felix Wagner saved the summary at .* after you opened it/ })).toBeVisible();
  const theirs = manager.getByLabel("The version saved meanwhile");
  await expect(theirs).toContainText("Felix's own words.");
  // Nothing was overwritten, and the manager's text is still in the box.
  await expect(manager.getByLabel("The case in a few paragraphs")).toHaveValue("Marcus's words, written on the old version.");
  await builder.reload();
  await expect(builder.getByLabel("The case in a few paragraphs")).toHaveValue("Felix's own words.");
  // Saving again is a deliberate overwrite of the version now shown.
  await manager.getByRole("button", { name: "Save summary" }).click();
  await expect(manager.getByRole("status").filter({ hasText: "Summary saved." })).toBeVisible();
  await builder.close();
  await manager.close();
});

test("the committee's packet prints as the case itself, without forms, and the page passes axe", async ({ page }) => {
  await signIn(page, "promotion_committee");
  await page.goto("/packets");
  await page.getByRole("link", { name: "Mei Lin" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Mei Lin: L5 → L6/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Coverage of L6/ })).toContainText("Ready");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Start review" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" })).toBeHidden();
  await expect(page.getByRole("region", { name: /^Coverage of L6/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Evidence/ })).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
});

test("the packet editor is usable at 390 px and passes axe", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "builder");
  await page.goto("/packets");
  await page.getByRole("link", { name: "Bea Novak" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Your packet: L5 → L6/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Coverage of L6/ })).toContainText("gaps");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
