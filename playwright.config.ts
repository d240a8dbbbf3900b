import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT, MAIL_DIR, MAIL_PORT } from "./e2e/ports";

/**
 * End-to-end tests drive a real headless Chromium against the production build, served on a
 * loopback port with its own freshly seeded database (e2e/serve.ts). `npm run test:e2e` builds first.
 *
 * Browser: PLAYWRIGHT_CHROMIUM_PATH if set, else Debian's /usr/bin/chromium if present,
 * else Playwright's own downloaded Chromium (on a developer laptop).
 */
const PORT = E2E_PORT;
const chromium =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // Those need PostgreSQL and start their own instances: playwright.postgres.config.ts.
  testIgnore: ["postgres/**"],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // A whole test's budget, not a speed target: several axe scans of a large page take most of
  // 30 s on a busy 2-core machine. Each expectation still has its own 5 s.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: chromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node --import tsx e2e/serve.ts",
    url: `http://127.0.0.1:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(PORT),
      // Per port, so two runs side by side (E2E_PORT) never share a database.
      DATABASE_URL: `file:data/e2e-${PORT}/builder-ladder.db`,
      SESSION_SECRET: "e2e-session-secret-0123456789abcdefghij",
      SEED_DEMO: "true",
      // Explicit, so a developer's .env cannot change them: a demo deployment, no request log.
      DEPLOYMENT: "demo",
      LOG_REQUESTS: "false",
      // The project log e2e moves the server clock 28 days with an X-Test-Now header.
      TEST_CLOCK: "true",
      // Email goes to the run's own SMTP server (e2e/mail-sink.ts), delivered every second.
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(MAIL_PORT),
      E2E_MAIL_DIR: MAIL_DIR,
      DELIVERY_EVERY_SECONDS: "1",
      APP_URL: `http://127.0.0.1:${PORT}`,
    },
  },
});
