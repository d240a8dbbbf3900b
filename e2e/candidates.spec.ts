import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

/** The candidates table's row whose row header is exactly `name`. */
function rowFor(page: Page, name: string) {
  return page
    .getByRole("region", { name: "Candidate list" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

/** The value shown beside a term of a definition list. */
function fact(scope: Locator, term: string) {
  return scope.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");
}

async function filterCandidates(page: Page, filters: { search?: string; source?: string; level?: string }) {
  const form = page.getByRole("search", { name: "Filter candidates" });
  await form.getByLabel("Search").fill(filters.search ?? "");
  await form.getByLabel("Source").selectOption({ label: filters.source ?? "Any source" });
  await form.getByLabel("Target level").selectOption({ label: filters.level ?? "Any level" });
  await form.getByRole("button", { name: "Search" }).click();
}

test("a recruiter adds a candidate, finds them by search and by source, and changes their target level", async ({ page }) => {
  const name = `Ada Example ${Date.now()}`;
  const email = `ada.${Date.now()}@mail.example`;

  await signIn(page, "recruiter");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Candidates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Candidates" })).toBeVisible();
  await page.getByRole("link", { name: "New candidate" }).click();
  await expect(page).toHaveURL(/\/candidates\/new$/);

  // An invalid email is caught at the field before anything is sent.
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill("ada-at-example");
  await page.getByLabel("Source").selectOption({ label: "Founder or indie hacker" });
  await page.getByLabel("Target level").selectOption("L5");
  await page.getByLabel("Links").fill("https://ada.example\nhttps://github.com/ada-example");
  await page.getByLabel("Notes").fill("Shipped a solo SaaS.\nWants a team.");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/candidates\/new$/);

  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/\/candidates\/[^/]+$/);
  const candidateUrl = page.url();
  const profile = page.getByRole("region", { name: "Profile" });
  await expect(fact(profile, "Email")).toHaveText(email);
  await expect(fact(profile, "Source")).toHaveText("Founder or indie hacker");
  await expect(fact(profile, "Target level")).toHaveText("L5");
  const link = profile.getByRole("link", { name: /https:\/\/github\.com\/ada-example/ });
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expect(page.getByRole("region", { name: "Interview loops" })).toContainText("No interview loops yet.");
  await expect(page.getByRole("link", { name: "Start an interview loop" })).toBeVisible();

  // Found by search…
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Candidates" }).click();
  await filterCandidates(page, { search: name.toUpperCase() });
  await expect(page).toHaveURL(/\?q=/);
  await expect(page.getByRole("status")).toHaveText("1 candidate matches your search.");
  await expect(rowFor(page, name).getByRole("cell")).toHaveText([email, "Founder or indie hacker", "L5", "Active", "0", /\d{4}$/]);

  // …and by its source, alongside the seeded founders but not the other sources.
  await filterCandidates(page, { source: "Founder or indie hacker" });
  await expect(rowFor(page, name)).toBeVisible();
  await expect(rowFor(page, "Ravi Menon")).toBeVisible();
  await expect(rowFor(page, "Jonas Weber")).toHaveCount(0);
  await filterCandidates(page, { search: name, source: "Technically minded product manager" });
  await expect(page.getByText("No candidates match your search.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Candidate list" })).toHaveCount(0);

  // Change the target level.
  await page.goto(candidateUrl);
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${name}` })).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await expect(page.getByLabel("Target level")).toHaveValue("L5");
  await page.getByLabel("Target level").selectOption("L7");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(candidateUrl);
  await expect(fact(page.getByRole("region", { name: "Profile" }), "Target level")).toHaveText("L7");
});

test("a hiring committee member reads candidates but cannot add or edit them", async ({ page }) => {
  await signIn(page, "hiring_committee");
  await page.goto("/candidates");
  await expect(rowFor(page, "Chloé Dubois")).toBeVisible();
  await expect(page.getByRole("link", { name: "New candidate" })).toHaveCount(0);
  await rowFor(page, "Chloé Dubois").getByRole("link", { name: "Chloé Dubois" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Chloé Dubois" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Start an interview loop" })).toHaveCount(0);
  const response = await page.goto("/candidates/new");
  expect(response?.status()).toBe(403);
});

test("an interviewer opening the candidates page gets a 403", async ({ page }) => {
  await signIn(page, "interviewer");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Candidates" })).toHaveCount(0);
  const response = await page.goto("/candidates");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
});

test("an unknown candidate is a 404", async ({ page }) => {
  await signIn(page, "recruiter");
  const response = await page.goto("/candidates/no-such-candidate");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

for (const width of [1280, 390]) {
  test.describe(`candidate pages at ${width} px wide`, () => {
    test.use({ viewport: { width, height: 900 } });

    async function expectAccessible(page: Page) {
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }

    test("the list, a candidate, and the form with its errors are accessible", async ({ page }) => {
      await signIn(page, "recruiter");
      await page.goto("/candidates");
      await expect(rowFor(page, "Ravi Menon")).toBeVisible();
      await expectAccessible(page);

      await page.goto("/candidates?q=no-such-person-anywhere");
      await expect(page.getByText("No candidates match your search.")).toBeVisible();
      await expectAccessible(page);

      await page.goto("/candidates");
      await rowFor(page, "Ravi Menon").getByRole("link", { name: "Ravi Menon" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Ravi Menon" })).toBeVisible();
      await expectAccessible(page);

      await page.getByRole("link", { name: "Edit", exact: true }).click();
      await expect(page.getByLabel("Name")).toHaveValue("Ravi Menon");
      await expectAccessible(page);

      await page.goto("/candidates/new");
      await page.getByLabel("Links").fill("https://ok.example\nnot a link");
      await page.getByRole("button", { name: "Add candidate" }).click();
      await expect(page.getByText("Enter the candidate’s name")).toBeVisible();
      await expect(page.getByText(/Line 2 \(“not a link”\) is not a web address/)).toBeVisible();
      await expect(page.getByLabel("Source")).toHaveAttribute("aria-invalid", "true");
      await expectAccessible(page);
    });
  });
}
