/**
 * Measures the JavaScript a browser downloads on the first load of a page of the production build,
 * compressed as it travels (Next's server gzips), by recording every script response in Chromium.
 *
 *   npm run build && npm run measure:js [-- /path ...] [-- --verbose]
 *
 * `--verbose` also lists each script with its transferred size, largest first.
 *
 * Prints one line per page and a JSON summary; exits 1 when `/` exceeds the 150 kB budget.
 */
import { withBuildAndBrowser } from "./serve-build";

const BUDGET_BYTES = 150 * 1000;
const PORT = Number(process.env.MEASURE_PORT || 3391);
const paths = process.argv.slice(2).filter((a) => a.startsWith("/"));
const verbose = process.argv.includes("--verbose");
const pages = paths.length ? paths : ["/", "/match", "/kernel", "/verifier", "/issues/retina-podlevel-requires-kernel-5-8"];

async function main() {
  await withBuildAndBrowser(PORT, async (origin, browser) => {
    const results: {
      path: string;
      scripts: number;
      /** Scripts the HTML names: what the page itself needs to run. */
      firstLoadBytes: number;
      /** Every script within 1.5 s of load, prefetched routes' chunks included. */
      transferredBytes: number;
      uncompressedBytes: number;
    }[] = [];
    for (const path of pages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      const scripts = new Map<string, { url: string; encoded: number; decoded: number; fromHtml: boolean }>();
      // A script the HTML names (initiator "parser") is first-load JavaScript; one the runtime asks for
      // later (a prefetched route's chunks, a lazy import) is not, and is counted apart.
      const fromHtml = new Set<string>();
      cdp.on("Network.requestWillBeSent", (e) => {
        if (e.initiator.type === "parser") fromHtml.add(e.requestId);
      });
      cdp.on("Network.responseReceived", (e) => {
        if (e.type === "Script") scripts.set(e.requestId, { url: e.response.url, encoded: 0, decoded: 0, fromHtml: fromHtml.has(e.requestId) });
      });
      cdp.on("Network.dataReceived", (e) => {
        const s = scripts.get(e.requestId);
        if (s) s.decoded += e.dataLength;
      });
      cdp.on("Network.loadingFinished", (e) => {
        const s = scripts.get(e.requestId);
        if (s) s.encoded = e.encodedDataLength;
      });
      await page.goto(`${origin}${path}`, { waitUntil: "load" });
      await page.waitForTimeout(1500);
      const list = [...scripts.values()];
      if (verbose) {
        console.log(path);
        for (const s of [...list].sort((a, b) => b.encoded - a.encoded)) console.log(`  ${(s.encoded / 1000).toFixed(1).padStart(7)} kB  ${new URL(s.url).pathname}${s.fromHtml ? "" : "  (after load: prefetch or lazy)"}`);
      }
      results.push({
        path,
        scripts: list.length,
        firstLoadBytes: list.filter((s) => s.fromHtml).reduce((n, s) => n + s.encoded, 0),
        transferredBytes: list.reduce((n, s) => n + s.encoded, 0),
        uncompressedBytes: list.reduce((n, s) => n + s.decoded, 0),
      });
      await context.close();
    }
    for (const r of results) {
      console.log(`${r.path.padEnd(48)} ${(r.firstLoadBytes / 1000).toFixed(1).padStart(7)} kB first load  ${String(r.scripts).padStart(3)} scripts  ${(r.transferredBytes / 1000).toFixed(1).padStart(7)} kB with prefetch  ${(r.uncompressedBytes / 1000).toFixed(1).padStart(7)} kB uncompressed`);
    }
    const home = results.find((r) => r.path === "/");
    console.log(JSON.stringify({ budgetBytes: BUDGET_BYTES, results }));
    if (home && home.transferredBytes > BUDGET_BYTES) {
      console.error(`/ transfers ${home.transferredBytes} bytes of JavaScript, over the ${BUDGET_BYTES} budget`);
      process.exitCode = 1;
    }
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
