/**
 * Hostile-input benchmark (issue 10): the CLI on inputs built to make it slow or make it crash, run as a
 * user runs it: `node scripts/kb.mjs match --json < file`, `node scripts/kb.mjs kernel …`,
 * `KB_CONTENT_DIR=<folder> node scripts/kb.mjs lint`, each a child process with standard input from a
 * file. Inputs are generated into a temporary folder.
 *
 * Prints one row per case: the command, its wall time (median of --runs runs) and CPU time (user + system
 * of the child, median), its exit code and the first line of its result (for JSON, a one-line summary of
 * it) or of its error. The goal: every case within 1 s, exit code 0, 1 or 2, never a stack trace, and
 * every lint problem naming a file and a line. Exits 1 when a case misses it.
 *
 * The bundle is built first (`kb --help`), so no run pays for esbuild. match and kernel read the content
 * folder in KB_CONTENT_DIR, or ./content. The CLI runs in the temporary folder, so the match index it
 * caches under ./node_modules/.cache is the benchmark's own (checkouts that share node_modules evict
 * each other's), and one match before the cases builds it.
 *
 *   npm run bench:hostile [-- --runs 3 --only lint --keep]
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const KB = path.join(ROOT, "scripts", "kb.mjs");
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Number(flag("--runs") ?? "3");
const ONLY = flag("--only");
const KEEP = args.includes("--keep");
const BUDGET_S = 1;
const CONTENT = path.resolve(process.env.KB_CONTENT_DIR || path.join(ROOT, "content"));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kb-hostile-"));
const file = (name: string, data: string | Buffer) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, data);
  return p;
};

/** A deterministic generator, so that every run of the benchmark reads the same bytes. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const randomBytes = (n: number, seed: number) => {
  const r = rng(seed);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
};
const times = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join("");

// ---------------------------------------------------------------- write-ups

/** A valid write-up that stands alone (no link to an error class in another file). */
const GOOD = fs.readFileSync(path.join(ROOT, "lib/content/fixtures/good/issues/demo-retina-podlevel.md"), "utf8").replace(/^classes: .*$/m, "classes: []");
const withYaml = (yaml: string) => `---\n${yaml}\n---\n${GOOD.split("\n---\n")[1]}`;
const withBody = (extra: string) => GOOD.replace("## Root cause", `${extra}\n\n## Root cause`);
const SLUG = "demo-retina-podlevel";

let folders = 0;
/** A content folder whose issues/ holds `files` (name → text or bytes); `setup` adds links and the like. */
function content(files: Record<string, string | Buffer>, setup?: (issues: string) => void): string {
  const dir = path.join(tmp, `content-${folders++}`);
  const issues = path.join(dir, "issues");
  fs.mkdirSync(issues, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(issues, name), text);
  setup?.(issues);
  return dir;
}
/** The hostile write-up alone, under the slug's name. */
const hostile = (text: string | Buffer) => content({ [`${SLUG}.md`]: text });

// ---------------------------------------------------------------- cases

interface Case {
  name: string;
  /** Arguments after `node scripts/kb.mjs`. */
  argv: string[];
  stdin?: string;
  /** KB_CONTENT_DIR for the run. */
  contentDir?: string;
  /** Extra check after the runs: a failure to report, or null. */
  check?: () => string | null;
}

const cases: Case[] = [];
const match = (name: string, data: string | Buffer, extra: string[] = []) => cases.push({ name, argv: ["match", "--json", ...extra], stdin: file(`paste-${cases.length}.txt`, data) });
const kernel = (name: string, argv: string[], stdin?: string | Buffer) =>
  cases.push({ name, argv: ["kernel", ...argv], stdin: stdin === undefined ? undefined : file(`kernel-${cases.length}.txt`, stdin) });
const lint = (name: string, dir: string, check?: Case["check"], command = "lint") => cases.push({ name, argv: [command], contentDir: dir, check });

