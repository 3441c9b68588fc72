/**
 * /match, "paste your error": a real clipboard paste (Ctrl+V) gives the right first result with the
 * lines that prove it, the decoded panel reads the kernel's message, a share link reproduces the view
 * from the URL fragment, nothing pasted travels in a request, and a 5 MB paste is handled (its timing is
 * measured by `npm run measure:paste`, not here).
 */
import type { Page, Request } from "@playwright/test";

import { expect, readRecord, SEEDS, test, waitForHydration } from "./fixtures";

const retina = readRecord(SEEDS.retina);
const calico = readRecord(SEEDS.calico);

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

function matchPage(page: Page) {
  const pasteBox = page.getByRole("textbox", { name: "Paste an error or log" });
  return {
    pasteBox,
    kernelField: page.getByRole("textbox", { name: "Your kernel" }),
    cards: page.getByTestId("match-card"),
    decoded: page.getByRole("region", { name: "What the kernel is saying" }),
    notices: page.getByRole("list", { name: "Notices" }),
    async open(url = "/match") {
      await page.goto(url);
      await waitForHydration(pasteBox);
      // The verifier catalog loads after the index: the status names it once it is in.
      await expect(page.getByRole("status").filter({ hasText: /^Matching against \d+ records( and [\d,]+ verifier messages)?\.$/ })).toBeVisible();
    },
    /** Puts `text` on the clipboard and pastes it into the box with the keyboard, as a reader does. */
    async paste(text: string) {
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await pasteBox.focus();
      await page.keyboard.press("ControlOrMeta+V");
    },
  };
}

