import { expect, type Page } from "@playwright/test";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../prisma/seed/demo-organisation";
import type { Role } from "../app/domain/roles";

export { DEMO_LOGINS, DEMO_PASSWORD };

export function demoLogin(role: Role) {
  const login = DEMO_LOGINS.find((l) => l.role === role);
  if (!login) throw new Error(`No demo login for ${role}`);
  return login;
}

/** Signs in through the form, as a person would, and waits for the home page. */
export async function signIn(page: Page, role: Role) {
  const { email, name } = demoLogin(role);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${name.split(" ")[0]}` })).toBeVisible();
}
