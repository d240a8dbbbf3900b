import fs from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";
import { signInAs, unique, type Person, testWithPeople } from "./fixtures";

/**
 * Interview loops and scorecards, end to end: a recruiter sets up a loop, interviewers write,
 * save, submit and amend scorecards, and the independence rule keeps their ratings apart until
 * each has submitted. Every test makes its own candidate and loop (the database is shared).
 */

const RECRUITER: Person = { email: "recruiter@northwind.example", name: "Sofia Alvarez" };
const DANIEL: Person = { email: "interviewer@northwind.example", name: "Daniel Okafor" };
const LEO: Person = { email: "leo.martins@northwind.example", name: "Leo Martins" };
const HANNAH: Person = { email: "hiring@northwind.example", name: "Hannah Schmidt" }; // hiring committee

const STAGE_2 = "Stage 2: Technical deep dive";
const CRITERIA = [
  "Builds a small feature end to end",
  "System design",
  "Product considerations in the design",
  "Debugging and code review",
] as const;
const RATING_LABELS = ["1 · Strong no", "2 · No", "3 · Yes", "4 · Strong yes"];

// The browser is not on UTC, so a time typed in "Starts at" only lands right if the app
// converts it from the browser's time zone (and so times shown after hydration differ from the server's).
const TIMEZONE = "America/New_York";

const test = testWithPeople(TIMEZONE);


/** A whole minute, `minutes` from now (negative: in the past). */
function minutesFromNow(minutes: number) {
  return new Date(Math.floor((Date.now() + minutes * 60_000) / 60_000) * 60_000);
}

