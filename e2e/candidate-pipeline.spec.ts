import { expect } from "@playwright/test";
import { startLoopForNewCandidate, testWithPeople, type Person } from "./fixtures";

/**
 * The candidate pipeline: a recruiter rejects a candidate with a reason, which closes their open
 * loop, and the hiring committee's queue no longer lists it (it is under "Closed" instead).
 */

const RECRUITER: Person = { email: "recruiter@northwind.example", name: "Sofia Alvarez" };
const HANNAH: Person = { email: "hiring@northwind.example", name: "Hannah Schmidt" };

const test = testWithPeople("UTC");

test("a rejected candidate's loop leaves the committee queue", async ({ as }) => {
  const recruiter = await as(RECRUITER);
  const { candidateName, candidatePath } = await startLoopForNewCandidate(recruiter, "Rejected");

  // A loop without scorecards yet is in the committee's queue as "In progress".
  const hannah = await as(HANNAH);
  await hannah.goto("/committee?status=in_progress");
  const row = hannah.getByRole("main").getByRole("link", { name: candidateName, exact: true });
  await expect(row).toBeVisible();

  await recruiter.goto(candidatePath);
  const status = recruiter.getByRole("region", { name: "Pipeline status" });
  await status.getByRole("radio", { name: /^Rejected/ }).check();
  await expect(status).toContainText("This closes their open loop");
  await status.getByLabel("Reason", { exact: true }).fill("Looking for deeper product experience.");
  await status.getByRole("button", { name: "Save the status" }).click();
  await expect(status).toContainText("Rejected");
  await expect(status).toContainText("Looking for deeper product experience.");

  await hannah.reload();
  await expect(hannah.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(row).toHaveCount(0);
  // Not lost: a closed loop is listed under its own filter.
  await hannah.goto("/committee?status=closed");
  await expect(row).toBeVisible();
});
