// Why: erasing a candidate must remove the person from every page and export, while every figure the committee and the rater statistics count stays the same.
import { expect, type Page } from "@playwright/test";
import { signInAs, unique, type Person, testWithPeople } from "./fixtures";

/**
 * A candidate of its own (the database is shared by every spec): a recruiter adds them and a
 * Stage 2 interview, two interviewers submit scorecards, the hiring committee decides no hire.
 * Then an admin reads the figures, erases the candidate, and checks every page and export.
 */

const RECRUITER: Person = { email: "recruiter@northwind.example", name: "Sofia Alvarez" };
const DANIEL: Person = { email: "interviewer@northwind.example", name: "Daniel Okafor" };
const LEO: Person = { email: "leo.martins@northwind.example", name: "Leo Martins" };
const HANNAH: Person = { email: "hiring@northwind.example", name: "Hannah Schmidt" };
const ADMIN: Person = { email: "admin@northwind.example", name: "Morgan Lee" };

const STAGE_2 = "Stage 2: Technical deep dive";
const CRITERIA = ["Builds a small feature end to end", "System design", "Product considerations in the design", "Debugging and code review"] as const;
const TIMEZONE = "Europe/Berlin";

const test = testWithPeople(TIMEZONE);

async function hydrated(page: Page) {
  await expect(page.getByRole("main").locator("time").first()).not.toContainText("UTC");
}

