import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";
import { signInAs, type Person, startLoopForNewCandidate, testWithPeople } from "./fixtures";

/**
 * The hiring committee page of a loop (/loops/:loopId/committee), end to end, on the demo data
 * (prisma/seed/demo-hiring.ts): Jonas Weber's loop is blocked by a corroborated red flag, Ravi
 * Menon's is complete with a disagreement. Decisions are recorded only on a loop made by the test
 * itself, since the database is shared by tests running in parallel.
 */

const HANNAH: Person = { email: "hiring@northwind.example", name: "Hannah Schmidt" }; // hiring committee
const RECRUITER: Person = { email: "recruiter@northwind.example", name: "Sofia Alvarez" };
const DANIEL: Person = { email: "interviewer@northwind.example", name: "Daniel Okafor" }; // on Ravi's panel
const BEA: Person = { email: "builder@northwind.example", name: "Bea Novak" }; // a builder

// Not UTC: times render in UTC on the server and in the reader's zone once React has hydrated.
const TIMEZONE = "Europe/Berlin";

const test = testWithPeople(TIMEZONE);


/** From the candidate list to the candidate, to their (only) loop; returns the loop's address. */
async function findLoop(page: Page, candidateName: string) {
  await page.goto(`/candidates?q=${encodeURIComponent(candidateName)}`);
  await page.getByRole("region", { name: "Candidate list" }).getByRole("link", { name: candidateName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: candidateName })).toBeVisible();
  await page.getByRole("region", { name: "Interview loops" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/loops\/[^/]+$/);
  return new URL(page.url()).pathname;
}

/** Opens a loop's committee page and waits until React has hydrated it (forms validate in the browser from then on). */
async function openCommitteePage(page: Page, loopPath: string, candidateName: string) {
  const response = await page.goto(`${loopPath}/committee`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: `Committee review: ${candidateName}` })).toBeVisible();
  await expect(page.getByRole("main").locator("header time").first()).not.toContainText("UTC");
}

function section(page: Page, name: string) {
  return page.getByRole("region", { name, exact: true });
}

/** The chart's score bars: one per competency with a score. */
function chartBars(page: Page) {
  return section(page, "Competencies").locator("figure svg .chart-score-bar");
}

