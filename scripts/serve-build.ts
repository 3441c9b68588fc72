/**
 * For measurement scripts: serves the production build (`npm run build` first) on a local port and
 * launches Chromium with the same flags as the e2e tests, then stops both.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";

import { chromium, type Browser } from "@playwright/test";

const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

async function waitForServer(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not answer within ${ms} ms (did you run npm run build?)`);
}

/** Runs `fn` with the build served at `origin` and a browser; always stops the server. */
export async function withBuildAndBrowser(port: number, fn: (origin: string, browser: Browser) => Promise<void>): Promise<void> {
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { stdio: "ignore", detached: true });
  try {
    const origin = `http://127.0.0.1:${port}`;
    await waitForServer(`${origin}/`, 60_000);
    const browser = await chromium.launch({
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      await fn(origin, browser);
    } finally {
      await browser.close();
    }
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}
