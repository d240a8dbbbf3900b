import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs, signOut, unique, type Person } from "./fixtures";

// Leo Martins (L4, Marcus Chen's report) writes the project and then cites it in a packet of his
// own (no other spec writes one for him, and none changes his account); Amara Eze approves it. The
// project has a title of its own, so seeded projects and other specs do not matter here.
const LEO: Person = { email: "leo.martins@northwind.example", name: "Leo Martins" };
const MARCUS: Person = { email: "manager@northwind.example", name: "Marcus Chen" };
const AMARA: Person = { email: "amara.eze@northwind.example", name: "Amara Eze" };
const PRIYA: Person = { email: "promotions@northwind.example", name: "Priya Natarajan" };
const CRITERIA = ["Expanding scope of ownership", "Increasing strategic influence", "Cross-team leadership", "External thought leadership", "Mentoring other builders"];

const DAY = 24 * 60 * 60 * 1000;

/** Waits until React runs the page: adding a metric row and the confirmation dialogs need it. */
async function expectHydrated(page: Page) {
  await expect(page.locator("[data-hydrated=true]")).toHaveCount(1);
}

async function expectAxeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

// The second test cites the project the first one launched: they run in order.
test.describe.configure({ mode: "serial" });
let launched: { path: string; title: string } | null = null;