test("a blocking red flag raised by two interviewers means no hire, whatever the ratings", async ({ as }) => {
  const hannah = await as(HANNAH);
  const loopPath = await findLoop(hannah, "Jonas Weber");
  await openCommitteePage(hannah, loopPath, "Jonas Weber");

  const summary = section(hannah, "Summary");
  await expect(summary.getByText("No hire", { exact: true })).toBeVisible();
  await expect(summary.getByRole("list", { name: "Reasons" })).toContainText(
    "Lack of customer empathy was raised by 2 independent interviewers; the rubric blocks a hire at 2.",
  );

  const flags = section(hannah, "Red flags");
  const flag = flags.getByRole("listitem").filter({ has: hannah.getByRole("heading", { name: /^Lack of customer empathy/ }) });
  await expect(flag).toContainText("blocker");
  await expect(flag).toContainText("Raised by 2 independent interviewers in Stage 1: Initial screen and Stage 3: Product / cross-functional assessment.");
  await expect(flag).toContainText("Blocks a hire: the rubric blocks at 2 independent interviewers.");
  // Each raise links to the evidence written on the scorecard.
  const raises = flag.getByRole("link", { name: /^Raised by/ });
  await expect(raises).toHaveCount(2);
  await expect(raises.first()).toHaveAttribute("href", /^\/scorecards\/[^/#]+#current-flag-lack_of_customer_empathy$/);
});

test("a committee member reads a complete loop: level, band, chart, figures, and the evidence behind a rating", async ({ as }) => {
  const hannah = await as(HANNAH);
  const loopPath = await findLoop(hannah, "Ravi Menon");
  await openCommitteePage(hannah, loopPath, "Ravi Menon");

  const summary = section(hannah, "Summary");
  await expect(summary.getByText("Hire", { exact: true })).toBeVisible();
  await expect(summary).toContainText("The evidence supports L5 (target L5).");
  const level = summary.locator("dt", { hasText: "Supported by the evidence" }).locator("xpath=following-sibling::dd[1]");
  await expect(level).toHaveText("L5");
  await expect(summary.getByRole("heading", { name: "Compensation band of L5" })).toBeVisible();
  await expect(summary).toContainText("$205,000–$265,000");
  await expect(summary).toContainText("Suggested base");
  await expect(summary).toContainText("$80,000–$160,000");
  await expect(summary).toContainText("USD");

  // The chart has a name and a caption; the table repeats its figures.
  const figure = section(hannah, "Competencies").getByRole("figure");
  await expect(figure).toContainText("Score per competency against the L5 bar and the L6 bar");
  await expect(figure.getByRole("img", { name: /^Bar chart of the score per competency/ })).toBeVisible();
  await expect(chartBars(hannah)).toHaveCount(6);
  const figures = hannah.getByRole("table", { name: "Figures per competency" });
  const technicalDepth = figures.getByRole("row").filter({ has: hannah.getByRole("rowheader", { name: "Technical depth", exact: true }) });
  await expect(technicalDepth.getByRole("cell")).toHaveText(["5", /by Yuki Tanaka on System design/, "3.2", "3", "2–4", /^2\s*disagreement$/, "3.2", "3", "3"]);
  await expect(technicalDepth.getByRole("link")).toHaveCount(5);

  // Who disagrees, and what blocks the next level.
  const disagreements = section(hannah, "Disagreements");
  await expect(disagreements).toContainText("Technical depth: ratings from 2 to 4");
  await expect(disagreements.getByRole("link", { name: "2 from Yuki Tanaka" })).toBeVisible();
  await expect(disagreements.getByRole("link", { name: "4 from Lucas Moreau" })).toBeVisible();
  const blockers = section(hannah, "What blocks L6");
  await expect(blockers.getByRole("row").filter({ hasText: "Product sense" }).getByRole("cell")).toHaveText(["3.5", "3.14", "0.36"]);

  await expect(section(hannah, "Rater agreement")).toContainText("Krippendorff's alpha (interval)");
  const lenience = hannah.getByRole("table", { name: "Each interviewer against the panel" });
  for (const name of ["Daniel Okafor", "Yuki Tanaka", "Lucas Moreau", "Grace Kim", "Amara Eze"]) {
    await expect(lenience.getByRole("rowheader", { name, exact: true })).toBeVisible();
  }
  await expect(section(hannah, "Stage completion").getByRole("row").filter({ hasText: "Stage 2: Technical deep dive" })).toContainText("2 of 2");

  // A rating in "Who said what" leads to the written evidence behind it.
  const stage2 = hannah.getByRole("table", { name: "Stage 2: Technical deep dive" });
  await stage2.getByRole("link", { name: "2 by Yuki Tanaka on System design" }).click();
  await expect(hannah).toHaveURL(/\/scorecards\/[^/]+#current-criterion-system_design$/);
  await expect(hannah.getByRole("heading", { level: 1, name: "Stage 2: Technical deep dive: scorecard by Yuki Tanaka" })).toBeVisible();
  const evidence = hannah.locator("#current-criterion-system_design");
  await expect(evidence).toContainText("Designed reminders as one cron job");
  await expect(evidence).toBeInViewport();
});

/** The message shown at a field (the error summary at the top of the form repeats it as a link). */
function fieldError(scope: Locator, text: string | RegExp) {
  return scope.locator("p.field-error").filter({ hasText: text });
}

/** Confirms the recording in the shared dialog, which says what will be recorded. */
async function confirmRecording(page: Page, title: string, says: string | RegExp) {
  const dialog = page.getByRole("dialog", { name: title });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(says);
  await expect(dialog).toContainText("This cannot be undone.");
  await dialog.getByRole("button", { name: title.startsWith("Record this correction") ? "Record correction" : "Record decision" }).click();
  await expect(dialog).toBeHidden();
}

test("the committee records a decision, then a correction outside the band with its justification", async ({ as }) => {
  test.slow();
  // A loop of its own, so no other test sees these decisions.
  const recruiter = await as(RECRUITER);
  const { candidateName } = await startLoopForNewCandidate(recruiter, "Committee Candidate");

  const hannah = await as(HANNAH);
  const loopPath = await findLoop(hannah, candidateName);
  await openCommitteePage(hannah, loopPath, candidateName);
  await expect(section(hannah, "Summary").getByText("Not enough evidence", { exact: true })).toBeVisible();
  // A second tab, opened before the decision: it will decide over a decision it has not seen.
  const staleTab = await hannah.context().newPage();
  await openCommitteePage(staleTab, loopPath, candidateName);

  const decision = section(hannah, "Decision");
  await expect(decision.getByText("No decision recorded yet.")).toBeVisible();
  let form = decision.getByRole("form", { name: "Record the decision" });
  await expect(chartBars(hannah)).toHaveCount(0);
  await expect(section(hannah, "Competencies").getByRole("img", { name: /^Bar chart/ })).toBeVisible();

  // Nothing is scheduled yet: the form says so before anyone decides, and asks to confirm it.
  const warning = form.getByRole("note");
  await expect(warning).toContainText("Not every stage is complete: 0 of 3 stages have all their scorecards.");

  // The rationale is required, at its field.
  await form.getByRole("radio", { name: "Hire", exact: true }).check();
  // A hire goes against "not enough evidence": a second point to confirm.
  await expect(warning).toContainText("The evidence's recommendation is “Not enough evidence”: this decision goes against it.");
  await form.getByLabel("Level").selectOption("L5");
  await expect(form.getByText("L5 band: $205,000–$265,000 (mid $235,000)")).toBeVisible();
  await form.getByLabel(/^Base salary/).fill("230000");
  await expect(form.getByLabel("Why outside the band")).toHaveCount(0);
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(fieldError(form, "Write the committee's rationale")).toBeVisible();
  await expect(form.getByLabel("Rationale")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Rationale").fill("Strong product sense; L5 at the middle of the band.");
  // Without confirming each point and saying why, nothing is recorded (the browser refuses, at the fields).
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(fieldError(form, /^Confirm it to record this decision: Decide before every stage is complete \(0 of 3 complete\); Decide to hire against the recommendation “Not enough evidence”$/)).toBeVisible();
  await expect(fieldError(form, "Write why the committee decides this now: it stays with the decision")).toBeVisible();
  await expect(hannah.getByRole("dialog")).toBeHidden();
  await form.getByRole("checkbox", { name: "Decide before every stage is complete (0 of 3 complete)" }).check();
  await form.getByRole("checkbox", { name: "Decide to hire against the recommendation “Not enough evidence”" }).check();
  await form.getByLabel("Why decide now").fill("The founder referral is time-boxed; the committee accepts the risk.");
  await form.getByRole("button", { name: "Record decision" }).click();
  await confirmRecording(hannah, "Record this decision?", "Hire at L5, $230,000 a year");
  await expect(decision.getByRole("status")).toHaveText("Decision recorded.");

  // The page shows the decision, in the summary and in the history; the form now corrects it.
  await expect(section(hannah, "Summary")).toContainText("Hire at L5, base $230,000 · decided by Hannah Schmidt");
  const history = decision.getByRole("list", { name: "Decision history" });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history.getByRole("listitem").first()).toContainText("Decision (entry 1): Hire at L5");
  await expect(history.getByRole("listitem").first()).toContainText("Strong product sense; L5 at the middle of the band.");
  await expect(history.getByRole("listitem").first()).toContainText("$230,000");
  // The overrides and why stay with the decision.
  await expect(history.getByRole("listitem").first()).toContainText("Decided before every stage was complete");
  await expect(history.getByRole("listitem").first()).toContainText("Decided against the recommendation");
  await expect(history.getByRole("listitem").first()).toContainText("Why: The founder referral is time-boxed; the committee accepts the risk.");
  form = decision.getByRole("form", { name: "Record a correction" });
  await expect(form).toBeVisible();
  await expect(form.getByLabel("Rationale")).toHaveValue("");

  // The stale tab's decision is refused: a decision is already recorded.
  const staleForm = section(staleTab, "Decision").getByRole("form");
  await staleForm.getByRole("radio", { name: "No hire", exact: true }).check();
  await staleForm.getByLabel("Rationale").fill("Not convinced.");
  // A no-hire agrees with "not enough evidence": only the unfinished loop is to confirm.
  await expect(staleForm.getByRole("checkbox")).toHaveCount(1);
  await staleForm.getByRole("checkbox", { name: "Decide before every stage is complete (0 of 3 complete)" }).check();
  await staleForm.getByLabel("Why decide now").fill("No need to wait.");
  await staleForm.getByRole("button", { name: "Record decision" }).click();
  await confirmRecording(staleTab, "Record this decision?", "No hire");
  await expect(staleForm.getByRole("alert")).toContainText("A decision is already recorded: record a correction of the current decision instead.");
  await staleTab.close();

  // A correction above the band needs a written justification, asked for at its field.
  await form.getByRole("radio", { name: "Hire", exact: true }).check();
  await form.getByLabel("Level").selectOption("L5");
  await form.getByLabel(/^Base salary/).fill("280000");
  const justification = form.getByLabel("Why outside the band");
  await expect(justification).toBeVisible();
  await expect(form.getByText("The base is outside the L5 band ($205,000–$265,000)")).toBeVisible();
  await form.getByLabel("Rationale").fill("Competing offer; the committee matches it.");
  await form.getByRole("checkbox", { name: "Decide before every stage is complete (0 of 3 complete)" }).check();
  await form.getByRole("checkbox", { name: "Decide to hire against the recommendation “Not enough evidence”" }).check();
  await form.getByLabel("Why decide now").fill("The offer expires before the loop could finish.");
  await form.getByRole("button", { name: "Record correction" }).click();
  await expect(fieldError(form, "The base is outside the L5 band ($205,000–$265,000): justify it in writing")).toBeVisible();
  await expect(justification).toHaveAttribute("aria-invalid", "true");
  await expect(history.getByRole("listitem")).toHaveCount(1);

  await justification.fill("A written competing offer at $280,000; the role is hard to fill.");
  await form.getByRole("button", { name: "Record correction" }).click();
  await confirmRecording(hannah, "Record this correction?", /Hire at L5, \$280,000 a year.*corrects the decision in force/);
  await expect(decision.getByRole("status")).toHaveText("Decision recorded.");
  await expect(history.getByRole("listitem")).toHaveCount(2);
  const [first, second] = [history.getByRole("listitem").nth(0), history.getByRole("listitem").nth(1)];
  await expect(first).toContainText("Decision (entry 1): Hire at L5");
  await expect(first).toContainText("Corrected");
  await expect(first).toContainText("$230,000");
  await expect(second).toContainText("Correction (entry 2): Hire at L5");
  await expect(second).toContainText("In force");
  await expect(second).toContainText("Corrects");
  await expect(second.getByRole("link", { name: /^entry 1 \(Hire at L5, by Hannah Schmidt\)/ })).toBeVisible();
  await expect(second).toContainText("$280,000");
  await expect(second).toContainText("A written competing offer at $280,000; the role is hard to fill.");
  await expect(section(hannah, "Summary")).toContainText("Hire at L5, base $280,000");
});

test("a builder may not open the committee page; the panel reads the evidence without pay", async ({ as }) => {
  const hannah = await as(HANNAH);
  const loopPath = await findLoop(hannah, "Ravi Menon");

  const bea = await as(BEA);
  const refused = await bea.goto(`${loopPath}/committee`);
  expect(refused?.status()).toBe(403);
  await expect(bea.getByRole("heading", { level: 1, name: "You don’t have access to this page" })).toBeVisible();

  // Daniel interviewed Ravi and has submitted: he reads the evidence, not the pay, and does not decide.
  const daniel = await as(DANIEL);
  await openCommitteePage(daniel, loopPath, "Ravi Menon");
  await expect(section(daniel, "Who said what")).toBeVisible();
  await expect(daniel.getByRole("table", { name: "Figures per competency" })).toBeVisible();
  await expect(daniel.getByRole("heading", { name: /^Compensation band/ })).toHaveCount(0);
  await expect(daniel.getByRole("form")).toHaveCount(0);
  await expect(daniel.getByRole("main")).not.toContainText(/\$\d{1,3},\d{3}/);
});

test("a recruiter sees stage completion and the decision, but no ratings and no pay", async ({ as }) => {
  const recruiter = await as(RECRUITER);
  const loopPath = await findLoop(recruiter, "Ravi Menon");
  await openCommitteePage(recruiter, loopPath, "Ravi Menon");

  const completion = section(recruiter, "Stage completion");
  await expect(completion.getByRole("row").filter({ hasText: "Stage 1: Initial screen" })).toContainText("1 of 1");
  await expect(completion.getByRole("row").filter({ hasText: "Stage 3: Product / cross-functional assessment" })).toContainText("2 of 2");
  await expect(section(recruiter, "Decision")).toBeVisible();

  const main = recruiter.getByRole("main");
  for (const name of ["Summary", "Competencies", "Who said what", "Red flags", "Rater agreement"]) {
    await expect(section(recruiter, name)).toHaveCount(0);
  }
  await expect(main.locator('a[href^="/scorecards/"]')).toHaveCount(0);
  await expect(main.getByRole("form")).toHaveCount(0);
  await expect(main).not.toContainText("$");
  await expect(main).not.toContainText("Krippendorff");

  expect((await new AxeBuilder({ page: recruiter }).analyze()).violations).toEqual([]);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`the committee page has no axe violations at ${viewport.width} px`, async ({ as }) => {
    const hannah = await as(HANNAH, viewport);
    const loopPath = await findLoop(hannah, "Ravi Menon");
    await openCommitteePage(hannah, loopPath, "Ravi Menon");
    await expect(chartBars(hannah)).toHaveCount(6);
    // Nothing but the wide tables (each in its own scroll box) is wider than the screen.
    expect(await hannah.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    expect((await new AxeBuilder({ page: hannah }).analyze()).violations).toEqual([]);

    // With the justification field open and errors shown too.
    const form = section(hannah, "Decision").getByRole("form");
    await form.getByRole("radio", { name: "Hire", exact: true }).check();
    await form.getByLabel(/^Base salary/).fill("999000");
    await form.getByRole("button", { name: /^Record/ }).click();
    await expect(form.getByLabel("Why outside the band")).toHaveAttribute("aria-invalid", "true");
    expect((await new AxeBuilder({ page: hannah }).analyze()).violations).toEqual([]);
  });
}