function localInput(page: Page, instant: Date) {
  return page.evaluate((ms) => {
    const d = new Date(ms);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, instant.getTime());
}

/** Writes and submits a Stage 2 scorecard whose every text carries `marker`. */
async function submitScorecard(page: Page, loopPath: string, person: Person, marker: string) {
  await page.goto(loopPath);
  await page
    .getByRole("region", { name: STAGE_2, exact: true })
    .getByRole("listitem")
    .filter({ hasText: new RegExp(`^${person.name}:`) })
    .getByRole("link", { name: "Write your scorecard" })
    .click();
  await hydrated(page);
  const form = page.getByRole("form", { name: "Scorecard" });
  for (const name of CRITERIA) {
    await form
      .getByRole("group", { name, exact: true })
      .getByRole("radio", { name: /^2 · No/ })
      .check();
    await form
      .getByRole("group", { name, exact: true })
      .getByRole("textbox", { name: /^Evidence/ })
      .fill(`${marker} evidence on ${name}`);
  }
  await form.getByRole("checkbox", { name: "Articulates technical decisions in business terms." }).check();
  await form.getByLabel("Note (optional)").fill(`${marker} signal note`);
  await form.getByRole("group", { name: "Overall recommendation" }).getByRole("radio", { name: "No", exact: true }).check();
  await form.getByLabel("Key take-aways").fill(`${marker} takeaways`);
  await form.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(page.getByText("Submitted and locked.")).toBeVisible();
  return new URL(page.url()).pathname;
}

/** The committee list's row of this loop (found by its link, whatever the candidate is called), with the name blanked. */
async function committeeRow(page: Page, loopPath: string, name: string) {
  await page.goto("/committee?status=all");
  const row = page.getByRole("row").filter({ has: page.locator(`a[href="${loopPath}/committee"]`) });
  await expect(row).toHaveCount(1);
  const cells = await row.getByRole("cell").allInnerTexts();
  return cells.map((c) => c.split(name).join("<candidate>"));
}

/** The committee page's rater statistics (agreement and leniency), as text. */
async function raterStatistics(page: Page, loopPath: string) {
  await page.goto(`${loopPath}/committee`);
  await hydrated(page);
  const region = page.getByRole("region", { name: "Rater agreement", exact: true });
  await expect(region).toBeVisible();
  return region.innerText();
}

test("an admin erases a decided candidate: the person is gone from every page and export, the figures stay", async ({ as }) => {
  test.slow();
  const id = unique();
  const name = `Erasable Person ${id}`;
  const email = `erasable.${id}@private.example`;
  const note = `Private note ${id}`;
  const leoMarker = `LeoSecret${id}`;
  const danielMarker = `DanielSecret${id}`;
  const rationale = `Rationale naming ${id}`;

  // The recruiter adds the candidate and a Stage 2 interview that has already taken place.
  const recruiter = await as(RECRUITER);
  await recruiter.goto("/candidates/new");
  await recruiter.getByLabel("Name").fill(name);
  await recruiter.getByLabel("Email").fill(email);
  await recruiter.getByLabel("Source").selectOption({ label: "Founder or indie hacker" });
  await recruiter.getByLabel("Target level").selectOption("L5");
  await recruiter.getByLabel("Notes").fill(note);
  await recruiter.getByRole("button", { name: "Add candidate" }).click();
  await expect(recruiter.getByRole("heading", { level: 1, name })).toBeVisible();
  const candidatePath = new URL(recruiter.url()).pathname;
  await recruiter.getByRole("link", { name: "Start an interview loop" }).click();
  await recruiter.getByLabel("Track and rubric version").selectOption({ label: "Builder (v3)" });
  await recruiter.getByRole("button", { name: "Create loop" }).click();
  await expect(recruiter.getByRole("heading", { level: 1, name: `Interview loop: ${name}` })).toBeVisible();
  const loopPath = new URL(recruiter.url()).pathname;
  await expect(recruiter.locator('input[name="timeZone"]')).toHaveValue(TIMEZONE);
  const schedule = recruiter.getByRole("region", { name: "Schedule an interview" });
  await schedule.getByLabel("Stage").selectOption({ label: STAGE_2 });
  await schedule.getByLabel("Starts at").fill(await localInput(recruiter, new Date(Math.floor((Date.now() - 2 * 3600_000) / 60_000) * 60_000)));
  await schedule.getByLabel("Length (minutes)").fill("60");
  for (const person of [DANIEL, LEO]) await schedule.getByRole("checkbox", { name: person.name }).check();
  await schedule.getByRole("button", { name: "Schedule interview" }).click();
  await expect(schedule.getByRole("status")).toHaveText("Interview scheduled");

  const leo = await as(LEO);
  const leoScorecard = await submitScorecard(leo, loopPath, LEO, leoMarker);
  await submitScorecard(await as(DANIEL), loopPath, DANIEL, danielMarker);

  // The committee decides no hire before the other stages (confirming it, with why).
  const hannah = await as(HANNAH);
  await hannah.goto(`${loopPath}/committee`);
  await hydrated(hannah);
  const form = hannah.getByRole("region", { name: "Decision", exact: true }).getByRole("form", { name: "Record the decision" });
  await form.getByRole("radio", { name: "No hire", exact: true }).check();
  await form.getByLabel("Rationale").fill(rationale);
  for (const box of await form.getByRole("checkbox", { name: /^Decide / }).all()) await box.check();
  await form.getByLabel("Why decide now").fill(`Why now ${id}`);
  await form.getByRole("button", { name: "Record decision" }).click();
  const dialog = hannah.getByRole("dialog", { name: "Record this decision?" });
  await dialog.getByRole("button", { name: "Record decision" }).click();
  await expect(hannah.getByRole("region", { name: "Decision", exact: true }).getByRole("status")).toHaveText("Decision recorded.");

  // The admin reads the figures first.
  const admin = await as(ADMIN);
  const rowBefore = await committeeRow(admin, loopPath, name);
  expect(rowBefore.join(" ")).toContain("No hire");
  const statisticsBefore = await raterStatistics(admin, loopPath);

  // The data request page: the export holds the person; then the erasure.
  await admin.goto(candidatePath);
  await admin.getByRole("link", { name: "Data request (export / erase)" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `Data request: ${name}` })).toBeVisible();
  await hydrated(admin);
  const exportBefore = await (await admin.request.get(`${candidatePath}/data.json`)).text();
  for (const text of [name, email, note, leoMarker, danielMarker, rationale]) expect(exportBefore).toContain(text);
  const erase = admin.getByRole("form", { name: "Erase this candidate" });
  await erase.getByLabel("Reason").fill("Erasure requested by the candidate");
  await erase.getByLabel("Confirm").fill("erase");
  await erase.getByRole("button", { name: "Erase candidate" }).click();
  await expect(erase.getByText("Type the candidate's name or ERASE to confirm")).toBeVisible();
  await erase.getByLabel("Confirm").fill("ERASE");
  await erase.getByRole("button", { name: "Erase candidate" }).click();

  // The candidate page: anonymised, erased on today, no edit and no new loop.
  await expect(admin).toHaveURL(new RegExp(`${candidatePath}$`));
  const heading = admin.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^Erased candidate [A-Z0-9]{6}$/);
  const erasedName = (await heading.innerText()).trim();
  await expect(admin.getByText(/^Erased on /)).toBeVisible();
  await expect(admin.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(admin.getByRole("link", { name: "Start an interview loop" })).toHaveCount(0);
  expect((await admin.request.get(`${candidatePath}/edit`)).status()).toBe(409);

  const gone = [name, email, note, leoMarker, danielMarker, rationale, `Why now ${id}`];
  const expectGone = (where: string, text: string) => {
    for (const value of gone) expect(text, `${where} still holds "${value}"`).not.toContain(value);
  };
  // Every page that showed them, as each reader sees it: the scorecards too, as the committee reads them.
  await hannah.goto(loopPath);
  const readLinks = hannah.getByRole("region", { name: STAGE_2, exact: true }).getByRole("link", { name: "Read scorecard" });
  await expect(readLinks).toHaveCount(2);
  const scorecardPages = await Promise.all((await readLinks.all()).map(async (link) => (await link.getAttribute("href"))!));
  for (const [reader, path] of [
    [leo, leoScorecard],
    ...scorecardPages.map((path) => [hannah, path] as const),
    [admin, "/candidates"],
    [admin, candidatePath],
    [admin, loopPath],
    [admin, `${loopPath}/committee`],
    [admin, "/committee?status=all"],
    [hannah, `${loopPath}/committee`],
    [admin, `${candidatePath}/data`],
  ] as const) {
    const response = await reader.goto(path);
    expect(response?.status(), path).toBe(200);
    expectGone(path, await reader.content());
  }
  await admin.goto("/candidates");
  await expect(admin.getByRole("link", { name: erasedName })).toBeVisible();
  // The exports, and the candidate's own data export.
  for (const path of [
    "/committee/loops.csv?status=all",
    "/committee/loops.json?status=all",
    "/committee/scorecards.csv?status=all",
    "/committee/scorecards.json?status=all",
    `${candidatePath}/data.json`,
  ]) {
    const response = await admin.request.get(path);
    expect(response.status(), path).toBe(200);
    const text = await response.text();
    expectGone(path, text);
    if (path.startsWith("/committee/loops")) expect(text).toContain(erasedName);
  }

  // The same figures, anonymous.
  expect(await committeeRow(admin, loopPath, erasedName)).toEqual(rowBefore);
  expect(await raterStatistics(admin, loopPath)).toBe(statisticsBefore);

  // The audit trail has the erasure, with who and why; earlier entries about them lost their text.
  await admin.goto("/admin/audit?action=candidate.erase");
  const entry = admin.getByRole("row").filter({ hasText: "Erasure requested by the candidate" }).filter({ hasText: ADMIN.name });
  await expect(entry.first()).toBeVisible();
  await expect(entry.first()).toContainText("candidate.erase");
  await admin.goto(`${candidatePath}/data`);
  const trail = admin.getByRole("region", { name: "Audit entries about this candidate" });
  await expect(trail.getByRole("row").filter({ hasText: "candidate.erase" })).toContainText("Erasure requested by the candidate");
  await expect(admin.getByText("This candidate has already been erased.")).toBeVisible();
});
