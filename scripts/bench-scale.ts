/**
 * Scale benchmark (issue 12): prints one table, asserts nothing. For each size (1k and 10k synthetic
 * write-ups from scripts/gen-synthetic.ts, written to a temporary KB_CONTENT_DIR):
 *
 * - load: lib/content reading every write-up (outline and check modes), ms per record, median of runs;
 * - `kb match --json` (50-line log), `kb list --json` and `kb kernel 5.4.0` end to end, as a user runs
 *   them (child processes of `node scripts/kb.mjs`), median of runs after a first warm-up run (also
 *   reported: the first `kb match`, which builds the cached index); these also on the real content/
 *   (the first column), where the CLI's targets are set;
 * - the match index: raw and gzip bytes of the core and the full-text part;
 * - `npm run build`: wall time and peak memory (GNU time), then under `next start` in Chromium: what
 *   /match downloads before its first answer and how long after load that answer comes, the HTML of /
 *   (raw and gzip) and keystroke-to-results on the browse page.
 *
 *   npm run bench:scale [-- --sizes 1000,10000 --runs 5 --no-build]
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

import { chromium } from "playwright-core";

import { loadIssuesFromDir } from "@/lib/content/load";
import { buildMatchIndex, serializeMatchIndexParts } from "@/lib/match";
import { toMatchSource } from "@/lib/records/projections";

const args = process.argv.slice(2);
const flag = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
};
const SIZES = flag("--sizes", "1000,10000").split(",").map(Number);
const RUNS = Number(flag("--runs", "5"));
const BUILD = !args.includes("--no-build");
const ROOT = process.cwd();
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const PORT = Number(process.env.BENCH_PORT || 3431);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? NaN;
};
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const gz = (s: string | Buffer) => zlib.gzipSync(s, { level: 6 }).length;

/** A 50-line pod log around a real-looking loader failure (the synthetic records' shapes). */
function fiftyLineLog(): string {
  const lines: string[] = [];
  for (let i = 0; i < 47; i++) lines.push(`level=info ts=2025-03-02T10:11:${String(i).padStart(2, "0")}Z caller=agent.go:${100 + i} msg="reconciling endpoint ${i}"`);
  lines.push('level=error ts=2025-03-02T10:12:00Z caller=loader.go:220 msg="Error loading objects" error="program sched_tracer: load program: invalid argument: invalid func unknown#125 (131 line(s) omitted)"');
  lines.push("$ uname -r");
  lines.push("5.4.0-189-generic");
  return lines.join("\n");
}

function timeCli(argv: string[], env: NodeJS.ProcessEnv, stdin?: string, cwd = ROOT): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "kb.mjs"), ...argv], { env, input: stdin, cwd, maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`kb ${argv.join(" ")} exited ${r.status}: ${String(r.stderr).slice(0, 400)}`);
  return ms;
}

