/**
 * Shared e2e set-up: a `test` that fails when the page logs a console error or throws, helpers that
 * find things the way a reader does (roles and labels), and the seed write-ups read from `content/` (or
 * from KB_CONTENT_DIR, as the build does), so the specs check the app against the same files it was
 * built from.
 */
import fs from "node:fs";
import path from "node:path";

import { expect, test as base, type Locator, type Page } from "@playwright/test";
import matter from "gray-matter";

import { BROWSE_PAGE_SIZE } from "@/lib/constants";
import { ANY_KERNEL_LABEL, KernelRange } from "@/lib/kernel/range";

export { expect };

export const ROOT = path.resolve(__dirname, "..");
/** The write-ups the build read: KB_CONTENT_DIR/issues when set (as for the build), else content/issues. */
const ISSUES_DIR = process.env.KB_CONTENT_DIR ? path.join(path.resolve(process.env.KB_CONTENT_DIR), "issues") : path.join(ROOT, "content", "issues");

/** True when the app has a route file at `rel` (e.g. "app/kernel/page.tsx"). */
export function routeFileExists(rel: string): boolean {
  return fs.existsSync(path.join(ROOT, rel));
}

export interface SeedRecord {
  slug: string;
  title: string;
  status: string;
  aliases: string[];
  updated: string;
  errors: { text: string; template: string }[];
  references: { title: string; url: string; claim?: string; by?: string }[];
  components: { id: string; versions?: string }[];
  kernel?: { affected?: string };
}

/** How many result cards the browse page shows for `n` matching records (it pages them). */
export const shown = (n: number): number => Math.min(n, BROWSE_PAGE_SIZE);

/** A record's kernel range in words, as its page shows it. */
export function kernelLabel(r: SeedRecord): string {
  return r.kernel?.affected ? KernelRange.parse(String(r.kernel.affected)).label : ANY_KERNEL_LABEL;
}

/** A write-up's frontmatter, read from content/issues/SLUG.md. */
export function readRecord(slug: string): SeedRecord {
  const file = path.join(ISSUES_DIR, `${slug}.md`);
  // Our own write-ups, read as YAML only (the loader refuses any other front-matter language).
  const { data } = matter(fs.readFileSync(file, "utf8"), { language: "yaml" });
  const updated = data.updated instanceof Date ? data.updated.toISOString().slice(0, 10) : String(data.updated);
  return { ...(data as Omit<SeedRecord, "slug" | "updated">), slug, updated };
}

/** How many write-ups `content/issues/` holds: the browse page must list every one. */
export function countRecords(): number {
  return fs.readdirSync(ISSUES_DIR).filter((f) => f.endsWith(".md")).length;
}

/** The five seed incidents (../shared/seeds/README.md). */
export const SEEDS = {
  retina: "retina-podlevel-requires-kernel-5-8",
  pwru: "pwru-filter-trace-tc-cilium-1-11",
  calico: "calico-3-27-3-xdp-kernel-5-4",
  kata: "kata-arm-netlink-protocol-not-supported",
  retinaUpgrade: "retina-cilium-1-18-upgrade",
} as const;

