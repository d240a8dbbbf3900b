// Pages that build zod schemas in the browser run under the content security policy without a violation.
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut } from "./fixtures";

/**
 * Records every `securitypolicyviolation` the document reports and every console error, from
 * before the page's first script runs. zod 4 probes for eval with `new Function("")` unless it is
 * configured jitless; the probe's exception is caught, but the browser still reports the violation.
 */
async function watchForViolations(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

/** Opens a page with a full load (every module evaluated afresh) and waits for hydration to settle. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
}

test("the sign-in page builds its zod schema without tripping the content security policy", async ({ page }) => {
  const problems = await watchForViolations(page);
  await open(page, "/login");
  // The form validates in the browser with zod: an empty submission is refused at its fields.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/enter your email/i).first()).toBeVisible();
  expect(problems).toEqual([]);
});

test("pages with zod forms (a new candidate, a promotion packet) trip no policy either", async ({ page }) => {
  await signIn(page, "recruiter");
  const problems = await watchForViolations(page);
  await open(page, "/candidates/new");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(problems).toEqual([]);

  // Bea Novak's draft, as her manager sees it: the summary, evidence and assessment forms.
  await signOut(page);
  await signIn(page, "manager");
  await open(page, "/packets");
  await page.getByRole("link", { name: "Bea Novak" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Bea Novak: L5 → L6/ })).toBeVisible();
  await open(page, new URL(page.url()).pathname);
  await expect(page.getByRole("heading", { level: 1, name: /^Bea Novak: L5 → L6/ })).toBeVisible();
  expect(problems).toEqual([]);
});
