import { expect, test } from "@playwright/test";
import { demoLogin, DEMO_PASSWORD, signIn, signOut } from "./fixtures";
import type { Role } from "../app/domain/roles";

// What each role must find on its home page.
const HOMES: Array<[Role, string]> = [
  ["admin", "People"],
  ["recruiter", "Candidates"],
  ["interviewer", "Your interviews"],
  ["hiring_committee", "Candidates"],
  ["manager", "Your reports"],
  ["builder", "Your level"],
  ["promotion_committee", "Builders by level"],
];

for (const [role, panel] of HOMES) {
  test(`${role} signs in and lands on their home`, async ({ page }) => {
    await signIn(page, role);
    await expect(page.getByRole("heading", { level: 2, name: panel, exact: true })).toBeVisible();
    const { name } = demoLogin(role);
    await expect(page.getByRole("banner")).toContainText(name);
  });
}

test("a builder's home shows their level and manager", async ({ page }) => {
  await signIn(page, "builder");
  const panel = page.getByRole("region", { name: "Your level" });
  await expect(panel).toContainText("L5");
  await expect(panel).toContainText("Marcus Chen");
});

test("a wrong password shows an error and creates no session", async ({ page, context }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(demoLogin("admin").email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("That email and password do not match an account.");
  expect((await context.cookies()).find((c) => c.name === "__session")).toBeUndefined();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("the form says what is missing before sending anything", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("after signing out, going back does not restore access", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users and roles" })).toBeVisible();
  await signOut(page);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await page.goBack();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText("Users and roles")).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fusers$/);
});

test("signing in from a protected page returns to it", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel("Email").fill(demoLogin("admin").email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "Users and roles" })).toBeVisible();
});

test("a sign-in link that points at another host lands on the home page of this site", async ({ page, baseURL }) => {
  // The browser normalises /./\127.0.0.1:3309/phish into //127.0.0.1:3309/phish: another host.
  const hostile = "/./\\127.0.0.1:3309/phish";
  await page.goto(`/login?redirectTo=${encodeURIComponent(hostile)}`);
  await page.getByLabel("Email").fill(demoLogin("builder").email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  // Signed in already, the sign-in page sends the same link home too.
  await page.goto(`/login?redirectTo=${encodeURIComponent(hostile)}`);
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test("an interviewer opening an admin page gets a clear 403", async ({ page }) => {
  await signIn(page, "interviewer");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
  await expect(page.getByText("You are signed in with the roles: Interviewer.")).toBeVisible();
});