async function waitForServer(url: string, ms = 120_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

async function browserFigures(origin: string): Promise<Record<string, string>> {
  const browser = await chromium.launch({
    executablePath: fs.existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    // /match: bytes transferred until the first answer, and the time from load to that answer.
    const firstAnswers: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      // Counted through Playwright, which also reports the match worker's requests (the index is
      // fetched there; the page's own CDP session never sees them). Bodies as sent (gzip) plus headers.
      const sizes: Promise<number>[] = [];
      page.on("requestfinished", (req) => {
        sizes.push(req.sizes().then((z) => z.responseBodySize + z.responseHeadersSize, () => 0));
      });
      await page.goto(`${origin}/match`, { waitUntil: "load" });
      const loadedAt = Date.now();
      await page.getByLabel("Paste an error or log").fill(fiftyLineLog());
      await page.getByTestId("match-card").first().waitFor({ timeout: 60_000 });
      firstAnswers.push(Date.now() - loadedAt);
      if (run === 0) bytes = (await Promise.all(sizes.slice())).reduce((a, b) => a + b, 0);
      await context.close();
    }
    // Browse: the HTML of / and keystroke-to-results.
    const html = Buffer.from(await (await fetch(`${origin}/`)).arrayBuffer());
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`, { waitUntil: "networkidle" });
    const search = page.getByRole("searchbox", { name: "Search incidents and error classes" });
    await search.click();
    const keystrokes: number[] = [];
    let unchanged = 0;
    for (const word of ["invalid", "kernel", "verifier", "helper", "ringbuf"]) {
      await search.fill("");
      await page.waitForTimeout(300);
      for (const ch of word) {
        // In the page (a string, not a function: tsx would wrap inner names in a helper the page lacks):
        // arm an observer on the results column, outside the search form, then type, then read the time
        // of the first change there. A keystroke that changes nothing within 3 s is counted apart.
        await page.evaluate(`(() => {
          const status = document.querySelector('[role="status"]');
          const column = status && status.parentElement && status.parentElement.parentElement;
          const form = document.activeElement && document.activeElement.closest('form');
          window.__kbT0 = performance.now();
          window.__kbWait = new Promise((resolve) => {
            if (!column) return resolve(null);
            const mo = new MutationObserver((records) => {
              if (records.some((r) => !(form && form.contains(r.target)))) { mo.disconnect(); resolve(performance.now()); }
            });
            mo.observe(column, { subtree: true, childList: true, characterData: true });
            setTimeout(() => { mo.disconnect(); resolve(null); }, 3000);
          });
        })()`);
        await page.keyboard.type(ch);
        const ms = await page.evaluate<number | null>(`window.__kbWait.then((t) => (t === null ? null : t - window.__kbT0))`);
        if (ms === null) unchanged++;
        else keystrokes.push(ms);
      }
    }
    await context.close();
    return {
      "/match: downloaded before the first answer (gzip)": kb(bytes),
      "/match: first answer after load (median)": `${median(firstAnswers).toFixed(0)} ms`,
      "/: HTML raw / gzip": `${kb(html.length)} / ${kb(gz(html))}`,
      "/: keystroke to results (median, p90)": `${median(keystrokes).toFixed(0)} ms, ${[...keystrokes].sort((a, b) => a - b)[Math.floor(keystrokes.length * 0.9)]?.toFixed(0)} ms`,
      "/: keystrokes timed / that changed nothing in 3 s": `${keystrokes.length} / ${unchanged}`,
    };
  } finally {
    await browser.close();
  }
}

async function main() {
  const rows = new Map<string, Record<number, string>>();
  const put = (label: string, size: number, value: string) => {
    if (!rows.has(label)) rows.set(label, {});
    rows.get(label)![size] = value;
  };
  const printTable = () => {
    const width = Math.max(...[...rows.keys()].map((k) => k.length));
    const columns = [REAL, ...SIZES];
    const head = (s: number) => (s === REAL ? `content/ (${realCount})` : `${s.toLocaleString("en-US")} records`);
    console.log(`${"".padEnd(width)}  ${columns.map((s) => head(s).padStart(22)).join("")}`);
    for (const [label, values] of rows) console.log(`${label.padEnd(width)}  ${columns.map((s) => (values[s] ?? "-").padStart(22)).join("")}`);
    console.log(`\n(${os.cpus().length} cores, Node ${process.version}, runs=${RUNS})`);
  };
  // A failure late in a long run still prints what was measured before it.
  try {
    realCount = measureCli(put, REAL, { ...process.env, KB_CONTENT_DIR: path.join(ROOT, "content") });
    await measureSizes(put);
  } finally {
    printTable();
  }
}

/** The column of the real content/ folder. */
const REAL = -1;
let realCount = 0;

/**
 * The CLI end to end on the content folder of `env`. The runs start in an empty folder, so that the
 * index cache (kept under the working folder's node_modules/.cache) starts empty and the first run
 * builds it. Returns how many write-ups the folder holds.
 */
function measureCli(put: (label: string, size: number, value: string) => void, size: number, env: NodeJS.ProcessEnv): number {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "kb-scale-cwd-"));
  try {
    timeCli(["--help"], env); // the bundle is built before anything is timed
    const log = fiftyLineLog();
    const time = (argv: string[], stdin?: string) => timeCli(argv, env, stdin, cwd);
    put("kb match --json, first run (builds the cached index)", size, `${time(["match", "--json"], log).toFixed(0)} ms`);
    put("kb match --json, 50-line log (median)", size, `${median(Array.from({ length: RUNS }, () => time(["match", "--json"], log))).toFixed(0)} ms`);
    put("kb list --json (median)", size, `${median(Array.from({ length: RUNS }, () => time(["list", "--json"]))).toFixed(0)} ms`);
    put("kb kernel 5.4.0 (median)", size, `${median(Array.from({ length: RUNS }, () => time(["kernel", "5.4.0"]))).toFixed(0)} ms`);
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
  return fs.readdirSync(path.join(env.KB_CONTENT_DIR!, "issues")).filter((n) => n.endsWith(".md")).length;
}

async function measureSizes(put: (label: string, size: number, value: string) => void) {
  for (const size of SIZES) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kb-scale-${size}-`));
    execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "gen-synthetic.ts"), "--out", dir, "--count", String(size)], { stdio: "ignore" });
    const env = { ...process.env, KB_CONTENT_DIR: dir };

    for (const mode of ["outline", "check"] as const) {
      const ms: number[] = [];
      for (let i = 0; i < Math.max(3, Math.min(RUNS, 5)); i++) {
        const t0 = performance.now();
        loadIssuesFromDir(dir, mode);
        ms.push((performance.now() - t0) / size);
      }
      put(`load write-ups, ${mode} (ms per record, median)`, size, median(ms).toFixed(2));
    }
    const { records } = loadIssuesFromDir(dir, "check");
    const parts = serializeMatchIndexParts(buildMatchIndex(records.map(toMatchSource)));
    put("match index core: raw / gzip", size, `${kb(parts.core.length)} / ${kb(gz(parts.core))}`);
    put("match index full text: raw / gzip", size, `${kb(parts.text.length)} / ${kb(gz(parts.text))}`);

    measureCli(put, size, env);

    if (BUILD) {
      const t0 = performance.now();
      const b = spawnSync("/usr/bin/time", ["-f", "%M", "npm", "run", "-s", "build"], { env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
      const buildMs = performance.now() - t0;
      if (b.status !== 0) throw new Error(`build of ${size} failed:\n${(b.stdout + b.stderr).slice(-2000)}`);
      const peakKb = Number(/(\d+)\s*$/.exec(b.stderr.trim())?.[1] ?? NaN);
      put("npm run build: wall time", size, `${(buildMs / 1000).toFixed(0)} s`);
      put("npm run build: peak memory (largest process)", size, `${(peakKb / 1024).toFixed(0)} MB`);
      const server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: "ignore", detached: true });
      try {
        await waitForServer(`http://127.0.0.1:${PORT}/`);
        for (const [label, value] of Object.entries(await browserFigures(`http://127.0.0.1:${PORT}`))) put(label, size, value);
      } finally {
        if (server.pid) process.kill(-server.pid, "SIGTERM");
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
