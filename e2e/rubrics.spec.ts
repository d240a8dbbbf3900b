import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

/** The row of a table whose row header is exactly `name`. */
function rowFor(scope: Locator, name: string) {
  return scope.getByRole("row").filter({ has: scope.page().getByRole("rowheader", { name, exact: true }) });
}

/** One added, removed or changed item of a diff section, found by its title (without the badge). */
function diffItem(section: Locator, label: string) {
  return section.locator(".diff-item").filter({ has: section.page().getByRole("heading", { name: new RegExp(`^(Added|Removed|Changed) ${label}$`) }) });
}

const STAGE_2 = "Stage 2: Technical deep dive";
const LEVEL_COLUMNS = ["L4", "L5", "L6", "L7"];

test("a signed-in user reads a rubric version: anchors, stage criteria and prompts, red flags", async ({ page }) => {
  await signIn(page, "interviewer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rubrics" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rubrics" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Product Builder" }).getByRole("link", { name: "Product Builder v1" })).toBeVisible();
  await page.getByRole("link", { name: "Builder v1", exact: true }).click();
  await expect(page).toHaveURL(/\/rubrics\/builder\/v1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Builder v1" })).toBeVisible();

  // A competency with its four anchors, each paired with its scale point.
  const competency = page.getByRole("region", { name: "Technical depth", exact: true });
  await expect(competency.getByRole("heading", { level: 3 })).toHaveText("Technical depth");
  await expect(competency.getByRole("term")).toHaveText(["1 · Strong no", "2 · No", "3 · Yes", "4 · Strong yes"]);
  await expect(competency.getByRole("definition").nth(3)).toHaveText(
    "Designs systems others build on; orchestrates modern and AI tooling to multiply output; raises the engineering bar around them.",
  );

  // Stage 2's criteria, with the competency each evidences and the interviewer's prompts.
  const stage = page.getByRole("region", { name: STAGE_2, exact: true });
  await expect(stage).toContainText("Needs 2 submitted scorecards.");
  const criteria = stage.getByRole("table");
  await expect(criteria.getByRole("rowheader")).toHaveText([
    "Builds a small feature end to end",
    "System design",
    "Product considerations in the design",
    "Debugging and code review",
  ]);
  const design = rowFor(criteria, "System design");
  await expect(design.getByRole("cell").first()).toHaveText("Technical depth");
  await expect(design.getByRole("listitem")).toHaveText([
    "Design the system behind the brief for its first thousand users, then for a million. What changes?",
  ]);

  // The blocking red flag.
  const flag = rowFor(page.getByRole("region", { name: "Red flags" }), "Lack of customer empathy");
  await expect(flag.getByRole("cell")).toHaveText([
    "Blocker",
    "Interview red flag",
    "Dismisses or ignores users' needs and feedback; cannot put themselves in the customer's place.",
  ]);
  await expect(rowFor(page.getByRole("region", { name: "Red flags" }), "Over-engineer").getByRole("cell").first()).toHaveText(
    "Minor",
  );

  // Readers who may not manage rubrics get no retire button.
  await expect(page.getByRole("button", { name: "Retire this version" })).toHaveCount(0);
});

test("a manager opens the level matrix from the version page and sees the bars and the pay bands", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/rubrics/builder/v2");
  await page.getByRole("navigation", { name: "This version" }).getByRole("link", { name: "Level matrix" }).click();
  await expect(page).toHaveURL(/\/rubrics\/builder\/v2\/levels$/);
  await expect(page.getByRole("heading", { level: 1, name: "Level matrix · Builder v2" })).toBeVisible();

  const bars = page.getByRole("region", { name: "Competency bars" }).getByRole("table");
  await expect(bars.getByRole("columnheader")).toHaveText(["Competency", ...LEVEL_COLUMNS]);
  await expect(rowFor(bars, "Business sense").getByRole("cell")).toHaveText(["2", "2.5", "3.5", "3.5"]);
  // In v2 growth expertise is scored, with a bar at every level.
  await expect(rowFor(bars, "Growth expertise").getByRole("cell")).toHaveText(["2", "2", "2.5", "3"]);

  const advancement = page.getByRole("region", { name: "Advancement criteria" }).getByRole("table");
  await expect(rowFor(advancement, "Mentoring other builders").getByRole("cell").nth(1)).toContainText(
    "Promotion to L5: 1 evidence item",
  );

  const bands = page.getByRole("region", { name: "Compensation bands" });
  await expect(bands.getByRole("heading", { level: 2, name: "Compensation bands" })).toBeVisible();
  await expect(rowFor(bands, "L6").getByRole("cell")).toHaveText([
    "$240,000",
    "$275,000",
    "$310,000",
    "$150,000 – $280,000",
    "$6,000",
  ]);
});