function buildCases() {
  // Pastes: kb match --json < file.
  match("1 MB of spaces after a loader prefix", `a b: load program: ${" ".repeat(1_000_000)}x\n`);
  match("520 lines of 'a b: load program: ' + 1,960 spaces + x", times(520, () => `a b: load program: ${" ".repeat(1960)}x\n`));
  match("100 JSON log lines nested 5,000 deep", times(100, (i) => `{"level":"error","msg":"invalid func unknown#125","x${i}":${"[".repeat(5000)}${"]".repeat(5000)}}\n`));
  match("JSON log line nested 500,000 deep", `{"msg":"x","a":${'{"a":'.repeat(500_000)}1${"}".repeat(500_000)}}\n`);
  const r = rng(1);
  const words = "load program invalid argument func unknown helper map create failed verifier btf kernel".split(" ");
  match("5 MB single line", times(850_000, () => `${words[Math.floor(r() * words.length)]} `).slice(0, 5_000_000));
  match("200k distinct short lines", times(200_000, (i) => `line ${i} w${i}\n`));
  match("2 MB of binary bytes (NUL, controls, invalid UTF-8)", randomBytes(2_000_000, 2));
  match("1 MB of ANSI and OSC escapes", times(110_000, (i) => (i % 3 ? "\u001b[1;31m" : "\u001b]0;t")));
  match("megabyte of base64 on one line", randomBytes(768_000, 3).toString("base64"));
  match("megabyte of base64 wrapped at 76", (randomBytes(768_000, 4).toString("base64").match(/.{1,76}/g) ?? []).join("\n"));
  match("100k unknown# tokens on one line", times(100_000, (i) => `unknown#${i % 250} `));
  match("100k lines of invalid func unknown#N", times(100_000, (i) => `invalid func unknown#${i % 250}\n`));
  match("logfmt line with 50k keys", `level=error msg="load failed" ${times(50_000, (i) => `k${i}=v${i} `)}\n`);
  match("kubectl describe Events table, 10k rows", `Events:\n  Type     Reason  Age  From     Message\n  ----     ------  ---  ----     -------\n${times(10_000, (i) => `  Warning  Failed  ${i}m   kubelet  Error: failed to load program: invalid argument: invalid func unknown#125 (${i})\n`)}`);
  match("5 MB of one error line repeated", "program x: load program: invalid argument: invalid func unknown#125\n".repeat(75_000));
  match("verifier log of 100k distinct instructions", times(100_000, (i) => `${i}: (bf) r1 = r2 ; R1_w=ctx(id=0,off=${i},imm=0) R10=fp0\n`));
  match("1 MB of ( [ { with no close", times(350_000, () => "([{"));
  match("100k register states without a close", "R1_w=ctx(".repeat(100_000));
  match("1 MB of \\n escapes in a JSON line", `{"msg":"${"\\n".repeat(500_000)}"}\n`);
  match("1 MB of lone CR line ends", "invalid func unknown#125\r".repeat(40_000));
  match("1 MB of [pod/ prefixes without a close", `[pod/${"a".repeat(1_000_000)}`);
  match("100k Linux kernel phrases", times(100_000, (i) => `Linux node-${i} 5.4.${i % 300} kernel `));
  match("65 MB of standard input (over the 64 MB limit)", Buffer.alloc(65 * 1024 * 1024, 0x61));
  match("empty standard input", "");
  match("--kernel of 100 KB", "invalid func unknown#125\n", [`--kernel=${"5.".repeat(50_000)}`]);

  // Kernel input: kb kernel.
  const probeText = fs.readFileSync(path.join(ROOT, "lib/kernel/probe.test.ts"), "utf8").match(/const TEXT_PROBE = `([^`]*)`/)?.[1] ?? "eBPF program_type kprobe is available\n";
  kernel("1 MB probe text on stdin", [], probeText.repeat(Math.ceil(1_000_000 / probeText.length)));
  kernel("3 MB probe text (over the 2 MB probe cap)", [], probeText.repeat(Math.ceil(3_000_000 / probeText.length)));
  kernel("100k version-like tokens on stdin", [], times(100_000, (i) => `5.${i % 20}.${i % 300}-1-generic `));
  kernel("JSON probe nested 10k deep", ["--json"], `{"program_types":{"have_kprobe_prog_type":true},"x":${"[".repeat(10_000)}${"]".repeat(10_000)}}`);
  kernel("JSON probe nested 1M deep (JSON.parse overflows)", ["--json"], `{"program_types":{},"x":${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}}`);
  kernel("JSON probe with a 1 MB kernel_release", [], JSON.stringify({ program_types: { have_kprobe_prog_type: true }, system_config: { kernel_release: `5.4.0-${"a".repeat(1_000_000)}` } }));
  kernel("probe text with a 1 MB kernel release line", [], `${probeText}kernel_release: 5.10.0-${"b".repeat(1_000_000)}\n`);
  kernel("VERSION argument of 100 KB", [`5.4.0-${"x".repeat(100_000)}`]);
  kernel("uname -a with 100k spaces", [`Linux${" ".repeat(100_000)}node 5.4.0-189-generic #1`]);
  kernel("2 MB of binary bytes on stdin", [], randomBytes(2_000_000, 5));

  // Write-ups: KB_CONTENT_DIR=<folder> kb lint.
  const marker = path.join(tmp, "pwned");
  lint("---js front matter that would write a file", hostile(`---js\n({ p: require("fs").writeFileSync(${JSON.stringify(marker)}, "x") })\n---\n`), () => (fs.existsSync(marker) ? `${marker} was written` : null));
  lint("---json and --- coffee openers", content({ "demo-a.md": "---json\n{}\n---\n", "demo-b.md": "--- coffee\nx\n---\n" }));
  lint("YAML tag !!js/function", hostile(withYaml('title: !!js/function "function () { return 1 }"')));
  const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n");
  lint("alias bomb (9 levels of 9)", hostile(withYaml(bomb)));
  const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n");
  lint("3,000 nested block maps (4.5 MB)", hostile(withYaml(nested(3000))));
  lint("100 nested block maps", hostile(withYaml(nested(100))));
  lint("2 KB of nested [ in YAML", hostile(withYaml(`title: ${"[".repeat(2048)}`)));
  lint("60 KB YAML flow sequence", hostile(withYaml(`tags: [${Array.from({ length: 10_000 }, (_, i) => `t${i}`).join(", ")}]`)));
  lint("10k unknown YAML keys", hostile(withYaml(`${GOOD.split("\n---\n")[0]?.replace(/^---\n/, "")}\n${times(10_000, (i) => `k${i}: v\n`)}`)));
  lint("100k > in a body", hostile(withBody(`${">".repeat(100_000)} x`)));
  lint("80 KB of [a](", hostile(withBody("[a](".repeat(20_000))));
  lint("500-level nested list", hostile(withBody(Array.from({ length: 500 }, (_, i) => `${"  ".repeat(i)}- item`).join("\n"))));
  lint("16k *a (emphasis pairs)", hostile(withBody("*a".repeat(16_000))));
  lint("heading with 30k spaces (lint)", hostile(withBody(`## Extra${" ".repeat(30_000)}y`)));
  lint("heading with 30k spaces (kb list)", hostile(withBody(`## Extra${" ".repeat(30_000)}y`)), undefined, "list");
  lint("120 KB body of backslashes", hostile(withBody("\\".repeat(120_000))));
  lint("30 KB body of backslashes (over the 1,000-escape bound)", hostile(withBody("\\".repeat(30_000))));
  lint("950 backslashes (inside the bounds)", hostile(withBody("\\".repeat(950))));
  lint("GFM table of 10k rows", hostile(withBody(`| a | b |\n| - | - |\n${"| x | y |\n".repeat(10_000)}`)));
  lint("GFM table of 300 rows (inside the bounds)", hostile(withBody(`| a | b |\n| - | - |\n${"| x | y |\n".repeat(300)}`)));
  lint("list of 30k items", hostile(withBody("- a\n".repeat(30_000))));
  lint("list of 900 items (inside the bounds)", hostile(withBody("- a\n".repeat(900))));
  lint("2,900 links", hostile(withBody("[a](b) ".repeat(2_900))));
  lint("950 links (inside the bounds)", hostile(withBody("[a](b) ".repeat(950))));
  lint("120 KB of <a autolinks", hostile(withBody("<a".repeat(60_000))));
  lint("30 KB of `a code spans", hostile(withBody("`a".repeat(15_000))));
  lint("1,900 `a code spans (inside the bounds)", hostile(withBody("`a".repeat(1_900))));
  lint("file over 256 KB", hostile(GOOD + "x".repeat(300 * 1024)));
  lint("NUL bytes", hostile(GOOD.replace("## Fix", "## Fix\u0000\u0000")));
  lint("CRLF line ends (valid)", hostile(GOOD.replace(/\n/g, "\r\n")));
  lint("UTF-8 byte-order mark (valid)", hostile(`\ufeff${GOOD}`));
  lint("binary file named .md", hostile(randomBytes(200_000, 6)));
  lint(
    "symlinks: out of the folder, dangling, to a folder",
    content({ [`${SLUG}.md`]: GOOD }, (issues) => {
      const outside = path.join(tmp, "outside.md");
      fs.writeFileSync(outside, GOOD.replace(/demo-retina-podlevel/g, "demo-outside"));
      fs.symlinkSync(outside, path.join(issues, "demo-outside.md"));
      fs.symlinkSync(path.join(tmp, "nowhere.md"), path.join(issues, "demo-dangling.md"));
      fs.symlinkSync(tmp, path.join(issues, "sub"));
    }),
  );
  lint(
    "issues/ is a symlink to another folder",
    (() => {
      const dir = path.join(tmp, `content-${folders++}`);
      fs.mkdirSync(dir);
      fs.symlinkSync(path.join(content({ [`${SLUG}.md`]: GOOD }), "issues"), path.join(dir, "issues"));
      return dir;
    })(),
  );
  lint(
    "a FIFO and a folder named .md",
    content({ [`${SLUG}.md`]: GOOD }, (issues) => {
      spawnSync("mkfifo", [path.join(issues, "demo-fifo.md")]);
      fs.mkdirSync(path.join(issues, "demo-dir.md"));
    }),
  );
  lint("1,000 files of ---js", content(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`demo-${i}.md`, "---js\nprocess.exit(3)\n---\n"]))));
}

