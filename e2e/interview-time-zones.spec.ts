// Why: a recruiter in Berlin scheduling a summer interview in winter must book the time they typed, on the page and in calendars.
import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAs, signOut, type Person, startLoopForNewCandidate } from "./fixtures";

/**
 * Uses a loop of its own with Grace Kim (an interviewer no other spec signs in as) on Stage 2.
 * The browser is in Berlin and its clock in winter (CET, UTC+1); the interview is on 1 July 2027,
 * in summer time (CEST, UTC+2): today's offset is the wrong one for that date.
 */
const RECRUITER: Person = { email: "recruiter@northwind.example", name: "Sofia Alvarez" };
const GRACE: Person = { email: "grace.kim@northwind.example", name: "Grace Kim" };
const STAGE_2 = "Stage 2: Technical deep dive";

test.use({ timezoneId: "Europe/Berlin" });

async function newLoop(recruiter: Page): Promise<string> {
  return (await startLoopForNewCandidate(recruiter, "Time Zone")).loopPath;
}

test("a recruiter in Berlin schedules a summer interview in winter: the page and the .ics carry the time typed", async ({ page }) => {
  // "Now", for the browser, is a winter day: getTimezoneOffset() says UTC+1.
  await page.clock.install({ time: new Date("2027-01-15T09:00:00Z") });
  await signInAs(page, RECRUITER);
  expect(await page.evaluate(() => new Date().getTimezoneOffset())).toBe(-60);
  const loopPath = await newLoop(page);

  const form = page.getByRole("region", { name: "Schedule an interview" });
  await expect(form.locator('input[name="timeZone"]')).toHaveValue("Europe/Berlin");
  await expect(form.getByText("In your time zone, Europe/Berlin")).toBeVisible();
  await form.getByLabel("Stage").selectOption({ label: STAGE_2 });
  await form.getByLabel("Length (minutes)").fill("60");
  await form.getByRole("checkbox", { name: GRACE.name }).check();

  // 02:30 on 28 March 2027 never happens in Berlin (the clocks go from 02:00 to 03:00): refused at the field.
  await form.getByLabel("Starts at").fill("2027-03-28T02:30");
  await form.getByRole("button", { name: "Schedule interview" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "02:30 on 2027-03-28 does not exist in Europe/Berlin: the clocks go forward then. Choose another time (for example 03:30).",
  );
  await expect(form.getByLabel("Starts at")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("region", { name: STAGE_2, exact: true })).toContainText("No interview scheduled yet.");

  await form.getByLabel("Starts at").fill("2027-07-01T10:00");
  await form.getByRole("button", { name: "Schedule interview" }).click();
  await expect(form.getByRole("status")).toHaveText("Interview scheduled");

  // 10:00 in Berlin on 1 July is 08:00 UTC (not 09:00, which today's offset would give).
  const stage = page.getByRole("region", { name: STAGE_2, exact: true });
  const when = stage.locator('time[datetime="2027-07-01T08:00:00.000Z"]');
  await expect(when).toBeVisible();
  await expect(when).toHaveText("Thu, 1 Jul 2027, 10:00 CEST");

  // A reload shows the same (the server's rendering is replaced by the reader's zone once hydrated).
  await page.goto(loopPath);
  await expect(stage.locator('time[datetime="2027-07-01T08:00:00.000Z"]')).toHaveText("Thu, 1 Jul 2027, 10:00 CEST");

  const href = await stage.getByRole("link", { name: "Add to calendar (.ics)" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  const body = await response.text();
  expect(body).toMatch(/^DTSTART:20270701T080000Z\r$/m);
  expect(body).toMatch(/^DTEND:20270701T090000Z\r$/m);

  // Grace, on the panel, may prepare her scorecard but not submit it before the interview: the page says so.
  await signOut(page);
  await signInAs(page, GRACE);
  await page.goto(loopPath);
  await stage.getByRole("link", { name: "Write your scorecard" }).click();
  const scorecard = page.getByRole("form", { name: "Scorecard" });
  await expect(scorecard.getByText(/^This interview begins Thu, 1 Jul 2027, 10:00 CEST\. You can prepare a draft now/)).toBeVisible();
  await expect(scorecard.getByRole("button", { name: "Submit scorecard" })).toBeDisabled();
  // A client that skips the page is refused by the server, which writes nothing.
  const scorecardPath = new URL(page.url()).pathname;
  const refused = await page.request.post(`${scorecardPath}.data`, {
    headers: { Origin: new URL(page.url()).origin, "Content-Type": "application/json" },
    data: { intent: "submit", version: 0, content: {} },
  });
  expect(refused.status()).toBe(409);
  expect(await refused.text()).toContain("This interview begins Thu, 1 Jul 2027, 08:00 UTC: its scorecard can be submitted once it has begun.");
  await page.reload();
  await expect(scorecard.getByRole("button", { name: "Submit scorecard" })).toBeDisabled();
});

// Every moment reads one way, in the reader's zone with the zone named: hiring pages and packet pages alike.
const MOMENT_IN_BERLIN = /^\w{3}, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} CES?T$/;

test("packet pages show moments in the reader's zone, named, as hiring pages do", async ({ page }) => {
  await signIn(page, "promotion_committee");
  await page.goto("/packets");
  await page.getByRole("link", { name: "Noah Fischer" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Noah Fischer: L4 → L5/ })).toBeVisible();
  const submitted = page.getByRole("main").locator("header time").first();
  await expect(submitted).toHaveText(MOMENT_IN_BERLIN);
  await expect(page.getByRole("region", { name: /^Decision/ }).locator("time").first()).toHaveText(MOMENT_IN_BERLIN);

  // An interviewer's home (hiring): his interviews and due times, written the same way.
  await signOut(page);
  await signIn(page, "interviewer");
  const times = page.getByRole("main").locator("time");
  await expect(times.first()).toHaveText(MOMENT_IN_BERLIN);
  expect(await times.count()).toBeGreaterThan(1);
  for (const text of await times.allTextContents()) expect(text).toMatch(MOMENT_IN_BERLIN);
});