test("a builder sees the bars but no pay figures, neither on the page nor in the data sent to the browser", async ({
  page,
  browser,
}) => {
  await signIn(page, "builder");
  await page.goto("/rubrics/builder/v2/levels");
  await expect(page.getByRole("heading", { level: 1, name: "Level matrix · Builder v2" })).toBeVisible();
  const bars = page.getByRole("region", { name: "Competency bars" }).getByRole("table");
  await expect(rowFor(bars, "Business sense").getByRole("cell").nth(2)).toHaveText("3.5");

  await expect(page.getByRole("heading", { name: "Compensation bands" })).toHaveCount(0);
  await expect(page.getByRole("main")).not.toContainText("$");
  await expect(page.getByRole("main")).not.toContainText(/240,000|Learning budget/i);

  // What client-side navigation fetches for this page carries no band figures either.
  const asBuilder = await page.request.get("/rubrics/builder/v2/levels.data");
  expect(asBuilder.status()).toBe(200);
  const builderBody = await asBuilder.text();
  expect(builderBody).toContain("business_sense"); // it is the page's data…
  expect(builderBody).not.toContain("175000"); // …without the bands.
  expect(builderBody).not.toContain("learning_budget");

  // The same request for a manager does carry them, so the check above can fail.
  const context = await browser.newContext();
  try {
    const managerPage = await context.newPage();
    await signIn(managerPage, "manager");
    const asManager = await managerPage.request.get("/rubrics/builder/v2/levels.data");
    expect(asManager.status()).toBe(200);
    const managerBody = await asManager.text();
    expect(managerBody).toContain("175000");
    expect(managerBody).toContain("learning_budget");
  } finally {
    await context.close();
  }
});

