import { expect, type Page } from "@playwright/test";
import { startLoopForNewCandidate, testWithPeople, type Person } from "./fixtures";
import { calendarEvent, linkIn, waitForMail } from "./mail";

/**
 * Plans change: a recruiter moves and cancels interviews, and the interviewers hear of it in
 * their inbox and by email (delivered to the run's own SMTP server), with a calendar file that
 * updates the event they hold. Each test makes its own candidate and loop, and uses interviewers
 * no other spec signs in as, so their inboxes and home pages are theirs to check.
 */

const RECRUITER: Person = { email: "recruiter@northwind.example", name: "Sofia Alvarez" };
const YUKI: Person = { email: "yuki.tanaka@northwind.example", name: "Yuki Tanaka" };
const LUCAS: Person = { email: "lucas.moreau@northwind.example", name: "Lucas Moreau" };

const STAGE = "Stage 2: Technical deep dive";
const HOUR = 3_600_000;
// Builder v3's scorecard_due_hours: a scorecard is due this long after its interview ends.
const DUE_HOURS = 24;

const test = testWithPeople("Europe/Berlin");

/** A whole hour, `hours` from now. */
function hoursFromNow(hours: number) {
  return new Date(Math.floor((Date.now() + hours * HOUR) / HOUR) * HOUR);
}

/** What a person types into a datetime-local field for `instant`, in the browser's own time zone. */
function localInput(page: Page, instant: Date) {
  return page.evaluate((ms) => {
    const d = new Date(ms);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, instant.getTime());
}

const stagePanel = (page: Page) => page.getByRole("region", { name: STAGE, exact: true });

/** As the recruiter on a new loop: schedules a one-hour interview with `interviewer`; returns its id. */
async function scheduleInterview(recruiter: Page, interviewer: Person, startsAt: Date) {
  const form = recruiter.getByRole("region", { name: "Schedule an interview" });
  // Hydrated: the form then reads the time in the browser's zone.
  await expect(recruiter.locator('input[name="timeZone"]')).toHaveValue("Europe/Berlin");
  await form.getByLabel("Stage").selectOption({ label: STAGE });
  await form.getByLabel("Starts at").fill(await localInput(recruiter, startsAt));
  await form.getByLabel("Length (minutes)").fill("60");
  await form.getByRole("checkbox", { name: interviewer.name }).check();
  await form.getByRole("button", { name: "Schedule interview" }).click();
  await expect(form.getByRole("status")).toHaveText("Interview scheduled");
  const href = await stagePanel(recruiter).getByRole("link", { name: "Add to calendar (.ics)" }).getAttribute("href");
  const id = /\/interviews\/([^/]+)\/calendar\.ics$/.exec(href ?? "")?.[1];
  if (!id) throw new Error(`No interview id in ${href}`);
  return id;
}

test("a recruiter moves an interview: the interviewer's inbox shows it, the email updates the event, the scorecard's due time follows", async ({ as }) => {
  const recruiter = await as(RECRUITER);
  await startLoopForNewCandidate(recruiter, "Moved");
  const first = hoursFromNow(48);
  const interviewId = await scheduleInterview(recruiter, YUKI, first);
  const uid = `interview-${interviewId}@builder-ladder`;

  // The first invitation: SEQUENCE 0.
  const invited = await waitForMail(YUKI.email, (m) => m.ics !== null && calendarEvent(m.ics).uid === uid);
  expect(calendarEvent(invited.ics!)).toMatchObject({ method: "REQUEST", sequence: 0, start: first });

  const moved = hoursFromNow(72);
  const panel = stagePanel(recruiter);
  await panel.getByText("Change this interview").click();
  const reschedule = panel.getByRole("form", { name: "Reschedule" });
  await reschedule.getByLabel("New start").fill(await localInput(recruiter, moved));
  await reschedule.getByRole("button", { name: "Move interview" }).click();
  await expect(reschedule.getByRole("status")).toHaveText("Interview moved; its interviewers are told");
  await expect(panel.locator(`time[datetime="${moved.toISOString()}"]`).first()).toBeVisible();

  // The scorecard's due time follows the new time: a day after the new end.
  const dueAt = new Date(moved.getTime() + HOUR + DUE_HOURS * HOUR);
  await expect(panel.locator("p", { hasText: "Scorecards due" }).locator("time")).toHaveAttribute("datetime", dueAt.toISOString());

  // The interviewer's inbox says so and links to the interview.
  const yuki = await as(YUKI);
  await yuki.goto("/inbox");
  const entry = yuki.getByRole("main").getByRole("link", { name: /An interview of yours has a new time/ }).and(yuki.locator(`a[href="/interviews/${interviewId}/scorecard"]`));
  await expect(entry).toBeVisible();

  // The email carries the updated event: the same UID, a higher SEQUENCE, the new times.
  const update = await waitForMail(YUKI.email, (m) => m.ics !== null && calendarEvent(m.ics).uid === uid && calendarEvent(m.ics).sequence > 0);
  expect(update.mail.subject).toMatch(/^Interview moved/);
  expect(calendarEvent(update.ics!)).toMatchObject({ method: "REQUEST", sequence: 1, start: moved, end: new Date(moved.getTime() + HOUR) });
  const link = linkIn(update);
  expect(link.pathname).toBe(`/interviews/${interviewId}/scorecard`);

  // Following the link, the interviewer's own page shows the new due time too.
  await yuki.goto(link.pathname);
  await expect(yuki.locator(`time[datetime="${dueAt.toISOString()}"]`).first()).toBeVisible();
});

test("a cancelled interview leaves the interviewer's list, and their calendar is told to drop it", async ({ as }) => {
  const recruiter = await as(RECRUITER);
  await startLoopForNewCandidate(recruiter, "Cancelled");
  const interviewId = await scheduleInterview(recruiter, LUCAS, hoursFromNow(30));
  const uid = `interview-${interviewId}@builder-ladder`;

  const lucas = await as(LUCAS);
  const onList = lucas.locator(`a[href="/interviews/${interviewId}/scorecard"]`);
  await expect(onList.first()).toBeVisible();

  const panel = stagePanel(recruiter);
  await panel.getByText("Change this interview").click();
  const cancel = panel.getByRole("form", { name: "Cancel the interview" });
  await cancel.getByLabel("Why is it cancelled?").fill("The candidate asked to move to a later stage first.");
  await cancel.getByRole("button", { name: "Cancel interview" }).click();
  await recruiter.getByRole("dialog").getByRole("button", { name: "Cancel interview" }).click();
  await expect(panel.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(panel).toContainText("The candidate asked to move to a later stage first.");

  await lucas.reload();
  await expect(lucas.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(onList).toHaveCount(0);

  const cancellation = await waitForMail(LUCAS.email, (m) => m.ics !== null && calendarEvent(m.ics).uid === uid && calendarEvent(m.ics).method === "CANCEL");
  expect(cancellation.mail.subject).toMatch(/^Interview cancelled/);
  expect(calendarEvent(cancellation.ics!)).toMatchObject({ sequence: 1, status: "CANCELLED" });
});
