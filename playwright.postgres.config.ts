import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * The end-to-end tests that need PostgreSQL (e2e/postgres/): run by `npm run test:postgres` after
 * the integration suite, against the production build, with TEST_POSTGRES_URL set. Each spec
 * starts the app instances it needs itself.
 */
const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e/postgres",
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 120_000,
  expect: { timeout: 10_000 },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: chromium, args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] },
      },
    },
  ],
});