// ---------------------------------------------------------------- running

interface Run {
  wall: number;
  cpu: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One run through bash's `time`, which gives the child's CPU time as well as its wall time. */
function runOnce(c: Case): Run {
  const out = path.join(tmp, "out.txt");
  const err = path.join(tmp, "err.txt");
  const t = path.join(tmp, "time.txt");
  const env = { ...process.env, ...(c.contentDir ? { KB_CONTENT_DIR: c.contentDir } : { KB_CONTENT_DIR: CONTENT }) };
  const script = `TIMEFORMAT='%3U %3S'; { time node "$0" "$@" <"${c.stdin ?? "/dev/null"}" >"${out}" 2>"${err}"; } 2>"${t}"`;
  const t0 = performance.now();
  const res = spawnSync("bash", ["-c", script, KB, ...c.argv], { env, cwd: tmp, stdio: "ignore", timeout: 120_000 });
  const wall = (performance.now() - t0) / 1000;
  const [user = 0, sys = 0] = fs.readFileSync(t, "utf8").trim().split(/\s+/).map(Number);
  return { wall, cpu: user + sys, code: res.status, stdout: fs.readFileSync(out, "utf8"), stderr: fs.readFileSync(err, "utf8") };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The first line of the result, or of the error; a JSON result is summed up on one line. */
function firstLine(c: Case, r: Run): string {
  const line = (s: string) => s.split("\n").find((l) => l.trim()) ?? "";
  if (r.code === 0 && c.argv.includes("--json")) {
    try {
      const data = JSON.parse(r.stdout) as Record<string, unknown>;
      if (c.argv[0] === "match") {
        const m = data as { matches: { slug: string; confident: boolean }[]; notices: { kind: string }[]; stats: { lines: number; distinctLines: number } };
        return `{json} top: ${m.matches[0] ? `${m.matches[0].slug}${m.matches[0].confident ? " (confident)" : ""}` : "none"}; ${m.stats.lines} lines, ${m.stats.distinctLines} distinct; notices: ${m.notices.map((n) => n.kind).join(", ") || "none"}`;
      }
      const k = data as { version: string | null; basis: string; missingHelpers: unknown[] };
      return `{json} version: ${k.version ?? "none"}, basis: ${k.basis}, ${k.missingHelpers.length} helpers missing`;
    } catch {
      return `unreadable JSON: ${line(r.stdout).slice(0, 60)}`;
    }
  }
  return (r.code === 0 ? line(r.stdout) : line(r.stderr) || line(r.stdout)).slice(0, 150);
}

/** What makes a case miss the goal, besides its time. */
function contractProblems(c: Case, r: Run): string[] {
  const bad: string[] = [];
  if (r.code === null || ![0, 1, 2].includes(r.code)) bad.push(`exit code ${r.code}`);
  if (/^\s+at .+:\d+:\d+\)?$/m.test(r.stderr) || /^(?:\w*Error|TypeError|RangeError)\b/m.test(r.stderr)) bad.push("stack trace or raw error on stderr");
  if (c.argv[0] === "lint" && r.code === 1) {
    const problems = r.stderr.split("\n").filter((l) => l.trim() && !/^\d+ problems? in /.test(l) && !l.startsWith("kb:"));
    const unnamed = problems.filter((l) => !/^\S[^:]*:\d+: [^:]+: /.test(l));
    if (unnamed.length) bad.push(`lint line without file and line: ${unnamed[0]?.slice(0, 80)}`);
  }
  return bad;
}

function main() {
  buildCases();
  const selected = ONLY ? cases.filter((c) => c.argv[0] === ONLY || c.name.includes(ONLY)) : cases;
  // Build the bundle now, so that no measured run pays for esbuild.
  const help = spawnSync("node", [KB, "--help"], { cwd: tmp, encoding: "utf8" });
  if (help.status !== 0) throw new Error(`kb --help failed: ${help.stderr}`);
  // And the match index, so that no measured run builds it.
  const warm = spawnSync("node", [KB, "match"], { cwd: tmp, encoding: "utf8", input: "invalid func unknown#125\n", env: { ...process.env, KB_CONTENT_DIR: CONTENT } });
  if (warm.status !== 0) throw new Error(`kb match failed on ${CONTENT}: ${warm.stderr.slice(0, 2000)}`);

  console.log(`Hostile inputs through the CLI: ${selected.length} cases, ${RUNS} runs each (wall and CPU: medians; budget ${BUDGET_S} s). Inputs in ${tmp}.\n`);
  console.log("| # | case | command | wall s | CPU s | exit | first line of the result or error |");
  console.log("| - | --- | --- | --: | --: | - | --- |");
  let failed = 0;
  selected.forEach((c, i) => {
    const runs = Array.from({ length: RUNS }, () => runOnce(c));
    const last = runs[runs.length - 1]!;
    const wall = median(runs.map((r) => r.wall));
    const cpu = median(runs.map((r) => r.cpu));
    const problems = [...new Set(runs.flatMap((r) => contractProblems(c, r)))];
    const extra = c.check?.();
    if (extra) problems.push(extra);
    if (wall > BUDGET_S) problems.push(`over ${BUDGET_S} s`);
    if (problems.length) failed++;
    const env = c.contentDir ? "KB_CONTENT_DIR=<tmp> " : "";
    const stdin = c.stdin ? ` < ${path.basename(c.stdin)}` : "";
    const shownArgs = c.argv.map((a) => (a.length > 24 ? `${a.slice(0, 12)}…(${a.length} chars)` : a)).join(" ");
    const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ");
    console.log(`| ${i + 1} | ${cell(c.name)} | \`${env}kb ${cell(shownArgs)}${stdin}\` | ${wall.toFixed(2)} | ${cpu.toFixed(2)} | ${last.code} | ${cell(firstLine(c, last))}${problems.length ? ` **✗ ${cell(problems.join("; "))}**` : ""} |`);
  });
  console.log(`\n${selected.length - failed} of ${selected.length} cases within ${BUDGET_S} s, with exit 0/1/2, no stack trace, lint problems naming file and line.`);
  if (!KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  process.exitCode = failed ? 1 : 0;
}

main();
