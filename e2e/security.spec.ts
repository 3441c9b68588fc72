/**
 * Security headers under `next start`, and the privacy promise of /match: once its index is in, a paste
 * makes no request at all (no prefetch of the result links either).
 */
import crypto from "node:crypto";

import type { Request } from "@playwright/test";

import { expect, readRecord, SEEDS, test, waitForHydration } from "./fixtures";

const retina = readRecord(SEEDS.retina);
const calico = readRecord(SEEDS.calico);

/** The inline scripts of a page's HTML, hashed as a CSP source ("sha256-…"). */
function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(`sha256-${crypto.createHash("sha256").update(m[1] ?? "").digest("base64")}`);
  }
  return hashes;
}

for (const path of ["/", "/match", "/kernel", "/verifier", `/issues/${retina.slug}`, "/no-such-page"]) {
  test(`${path} is served with a strict policy and the fixed security headers`, async ({ request }) => {
    const res = await request.get(path);
    expect(res.status()).toBe(path === "/no-such-page" ? 404 : 200);
    const h = res.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("no-referrer");
    expect(h["x-frame-options"]).toBe("DENY");

    const csp = h["content-security-policy"] ?? "";
    const directives = new Map(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map((d) => [d[0]!, d.slice(1)]),
    );
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    const scriptSrc = directives.get("script-src") ?? [];
    expect(scriptSrc).toContain("'self'");
    for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"]) expect(scriptSrc).not.toContain(forbidden);

    // Every inline script the page carries is allowed by its own hash, and nothing else is.
    const html = await res.text();
    const hashes = inlineScriptHashes(html);
    expect(hashes.length, "the page has inline scripts to check").toBeGreaterThan(0);
    for (const hash of hashes) expect(scriptSrc, `inline script ${hash}`).toContain(`'${hash}'`);
  });
}

test.describe("/match", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("after the index loads, a paste and its results make no request at all, prefetch included", async ({ page }) => {
    const pasteBox = page.getByRole("textbox", { name: "Paste an error or log" });
    const loaded: Request[] = [];
    page.on("request", (r) => loaded.push(r));
    await page.goto("/match");
    await waitForHydration(pasteBox);
    // The status names the verifier messages once the last part of the index (the catalog) is in.
    await expect(page.getByRole("status").filter({ hasText: /^Matching against \d+ records and [\d,]+ verifier messages\.$/ })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(loaded.some((r) => r.url().endsWith("/match-index.json")), "the index came over the network (Playwright sees the worker's requests)").toBe(true);

    const after: string[] = [];
    page.on("request", (r) => after.push(r.url()));
    await page.evaluate((t) => navigator.clipboard.writeText(t), `${calico.errors[0]!.text}\n${retina.errors[0]!.text}\n$ uname -r\n5.4.0-189-generic`);
    await pasteBox.focus();
    await page.keyboard.press("ControlOrMeta+V");
    const cards = page.getByTestId("match-card");
    await expect(cards.first()).toBeVisible();
    // Point at every link of the first result, as a reader about to click does: Next prefetches on hover.
    for (const link of await cards.first().getByRole("link").all()) await link.hover();
    await page.waitForTimeout(1500);
    expect(after, "requests after the paste").toEqual([]);
  });
});
