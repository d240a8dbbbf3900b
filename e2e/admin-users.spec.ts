import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

test("an admin gives a user another role; refused changes say why at the form", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  const card = page.getByRole("form", { name: /Omar Haddad/ });
  await card.getByRole("checkbox", { name: "Interviewer" }).check();
  await card.getByRole("button", { name: "Save roles" }).click();
  await expect(card.getByRole("status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByRole("form", { name: /Omar Haddad/ }).getByRole("checkbox", { name: "Interviewer" })).toBeChecked();

  // Clearing every role is refused at the field.
  const lone = page.getByRole("form", { name: /Daniel Okafor/ });
  await lone.getByRole("checkbox", { name: "Interviewer" }).uncheck();
  await lone.getByRole("button", { name: "Save roles" }).click();
  await expect(lone.getByText("Choose at least one role")).toBeVisible();

  // An admin cannot remove their own admin role.
  const self = page.getByRole("form", { name: /Morgan Lee/ });
  await self.getByRole("checkbox", { name: "Admin" }).uncheck();
  await self.getByRole("checkbox", { name: "Recruiter" }).check();
  await self.getByRole("button", { name: "Save roles" }).click();
  await expect(self.getByRole("alert")).toHaveText("You cannot remove your own admin role; ask another admin.");
});