test("a builder's PRD goes to one approver, launches after the thumbs-up, and its 28-day checkpoint is recorded", async ({ page }) => {
  test.setTimeout(60_000);
  const title = `Guided workspace set-up ${unique()}`;

  // Leo drafts the project with two success metrics and submits the PRD to Amara.
  await signInAs(page, LEO);
  await page.goto("/projects");
  await page.getByRole("link", { name: "Start a project" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Start a project" })).toBeVisible();
  await expectHydrated(page);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Problem or insight").fill("New workspaces sit empty: a third of admins never invite anyone.");
  await page.getByRole("radio", { name: "Team satellite" }).check();
  await page.getByLabel("Team it is embedded in").fill("Activation");
  await page.getByLabel("Approver").selectOption({ label: AMARA.name });
  // The PRD starts from the rubric's sections, so nothing is missing.
  await expect(page.getByLabel("PRD", { exact: true })).toHaveValue(/## Risks and rollback/);
  await expect(page.getByText("Every section the rubric asks for has a heading.")).toBeVisible();
  const first = page.getByRole("group", { name: "Metric 1" });
  await first.getByLabel("Name").fill("Workspaces with an invite in week one");
  await first.getByLabel("Unit").fill("%");
  await first.getByLabel("Baseline").fill("34");
  await first.getByLabel("Target").fill("50");
  await first.getByLabel("How it is measured").fill("Activation dashboard, weekly cohort");
  await page.getByRole("button", { name: "Add a success metric" }).click();
  const second = page.getByRole("group", { name: "Metric 2" });
  await second.getByLabel("Name").fill("Set-up time");
  await second.getByLabel("Unit").fill("min");
  await second.getByLabel("Baseline").fill("18");
  await second.getByLabel("Target").fill("8");
  await second.getByLabel("Met when the actual is").selectOption("at_most");
  await second.getByLabel("How it is measured").fill("Median from set-up events");
  await expect(page.getByText(`Ready to submit to ${AMARA.name}.`)).toBeVisible();
  await expectAxeClean(page);
  await page.getByRole("button", { name: `Submit PRD to ${AMARA.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("PRD awaiting approval")).toBeVisible();
  const projectPath = new URL(page.url()).pathname;
  await expect(page.getByRole("region", { name: "Success metrics" }).getByRole("row")).toHaveCount(3);
  await signOut(page);

  // Leo's manager is not the approver: no thumbs-up form, and a direct POST is refused.
  await signInAs(page, MARCUS);
  await page.goto(projectPath);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve PRD" })).toHaveCount(0);
  const refused = await page.request.post(projectPath, {
    headers: { Origin: new URL(page.url()).origin },
    form: { intent: "approve", version: "2", note: "" },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);
  await signOut(page);

  // Amara finds it on her home, among the PRDs awaiting her thumbs-up, and approves.
  await signInAs(page, AMARA);
  await page.goto("/");
  await page.getByRole("region", { name: "PRDs awaiting your approval" }).getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectHydrated(page);
  const decide = page.getByRole("region", { name: "Your thumbs-up" });
  // Asking for changes needs comments: refused in the browser, listed and focused.
  await decide.getByRole("button", { name: "Request changes" }).click();
  await expect(decide.locator(".error-summary")).toBeFocused();
  await expect(decide.locator(".error-summary")).toContainText("Write what should change");
  await expectAxeClean(page);
  await decide.getByLabel("Note to the owner (optional)").fill("Clear success criteria. Go.");
  await decide.getByRole("button", { name: "Approve PRD" }).click();
  await expect(page.locator(".project-status")).toContainText("Approved");
  await expect(page.getByRole("region", { name: "Your thumbs-up" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "History" })).toContainText("Clear success criteria. Go.");
  await signOut(page);

  // Leo launches, confirming in the dialog.
  await signInAs(page, LEO);
  await page.goto(projectPath);
  await expectHydrated(page);
  await page.getByRole("region", { name: "Launch" }).getByRole("button", { name: "Launch" }).click();
  await page.getByRole("dialog", { name: `Launch “${title}”?` }).getByRole("button", { name: "Launch" }).click();
  await expect(page.locator(".project-status")).toContainText("Launched");
  await expect(page.getByText("The checkpoint can be recorded from")).toBeVisible();
  await expect(page.getByRole("button", { name: "Record checkpoint" })).toHaveCount(0);

  // 28 days later (the server's clock, moved for this page's requests): the checkpoint is due.
  await page.setExtraHTTPHeaders({ "X-Test-Now": new Date(Date.now() + 28 * DAY + 3600_000).toISOString() });
  await page.reload();
  await expectHydrated(page);
  await expect(page.getByRole("status").filter({ hasText: "Checkpoint due on" })).toBeVisible();
  const checkpoint = page.getByRole("region", { name: "Record the 28-day checkpoint" });
  await checkpoint.getByLabel("Actual: Workspaces with an invite in week one (%)").fill("52");
  await checkpoint.getByLabel("Actual: Set-up time (min)").fill("11");
  await checkpoint.getByLabel("Verdict").selectOption({ label: "Iterate" });
  await checkpoint.getByLabel("Follow-ups").fill("Cut the set-up steps from 7 to 4 before the first review.");
  await expectAxeClean(page);
  await checkpoint.getByRole("button", { name: "Record checkpoint" }).click();

  const outcome = page.getByRole("region", { name: "28-day checkpoint", exact: true });
  await expect(outcome).toContainText("Verdict: Iterate");
  await expect(outcome).toContainText("1 of 2 targets met");
  await expect(outcome.getByRole("row").filter({ hasText: "Workspaces with an invite" })).toContainText("Met");
  await expect(outcome.getByRole("row").filter({ hasText: "Set-up time" })).toContainText("Not met");
  await expect(page.locator(".project-status")).toContainText("Live");
  await expect(page.getByRole("status").filter({ hasText: "Next review due" })).toBeVisible();
  await expectAxeClean(page);
  launched = { path: projectPath, title };
});

test("the builder cites the launched project in a promotion packet, and the committee reads its recorded outcome", async ({ page }) => {
  test.setTimeout(60_000);
  expect(launched, "the first test launched a project and recorded its checkpoint").not.toBeNull();
  const { path: projectPath, title } = launched!;
  // The checkpoint was recorded 28 days on (the server's test clock): so is everything here, so
  // that the submission, and its snapshot, come after it.
  const later = { "X-Test-Now": new Date(Date.now() + 29 * DAY).toISOString() };

  // Leo opens a packet for L5 and cites the project in an evidence item.
  await page.setExtraHTTPHeaders(later);
  await signInAs(page, LEO);
  await page.getByRole("link", { name: "Your record, pay and level history" }).click();
  await page.getByRole("button", { name: "Start a packet for L5" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Your packet: L4 → L5/ })).toBeVisible();
  const packetPath = new URL(page.url()).pathname;
  await page.getByLabel("The case in a few paragraphs").fill("Leo shipped guided workspace set-up end to end, and measured it.");
  await page.getByRole("button", { name: "Save summary" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Summary saved." })).toBeVisible();
  await page.getByRole("button", { name: "Add evidence" }).click();
  const form = page.getByRole("form", { name: "New evidence item" });
  await form.getByLabel("Title").fill("Guided workspace set-up");
  await form.getByLabel("What was done").fill("Wrote the PRD, built the set-up flow and launched it to every new workspace.");
  await form.getByLabel("Impact").fill("Invites in week one up from 34% to 52%.");
  await form.getByLabel("Started").fill("2026-09-01");
  await form.getByLabel("Expanding scope of ownership").check();
  await form.getByLabel("Project it cites").selectOption({ label: title });
  await form.getByRole("button", { name: "Add evidence" }).click();
  const item = page.getByRole("article").filter({ has: page.getByRole("heading", { level: 3, name: "Guided workspace set-up" }) });
  await expect(item.locator(".recorded-outcome")).toContainText("Backed by a recorded outcome");
  await expect(item.locator(".recorded-outcome")).toContainText("1 of 2 targets met");
  await signOut(page);

  // Marcus, his manager, assesses every criterion and submits.
  await signInAs(page, MARCUS);
  await page.goto(packetPath);
  for (const criterion of CRITERIA) {
    const assessment = page.getByRole("form", { name: `Assessment of ${criterion}` });
    await assessment.getByLabel("3 Yes").check();
    await assessment.getByLabel(`Comment on ${criterion}`).fill(`Seen at L5 level: ${criterion.toLowerCase()}.`);
    await assessment.getByRole("button", { name: /Save assessment/ }).click();
    await expect(assessment.getByText(/^Saved /)).toBeVisible();
  }
  await page.getByRole("button", { name: "Submit packet" }).click();
  await page.getByRole("dialog", { name: "Submit Leo Martins’s packet for L5?" }).getByRole("button", { name: "Submit packet" }).click();
  await expect(page.getByText("this is the frozen snapshot")).toBeVisible();
  await signOut(page);

  // The promotion committee reads which evidence is backed by a recorded outcome, and the outcome.
  await signInAs(page, PRIYA);
  await page.goto(packetPath);
  await expect(page.getByRole("heading", { level: 1, name: /^Leo Martins: L4 → L5/ })).toBeVisible();
  await expect(page.getByText("1 backed by a recorded outcome")).toBeVisible();
  const cited = page.locator(".recorded-outcome");
  await expect(cited).toContainText("Backed by a recorded outcome");
  await expect(cited).toContainText("verdict Iterate");
  await expect(cited.getByRole("row").filter({ hasText: "Set-up time" })).toContainText("Not met");
  await expect(cited.getByRole("link", { name: title })).toHaveAttribute("href", projectPath);
  await expectAxeClean(page);
});

test.describe("at 390 px wide", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the project list and the project form have no accessibility violations", async ({ page }) => {
    await signInAs(page, LEO);
    await page.goto("/projects");
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    await expectAxeClean(page);
    await page.getByRole("link", { name: "Start a project" }).click();
    await expectHydrated(page);
    // A refused submit lists its problems at the top, focused.
    await page.getByRole("button", { name: "Submit PRD" }).click();
    await expect(page.locator(".error-summary")).toBeFocused();
    await expect(page.locator(".error-summary")).toContainText("Write a title");
    await expectAxeClean(page);
  });
});