/**
 * Collects console errors and uncaught exceptions of a page. A 404 answer to the page's own document
 * (the not-found page) is logged by Chromium as a console error too; `allowNotFound` accepts that one.
 */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  const allowed = new Set<string>();
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const url = msg.location().url;
    if (/status of 404/.test(msg.text()) && allowed.has(url)) return;
    errors.push(`console.error: ${msg.text()}${url ? ` (at ${url})` : ""}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  return {
    errors,
    allowNotFound(url: string) {
      allowed.add(url);
    },
  };
}

export type ConsoleWatch = ReturnType<typeof watchConsole>;

export const test = base.extend<{ consoleErrors: ConsoleWatch }>({
  // Every test fails when its page logged a console error or threw.
  consoleErrors: [
    async ({ page }, use) => {
      const watch = watchConsole(page);
      await use(watch);
      expect(watch.errors, "console errors and uncaught exceptions on the page").toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Resolves once React has taken over `locator`'s element, so typing and key presses reach the app's
 * handlers and are not lost when the page hydrates. Elements that React renders carry its internal
 * props key; the server-rendered fallback of a client-rendered Suspense boundary never does.
 */
export async function waitForHydration(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$"))), {
      message: "the element is rendered by React (hydrated)",
    })
    .toBe(true);
}

/**
 * Holds the browse page's search index back until the returned function is called, so a test can act
 * while the page is still loading it.
 */
export async function holdBrowseIndex(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/browse-index.json", async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

/** The query string of the page's URL as an object; fails on a path other than `pathname`. */
export async function expectParams(page: Page, expected: Record<string, string>, pathname = "/"): Promise<void> {
  await expect
    .poll(
      () => {
        const url = new URL(page.url());
        return { pathname: url.pathname, params: Object.fromEntries(url.searchParams) };
      },
      { message: `URL is ${pathname} with ${JSON.stringify(expected)}` },
    )
    .toEqual({ pathname, params: expected });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The browse page, as a reader sees it. */
export function browsePage(page: Page) {
  const filters = page.getByRole("complementary", { name: "Filters" });
  const resultList = page.getByRole("list", { name: "Results" });
  const facet = (title: string) => filters.getByRole("region", { name: title, exact: true });
  /**
   * Calls `visit` on each page of results, forward with "Next", until it returns true or the last page;
   * then goes back through history to the page it started on. Returns whether `visit` said true.
   */
  const walkPages = async (visit: () => Promise<boolean>): Promise<boolean> => {
    let steps = 0;
    let stopped = false;
    for (;;) {
      if (await visit()) {
        stopped = true;
        break;
      }
      const next = page.getByRole("navigation", { name: "Pages of results" }).getByRole("link", { name: /^Next/ });
      if ((await next.count()) === 0) break;
      const before = page.url();
      await next.click();
      await expect.poll(() => page.url()).not.toBe(before);
      steps++;
    }
    for (let i = 0; i < steps; i++) await page.goBack();
    return stopped;
  };
  /** A facet choice link: its name is the label, " (selected; select to remove)" when on, then the count. */
  const choice = (facetTitle: string, label: string) =>
    facet(facetTitle).getByRole("link", {
      name: new RegExp(`^${escapeRegExp(label)}( \\(selected; select to remove\\))? \\d+$`),
    });

  return {
    search: page.getByRole("searchbox", { name: "Search incidents and error classes" }),
    kernelInput: page.getByRole("textbox", { name: "Your kernel (uname -r)" }),
    applyKernel: page.getByRole("button", { name: "Apply" }),
    /** "53 records" or "5 of 53 records match". */
    count: page.getByRole("status").filter({ hasText: /\d+ (of \d+ )?records/ }),
    results: resultList.getByRole("listitem"),
    resultLink: (title: string) => resultList.getByRole("link", { name: title, exact: true }),
    facet,
    choice,
    /** Shows a facet's choices hidden under "N more", when the wanted one is there. */
    async reveal(facetTitle: string, label: string): Promise<Locator> {
      const link = choice(facetTitle, label);
      const more = facet(facetTitle).getByText(/^\d+ more$/);
      // The facet may still re-render (a ?q= applied after the browse index loads, counts deferred after
      // results), so "N more" can come or go between a look and a click: look and act again until the
      // choice shows. Opening "more" only ever happens while the choice is hidden.
      await expect(async () => {
        if (!(await link.isVisible())) await more.click({ timeout: 1000 });
        await expect(link).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 10_000 });
      return link;
    },
    /** The count a choice shows, read from its accessible name. */
    async choiceCount(facetTitle: string, label: string): Promise<number> {
      const snapshot = await choice(facetTitle, label).ariaSnapshot();
      const m = /link "[^\n]*? (\d+)"/.exec(snapshot);
      if (!m?.[1]) throw new Error(`no count in ${snapshot}`);
      return Number(m[1]);
    },
    /**
     * Asserts that a record with this title is listed (`listed`) or not, on any page of the results:
     * pages forward with "Next", then back through history to where it started.
     */
    async expectListed(title: string, listed = true): Promise<void> {
      // The list may still be updating after the action that preceded this call.
      if (listed) {
        await expect
          .poll(async () => (await resultList.getByRole("link", { name: title, exact: true }).count()) > 0 || (await page.getByRole("navigation", { name: "Pages of results" }).count()) > 0, { timeout: 5000 })
          .toBe(true)
          .catch(() => undefined);
      }
      const found = await walkPages(async () => (await resultList.getByRole("link", { name: title, exact: true }).count()) > 0);
      expect(found, `"${title}" ${listed ? "is" : "is not"} among the results`).toBe(listed);
    },
    /**
     * Titles on every page of results, walked once with Next and then back to the first page
     * (call after an auto-waiting assertion on the list). Cheaper than one expectListed per title
     * when a test checks many titles against the same long list.
     */
    async allListedTitles(): Promise<Set<string>> {
      const titles = new Set<string>();
      await walkPages(async () => {
        for (const t of await resultList.getByRole("heading", { level: 2 }).allInnerTexts()) titles.add(t);
        return false;
      });
      return titles;
    },
    /** Titles of the listed results, in order (call after an auto-waiting assertion on the list). */
    async resultTitles(): Promise<string[]> {
      return resultList.getByRole("heading", { level: 2 }).allInnerTexts();
    },
    /** Opens `/` (or `/?…`) and waits until the app has hydrated the search box. */
    async open(url = "/"): Promise<void> {
      await page.goto(url);
      await waitForHydration(page.getByRole("searchbox", { name: "Search incidents and error classes" }));
    },
  };
}