/** What a person types into a datetime-local field for `instant`, in the browser's own time zone. */
function localInput(page: Page, instant: Date) {
  return page.evaluate((ms) => {
    const d = new Date(ms);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, instant.getTime());
}

/** Waits until React has hydrated the page: times are then shown in the reader's zone, not the server's UTC. */
async function expectHydrated(page: Page) {
  await expect(page.getByRole("main").locator("time").first()).not.toContainText("UTC");
}

function stagePanel(page: Page, stage = STAGE_2) {
  return page.getByRole("region", { name: stage, exact: true });
}

/** One interviewer's line on a loop page ("Leo Martins: Submitted · Read scorecard"). */
function interviewerLine(page: Page, person: Person) {
  return stagePanel(page).getByRole("listitem").filter({ hasText: new RegExp(`^${person.name}:`) });
}

/**
 * As the recruiter: adds a candidate, starts a Builder loop for them and schedules a Stage 2
 * interview with the given interviewers. Returns the candidate's name and the loop's address.
 */
async function setUpLoop(recruiter: Page, { interviewers, startsAt }: { interviewers: Person[]; startsAt: Date }) {
  const candidateName = `Loop Candidate ${unique()}`;
  await recruiter.goto("/candidates/new");
  await recruiter.getByLabel("Name").fill(candidateName);
  await recruiter.getByLabel("Email").fill(`loop.${unique()}@mail.example`);
  await recruiter.getByLabel("Source").selectOption({ label: "Founder or indie hacker" });
  await recruiter.getByLabel("Target level").selectOption("L5");
  await recruiter.getByRole("button", { name: "Add candidate" }).click();
  await expect(recruiter.getByRole("heading", { level: 1, name: candidateName })).toBeVisible();

  await recruiter.getByRole("link", { name: "Start an interview loop" }).click();
  await expect(recruiter.getByRole("heading", { level: 1, name: `New interview loop for ${candidateName}` })).toBeVisible();
  await recruiter.getByLabel("Track and rubric version").selectOption({ label: "Builder (v3)" });
  await expect(recruiter.getByLabel("Target level")).toHaveValue("L5");
  await recruiter.getByRole("button", { name: "Create loop" }).click();
  await expect(recruiter).toHaveURL(/\/loops\/[^/]+$/);
  await expect(recruiter.getByRole("heading", { level: 1, name: `Interview loop: ${candidateName}` })).toBeVisible();
  const loopPath = new URL(recruiter.url()).pathname;
  await expect(stagePanel(recruiter)).toContainText("Not scheduled");
  await expect(stagePanel(recruiter)).toContainText("No interview scheduled yet.");

  // Once hydrated, the form carries the browser's time zone along with the local time.
  await expect(recruiter.locator('input[name="timeZone"]')).toHaveValue(TIMEZONE);

  const form = recruiter.getByRole("region", { name: "Schedule an interview" });
  await form.getByLabel("Stage").selectOption({ label: STAGE_2 });
  await form.getByLabel("Starts at").fill(await localInput(recruiter, startsAt));
  await form.getByLabel("Length (minutes)").fill("60");
  for (const person of interviewers) await form.getByRole("checkbox", { name: person.name }).check();
  await form.getByRole("button", { name: "Schedule interview" }).click();
  await expect(form.getByRole("status")).toHaveText("Interview scheduled");

  const panel = stagePanel(recruiter);
  // The interview is at the instant meant in the browser's time zone…
  await expect(panel.locator(`time[datetime="${startsAt.toISOString()}"]`)).toBeVisible();
  // …so, having begun, it awaits its two scorecards.
  await expect(panel).toContainText(startsAt < new Date() ? "Awaiting scorecards" : "Scheduled");
  await expect(panel).toContainText("0 of 2 scorecards submitted");
  for (const person of interviewers) await expect(interviewerLine(recruiter, person)).toHaveText(`${person.name}: Not started`);
  return { candidateName, loopPath };
}

/**
 * Resolves once an autosave holding `text` has been stored. "Draft saved" alone can be left over
 * from an earlier save while the last words are still on their way.
 */
function draftSavedWith(page: Page, text: string) {
  return page.waitForResponse(
    (r) =>
      r.request().method() === "POST" &&
      /^\/scorecards\/[^/]+\/draft$/.test(new URL(r.url()).pathname) &&
      (r.request().postData() ?? "").includes(text) &&
      r.ok(),
  );
}

function criterion(scope: Page | Locator, name: (typeof CRITERIA)[number]) {
  return scope.getByRole("group", { name, exact: true });
}

function ratingOption(scope: Page | Locator, name: (typeof CRITERIA)[number], value: 1 | 2 | 3 | 4) {
  return criterion(scope, name).getByRole("radio", { name: new RegExp(`^${RATING_LABELS[value - 1]}`) });
}

function evidence(scope: Page | Locator, name: (typeof CRITERIA)[number]) {
  return criterion(scope, name).getByRole("textbox", { name: /^Evidence/ });
}

function recommendation(scope: Page | Locator, label: "Strong no" | "No" | "Yes" | "Strong yes") {
  return scope.getByRole("group", { name: "Overall recommendation" }).getByRole("radio", { name: label, exact: true });
}

/** Fills a whole, valid Stage 2 scorecard: every criterion rated with evidence, a signal, a recommendation. */
async function fillCompleteScorecard(page: Page, author: string) {
  const form = page.getByRole("form", { name: "Scorecard" });
  for (const name of CRITERIA) {
    await ratingOption(form, name, 3).check();
    await evidence(form, name).fill(`${author} on ${name}: clear, specific evidence.`);
  }
  await form.getByRole("checkbox", { name: "Articulates technical decisions in business terms." }).check();
  await form.getByLabel("Note (optional)").fill(`${author} heard it twice.`);
  await recommendation(form, "Yes").check();
  await form.getByLabel("Key take-aways").fill(`${author}: a capable builder who ships.`);
}

test("two interviewers write, submit and amend independent scorecards on a new loop", async ({ as }) => {
  test.slow();
  const recruiter = await as(RECRUITER);
  const startsAt = minutesFromNow(-60);
  const { candidateName, loopPath } = await setUpLoop(recruiter, { interviewers: [DANIEL, LEO], startsAt });
  // Recruiters follow completion but have no scorecard to write and none to read.
  await expect(stagePanel(recruiter).getByRole("link", { name: /scorecard/i })).toHaveCount(0);

  // B submits a complete scorecard first.
  const leo = await as(LEO);
  await leo.goto(loopPath);
  await expect(leo.getByText("You will see the other interviewers’ scorecards on this loop once you have submitted all of yours.")).toBeVisible();
  await interviewerLine(leo, LEO).getByRole("link", { name: "Write your scorecard" }).click();
  await expect(leo.getByRole("heading", { level: 1, name: `${STAGE_2}: ${candidateName}` })).toBeVisible();
  await expectHydrated(leo);
  await fillCompleteScorecard(leo, "Leo");
  await leo.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(leo.getByText("Submitted and locked.")).toBeVisible();
  await expect(leo.getByRole("button", { name: "Amend this scorecard" })).toBeVisible();

  // A hiring committee member reads any submitted scorecard: that is where B's address comes from.
  const hannah = await as(HANNAH);
  await hannah.goto(loopPath);
  await expect(stagePanel(hannah)).toContainText("1 of 2 scorecards submitted");
  const readLeo = interviewerLine(hannah, LEO).getByRole("link", { name: "Read scorecard" });
  const leoScorecardPath = await readLeo.getAttribute("href");
  expect(leoScorecardPath).toMatch(/^\/scorecards\/[^/]+$/);

  // A sees that B submitted, but not what B wrote.
  const daniel = await as(DANIEL);
  await daniel.goto(loopPath);
  await expect(daniel.getByText("You will see the other interviewers’ scorecards on this loop once you have submitted all of yours.")).toBeVisible();
  await expect(interviewerLine(daniel, LEO)).toHaveText("Leo Martins: Submitted");
  await expect(stagePanel(daniel).getByRole("link", { name: "Read scorecard" })).toHaveCount(0);
  await interviewerLine(daniel, DANIEL).getByRole("link", { name: "Write your scorecard" }).click();
  await expect(daniel).toHaveURL(/\/interviews\/[^/]+\/scorecard$/);
  const ownScorecardPath = new URL(daniel.url()).pathname;
  await expect(daniel.getByRole("heading", { level: 1, name: `${STAGE_2}: ${candidateName}` })).toBeVisible();
  await expectHydrated(daniel);
  const form = daniel.getByRole("form", { name: "Scorecard" });
  await expect(form.getByRole("status")).toHaveText("Your draft saves itself as you type.");

  // Half-way through, the draft saves itself and survives a reload.
  await ratingOption(form, "Builds a small feature end to end", 3).check();
  await evidence(form, "Builds a small feature end to end").fill("Shipped the brief's feature with tests in 40 minutes.");
  await ratingOption(form, "System design", 2).check();
  const halfWay = draftSavedWith(daniel, "no thought about the read path");
  await evidence(form, "System design").fill("Single database for everything; no thought about the read path.");
  await halfWay;
  await expect(form.getByRole("status")).toContainText("Draft saved");
  await daniel.reload();
  await expectHydrated(daniel);
  await expect(form.getByRole("status")).toContainText("Draft saved");
  await expect(ratingOption(form, "Builds a small feature end to end", 3)).toBeChecked();
  await expect(ratingOption(form, "System design", 2)).toBeChecked();
  await expect(ratingOption(form, "Product considerations in the design", 3)).not.toBeChecked();
  await expect(evidence(form, "Builds a small feature end to end")).toHaveValue("Shipped the brief's feature with tests in 40 minutes.");
  await expect(evidence(form, "System design")).toHaveValue("Single database for everything; no thought about the read path.");

  // A rating of 4 needs evidence: the error is given at that criterion.
  await ratingOption(form, "Product considerations in the design", 4).check();
  await expect(criterion(form, "Product considerations in the design").getByText("(required for this rating)")).toBeVisible();
  await ratingOption(form, "Debugging and code review", 3).check();
  await evidence(form, "Debugging and code review").fill("Found the race in the logs quickly; kind, precise review.");
  await recommendation(form, "Yes").check();
  await form.getByLabel("Key take-aways").fill("Strong product instincts; design depth to grow.");
  await form.getByRole("button", { name: "Submit scorecard" }).click();
  const product = criterion(form, "Product considerations in the design");
  await expect(product.getByRole("alert")).toHaveText("Write the evidence behind a rating of 4 (Strong yes)");
  await expect(evidence(form, "Product considerations in the design")).toHaveAttribute("aria-invalid", "true");
  await expect(evidence(form, "Product considerations in the design")).toBeFocused();
  await expect(form.getByText("Some answers need attention: see the messages below.")).toBeVisible();
  await expect(criterion(form, "System design").getByRole("alert")).toHaveCount(0);
  await expect(daniel).toHaveURL(new RegExp(`${ownScorecardPath}$`));
  await expect(form.getByRole("button", { name: "Submit scorecard" })).toBeVisible();

  // Before submitting, B's scorecard is closed to A (independence).
  const peek = await daniel.context().newPage();
  const refused = await peek.goto(leoScorecardPath!);
  expect(refused?.status()).toBe(403);
  await expect(peek.getByRole("heading", { level: 1, name: "You don’t have access to this page" })).toBeVisible();
  await expect(peek.getByText("Leo on System design")).toHaveCount(0);

  // A completes and submits.
  await evidence(form, "Product considerations in the design").fill("Cut scope twice to protect the first user's job.");
  await expect(product.getByRole("alert")).toHaveCount(0);
  await form.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(daniel.getByText("Submitted and locked.")).toBeVisible();
  const ratings = daniel.getByRole("region", { name: "Ratings" });
  await expect(ratings.getByRole("term")).toHaveText([
    "Builds a small feature end to end: 3 · Yes",
    "System design: 2 · No",
    "Product considerations in the design: 4 · Strong yes",
    "Debugging and code review: 3 · Yes",
  ]);
  await expect(daniel.getByRole("region", { name: "Overall" })).toContainText("Recommendation: Yes");
  await expect(daniel.getByRole("region", { name: "History" })).toHaveCount(0);

  // Now A reads B's scorecard, and the loop page links to it.
  const read = await peek.goto(leoScorecardPath!);
  expect(read?.status()).toBe(200);
  await expect(peek.getByRole("heading", { level: 1, name: `${STAGE_2}: scorecard by Leo Martins` })).toBeVisible();
  await expect(peek.getByRole("region", { name: "Ratings" }).getByRole("definition").nth(1)).toHaveText(
    "Leo on System design: clear, specific evidence.",
  );
  await expect(peek.getByRole("region", { name: "Positive signals" })).toContainText(
    "Articulates technical decisions in business terms.: Leo heard it twice.",
  );
  await expect(peek.getByRole("region", { name: "Overall" })).toContainText("Leo: a capable builder who ships.");
  await peek.goto(loopPath);
  await expect(peek.getByText("You will see the other interviewers’ scorecards")).toHaveCount(0);
  await expect(stagePanel(peek)).toContainText("Complete");
  await expect(stagePanel(peek)).toContainText("2 of 2 scorecards submitted");
  await expect(interviewerLine(peek, LEO).getByRole("link", { name: "Read scorecard" })).toHaveAttribute("href", leoScorecardPath!);
  await expect(interviewerLine(peek, DANIEL).getByRole("link", { name: "Your scorecard" })).toHaveAttribute("href", ownScorecardPath);

  // A amends their own scorecard, with a reason; the original stays readable.
  await daniel.getByRole("button", { name: "Amend this scorecard" }).click();
  const amend = daniel.getByRole("form", { name: "Amend scorecard" });
  await expect(ratingOption(amend, "System design", 2)).toBeChecked();
  await ratingOption(amend, "System design", 3).check();
  await evidence(amend, "System design").fill("On reflection: the sharding plan for a million users was sound.");
  await amend.getByRole("button", { name: "Save amendment" }).click();
  await expect(amend.getByRole("alert").filter({ hasText: "Say why you are amending the scorecard" })).toBeVisible();
  const reason = "Re-read my notes: the design discussion went further than I first wrote.";
  await amend.getByLabel("Why are you amending this scorecard?").fill(reason);
  const saved = daniel.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith(ownScorecardPath));
  await amend.getByRole("button", { name: "Save amendment" }).click();
  expect((await saved).ok()).toBe(true);

  // Once saved, the page goes back to the read-only view with the history.
  await expect(daniel.getByText("Submitted and locked.")).toBeVisible();
  await expect(amend).toBeHidden();
  await expect(ratings.getByRole("term").nth(1)).toHaveText("System design: 3 · Yes");
  await expect(ratings.getByRole("definition").nth(1)).toHaveText("On reflection: the sharding plan for a million users was sound.");
  const history = daniel.getByRole("region", { name: "History" });
  const summaries = history.locator("details > summary");
  await expect(summaries).toHaveCount(2);
  await expect(summaries.nth(0)).toContainText("Amendment 1 by Daniel Okafor");
  await expect(summaries.nth(0)).toContainText(`Reason: ${reason}`);
  await expect(summaries.nth(1)).toContainText("Original submission by Daniel Okafor");
  await expect(summaries.nth(1)).not.toContainText("Reason:");
  await summaries.nth(1).click();
  const original = history.locator("details").nth(1);
  await expect(original.getByRole("term").nth(1)).toHaveText("System design: 2 · No");
  await expect(original.getByRole("definition").nth(1)).toHaveText("Single database for everything; no thought about the read path.");

  // B, who has submitted too, reads the amended scorecard with its history.
  await leo.goto(loopPath);
  await interviewerLine(leo, DANIEL).getByRole("link", { name: "Read scorecard" }).click();
  await expect(leo.getByRole("heading", { level: 1, name: `${STAGE_2}: scorecard by Daniel Okafor` })).toBeVisible();
  await expect(leo.getByRole("main")).toContainText("amended 1 time");
  await expect(leo.getByRole("region", { name: "Ratings" }).getByRole("term").nth(1)).toHaveText("System design: 3 · Yes");
  await expect(leo.getByRole("region", { name: "History" })).toContainText(`Reason: ${reason}`);
});

