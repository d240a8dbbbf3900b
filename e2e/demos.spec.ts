import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut, unique } from "./fixtures";

const PRD = ["## Problem", "New teams stall in set-up.", "## Solution", "A guided set-up.", "## Success criteria", "Activation.", "## Risks and rollback", "Behind a flag."].join("\n\n");

/** As the signed-in builder: starts a team-satellite project at /projects/new and lands on its page. */
async function startProject(page: Page, title: string, options: { submitTo?: string } = {}) {
  await page.goto("/projects/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Problem or insight").fill("New teams stall in set-up and never invite colleagues.");
  await page.getByRole("radio", { name: "Team satellite" }).check();
  await page.getByRole("textbox", { name: /^Team it is embedded in/ }).fill("Growth");
  await page.getByLabel("Approver", { exact: true }).selectOption({ label: options.submitTo ?? "Marcus Chen" });
  await page.getByLabel("PRD", { exact: true }).fill(PRD);
  const metric = page.getByRole("group", { name: "Metric 1" });
  if ((await metric.count()) === 0) await page.getByRole("button", { name: "Add a success metric" }).click();
  await metric.getByLabel("Name").fill("Activation");
  await metric.getByLabel("Unit").fill("%");
  await metric.getByLabel("Baseline").fill("20");
  await metric.getByLabel("Target").fill("35");
  await metric.getByLabel("How it is measured").fill("Weekly cohort of new teams");
  if (options.submitTo) await page.getByRole("button", { name: `Submit PRD to ${options.submitTo}` }).click();
  else await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a builder posts a demo, a manager flags it for the wider organisation, and it shows in the highlights", async ({ page }) => {
  test.setTimeout(90_000);
  const projectTitle = `Guided set-up ${unique()}`;
  const demoTitle = `Set-up in three steps ${unique()}`;

  await signIn(page, "builder");
  const projectPath = await startProject(page, projectTitle);
  await page.getByRole("link", { name: "Post a demo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Post a demo of ${projectTitle}` })).toBeVisible();
  await expectNoAxeViolations(page);

  // A demo is posted once it has happened: a date in years is refused before anything is sent.
  await page.getByLabel("Title").fill(demoTitle);
  await page.getByLabel("What it shows").fill("A new team reaches its first board in under a minute.");
  await page.getByLabel("Link to the demo").fill("https://video.example/setup-demo");
  await page.getByLabel("Date of the demo").fill("2099-01-01");
  await page.getByRole("button", { name: "Post the demo" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Post a demo once it has happened");
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page);

  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("Date of the demo").fill(today);
  await page.getByRole("button", { name: "Post the demo" }).click();
  await expect(page).toHaveURL(new RegExp(`${projectPath}$`));
  await expect(page.getByRole("heading", { level: 1, name: projectTitle })).toBeVisible();

  // In the feed, for everyone: the project, the presenter, the link opening apart from this page.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Demos", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Demos" })).toBeVisible();
  const posted = page.getByRole("article", { name: demoTitle });
  await expect(posted).toContainText("presented by Bea Novak");
  await expect(posted.getByRole("link", { name: projectTitle })).toHaveAttribute("href", projectPath);
  const link = posted.getByRole("link", { name: /^Open the demo/ });
  await expect(link).toHaveAttribute("href", "https://video.example/setup-demo");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  // A builder curates nothing.
  await expect(posted.getByText("Flag for the wider organisation")).toHaveCount(0);
  await signOut(page);

  // The manager flags it, with a note; they cannot post a demo on someone else's project.
  await signIn(page, "manager");
  const refused = await page.goto(`${projectPath}/demos/new`);
  expect(refused?.status()).toBe(403);
  await page.goto("/demos");
  const toFlag = page.getByRole("article", { name: demoTitle });
  await toFlag.getByText("Flag for the wider organisation", { exact: false }).first().click();
  await toFlag.getByLabel("Why it matters (optional)").fill("Onboarding in under a minute: worth the all-hands.");
  await expectNoAxeViolations(page);
  await toFlag.getByRole("button", { name: /^Flag for the wider organisation/ }).click();
  await expect(toFlag.getByText("Flagged for the wider organisation", { exact: true })).toBeVisible();
  await expect(toFlag).toContainText("Flagged by Marcus Chen");
  await expect(toFlag.getByRole("button", { name: /^Remove flag/ })).toBeVisible();

  // The highlights, by week, with who flagged it and why: for everyone signed in.
  await signOut(page);
  await signIn(page, "interviewer");
  await page.goto("/demos");
  await page.getByRole("link", { name: "This quarter’s highlights, by week" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Demo highlights" })).toBeVisible();
  const highlighted = page.getByRole("article", { name: demoTitle });
  await expect(highlighted).toContainText("Flagged by Marcus Chen");
  await expect(highlighted).toContainText("Onboarding in under a minute: worth the all-hands.");
  // Inside its week's section (the page's own section holds every week).
  await expect(page.getByRole("region", { name: /^Week of/ }).filter({ has: highlighted })).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test("the demo pages read at 390 px without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "admin");
  for (const path of ["/demos", "/demos/highlights"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  }
});

test("the approver sees a PRD awaiting their approval on their home", async ({ page }) => {
  test.setTimeout(90_000);
  const title = `Self-serve exports ${unique()}`;
  await signIn(page, "builder");
  await startProject(page, title, { submitTo: "Hannah Schmidt" });
  await signOut(page);

  await signIn(page, "hiring_committee");
  const panel = page.getByRole("region", { name: "PRDs awaiting your approval" });
  const item = panel.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
  await expect(item).toContainText("Bea Novak");
  await expect(item).toContainText("waiting less than a day");
  await item.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});
