/**
 * Every page, in light and dark: no axe violation at all under every WCAG 2.0, 2.1 and 2.2 A and AA
 * rule, no console error, and no sideways scrolling on a 390 px wide phone.
 */
import fs from "node:fs";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { unreleasedResourceLog } from "../lib/verifier/fixtures/diag73";
import { expect, ROOT, routeFileExists, SEEDS, test, waitForHydration } from "./fixtures";

/**
 * @axe-core/playwright types its page with the hoisted playwright-core (a newer release than the
 * @playwright/test in use); at run time it only calls methods both share, so the page is passed as is.
 */
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]["page"];

interface PageCase {
  name: string;
  path: string;
  /** The route file that serves it; the case is skipped while that file does not exist yet. */
  route: string;
  notFound?: boolean;
  /** Waits until the page shows its real content (client-rendered parts included). */
  ready: (page: Page) => Promise<void>;
}

const h1 = async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
};

/** Every WCAG rule axe has at levels A and AA, up to WCAG 2.2. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

const PAGES: PageCase[] = [
  {
    name: "browse",
    path: "/",
    route: "app/page.tsx",
    ready: async (page) => {
      await waitForHydration(page.getByRole("searchbox", { name: "Search incidents and error classes" }));
      await expect(page.getByRole("status").filter({ hasText: /^\d+ records$/ })).toBeVisible();
    },
  },
  {
    name: "browse, filtered",
    path: "/?component=calico,retina&kernel=5.4.0-189-generic&kind=incident&status=fixed,workaround",
    route: "app/page.tsx",
    ready: async (page) => {
      await expect(page.getByRole("status").filter({ hasText: /^\d+ of \d+ records match$/ })).toBeVisible();
    },
  },
  { name: "incident", path: `/issues/${SEEDS.retina}`, route: "app/issues/[slug]/page.tsx", ready: h1 },
  { name: "error class", path: "/issues/helper-missing-on-old-kernel", route: "app/issues/[slug]/page.tsx", ready: h1 },
  { name: "404", path: "/issues/does-not-exist", route: "app/not-found.tsx", notFound: true, ready: h1 },
  {
    name: "kernel",
    path: "/kernel",
    route: "app/kernel/page.tsx",
    ready: async (page) => {
      await waitForHydration(page.getByRole("textbox", { name: "Kernel version", exact: true }));
    },
  },
  {
    name: "kernel, version given",
    path: "/kernel?v=5.4.0-189-generic",
    route: "app/kernel/page.tsx",
    ready: async (page) => {
      await expect(page.getByText("bpf_ktime_get_boot_ns", { exact: true })).toBeVisible();
    },
  },
  { name: "kernel 5.4 (long-term)", path: "/kernel/5.4", route: "app/kernel/[version]/page.tsx", ready: h1 },
  { name: "match", path: "/match", route: "app/match/page.tsx", ready: h1 },
  {
    name: "browse, recently updated",
    path: "/?sort=updated",
    route: "app/page.tsx",
    ready: async (page) => {
      await expect(page.getByRole("list", { name: "Sort:" }).getByRole("link", { name: "Recently updated" })).toHaveAttribute("aria-current", "true");
    },
  },
  {
    name: "match, draft write-up open",
    path: "/match",
    route: "app/match/page.tsx",
    ready: async (page) => {
      const box = page.getByRole("textbox", { name: "Paste an error or log" });
      await waitForHydration(box);
      await box.fill(fs.readFileSync(path.join(ROOT, "lib", "draft", "fixtures", "libbpf-bootstrap-42-ringbuf.txt"), "utf8"));
      await page.getByRole("button", { name: "Write this up" }).click();
      await expect(page.getByRole("region", { name: "Page preview" })).toContainText("Verify on your node");
    },
  },
  {
    name: "match, a Linux 7.3 verifier log",
    path: "/match",
    route: "app/match/page.tsx",
    ready: async (page) => {
      const box = page.getByRole("textbox", { name: "Paste an error or log" });
      await waitForHydration(box);
      await expect(page.getByRole("status").filter({ hasText: /verifier messages/ })).toBeVisible();
      await box.fill(`kernel 5.4.0-189-generic\n64-bit load-acquires are only supported on 64-bit arches\n${unreleasedResourceLog(2, 5, 12)}`);
      await expect(page.getByRole("region", { name: "The verifier’s report" })).toBeVisible();
      await expect(page.getByTestId("verifier-message-link").first()).toBeVisible();
    },
  },
  {
    name: "verifier",
    path: "/verifier",
    route: "app/verifier/page.tsx",
    ready: async (page) => {
      await waitForHydration(page.getByRole("searchbox", { name: "Search verifier messages" }));
      await expect(page.getByRole("status").filter({ hasText: /^1,3\d\d messages/ })).toBeVisible();
    },
  },
  {
    name: "verifier, searched and filtered",
    path: "/verifier?q=invalid+mem+access&kernel=5.4#r-int-invalid-mem-access-str",
    route: "app/verifier/page.tsx",
    ready: async (page) => {
      await expect(page.getByRole("status").filter({ hasText: /of 1,3\d\d messages in Linux 5\.4/ })).toBeVisible();
      await expect(page.locator('[id="r-int-invalid-mem-access-str"]')).toBeFocused();
    },
  },
];

function skipIfMissing(c: PageCase) {
  test.skip(!routeFileExists(c.route), `${c.route} does not exist yet, so ${c.path} has nothing to check`);
}

async function open(page: Page, c: PageCase, baseURL: string | undefined, allowNotFound: (url: string) => void) {
  if (c.notFound) allowNotFound(`${baseURL}${c.path}`);
  const response = await page.goto(c.path);
  expect(response?.status(), `HTTP status of ${c.path}`).toBe(c.notFound ? 404 : 200);
  await c.ready(page);
  // Let prefetches and late requests finish, so a failing one shows up as a console error here.
  await page.waitForLoadState("networkidle");
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} color scheme`, () => {
    test.use({ colorScheme: scheme });

    for (const c of PAGES) {
      test(`${c.name} (${c.path}): no axe violation (WCAG 2.2 A/AA), no console error`, async ({
        page,
        baseURL,
        consoleErrors,
      }) => {
        skipIfMissing(c);
        await open(page, c, baseURL, consoleErrors.allowNotFound);
        // The theme follows the system preference: the page really is in the scheme under test.
        if (scheme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
        else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);

        const results = await new AxeBuilder({ page: page as unknown as AxePage }).withTags(WCAG_TAGS).analyze();
        const bad = results.violations;
        const report = bad
          .map(
            (v) =>
              `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
              v.nodes.map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`).join("\n"),
          )
          .join("\n");
        expect(bad.map((v) => `${v.id} (${v.impact})`), `axe violations on ${c.path} (${scheme}):\n${report}`).toEqual([]);
      });
    }
  });
}

test.describe("390 px wide viewport", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const c of PAGES) {
    test(`${c.name} (${c.path}): no sideways scrolling`, async ({ page, baseURL, consoleErrors }) => {
      skipIfMissing(c);
      await open(page, c, baseURL, consoleErrors.allowNotFound);
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      expect(widths.viewport).toBe(390);
      expect(widths.scroll, `document is ${widths.scroll} px wide at a 390 px viewport`).toBeLessThanOrEqual(390);
    });
  }
});
