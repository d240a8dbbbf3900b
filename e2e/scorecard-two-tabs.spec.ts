// The same scorecard open in two tabs: the later save is refused, shown beside the unsaved text, and nothing is overwritten without a choice.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type Response } from "@playwright/test";
import { signInAs, type Person, startLoopForNewCandidate } from "./fixtures";

/**
 * Uses a loop of its own, with Mei Lin (an interviewer no other spec signs in as) on Stage 2, so
 * nothing here touches the seeded scorecards other specs read.
 */
const RECRUITER: Person = { email: "recruiter@northwind.example", name: "Sofia Alvarez" };
const MEI: Person = { email: "mei.lin@northwind.example", name: "Mei Lin" };
const STAGE_2 = "Stage 2: Technical deep dive";
// Not UTC, so a hydrated page is told apart from the server's rendering (times in the reader's zone).
const TIMEZONE = "America/New_York";

async function setUpLoop(recruiter: Page): Promise<string> {
  const { loopPath } = await startLoopForNewCandidate(recruiter, "Two Tabs");
  const form = recruiter.getByRole("region", { name: "Schedule an interview" });
  await expect(recruiter.locator('input[name="timeZone"]')).toHaveValue(TIMEZONE);
  await form.getByLabel("Stage").selectOption({ label: STAGE_2 });
  // An hour ago, typed in the browser's own time zone.
  const startsAt = await recruiter.evaluate(() => {
    const d = new Date(Date.now() - 3600_000);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  });
  await form.getByLabel("Starts at").fill(startsAt);
  await form.getByLabel("Length (minutes)").fill("60");
  await form.getByRole("checkbox", { name: MEI.name }).check();
  await form.getByRole("button", { name: "Schedule interview" }).click();
  await expect(form.getByRole("status")).toHaveText("Interview scheduled");
  return loopPath;
}

/** Resolves with the answer to the autosave that carried `text`. */
function draftAnswer(page: Page, text: string): Promise<Response> {
  return page.waitForResponse(
    (r) => r.request().method() === "POST" && /^\/scorecards\/[^/]+\/draft$/.test(new URL(r.url()).pathname) && (r.request().postData() ?? "").includes(text),
  );
}

async function hydrated(page: Page) {
  await expect(page.getByRole("main").locator("time").first()).not.toContainText("UTC");
}

const takeaways = (page: Page) => page.getByRole("form", { name: "Scorecard" }).getByLabel("Key take-aways");
const conflict = (page: Page) => page.getByRole("region", { name: "A newer version of this scorecard was saved elsewhere" });

test("two tabs on one scorecard: the later tab is told, keeps its text, and chooses which version stays", async ({ browser }) => {
  test.slow();
  const recruiterContext = await browser.newContext({ timezoneId: TIMEZONE });
  const recruiter = await recruiterContext.newPage();
  await signInAs(recruiter, RECRUITER);
  const loopPath = await setUpLoop(recruiter);
  await recruiterContext.close();

  // One browser, one session, two tabs on the same scorecard.
  const context = await browser.newContext({ timezoneId: TIMEZONE });
  const tabA = await context.newPage();
  await signInAs(tabA, MEI);
  await tabA.goto(loopPath);
  await tabA.getByRole("link", { name: "Write your scorecard" }).click();
  await expect(tabA.getByRole("heading", { level: 1, name: new RegExp(`^${STAGE_2}: Two Tabs`) })).toBeVisible();
  const scorecardPath = new URL(tabA.url()).pathname;
  const tabB = await context.newPage();
  await tabB.goto(scorecardPath);
  await hydrated(tabA);
  await hydrated(tabB);

  // Tab A saves first.
  const aSaved = draftAnswer(tabA, "Tab A: calm under pressure.");
  await takeaways(tabA).fill("Tab A: calm under pressure.");
  expect((await aSaved).status()).toBe(200);

  // Tab B, still on the version it opened, is refused: told, shown A's text, and keeps its own.
  const bRefused = draftAnswer(tabB, "Tab B: needs a second look at design.");
  await takeaways(tabB).fill("Tab B: needs a second look at design.");
  expect((await bRefused).status()).toBe(409);
  await expect(conflict(tabB)).toBeVisible();
  await expect(conflict(tabB).getByRole("alert")).toContainText("This scorecard was saved in another tab or window at ");
  await expect(conflict(tabB).getByRole("group", { name: "The newer version" })).toContainText("Tab A: calm under pressure.");
  await expect(takeaways(tabB)).toHaveValue("Tab B: needs a second look at design.");
  await expect(tabB.getByRole("form", { name: "Scorecard" }).getByRole("status")).toContainText("Not saved");
  expect((await new AxeBuilder({ page: tabB }).analyze()).violations).toEqual([]);
  // The browser's crash-recovery copy stays, with the version it was based on.
  const copies = await tabB.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("builder-ladder:draft:"))
      .map((k) => JSON.parse(localStorage.getItem(k)!) as { version: number; values: { takeaways: string } }),
  );
  expect(copies.map((c) => [c.version, c.values.takeaways])).toContainEqual([0, "Tab B: needs a second look at design."]);

  // More typing in B saves nothing while the choice is open.
  let saves = 0;
  tabB.on("request", (r) => void (r.method() === "POST" && r.url().endsWith("/draft") && saves++));
  await takeaways(tabB).fill("Tab B: needs a second look at design. Strong on product.");
  await tabB.waitForTimeout(1500);
  expect(saves).toBe(0);

  // A crash or reload of B brings its text back from the browser's copy, and offers the same choice
  // instead of saving over A's newer version.
  await tabB.reload();
  await hydrated(tabB);
  await expect(takeaways(tabB)).toHaveValue("Tab B: needs a second look at design. Strong on product.");
  await expect(conflict(tabB)).toBeVisible();
  await expect(conflict(tabB).getByRole("group", { name: "The newer version" })).toContainText("Tab A: calm under pressure.");

  // "Keep my version", with the keyboard: B's text replaces A's on purpose.
  const kept = draftAnswer(tabB, "Strong on product.");
  await conflict(tabB).getByRole("button", { name: "Keep my version" }).focus();
  await tabB.keyboard.press("Enter");
  expect((await kept).status()).toBe(200);
  await expect(conflict(tabB)).toHaveCount(0);
  await expect(tabB.getByRole("form", { name: "Scorecard" }).getByRole("status")).toContainText("Draft saved");
  const fresh = await context.newPage();
  await fresh.goto(scorecardPath);
  await expect(takeaways(fresh)).toHaveValue("Tab B: needs a second look at design. Strong on product.");
  await fresh.close();

  // Now A is the stale tab: it is told in turn, and takes the newer version into its form.
  const aRefused = draftAnswer(tabA, "Tab A again.");
  await takeaways(tabA).fill("Tab A again.");
  expect((await aRefused).status()).toBe(409);
  await expect(conflict(tabA).getByRole("group", { name: "The newer version" })).toContainText("Strong on product.");
  await conflict(tabA).getByRole("button", { name: "Use the newer version" }).focus();
  await tabA.keyboard.press("Space");
  await expect(conflict(tabA)).toHaveCount(0);
  await expect(takeaways(tabA)).toHaveValue("Tab B: needs a second look at design. Strong on product.");
  // And carries on from it: its next save is accepted.
  const aAgain = draftAnswer(tabA, "Agreed with B.");
  await takeaways(tabA).fill("Tab B: needs a second look at design. Strong on product. Agreed with B.");
  expect((await aAgain).status()).toBe(200);
  await context.close();
});