test("the scorecard works at 390 px wide and has no accessibility violations at 390 and 1280 px", async ({ page, as }) => {
  test.slow();
  const recruiter = await as(RECRUITER);
  const { loopPath } = await setUpLoop(recruiter, { interviewers: [DANIEL, LEO], startsAt: minutesFromNow(-60) });

  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, DANIEL);
  await page.goto(loopPath);
  await expect(page.getByRole("heading", { level: 1, name: /^Interview loop:/ })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await interviewerLine(page, DANIEL).getByRole("link", { name: "Write your scorecard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${STAGE_2}:`) })).toBeVisible();
  await expectHydrated(page);
  const form = page.getByRole("form", { name: "Scorecard" });

  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // Every rating option can be seen whole within the screen's width, and chosen.
  for (const name of CRITERIA) {
    for (const value of [1, 2, 3, 4] as const) {
      const option = ratingOption(form, name, value);
      await option.scrollIntoViewIfNeeded();
      await expectWithinWidth(option, 390);
      await expectWithinWidth(option.locator("xpath=ancestor::label[1]"), 390);
      await option.check();
      await expect(option).toBeChecked();
    }
  }
  for (const label of ["Strong no", "No", "Yes", "Strong yes"] as const) {
    await expectWithinWidth(recommendation(form, label), 390);
  }
  await expectNoSidewaysScroll(page);

  // With errors on show (4 · Strong yes everywhere, no evidence), still one column, still accessible.
  await form.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(criterion(form, "Debugging and code review").getByRole("alert")).toHaveText(
    "Write the evidence behind a rating of 4 (Strong yes)",
  );
  await expect(form.getByText("Choose an overall recommendation")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 1280, height: 900 });
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await page.reload();
  await expectHydrated(page);
  await expectNoAxeViolations(page);
});

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function expectNoAxeViolations(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

async function expectWithinWidth(locator: Locator, width: number) {
  const box = await locator.boundingBox();
  expect(box, "the element is rendered").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

test("a scorecard can be rated, written and saved with the keyboard alone", async ({ page, as }) => {
  test.slow();
  const recruiter = await as(RECRUITER);
  const { loopPath } = await setUpLoop(recruiter, { interviewers: [DANIEL, LEO], startsAt: minutesFromNow(-60) });

  await signInAs(page, DANIEL);
  await page.goto(loopPath);
  await interviewerLine(page, DANIEL).getByRole("link", { name: "Write your scorecard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${STAGE_2}:`) })).toBeVisible();
  await expectHydrated(page);
  const form = page.getByRole("form", { name: "Scorecard" });

  // From the top of the page, Tab until the first criterion's rating group has focus.
  const firstRadio = ratingOption(form, "Builds a small feature end to end", 1);
  await page.locator("body").focus();
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press("Tab");
    if (await firstRadio.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(firstRadio).toBeFocused();
  await page.keyboard.press("Space");
  await expect(firstRadio).toBeChecked();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  const yes = ratingOption(form, "Builds a small feature end to end", 3);
  await expect(yes).toBeFocused();
  await expect(yes).toBeChecked();
  await expect(firstRadio).not.toBeChecked();

  // The radio group is one Tab stop: the next one is the evidence.
  await page.keyboard.press("Tab");
  await expect(evidence(form, "Builds a small feature end to end")).toBeFocused();
  await page.keyboard.type("Narrated every choice while building.");

  // On to the next criterion: Space, then arrows round to 4 · Strong yes, whose evidence is required.
  await page.keyboard.press("Tab");
  await expect(ratingOption(form, "System design", 1)).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(ratingOption(form, "System design", 4)).toBeChecked();
  await expect(criterion(form, "System design").getByText("(required for this rating)")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(evidence(form, "System design")).toBeFocused();
  const saved = draftSavedWith(page, "million users step by step.");
  await page.keyboard.type("Scaled the design from a thousand to a million users step by step.");

  await saved;
  await expect(form.getByRole("status")).toContainText("Draft saved");
  await page.reload();
  await expectHydrated(page);
  await expect(ratingOption(form, "Builds a small feature end to end", 3)).toBeChecked();
  await expect(ratingOption(form, "System design", 4)).toBeChecked();
  await expect(evidence(form, "Builds a small feature end to end")).toHaveValue("Narrated every choice while building.");
  await expect(evidence(form, "System design")).toHaveValue("Scaled the design from a thousand to a million users step by step.");
});

test("an assigned interviewer downloads the interview as an .ics calendar file", async ({ page, as }) => {
  const recruiter = await as(RECRUITER);
  const startsAt = minutesFromNow(-60);
  const { candidateName, loopPath } = await setUpLoop(recruiter, { interviewers: [DANIEL, LEO], startsAt });

  await signInAs(page, DANIEL);
  await page.goto(loopPath);
  const link = stagePanel(page).getByRole("link", { name: "Add to calendar (.ics)" });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/interviews\/[^/]+\/calendar\.ics$/);

  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/calendar/);
  const unfold = (text: string) => text.replace(/\r\n[ \t]/g, ""); // RFC 5545 folds long lines
  const body = unfold(await response.text());
  expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(body).toContain("END:VCALENDAR");
  // Starts at the instant typed in the recruiter's own time zone, written in UTC.
  const utc = startsAt.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  expect(body).toMatch(new RegExp(`^DTSTART:${utc}\\r$`, "m"));
  expect(body).toMatch(/^DTEND:\d{8}T\d{6}Z\r$/m);
  expect(body).toContain(`SUMMARY:Interview: ${candidateName} (${STAGE_2})`);
  expect(body).toContain("mailto:interviewer@northwind.example");

  // Clicking the link downloads the same file.
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^interview-.+\.ics$/);
  const saved = unfold(await fs.readFile((await download.path())!, "utf8"));
  expect(saved).toContain("BEGIN:VCALENDAR");
  expect(saved).toContain(candidateName);
});

// The demo organisation's hiring (prisma/seed/demo-hiring.ts): Chloé Dubois's Stage 2 waits on
// Daniel Okafor's overdue draft; Daniel interviews Ana Souza for Stage 2 tomorrow and owes her
// Stage 1 scorecard, not yet due. Loops made by the tests above are never overdue nor upcoming.
test.describe("the seeded demo loops", () => {
  test("Daniel Okafor's home shows his overdue scorecard and his upcoming interview", async ({ page }) => {
    await signInAs(page, DANIEL);
    const panel = page.getByRole("region", { name: "Your interviews" });

    const overdue = panel.getByRole("region", { name: /^Overdue/ });
    const chloe = overdue.getByRole("listitem").filter({ has: page.getByRole("link", { name: `Chloé Dubois: ${STAGE_2}` }) });
    await expect(chloe).toContainText("Overdue since");
    await expect(overdue.getByText("Nothing overdue.")).toHaveCount(0);

    const upcoming = panel.getByRole("region", { name: /^Upcoming interviews/ });
    const ana = upcoming.getByRole("listitem").filter({ has: page.getByRole("link", { name: `Ana Souza: ${STAGE_2}` }) });
    await expect(ana).toContainText("Scorecard due");
    await expect(upcoming.getByText("No interviews scheduled for you.")).toHaveCount(0);

    // The overdue entry opens the draft where Daniel left it.
    await chloe.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: `${STAGE_2}: Chloé Dubois` })).toBeVisible();
    await expect(evidence(page, "Builds a small feature end to end")).toHaveValue(
      "Got the expense split working end to end in under an hour; skipped currency conversion on purpose.",
    );
    await expect(ratingOption(page, "System design", 3)).toBeChecked();
  });

  test("the recruiter's home lists loops with missing scorecards, naming Daniel Okafor", async ({ page }) => {
    await signInAs(page, RECRUITER);
    const panel = page.getByRole("region", { name: "Loops with missing scorecards" });
    await expect(panel.getByText("Every interview held so far has its scorecards.")).toHaveCount(0);
    const loop = (name: string) => panel.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(loop("Chloé Dubois").getByRole("listitem")).toHaveText([
      new RegExp(`^Daniel Okafor owes ${STAGE_2} \\(draft started\\) · overdue since `),
    ]);
    await expect(loop("Ana Souza").getByRole("listitem")).toHaveText([
      /^Daniel Okafor owes Stage 1: Initial screen \(not started\) · due /,
    ]);
    // Complete loops owe nothing.
    await expect(loop("Jonas Weber")).toHaveCount(0);
    await loop("Chloé Dubois").getByRole("link", { name: "Chloé Dubois" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Interview loop: Chloé Dubois" })).toBeVisible();
    await expect(interviewerLine(page, DANIEL)).toHaveText("Daniel Okafor: Draft, overdue");
  });
});

test("a reload right after typing, or a tab whose saves never reach the server, loses nothing", async ({ page, as }) => {
  test.slow();
  const recruiter = await as(RECRUITER);
  const { loopPath } = await setUpLoop(recruiter, { interviewers: [DANIEL, LEO], startsAt: minutesFromNow(-60) });
  await signInAs(page, DANIEL);
  await page.goto(loopPath);
  await interviewerLine(page, DANIEL).getByRole("link", { name: "Write your scorecard" }).click();
  await expectHydrated(page);
  const form = page.getByRole("form", { name: "Scorecard" });

  // Reload at once, before the autosave's pause has passed.
  await ratingOption(form, "System design", 2).check();
  await evidence(form, "System design").fill("Reloaded straight after typing this.");
  await page.reload();
  await expectHydrated(page);
  await expect(evidence(form, "System design")).toHaveValue("Reloaded straight after typing this.");
  await expect(ratingOption(form, "System design", 2)).toBeChecked();
  // The restored text reaches the server too: it is there with local storage cleared.
  await expect(form.getByRole("status")).toContainText("Draft saved");
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expectHydrated(page);
  await expect(evidence(form, "System design")).toHaveValue("Reloaded straight after typing this.");

  // A tab whose saves never arrive (offline, then crashed): the browser's copy brings the text back.
  await page.route("**/scorecards/*/draft", (route) => route.abort());
  await evidence(form, "System design").fill("Written while the network was down.");
  await expect(form.getByRole("status")).toContainText("Not saved yet");
  await page.goto(page.url()); // the save sent on leaving is lost as well
  await expectHydrated(page);
  await expect(evidence(form, "System design")).toHaveValue("Written while the network was down.");
  await page.unroute("**/scorecards/*/draft");
  await expect(form.getByRole("status")).toContainText("Draft saved");
});
