/**
 * Measures a 5 MB paste on /match in Chromium against the production build (`npm run build` first):
 * the time from the paste event to the first result card, and how long the main thread was blocked
 * meanwhile (the longest gap between animation frames, and the summed long tasks).
 *
 *   npm run build && npm run measure:paste [-- --runs 5]
 *
 * Two pastes: a pod log whose error is on its last lines, and a verifier log. The paste goes through
 * the real clipboard and Ctrl+V, as a reader's would. Prints medians and a JSON summary.
 */
import type { Page } from "@playwright/test";

import { withBuildAndBrowser } from "./serve-build";

const PORT = Number(process.env.MEASURE_PORT || 3392);
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const SIZE = 5_000_000;

/** A Retina pod's log: info lines with their own timestamps and ids, then the failure at the end. */
function podLog(): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < SIZE - 2000; i++) {
    const ts = new Date(Date.UTC(2025, 2, 2, 10, 0, 0) + i * 37).toISOString();
    const line = `ts=${ts} level=info caller=metrics/forward.go:${100 + (i % 90)} msg="flow exported" pod=app-${i % 977} namespace=ns-${i % 31} bytes=${(i * 7919) % 65536} id=${(i * 2654435761) % 4294967296}`;
    out.push(line);
    size += line.length + 1;
  }
  out.push(
    'ts=2025-03-02T11:59:59.001Z level=error caller=dropreason/dropreason_linux.go:220 msg="Error loading objects" error="field InetCskAcceptRet: program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125 (131 line(s) omitted)"',
  );
  return out.join("\n") + "\n";
}

/** A verifier log of a program that is too large, as bpftool prints it. */
function verifierLog(): string {
  const out: string[] = ["libbpf: prog 'handle_packet': BPF program load failed: Argument list too long", "libbpf: prog 'handle_packet': -- BEGIN PROG LOAD LOG --"];
  let size = 0;
  for (let i = 0; size < SIZE - 2000; i++) {
    const line = `${i % 4096}: (bf) r${i % 10} = r${(i + 3) % 10}            ; R${i % 10}_w=scalar(id=${i},smin=0,smax=${i % 255},umax=${i % 255},var_off=(0x0; 0xff))`;
    out.push(line);
    size += line.length + 1;
  }
  out.push("BPF program is too large. Processed 1000001 insn", "processed 1000001 insns (limit 1000000) max_states_per_insn 4 total_states 10000 peak_states 9000 mark_read 100");
  out.push("libbpf: prog 'handle_packet': -- END PROG LOAD LOG --");
  return out.join("\n") + "\n";
}

interface Run {
  answerMs: number;
  longestFrameGapMs: number;
  longTasksMs: number;
  firstTitle: string;
}

/**
 * Runs in the page before the paste (as source text: the script runner's helpers do not exist there).
 * Records frame gaps and long tasks from the paste event on, and when the first result card appears.
 */
const PAGE_PROBE = `(() => {
  const w = window;
  const gaps = [];
  let last = performance.now();
  const frame = () => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
    if (!w.__stop) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  w.__gaps = gaps;
  w.__long = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__long += e.duration;
  }).observe({ type: "longtask" });
  document.addEventListener("paste", () => { w.__t0 = performance.now(); w.__long = 0; gaps.splice(0); }, { capture: true, once: true });
  new MutationObserver((_, obs) => {
    if (document.querySelector("[data-testid=match-card]")) {
      w.__t1 = performance.now();
      obs.disconnect();
    }
  }).observe(document.body, { childList: true, subtree: true });
})()`;

const PAGE_READOUT = `(() => {
  const w = window;
  w.__stop = true;
  return {
    answerMs: w.__t1 - w.__t0,
    longestFrameGapMs: Math.max(0, ...w.__gaps),
    longTasksMs: w.__long,
    firstTitle: document.querySelector("[data-testid=match-card] h3")?.textContent ?? "",
  };
})()`;

async function measureOnce(page: Page, origin: string, text: string): Promise<Run> {
  await page.goto(`${origin}/match`);
  await page.getByRole("status").filter({ hasText: /^Matching against \d+ records( and [\d,]+ verifier messages)?\.$/ }).waitFor();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.evaluate(PAGE_PROBE);
  await page.locator("#paste").focus();
  await page.keyboard.press("ControlOrMeta+V");
  const card = page.getByTestId("match-card").first();
  await card.waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  return page.evaluate(PAGE_READOUT) as Promise<Run>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main() {
  const pastes = [
    { name: "pod log, error on the last line", text: podLog() },
    { name: "verifier log", text: verifierLog() },
  ];
  const summary: Record<string, unknown>[] = [];
  await withBuildAndBrowser(PORT, async (origin, browser) => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    for (const p of pastes) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(page, origin, p.text));
      const row = {
        paste: p.name,
        chars: p.text.length,
        runs: RUNS,
        answerMsMedian: Math.round(median(runs.map((r) => r.answerMs))),
        answerMsMax: Math.round(Math.max(...runs.map((r) => r.answerMs))),
        longestFrameGapMsMedian: Math.round(median(runs.map((r) => r.longestFrameGapMs))),
        longTasksMsMedian: Math.round(median(runs.map((r) => r.longTasksMs))),
        firstResult: runs[0]?.firstTitle ?? "",
      };
      summary.push(row);
      console.log(
        `${p.name.padEnd(34)} ${(p.text.length / 1e6).toFixed(1)} MB  answer median ${row.answerMsMedian} ms (max ${row.answerMsMax})  longest frame gap median ${row.longestFrameGapMsMedian} ms  long tasks median ${row.longTasksMsMedian} ms`,
      );
      console.log(`${"".padEnd(34)} first result: ${row.firstResult}`);
    }
    await context.close();
  });
  console.log(JSON.stringify({ runs: RUNS, results: summary }));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
