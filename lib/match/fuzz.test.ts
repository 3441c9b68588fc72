/**
 * Random and hostile input: no throw, and a bounded time. The bounds are generous (seconds, where a
 * normal paste takes milliseconds) so the test cannot flake, yet a hang or a quadratic blow-up fails it.
 */
import { describe, expect, it } from "vitest";

import { KernelRange } from "@/lib/kernel/range";
import { buildMatchIndex, matchPaste, MAX_PASTE_CHARS, type MatchSource } from "@/lib/match";

const summary = (slug: string, text: string, template: string): MatchSource => ({
  slug,
  url: `/issues/${slug}`,
  title: slug,
  kind: "incident",
  summary: "s",
  aliases: [],
  tags: [],
  components: [{ id: "cilium", versions: "1.16" }],
  range: KernelRange.parse("<5.8").toData(),
  classes: [],
  subsystems: ["verifier"],
  errors: [{ text, template, where: null }],
  bodyText: "",
  cites: [],
});

const index = buildMatchIndex([
  summary("a", "program x: load program: invalid argument: invalid func unknown#125", "program {prog}: load program: invalid argument: invalid func unknown#{helper}"),
  summary("b", "protocol not supported: unknown", "protocol not supported: unknown"),
  summary("c", "Subprog __send_drop_notify doesn't exist", "Subprog {subprog} doesn't exist"),
]);

function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * CPU time of this process, not wall time: other processes on a shared machine must not make the test
 * fail, while a quadratic path in the matcher still does. Wall time only catches a hang.
 */
const CPU_LIMIT_MS = 5_000;
const WALL_LIMIT_MS = 60_000;

function bounded(paste: string) {
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = matchPaste(index, paste);
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const wallMs = performance.now() - wall0;
  expect(cpuMs, `took ${cpuMs.toFixed(0)} ms of CPU`).toBeLessThan(CPU_LIMIT_MS);
  expect(wallMs, `took ${wallMs.toFixed(0)} ms`).toBeLessThan(WALL_LIMIT_MS);
  expect(Array.isArray(r.matches)).toBe(true);
  expect(r.notices.some((n) => n.kind === "internal"), JSON.stringify(r.notices)).toBe(false);
  return r;
}

describe("fuzz", () => {
  it("5 MB of random text is cut at the cap with a notice", () => {
    const rnd = seeded(1);
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 :=#()[]{}\"'\\-_./\n";
    const chars: string[] = [];
    for (let i = 0; i < 5 * 1024 * 1024; i++) chars.push(alphabet[Math.floor(rnd() * alphabet.length)] ?? " ");
    const r = bounded(chars.join(""));
    expect(r.truncated).toBe(true);
    expect(r.stats.inputChars).toBeLessThanOrEqual(MAX_PASTE_CHARS);
    expect(r.notices.some((n) => n.kind === "truncated")).toBe(true);
  });

  it("binary bytes", () => {
    const rnd = seeded(2);
    const bytes = Array.from({ length: 512 * 1024 }, () => String.fromCharCode(Math.floor(rnd() * 256)));
    bounded(bytes.join(""));
    bounded("\u0000\uffff\ud800\udfff".repeat(10_000));
  });

  it("one line repeated 100k times folds into one", () => {
    const r = bounded("program x: load program: invalid argument: invalid func unknown#125\n".repeat(100_000));
    expect(r.stats.distinctLines).toBeLessThanOrEqual(3);
    expect(r.matches[0]?.slug).toBe("a");
  });

  it("HTML and script are text, never markup", () => {
    const r = bounded('<script>alert("x")</script><img src=x onerror=alert(1)>\n<div>invalid func unknown#125</div>'.repeat(1000));
    expect(r.decoded.some((d) => d.kind === "helper" && d.id === 125)).toBe(true);
  });

  it("regex-hostile strings", () => {
    bounded("(a+)+$".repeat(50_000));
    bounded("{".repeat(50_000));
    bounded("a".repeat(200_000) + "!");
    bounded(`${"\\".repeat(100_000)}n`);
    bounded(`${"R1_w=ctx(".repeat(20_000)}`);
    bounded(`${"a=".repeat(100_000)}`);
    bounded(`${'msg="'.repeat(50_000)}`);
    bounded(`{"msg":"${"\\n".repeat(30_000)}"}`);
    bounded(`${"1.2.3-".repeat(50_000)}generic`);
    bounded(`${":".repeat(100_000)}`);
    bounded(`${"0a:".repeat(60_000)}`);
    bounded(`-- BEGIN PROG LOAD LOG --\n${"invalid func unknown#1\n".repeat(50_000)}`);
    bounded(`Type Reason Age From Message\n${"  Warning  x  1m  y  z\n".repeat(40_000)}`);
  });

  it("many distinct lines are capped with a notice", () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `line ${i} word${i} other${i * 7}`);
    const r = bounded(lines.join("\n"));
    expect(r.notices.some((n) => n.kind === "too-many-lines")).toBe(true);
  });

  it("random mixtures of log fragments", () => {
    const rnd = seeded(3);
    const parts = [
      "level=error msg=\"",
      "\"",
      "invalid func unknown#",
      "125",
      "program ",
      ": load program: ",
      "(3 line(s) omitted)",
      "\\n",
      "\u001b[31m",
      "{\"msg\":",
      "}",
      "-- END PROG LOAD LOG --",
      "Linux h 5.4.0-1-generic #1",
      "\n",
      "R1_w=ctx(id=0,",
      "0xbad2310",
      "内核 ",
    ];
    for (let round = 0; round < 200; round++) {
      let s = "";
      const n = Math.floor(rnd() * 200);
      for (let i = 0; i < n; i++) s += parts[Math.floor(rnd() * parts.length)];
      bounded(s);
    }
  });
});
