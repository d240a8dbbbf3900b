import { expect } from "@playwright/test";
import { DEMO_PASSWORD, signIn, signOut, testWithPeople, unique } from "./fixtures";
import { linkIn, waitForMail } from "./mail";

/**
 * Accounts by email: an admin invites a colleague, who chooses a password through the emailed
 * link; later they forget it and reset it through another, which works once and only once. The
 * links are read from the email the run's SMTP server received, as the person would click them.
 */

const test = testWithPeople("UTC");

test("an invited colleague joins through the emailed link, and a reset link works once and only once", async ({ page, browser }) => {
  const name = `Rosa Invited ${unique()}`;
  const email = `rosa.${unique()}@northwind.example`;
  await signIn(page, "admin");
  await page.goto("/admin/users");
  const invite = page.getByRole("region", { name: "Invite a colleague" });
  await invite.getByLabel("Name").fill(name);
  await invite.getByLabel("Email").fill(email);
  await invite.getByRole("checkbox", { name: "Interviewer" }).check();
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByRole("status")).toContainText(`Invitation sent to ${email}`);
  await signOut(page);

  // The invitee, in a browser of their own, follows the link in the email.
  const context = await browser.newContext();
  const rosa = await context.newPage();
  const invitation = await waitForMail(email, (m) => m.mail.subject === "You are invited to Builder Ladder");
  await rosa.goto(linkIn(invitation).pathname);
  await expect(rosa.getByRole("heading", { level: 1, name: `Welcome, ${name}` })).toBeVisible();
  const firstPassword = `first-${DEMO_PASSWORD}`;
  await rosa.getByLabel("New password", { exact: true }).fill(firstPassword);
  await rosa.getByLabel("New password again").fill(firstPassword);
  await rosa.getByRole("button", { name: "Choose password and sign in" }).click();
  await expect(rosa.getByRole("heading", { level: 1, name: "Welcome, Rosa" })).toBeVisible();
  await signOut(rosa);

  // Forgotten: the sign-in page leads to a reset, which says the same whoever asks.
  await rosa.getByRole("link", { name: "Forgotten your password?" }).click();
  await expect(rosa.getByRole("heading", { level: 1, name: "Forgotten password" })).toBeVisible();
  await rosa.getByLabel("Email").fill(email);
  await rosa.getByRole("button", { name: "Send me a link" }).click();
  await expect(rosa.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();

  const reset = await waitForMail(email, (m) => m.mail.subject === "Reset your Builder Ladder password");
  const resetPath = linkIn(reset).pathname;
  expect(resetPath).toMatch(/^\/password\/reset\/[^/]+$/);
  await rosa.goto(resetPath);
  await expect(rosa.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  const newPassword = `second-${DEMO_PASSWORD}`;
  await rosa.getByLabel("New password", { exact: true }).fill(newPassword);
  await rosa.getByLabel("New password again").fill(newPassword);
  await rosa.getByRole("button", { name: "Change password and sign in" }).click();
  await expect(rosa).toHaveURL(/\/account\?password=changed$/);
  await expect(rosa.getByRole("main")).toContainText("Your password is changed");
  await rosa.goto("/");
  await signOut(rosa);

  // Once only: the same link no longer works…
  const again = await rosa.goto(resetPath);
  expect(again?.status()).toBe(404);
  await expect(rosa.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();

  // …and the new password is the one that signs in.
  await rosa.goto("/login");
  await rosa.getByLabel("Email").fill(email);
  await rosa.getByLabel("Password").fill(firstPassword);
  await rosa.getByRole("button", { name: "Sign in" }).click();
  await expect(rosa.getByRole("alert").first()).toBeVisible();
  await rosa.getByLabel("Password").fill(newPassword);
  await rosa.getByRole("button", { name: "Sign in" }).click();
  await expect(rosa.getByRole("heading", { level: 1, name: "Welcome, Rosa" })).toBeVisible();
  await context.close();
});
