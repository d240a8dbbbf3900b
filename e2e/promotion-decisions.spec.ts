import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAs, signOut, type Person } from "./fixtures";

// Samuel Osei's packet is the seeded one in review (L6 → L7); no other spec decides it or signs in as Samuel.
const SAMUEL: Person = { email: "samuel.osei@northwind.example", name: "Samuel Osei" };
// Yuki Tanaka (L6, Marcus Chen's report, base 268,000) has no packet; this file is the only one to write one for her.
const YUKI = { name: "Yuki Tanaka" };
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
  const confirm = page.getByRole("dialog", { name: "Record “Not yet” for Samuel Osei?" });
  await expect(confirm).toContainText("Samuel Osei stays at L6");
  await confirm.getByRole("button", { name: "Record decision" }).click();
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

async function expectAxeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function addEvidence(page: Page, title: string, criteria: string[]) {
  await page.getByRole("button", { name: "Add evidence" }).click();
  const form = page.getByRole("form", { name: "New evidence item" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("What was done").fill(`${title}: led it with design and sales.`);
  await form.getByLabel("Impact").fill("Net revenue retention 104% → 112%.");
  await form.getByLabel("Started").fill("2026-01-05");
  for (const c of criteria) await form.getByLabel(c).check();
  await form.getByRole("button", { name: "Add evidence" }).click();
  await expect(page.getByRole("heading", { level: 3, name: title })).toBeVisible();
}

test("irreversible packet steps ask first, by keyboard; a raise below the rubric's minimum needs a justification, shown with the decision", async ({ page }) => {
  test.setTimeout(120_000);
  // Marcus opens a packet for Yuki from her record.
  await signIn(page, "manager");
  await page.getByRole("region", { name: "Your reports" }).getByRole("link", { name: YUKI.name }).click();
  await page.getByRole("button", { name: "Start a packet for L7" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Yuki Tanaka: L6 → L7/ })).toBeVisible();
  const packetUrl = page.url();
  await page.getByLabel("The case in a few paragraphs").fill("Yuki founded usage-based billing and now shapes pricing across the company.");
  await page.getByRole("button", { name: "Save summary" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Summary saved." })).toBeVisible();
  await addEvidence(page, "Usage-based billing", CRITERIA);
  await addEvidence(page, "A draft to remove", ["Mentoring other builders"]);

  // Removing evidence: Escape cancels and gives focus back to the button; confirming removes it.
  const remove = page.getByRole("button", { name: "Remove “A draft to remove”" });
  await remove.focus();
  await page.keyboard.press("Enter");
  const removal = page.getByRole("dialog", { name: "Remove “A draft to remove”?" });
  await expect(removal).toBeVisible();
  await expect(removal).toContainText("This cannot be undone.");
  await expect(removal.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectAxeClean(page);
  await page.keyboard.press("Escape");
  await expect(removal).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(page.getByRole("heading", { level: 3, name: "A draft to remove" })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(removal.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(removal.getByRole("button", { name: "Remove evidence" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 3, name: "A draft to remove" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 3, name: "Usage-based billing" })).toBeVisible();

  for (const criterion of CRITERIA) {
    const assessment = page.getByRole("form", { name: `Assessment of ${criterion}` });
    await assessment.getByLabel("3 Yes").check();
    await assessment.getByLabel(`Comment on ${criterion}`).fill(`Seen at L7 level: ${criterion.toLowerCase()}.`);
    await assessment.getByRole("button", { name: /Save assessment/ }).click();
    await expect(assessment.getByText(/^Saved /)).toBeVisible();
  }

  // Submitting: Cancel leaves a draft; confirming freezes it.
  const submit = page.getByRole("button", { name: "Submit packet" });
  await submit.focus();
  await page.keyboard.press("Enter");
  const submission = page.getByRole("dialog", { name: "Submit Yuki Tanaka’s packet for L7?" });
  await expect(submission).toContainText("no one can edit it");
  await page.keyboard.press("Enter"); // Cancel has the focus: Enter does nothing irreversible.
  await expect(submission).toBeHidden();
  await expect(submit).toBeFocused();
  await expect(page.getByRole("button", { name: "Save summary" })).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByText("this is the frozen snapshot")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save summary" })).toHaveCount(0);
  await signOut(page);

  // The committee promotes with a 6.1% raise: 268,000 → 284,348, inside the L7 band; builder v2 asks for 8% (289,440).
  await signIn(page, "promotion_committee");
  await page.goto(packetUrl);
  await page.getByRole("button", { name: "Start review" }).click();
  const decide = page.getByRole("region", { name: "Record the decision" });
  await decide.getByRole("radio", { name: "Promoted to L7" }).check();
  await expect(decide.getByLabel(/New base salary/)).toHaveValue("289500");
  await expect(decide.getByLabel("Why below the minimum raise")).toHaveCount(0);
  await decide.getByLabel(/New base salary/).fill("284348");
  const why = decide.getByLabel("Why below the minimum raise");
  await expect(why).toBeVisible();
  await expect(decide).toContainText("Raise on the base at submission: 6.1%. The rubric’s minimum promotion raise is 8% ($289,440 or more).");
  await decide.getByLabel("Rationale").fill("Operates at L7: company-level bets, external voice.");
  await decide.getByRole("button", { name: "Record decision" }).click();
  const summary = decide.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("below the rubric's minimum promotion raise of 8%");
  await why.fill("Budget freeze this half; the committee will revisit in six months.");
  await decide.getByRole("button", { name: "Record decision" }).click();
  const record = page.getByRole("dialog", { name: "Record “Promoted to L7” for Yuki Tanaka?" });
  await expect(record).toContainText("Yuki Tanaka moves to L7 today, with a base of $284,348");
  await expect(record.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectAxeClean(page);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const decision = page.getByRole("region", { name: "Decision: Promoted" });
  await expect(decision).toContainText("$284,348");
  await expect(decision).toContainText("Below the rubric’s minimum promotion raise because: Budget freeze this half; the committee will revisit in six months.");
});

test("retiring a rubric version asks first, and says it can be reinstated; the dialog passes axe", async ({ page }) => {
  // Product Builder v1 is its track's only version in service: even confirmed, the retirement is refused, so no other test is disturbed.
  await signIn(page, "admin");
  await page.goto("/rubrics/product-builder/v1");
  const manage = page.getByRole("form", { name: "Manage this version" });
  const retire = manage.getByRole("button", { name: "Retire this version" });
  await retire.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Retire Product Builder v1?" });
  await expect(dialog).toContainText("You can reinstate it later");
  await expect(dialog).not.toContainText("cannot be undone");
  await expectAxeClean(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(retire).toBeFocused();
  await expect(manage.getByRole("alert")).toHaveCount(0);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(manage.getByRole("alert")).toHaveText("This is the track's only version in service; publish a newer version before retiring it.");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a confirmed action is a plain form post: the button submits at once and the server answers", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/rubrics/product-builder/v1");
    const manage = page.getByRole("form", { name: "Manage this version" });
    await manage.getByRole("button", { name: "Retire this version" }).click();
    await expect(manage.getByRole("alert")).toHaveText("This is the track's only version in service; publish a newer version before retiring it.");
  });
});

// Grace Kim (L5, Marcus Chen's report) has no packet; this file is the only one to write one for her.
const COMPETENCIES = ["Technical depth", "Product sense", "Design thinking", "Business sense", "Customer obsession", "Shipping excellence", "Growth expertise"];

test("the packet page says what its data says: no peers before evidence, “1 gap”, readiness beside gaps, the base at submission", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "manager");
  await page.getByRole("region", { name: "Your reports" }).getByRole("link", { name: "Grace Kim" }).click();
  await page.getByRole("button", { name: "Start a packet for L6" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Grace Kim: L5 → L6/ })).toBeVisible();

  // An empty packet: nothing to ask peers about yet.
  const peers = page.getByRole("region", { name: "Peers" });
  await expect(peers).toContainText("Add evidence before inviting peers: they write their statements on evidence items.");
  await expect(peers.getByLabel("Invite a peer")).toHaveCount(0);

  await page.getByLabel("The case in a few paragraphs").fill("Grace leads the design system across three teams.");
  await page.getByRole("button", { name: "Save summary" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Summary saved." })).toBeVisible();
  // Two items showing everything L6 asks for, but mentoring only once (L6 asks for two): exactly one gap.
  await addEvidence(page, "Design-system migration", [...CRITERIA, ...COMPETENCIES]);
  await addEvidence(page, "Public component library", [...CRITERIA.filter((c) => c !== "Mentoring other builders"), ...COMPETENCIES]);
  const coverage = page.getByRole("region", { name: "Coverage of L6" });
  await expect(coverage.getByRole("status")).toContainText("1 gap · 11 met, 1 partial, 0 missing");
  await expect(coverage).not.toContainText("1 gaps");
  await expect(peers.getByLabel("Invite a peer")).toBeVisible();

  for (const criterion of CRITERIA) {
    const assessment = page.getByRole("form", { name: `Assessment of ${criterion}` });
    await assessment.getByLabel("3 Yes").check();
    await assessment.getByLabel(`Comment on ${criterion}`).fill(`Seen at L6 level: ${criterion.toLowerCase()}.`);
    await assessment.getByRole("button", { name: /Save assessment/ }).click();
    await expect(assessment.getByText(/^Saved /)).toBeVisible();
  }
  const submit = page.getByRole("region", { name: "Submit to the promotion committee" });
  await expect(submit.getByRole("button", { name: "Submit packet" })).toBeEnabled();
  await expect(submit).toContainText("Ready to submit, with 1 coverage gap: the committee reads the packet with its gaps and may decide “not yet”.");
  await expect(submit).not.toContainText("Everything the committee needs is here");
  await signOut(page);

  // Lucas Moreau's decided packet: the analysis read the base frozen at submission (233,000); his base is 252,000 since.
  await signIn(page, "promotion_committee");
  await page.goto("/packets");
  await page.getByRole("link", { name: "Lucas Moreau" }).first().click();
  const pay = page.getByRole("region", { name: "Pay" });
  await expect(pay.getByRole("term").filter({ hasText: "Base at submission" })).toBeVisible();
  await expect(pay).toContainText("$233,000");
  await expect(pay).not.toContainText("Current base");
});