test("v3, the current version, shows its project process in plain words; v2 has none", async ({ page }) => {
  await signIn(page, "builder");
  await page.goto("/rubrics/builder/v3");
  await expect(page.getByRole("heading", { level: 1, name: "Builder v3" })).toBeVisible();
  await expect(page.getByText("Current", { exact: true })).toBeVisible();
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Project process" }).click();
  await expect(page).toHaveURL(/#project-process$/);

  const process = page.getByRole("region", { name: "Project process" });
  await expect(process.getByRole("term")).toHaveText(["Problem", "Solution", "Success criteria", "Risks and rollback"]);
  await expect(process.getByRole("definition").first()).toHaveText("The problem or insight, and who has it.");
  await expect(process).toContainText("for a team satellite, the approver must be the lead of the team the project is embedded in.");
  await expect(process.getByRole("listitem")).toHaveText([
    "A project needs at least 1 success metric before its PRD is submitted and before it launches.",
    "The milestone checkpoint is due 28 days after launch.",
    "Once the checkpoint is recorded, the project is reviewed every 91 days until it is closed.",
    "A team-founder project must name the date by which it meets its success or is deprecated; that date can be at most 365 days away.",
    "Builders demo their work every 7 days.",
  ]);

  await page.goto("/rubrics/builder/v2");
  await expect(page.getByRole("heading", { level: 1, name: "Builder v2" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Project process" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Project process" })).toHaveCount(0);
});

test("what changed in v3: the list compares v2 with v3, which adds the project process and nothing else", async ({ page }) => {
  await signIn(page, "recruiter");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rubrics" }).click();
  await page.getByRole("region", { name: "Builder", exact: true }).getByRole("link", { name: "What changed in v3" }).click();
  await expect(page).toHaveURL(/\/rubrics\/builder\/compare\?from=2&to=3$/);
  await expect(page.getByRole("heading", { level: 1, name: "Builder: v2 → v3" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Why it changed" })).toContainText("Adds the Builder project process");
  await expect(page.getByRole("status")).toContainText("8 items changed.");
  await expect(page.locator(".diff-section").getByRole("heading", { level: 2 })).toHaveText(["Project process"]);

  const process = page.getByRole("region", { name: "Project process" });
  const cadence = diffItem(process, "Success metrics, checkpoint and reviews");
  await expect(cadence.getByRole("heading")).toHaveText("Added Success metrics, checkpoint and reviews");
  await expect(cadence.getByRole("term")).toHaveText(["success metrics needed", "checkpoint after launch (days)", "review every (days)"]);
  await expect(cadence.getByRole("definition")).toHaveText(["1", "28", "91"]);
  await expect(diffItem(process, "PRD section: Risks and rollback")).toContainText("What could go wrong, and how it is undone.");
  await expect(process.locator(".diff-item")).toHaveCount(8);
});

test("the v1 → v2 comparison shows changed and added items, and can be reversed", async ({ page }) => {
  await signIn(page, "recruiter");
  await page.goto("/rubrics/builder/v2");
  await page.getByRole("navigation", { name: "This version" }).getByRole("link", { name: "Compare with v1" }).click();
  await expect(page).toHaveURL(/\/rubrics\/builder\/compare\?from=1&to=2$/);
  await expect(page.getByRole("heading", { level: 1, name: "Builder: v1 → v2" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Why it changed" })).toContainText("Over-engineer is now a major red flag");

  // A changed red flag, side by side.
  const overEngineer = diffItem(page.getByRole("region", { name: "Red flags" }), "Over-engineer");
  await expect(overEngineer.getByRole("heading")).toHaveText("Changed Over-engineer");
  await expect(overEngineer.getByRole("columnheader")).toHaveText(["Field", "v1", "v2"]);
  await expect(overEngineer.getByRole("rowheader")).toHaveText(["severity"]);
  await expect(rowFor(overEngineer, "severity").getByRole("cell")).toHaveText(["minor", "major"]);

  // The new Stage 3 criterion.
  const criteria = page.getByRole("region", { name: "Interview criteria" });
  const growthPlan = diffItem(criteria, "Growth plan for the prototype");
  await expect(growthPlan.getByRole("heading")).toHaveText("Added Growth plan for the prototype");
  await expect(growthPlan).toContainText("Stage 3: Product / cross-functional assessment");
  await expect(growthPlan).toContainText("Growth expertise");

  // The L6 bar for business sense.
  const l6 = diffItem(page.getByRole("region", { name: "Levels" }), "L6 Senior Staff Builder");
  await expect(rowFor(l6, "bar: Business sense").getByRole("cell")).toHaveText(["3", "3.5"]);

  // The other way round, chosen with the From and To selects.
  const form = page.getByRole("form", { name: "Choose versions" });
  await form.getByRole("combobox", { name: /^From/ }).selectOption("v2");
  await form.getByRole("combobox", { name: /^To/ }).selectOption("v1");
  await form.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/rubrics\/builder\/compare\?from=2&to=1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Builder: v2 → v1" })).toBeVisible();
  const reversed = diffItem(page.getByRole("region", { name: "Interview criteria" }), "Growth plan for the prototype");
  await expect(reversed.getByRole("heading")).toHaveText("Removed Growth plan for the prototype");
  await expect(rowFor(diffItem(page.getByRole("region", { name: "Red flags" }), "Over-engineer"), "severity").getByRole("cell")).toHaveText(
    ["major", "minor"],
  );
  // No changelog when going back in time.
  await expect(page.getByRole("region", { name: "Why it changed" })).toHaveCount(0);
});

/** Puts a version back in service, whatever happened in the test (a no-op if it is not retired). */
async function reinstate(page: Page, path: string) {
  await page.request.post(`${path}?index`, { form: { intent: "reinstate" }, maxRedirects: 0 }).catch(() => undefined);
}

test("an admin retires and reinstates a version, but cannot retire a track's only version in service", async ({ page }) => {
  await signIn(page, "admin");
  try {
    await page.goto("/rubrics/builder/v1");
    const manage = page.getByRole("form", { name: "Manage this version" });
    await expect(page.getByText("Previous", { exact: true })).toBeVisible();

    await manage.getByRole("button", { name: "Retire this version" }).click();
    await page.getByRole("dialog", { name: "Retire Builder v1?" }).getByRole("button", { name: "Retire this version" }).click();
    await expect(manage.getByRole("button", { name: "Reinstate this version" })).toBeVisible();
    await expect(page.getByText("Retired", { exact: true })).toBeVisible();
    await expect(page.getByText("Previous", { exact: true })).toHaveCount(0);
    await expect(manage).toContainText("Retired: no new loops or packets use this version.");

    // The list of rubrics says so too; v3 stays current and v2 previous.
    await page.goto("/rubrics");
    const builder = page.getByRole("region", { name: "Builder", exact: true });
    const v1 = builder.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Builder v1", exact: true }) });
    const v2 = builder.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Builder v2", exact: true }) });
    const v3 = builder.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Builder v3", exact: true }) });
    await expect(v1).toContainText("Retired");
    await expect(v2).toContainText("Previous");
    await expect(v3).toContainText("Current");

    await v1.getByRole("link", { name: "Builder v1" }).click();
    await manage.getByRole("button", { name: "Reinstate this version" }).click();
    await expect(manage.getByRole("button", { name: "Retire this version" })).toBeVisible();
    await expect(page.getByText("Previous", { exact: true })).toBeVisible();
    await expect(page.getByText("Retired", { exact: true })).toHaveCount(0);
  } finally {
    await reinstate(page, "/rubrics/builder/v1");
  }

  try {
    await page.goto("/rubrics/product-builder/v1");
    await expect(page.getByRole("heading", { level: 1, name: "Product Builder v1" })).toBeVisible();
    const manage = page.getByRole("form", { name: "Manage this version" });
    await manage.getByRole("button", { name: "Retire this version" }).click();
    await page.getByRole("dialog", { name: "Retire Product Builder v1?" }).getByRole("button", { name: "Retire this version" }).click();
    await expect(manage.getByRole("alert")).toHaveText(
      "This is the track's only version in service; publish a newer version before retiring it.",
    );
    await page.reload();
    await expect(page.getByText("Current", { exact: true })).toBeVisible();
    await expect(page.getByText("Retired", { exact: true })).toHaveCount(0);
    await expect(manage.getByRole("button", { name: "Retire this version" })).toBeVisible();
  } finally {
    await reinstate(page, "/rubrics/product-builder/v1");
  }
});

for (const width of [1280, 390]) {
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height: 900 } });

    // The current version (v3) has the most sections (its project process); the admin sees the
    // most: the retire form on the version page, the bands on the matrix.
    for (const path of ["/rubrics/builder/v3", "/rubrics/builder/v3/levels"]) {
      async function open(page: Page) {
        await signIn(page, "admin");
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: /Builder v3$/ })).toBeVisible();
      }

      test(`${path} has no accessibility violations`, async ({ page }) => {
        await open(page);
        expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      });

      test(`${path} does not scroll sideways as a whole`, async ({ page }) => {
        await open(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      });
    }
  });
}

test("an unknown rubric version answers 404", async ({ page }) => {
  await signIn(page, "interviewer");
  for (const path of ["/rubrics/builder/v9", "/rubrics/builder/v9/levels", "/rubrics/builder/version-1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
});
