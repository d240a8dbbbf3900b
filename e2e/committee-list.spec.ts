import fs from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAs } from "./fixtures";

/**
 * The hiring committee's list of loops and its exports, on the demo data: Jonas Weber's loop is
 * complete with a blocker raised by two interviewers (No hire), Ravi Menon's is complete, Chloé
 * Dubois's and Ana Souza's are in progress. Hannah Schmidt, the demo hiring-committee member,
 * interviews Chloé in Stage 3 and has not submitted: independence keeps that loop out of her list
 * and exports; Aisha Rahman, also on the committee, sees it. Other specs add loops of their own to
 * the shared database, so the checks look for the demo candidates' rows rather than counting rows.
 */

const AISHA = { email: "aisha.rahman@northwind.example", name: "Aisha Rahman" };

const table = (page: Page) => page.getByRole("region", { name: "Interview loops" });
const rowFor = (page: Page, name: string) => table(page).getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
const header = (page: Page, name: string) => table(page).getByRole("columnheader", { name: new RegExp(`^${name}`) });

/** Sets the filter form (status by value: its labels carry counts) and applies it. */
async function filter(page: Page, filters: { status?: "in_review" | "in_progress" | "decided" | "all"; recommendation?: string }) {
  const form = page.getByRole("search", { name: "Filter loops" });
  if (filters.status) await form.getByLabel("Status").selectOption(filters.status);
  if (filters.recommendation) await form.getByLabel("Recommendation").selectOption({ label: filters.recommendation });
  await form.getByRole("button", { name: "Show loops" }).click();
}

test("a committee member reviews the loops, sorts, filters and downloads the CSV", async ({ page }) => {
  await signIn(page, "hiring_committee");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Committee" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hiring committee" })).toBeVisible();
  await expect(page).toHaveURL(/\/committee$/);

  // Opens on the loops in review; the complete demo loops are there and the ones in progress are not.
  await expect(page.getByLabel("Status")).toHaveValue("in_review");
  const jonas = rowFor(page, "Jonas Weber");
  await expect(jonas).toBeVisible();
  await expect(jonas).toContainText("No hire");
  await expect(jonas).toContainText("Blocking: Lack of customer empathy");
  await expect(jonas).toContainText("3 of 3");
  await expect(jonas.getByRole("link", { name: "Jonas Weber", exact: true })).toHaveAttribute("href", /^\/candidates\/[^/]+$/);
  await expect(jonas.getByRole("link", { name: "Open review of Jonas Weber's loop" })).toHaveAttribute("href", /^\/loops\/[^/]+\/committee$/);
  await expect(rowFor(page, "Chloé Dubois")).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // The exports say what they hold: the links name the status, and so does the file.
  await expect(page.locator("#exports-scope")).toContainText("loops in review");
  const defaultExport = page.getByRole("link", { name: "Loops (CSV)" });
  await expect(defaultExport).toHaveAttribute("href", "/committee/loops.csv?status=in_review");
  const [inReview] = await Promise.all([page.waitForEvent("download"), defaultExport.click()]);
  expect(inReview.suggestedFilename()).toMatch(/^committee-loops-in-review-\d{4}-\d{2}-\d{2}\.csv$/);

  // Sorted by candidate, A to Z, until a header is chosen; choosing it again reverses it.
  await expect(header(page, "Candidate")).toHaveAttribute("aria-sort", "ascending");
  await header(page, "Candidate").getByRole("link").click();
  await expect(header(page, "Candidate")).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/dir=desc/);
  await header(page, "Recommendation").getByRole("link").click();
  await expect(header(page, "Recommendation")).toHaveAttribute("aria-sort", "ascending");
  await expect(header(page, "Candidate")).not.toHaveAttribute("aria-sort", /.+/);
  // Worst first: a no hire blocked by a corroborated flag comes before everything else.
  await expect(table(page).getByRole("row").nth(1)).toContainText("No hire");

  // Filters keep the chosen order.
  await filter(page, { status: "in_progress" });
  await expect(page).toHaveURL(/status=in_progress/);
  await expect(page).toHaveURL(/sort=recommendation/);
  // Hannah interviews Chloé and has not submitted: that loop is left out, and the page says so.
  await expect(rowFor(page, "Chloé Dubois")).toHaveCount(0);
  await expect(page.getByText("One loop you interview on is not listed here, nor in the exports")).toBeVisible();
  await expect(rowFor(page, "Ana Souza")).toBeVisible();
  await expect(rowFor(page, "Jonas Weber")).toHaveCount(0);

  await filter(page, { status: "all", recommendation: "No hire" });
  await expect(rowFor(page, "Jonas Weber")).toBeVisible();
  await expect(rowFor(page, "Chloé Dubois")).toHaveCount(0);

  // The export carries the same filters.
  const exportLink = page.getByRole("link", { name: "Loops (CSV)" });
  await expect(exportLink).toHaveAttribute("href", /^\/committee\/loops\.csv\?.*status=all.*recommendation=no_hire/);
  await expect(page.locator("#exports-scope")).toContainText("all loops, recommendation No hire");
  const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^committee-loops-all-no-hire-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await fs.readFile((await download.path())!, "utf8");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe(
    "loop_id,candidate,candidate_email,track,rubric_version,target_level,supported_level,recommendation,recommendation_label,red_flags,blocking_flags,stages_complete,stages_total,status,status_label,decision,decision_label,hired_level,decided_at",
  );
  const jonasLine = lines.find((l) => l.includes(",Jonas Weber,"));
  expect(jonasLine).toBeDefined();
  // The ATS value, then the words the list shows.
  expect(jonasLine).toMatch(/,Jonas Weber,jonas\.weber@mail\.example,builder,2,L6,[^,]*,DEFINITELY_NO,No hire,\d+,Lack of customer empathy,3,3,/);
  expect(lines.some((l) => l.includes("Chloé"))).toBe(false);
});

test("the scorecards export downloads as CSV with a column per criterion", async ({ page }) => {
  await signInAs(page, AISHA);
  await page.goto("/committee?status=in_progress");
  await expect(rowFor(page, "Chloé Dubois")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Scorecards (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^committee-scorecards-in-progress-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await fs.readFile((await download.path())!, "utf8");
  const [head, ...rows] = csv.split("\r\n");
  expect(head).toMatch(/^loop_id,candidate,stage,stage_name,interviewer,submitted_at,recommendation,recommendation_label,end_to_end_ownership,/);
  expect(head).toContain(",live_build,");
  // Chloé Dubois's Stage 1 scorecard, UTF-8 as written.
  expect(rows.some((r) => r.includes(",Chloé Dubois,initial_screen,"))).toBe(true);
});

test("people outside the hiring committee get no committee list", async ({ page }) => {
  await signIn(page, "recruiter");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Committee" })).toHaveCount(0);
  expect((await page.goto("/committee"))?.status()).toBe(403);
  expect((await page.request.get("/committee/loops.csv")).status()).toBe(403);
});

test.describe("at 390 px wide", () => {
  test.use({ viewport: { width: 390, height: 900 } });

  test("the list is accessible and only its table scrolls sideways", async ({ page }) => {
    await signIn(page, "hiring_committee");
    await page.goto("/committee?status=all");
    await expect(rowFor(page, "Jonas Weber")).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
