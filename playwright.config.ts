import { defineConfig, devices } from "@playwright/test";

/**
 * e2e tests run against the production build (`npm run build` first; `npm run test:e2e` does not build).
 * Chromium: Playwright's own browser where installed, or the system one named by CHROMIUM_PATH
 * (default /usr/bin/chromium when it exists), with flags that keep it off the network.
 */
import fs from "node:fs";

const PORT = Number(process.env.E2E_PORT || 3217);
const systemChromium = process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // No retries in any mode: a flaky test is a bug with a cause, to be found and fixed.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // A test's budget. On a 2-core machine with nothing else running, the slowest tests (axe over the long
  // browse pages, the URL-state and head-tag walks) take 21-27 s of a run that takes 10 minutes: 30 s left
  // too little room for a slower or busier machine. A test that stalls still fails within a minute.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    command: `npx next start -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