/** Every request the page makes, with its body, to check that pasted text never leaves the browser. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (r) => requests.push(r));
  return requests;
}

function carries(requests: Request[], needle: string): string[] {
  return requests.filter((r) => r.url().includes(needle) || (r.postData() ?? "").includes(needle)).map((r) => r.url());
}

test("a pasted Retina log ranks the Retina incident first, confident, with its evidence lines", async ({ page }) => {
  const m = matchPage(page);
  await m.open();
  const error = retina.errors[0]!.text;
  await m.paste(`level=error ts=2025-03-02T10:11:12Z msg="Error loading objects" error="${error.replace(/"/g, '\\"')}"\n$ uname -r\n5.4.0-189-generic`);

  const first = m.cards.first();
  await expect(first.getByRole("heading", { level: 3 })).toHaveText(retina.title);
  await expect(first.getByText("Confident", { exact: true })).toBeVisible();
  const evidence = first.getByRole("list", { name: "Evidence" });
  await expect(evidence.locator("mark").first()).toContainText("unknown#125");
  await expect(evidence).toContainText("(line 1)");

  // The decoded panel reads helper #125 and says the pasted kernel lacks it.
  await expect(m.decoded.getByTestId("decoded-item").filter({ hasText: "bpf_ktime_get_boot_ns" })).toContainText("#125 · since Linux 5.8");
  await expect(m.decoded).toContainText(/Your 5\.4\S* kernel lacks bpf_ktime_get_boot_ns, added in 5\.8/);
  // "Your kernel" is filled from the paste.
  await expect(m.kernelField).toHaveValue("5.4.0-189-generic");

  // The card links to the incident page.
  await first.getByRole("link", { name: retina.title }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${SEEDS.retina}$`));
});

test("invalid func unknown#181 decodes as bpf_loop (Linux 5.17) and matches no seed incident confidently", async ({ page }) => {
  const m = matchPage(page);
  await m.open();
  await m.paste("invalid func unknown#181");
  await expect(m.decoded.getByTestId("decoded-item").filter({ hasText: "bpf_loop" })).toContainText("#181 · since Linux 5.17");
  const seedTitles = Object.values(SEEDS).map((slug) => readRecord(slug).title);
  await expect(page.getByRole("heading", { level: 2, name: /^(Likely cause|No confident match|No match)/ })).toBeVisible();
  for (const card of await m.cards.all()) {
    const title = await card.getByRole("heading", { level: 3 }).innerText();
    if (seedTitles.includes(title)) await expect(card.getByText("Confident", { exact: true })).toHaveCount(0);
  }
});

test("a share link carries the paste in the fragment and reproduces the result; no request carries the paste", async ({ page, context }) => {
  const requests = recordRequests(page);
  const m = matchPage(page);
  await m.open();
  const marker = "zq7marker-node-pool-42";
  const paste = `${calico.errors[0]!.text}\n# ${marker}`;
  await m.paste(paste);
  await expect(m.cards.first().getByRole("heading", { level: 3 })).toHaveText(calico.title);

  await page.getByRole("button", { name: "Make a share link" }).click();
  const shareField = page.getByRole("textbox", { name: "Share link" });
  await expect(shareField).toHaveValue(/\/match#p=[\w-]+$/);
  const shareUrl = await shareField.inputValue();
  expect(new URL(shareUrl).search, "the paste is never in the query string").toBe("");
  const fragment = new URL(shareUrl).hash.slice(3);

  // A teammate opens the link in a fresh page.
  const other = await context.newPage();
  const otherRequests = recordRequests(other);
  await other.goto(shareUrl);
  const m2 = matchPage(other);
  await expect(m2.pasteBox).toHaveValue(paste);
  await expect(m2.cards.first().getByRole("heading", { level: 3 })).toHaveText(calico.title);

  const all = [...requests, ...otherRequests];
  expect(all.length, "the pages made requests (the check is not empty)").toBeGreaterThan(3);
  for (const needle of [marker, encodeURIComponent(marker), fragment.slice(0, 40)]) {
    expect(carries(all, needle), `requests carrying ${needle}`).toEqual([]);
  }
  await other.close();
});

test("a 5 MB paste goes to the matcher without filling the box, and its last lines are read", async ({ page }) => {
  const m = matchPage(page);
  await m.open();
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 5_000_000; i++) {
    const line = `ts=2025-03-02T10:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}Z level=info msg="flow exported" pod=app-${i % 977} id=${i}`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.push(`ts=2025-03-02T11:59:59Z level=error msg="Error loading objects" error="${retina.errors[0]!.text.replace(/"/g, '\\"')}"`);
  await m.paste(lines.join("\n"));

  await expect(page.getByRole("note").filter({ hasText: /^Large paste: 5\.\d MB, [\d,]+ lines\./ })).toBeVisible();
  await expect(m.pasteBox).toHaveJSProperty("readOnly", true);
  expect((await m.pasteBox.inputValue()).length, "the box shows only the start").toBeLessThan(100_000);
  await expect(m.notices).toContainText(/only the first [\d,]+ and the last [\d,]+ were read/);
  const first = m.cards.first();
  await expect(first.getByRole("heading", { level: 3 })).toHaveText(retina.title, { timeout: 15_000 });
  await expect(first.getByRole("list", { name: "Evidence" })).toContainText(`(line ${lines.length})`);

  // Clear brings back an empty, editable box.
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(m.pasteBox).toHaveValue("");
  await expect(m.pasteBox).toHaveJSProperty("readOnly", false);
  await expect(m.cards).toHaveCount(0);
});

test.describe("390 px wide viewport", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("results with long evidence lines fit without sideways scrolling", async ({ page }) => {
    const m = matchPage(page);
    await m.open();
    await m.paste(retina.errors.map((e) => e.text).join("\n"));
    await expect(m.cards.first().getByRole("list", { name: "Evidence" })).toBeVisible();
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.viewport).toBe(390);
    expect(widths.scroll, `document is ${widths.scroll} px wide at a 390 px viewport`).toBeLessThanOrEqual(390);
    // The kernel field keeps a usable width; the buttons wrap below it.
    expect((await m.kernelField.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(150);
  });
});
