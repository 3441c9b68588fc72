/**
 * /verifier, the verifier message catalog: the search finds a message by words or by a pasted log
 * line, the kernel filter keeps the messages a kernel prints, both live in the URL, and every message
 * has an anchor that finds it on whatever page it falls (also from a decoded line on /match).
 */
import type { Page } from "@playwright/test";

import { expect, test, waitForHydration } from "./fixtures";

const BACK_EDGE = "back-edge-from-insn-int-to-int2";
const LOAD_ACQUIRE = "64-bit-load-acquires-are-only-supported-on-64-bit-arches";
const MEM_ACCESS = "r-int-invalid-mem-access-str";

function verifierPage(page: Page) {
  const search = page.getByRole("searchbox", { name: "Search verifier messages" });
  const status = page.getByRole("status").filter({ hasText: /messages/ });
  const messages = page.getByTestId("verifier-message");
  return {
    search,
    status,
    messages,
    message: (id: string) => page.locator(`[id="${id}"]`),
    kernelChip: (label: string) => page.getByRole("group", { name: "Kernel" }).getByRole("link", { name: label, exact: true }),
    async open(url = "/verifier") {
      await page.goto(url);
      await waitForHydration(search);
    },
  };
}

const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

test("lists the catalog a page at a time, without the catalog in the page's scripts", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script" && r.url().includes("verifier-catalog")) scripts.push(r.url());
  });
  const v = verifierPage(page);
  await v.open();
  await expect(v.status).toHaveText(/^1,3\d\d messages · page 1 of \d+$/);
  await expect(v.messages).toHaveCount(40);
  expect(scripts).toEqual([]);
  await page.getByRole("link", { name: /^Next 40/ }).click();
  await expect(page).toHaveURL(/\/verifier\?page=2$/);
  await expect(v.status).toContainText("page 2 of");
});

test("search by words and by a pasted log line; the URL keeps the query", async ({ page }) => {
  const v = verifierPage(page);
  await v.open();
  await v.search.fill("back-edge");
  await expect(v.messages.first()).toHaveAttribute("id", BACK_EDGE);
  await expect.poll(() => params(page)).toEqual({ q: "back-edge" });
  await expect(v.status).toHaveText(/^\d+ of 1,3\d\d messages$/);

  // One whole line of a log, with its values, finds the message that prints it.
  await v.search.fill("R1 invalid mem access 'scalar'");
  await expect(v.messages.first()).toHaveAttribute("id", MEM_ACCESS);
  await expect(v.messages.first()).toContainText("check_mem_access()");
  await expect(v.messages.first().getByRole("link", { name: /invalid mem access/ })).toHaveAttribute("href", "/issues/verifier-invalid-memory-access");

  // The URL gives the same view when opened afresh.
  await expect.poll(() => params(page).q).toBe("R1 invalid mem access 'scalar'");
  const url = page.url();
  const again = verifierPage(page);
  await again.open(url);
  await expect(again.search).toHaveValue("R1 invalid mem access 'scalar'");
  await expect(again.messages.first()).toHaveAttribute("id", MEM_ACCESS);
});

test("the kernel filter keeps only the messages that kernel prints", async ({ page }) => {
  const v = verifierPage(page);
  await v.open("/verifier?q=load-acquires");
  await expect(v.message(LOAD_ACQUIRE)).toBeVisible();

  await v.kernelChip("5.4").click();
  await expect.poll(() => params(page)).toEqual({ q: "load-acquires", kernel: "5.4" });
  await expect(v.kernelChip("5.4")).toHaveAttribute("aria-current", "true");
  await expect(v.status).toContainText("in Linux 5.4");
  await expect(v.message(LOAD_ACQUIRE)).toHaveCount(0);

  await v.kernelChip("7.3-rc7").click();
  await expect(v.message(LOAD_ACQUIRE)).toBeVisible();

  // Any version, as uname -r prints it.
  await page.getByRole("textbox", { name: /Or your kernel/ }).fill("5.15.0-105-generic");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect.poll(() => params(page)).toEqual({ q: "load-acquires", kernel: "5.15.0-105-generic" });
  await expect(v.message(LOAD_ACQUIRE)).toHaveCount(0);
  await expect(v.status).toContainText("in Linux 5.15");

  // Back restores the previous filter.
  await page.goBack();
  await expect.poll(() => params(page)).toEqual({ q: "load-acquires", kernel: "7.3-rc7" });
  await expect(v.message(LOAD_ACQUIRE)).toBeVisible();
});

test("an anchor finds its message on its page, even past filters that hide it", async ({ page }) => {
  const v = verifierPage(page);
  await v.open(`/verifier#${BACK_EDGE}`);
  const card = v.message(BACK_EDGE);
  await expect(card).toBeVisible();
  await expect(card).toBeInViewport();
  await expect(card).toBeFocused();
  await expect.poll(() => params(page)).toEqual({ page: "3" });
  expect(new URL(page.url()).hash).toBe(`#${BACK_EDGE}`);

  await v.open(`/verifier?q=load-acquires&kernel=5.4#${MEM_ACCESS}`);
  await expect(v.message(MEM_ACCESS)).toBeInViewport();
  expect(params(page).q).toBeUndefined();
});

test("a decoded verifier line on /match links to its catalog entry", async ({ page }) => {
  await page.goto("/match");
  const box = page.getByRole("textbox", { name: "Paste an error or log" });
  await waitForHydration(box);
  await expect(page.getByRole("status").filter({ hasText: /verifier messages\.$/ })).toBeVisible();
  await box.fill("R1 invalid mem access 'scalar'\nuname -r: 5.4.0-189-generic");
  const link = page.getByTestId("verifier-message-link").first();
  await expect(link).toHaveAttribute("href", `/verifier#${MEM_ACCESS}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/verifier(\\?page=\\d+)?#${MEM_ACCESS}$`));
  await expect(page.locator(`[id="${MEM_ACCESS}"]`)).toBeInViewport();
});
