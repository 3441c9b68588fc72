/**
 * Linearity of every function that runs regular expressions (or scans) on untrusted text: pastes,
 * write-ups, probes, share fragments, URL values. Each is run on adversarial input (long runs of what a
 * `\s*`, `\w+` or an alternation can take, near-matches repeated, nesting-like text, a long line without
 * the terminator the expression looks for) at two sizes, n and 4n; the smallest of several runs is taken
 * at each size, and the ratio must stay below 8: linear code gives about 4, quadratic code 16.
 *
 * Each size is timed as a batch of calls (CPU time, the smallest of four): k calls at 4n against 4k
 * calls at n, k grown until a batch takes a few milliseconds. So small inputs (a 2,000-character line,
 * where a quadratic expression already costs milliseconds per line) are measured without strings of
 * megabytes, and both batches last about as long, so a busy machine weighs on both alike. Functions
 * that cap their input (a version read from the first 4 KB) give a ratio near 1.
 *
 * LINEARITY_LOG=<file> appends every measurement (case, attack, batch, ms at n, ms at 4n, ratio) to <file>.
 */
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { loadIssueFile } from "@/lib/content/load";
import { checkYamlNesting, normalizeNewlines, parseYaml, splitFile } from "@/lib/content/front-matter";
import { parseBody, scanHeadings } from "@/lib/content/markdown";
import { checkSourceUrl } from "@/lib/content/source-url";
import { parseKernelFilter } from "@/lib/facets";
import { githubThreadKey, githubThreadsIn } from "@/lib/github-ref";
import { guessDistro } from "@/lib/kernel/backports";
import { looksLikeProbe, parseProbe } from "@/lib/kernel/probe";
import { KernelRange, KernelRangeError } from "@/lib/kernel/range";
import { KernelInputError, kernelReport } from "@/lib/kernel/report";
import { parseKernelRelease, parseKernelVersion, parseStrictVersion } from "@/lib/kernel/version";
import { buildMatchIndex, matchPaste, type MatchSource } from "@/lib/match";
import { clipPaste, countLineBreaks } from "@/lib/match/limits";
import { dedupeLines, normalizeText } from "@/lib/match/normalize";
import { errnosIn, extractSignals } from "@/lib/match/signals";
import { boundedWords, indexTokens, lineWords, tokensOf } from "@/lib/match/tokens";
import { cutOmitted, parseCiliumEbpfError, parseJsonLine, parseLibbpfError, parseLogfmt, stripAnsi, stripPrefixes, unescapeValue, unwrap } from "@/lib/match/unwrap";
import { decodeShare, shareParam } from "@/lib/share";
import { createTextSearch } from "@/lib/search/text";
import { compileTemplate, foldText, matchTemplate, TemplateError } from "@/lib/template/compile";
import { templateKey } from "@/lib/template/key";

/** Below this ratio of the time at 4n to the time at n, the function is taken as linear. */
const MAX_RATIO = 8;
/** The input size n of a case unless it says otherwise (4n = 8,192 characters, four logical lines' worth). */
const N = 2048;
/** The batch of calls on the larger input grows (doubling) until it takes this long. */
const TARGET_MS = 5;
const MAX_BATCH = 4096;
const RUNS = 4;
/** Added to both times so that sub-millisecond noise on a capped function cannot make a ratio. */
const SMOOTH_MS = 0.5;

type Fn = (input: string) => unknown;

/**
 * CPU time of this process for k calls, not wall time: on a shared machine a batch may be descheduled
 * for any length of time.
 */
async function batch(fn: Fn, input: string, k: number): Promise<number> {
  const c0 = process.cpuUsage();
  for (let i = 0; i < k; i++) await fn(input);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/**
 * The time of k calls at 4n against 4k calls at n, times 4: the time at 4n over the time at n, measured
 * with two batches of about the same length (a linear function does the same work in both), so that
 * interference from other processes and the collector weighs on both alike.
 */
async function ratioOf(fn: Fn, make: (n: number) => string, n: number, targetMs = TARGET_MS, runs = RUNS) {
  const small = make(n);
  const large = make(4 * n);
  let k = 1;
  // Until either batch is long enough: a function that refuses the larger input (a bound) is cheap there.
  // Each side is the smaller of two batches, so one slow batch (a collection, a descheduling) cannot stop the search early.
  while (k < MAX_BATCH && Math.max(Math.min(await batch(fn, large, k), await batch(fn, large, k)), Math.min(await batch(fn, small, k), await batch(fn, small, k))) < targetMs) k *= 2;
  let atN = Infinity;
  let at4N = Infinity;
  for (let i = 0; i < runs; i++) {
    atN = Math.min(atN, (await batch(fn, small, 4 * k)) / 4);
    at4N = Math.min(at4N, await batch(fn, large, k));
    // Far over the bound after one run: more runs would only take long.
    if ((at4N + SMOOTH_MS) / (atN + SMOOTH_MS) > 10 * MAX_RATIO) break;
  }
  return { n, k, atN, at4N, ratio: (at4N + SMOOTH_MS) / (atN + SMOOTH_MS) };
}

const rep = (unit: string, n: number) => unit.repeat(Math.max(1, Math.ceil(n / unit.length))).slice(0, n);
/** Generic attacks on one line: runs a `\s*`, `\w+`, `\d+` or a character class can take, and nesting-like text. */
const LINE_ATTACKS: [string, (n: number) => string][] = [
  ["spaces then x", (n) => `${rep(" ", n)}x`],
  ["tabs and spaces", (n) => `${rep(" \t", n)}x`],
  ["one long word", (n) => `${rep("a", n)}!`],
  ["digit dots", (n) => rep("1.", n)],
  ["short words", (n) => rep("a ", n)],
  ["colons", (n) => rep(":", n)],
  ["hex and colons", (n) => rep("0a:", n)],
  ["open braces", (n) => rep("{", n)],
  ["open brackets", (n) => rep("[", n)],
  ["backslashes", (n) => rep("\\", n)],
  ["quotes", (n) => rep('"', n)],
  ["escapes", (n) => rep("\u001b[", n)],
];

interface Case {
  fn: Fn;
  /** Attacks by name; LINE_ATTACKS are added unless `generic` is false. */
  attacks: [string, (n: number) => string][];
  generic?: boolean;
  /** The input size n, when N is too small for the case (a paste of many long lines) or too large (a capped body). */
  n?: number;
  /**
   * How long a batch must last, when TARGET_MS is too short. A Markdown parse of 8 KB allocates enough that one
   * collector pause (tens of milliseconds on a busy machine) can land in a single-call batch at 4n and not in
   * the calls at n: a CI run measured 5.0 ms at n and 43.7 ms at 4n for "short words" (ratio 8.04), where the
   * same parse takes 1.5 and 5.5 ms on an idle machine (process CPU time counts V8's collector threads too).
   * Batches of 40 ms hold several collections each, and the smallest of 8 runs is taken.
   */
  targetMs?: number;
}

const quiet = (fn: Fn): Fn => (s) => {
  try {
    return fn(s);
  } catch (e) {
    if (e instanceof TemplateError || e instanceof KernelRangeError || e instanceof KernelInputError) return null;
    throw e;
  }
};

const index = buildMatchIndex([
  {
    slug: "a",
    url: "/issues/a",
    title: "a",
    kind: "incident",
    summary: "s",
    aliases: [],
    tags: [],
    components: [{ id: "cilium", versions: "1.16" }],
    range: KernelRange.parse("<5.8").toData(),
    classes: [],
    subsystems: ["verifier"],
    errors: [{ text: "program x: load program: invalid argument: invalid func unknown#125", template: "program {prog}: load program: invalid argument: invalid func unknown#{helper}", where: null }],
    bodyText: "",
    cites: [],
  } satisfies MatchSource,
]);

const GOOD = fs.readFileSync(path.join(__dirname, "content/fixtures/good/issues/demo-retina-podlevel.md"), "utf8").replace(/^classes: .*$/m, "classes: []");
const [FRONT, BODY] = [GOOD.slice(0, GOOD.indexOf("\n---\n") + 5), GOOD.slice(GOOD.indexOf("\n---\n") + 5)];
const lines = (unit: string) => (n: number) => rep(unit, n);
/** For functions that only ever see short text (a version, a URL value): the generic attacks in brief. */
const FEW_ATTACKS: [string, (n: number) => string][] = [
  ["spaces then x", (n) => `${rep(" ", n)}x`],
  ["one long word", (n) => `${rep("a", n)}!`],
  ["short words", lines("a ")],
  ["digit dots", lines("1.")],
];
const templates = ["{prog}: load program: invalid func unknown#{id}", "program {prog}: load program: {rest...}", "{head...} load program: invalid argument", "invalid func unknown#{id} in {where}"].map((t) => compileTemplate(t));

const CASES: Record<string, Case> = {
  // Pastes: lib/match.
  // n over the 1 MB cap, so both sizes are cut.
  clipPaste: { fn: (s) => clipPaste(s), attacks: [["newlines", lines("\n")], ["CRs", lines("\r")], ["long line", (n) => rep("a", n)]], generic: false, n: 1 << 20 },
  countLineBreaks: { fn: countLineBreaks, attacks: [["CRLF", lines("\r\n")], ["CRs", lines("\r")]], generic: false },
  stripAnsi: { fn: stripAnsi, attacks: [["CSI without final byte", (n) => `\u001b[${rep("0", n)}`], ["OSC runs", lines("\u001b]0;")], ["caret form", lines("^[[1;")]] },
  stripPrefixes: {
    fn: stripPrefixes,
    attacks: [
      ["timestamp then spaces", (n) => `2024-04-15T10:11:12.123Z${rep(" ", n)}x`],
      ["kubectl prefix", (n) => `[pod/${rep("a", n)}`],
      ["klog", (n) => `E0415 10:11:12.123456 ${rep(" ", n)}1 ${rep("a", n)}`],
      ["syslog host", (n) => `Apr 15 10:11:12 ${rep("h", n)}`],
      ["calico", (n) => `[WARNING][63] ${rep("a", n)}`],
      ["dmesg", (n) => `[${rep(" ", n)}`],
    ],
  },
  unescapeValue: { fn: unescapeValue, attacks: [["\\u", lines("\\u")], ["\\x", lines("\\x1")], ["\\n", lines("\\n")], ["backslashes", lines("\\")], ["no escapes", lines("1.")]], generic: false },
  parseLogfmt: { fn: parseLogfmt, attacks: [["a=", lines("a=")], ["k=v", lines("k=v ")], ["open quote", (n) => `msg="${rep("\\\"", n)}`], ["msg= repeated", lines('msg="')]] },
  parseJsonLine: { fn: parseJsonLine, attacks: [["nested objects", (n) => `${rep('{"a":', n)}1${rep("}", n / 5)}`], ["spaces", (n) => `{${rep(" ", n)}}`], ["many keys", (n) => `{${rep('"k":1,', n)}"msg":"x"}`], ["escaped newlines", (n) => `{"msg":"${rep("\\n", n)}"}`]] },
  parseCiliumEbpfError: {
    fn: parseCiliumEbpfError,
    attacks: [
      ["spaces after load program", (n) => `a b: load program: ${rep(" ", n)}x`],
      ["load program repeated", lines("program x: load program: ")],
      ["parens then omitted", (n) => `p: load program: ${rep("(", n)} line(s) omitted)`],
      ["omitted repeated", lines(" (1 line(s) omitted)")],
    ],
  },
  cutOmitted: { fn: cutOmitted, attacks: [["spaces then omitted", (n) => `${rep(" ", n)}(5 line(s) omitted)`], ["parens", (n) => `${rep("(", n)}1 line(s) omitted)`]], generic: false },
  parseLibbpfError: { fn: parseLibbpfError, attacks: [["prog quote", (n) => `prog '${rep("a", n)}`], ["spaces after failed", (n) => `prog 'x': failed to load${rep(" ", n)}`], ["repeated", lines("load bpf program failed: ")], ["prog repeated", lines("prog 'x': ")]] },
  unwrap: {
    fn: (s) => unwrap(s),
    attacks: [
      ["loader prefix then spaces", (n) => `a b: load program: ${rep(" ", n)}x`],
      ["520-style lines", lines(`a b: load program: ${" ".repeat(1960)}x\n`)],
      ["events header lines", lines(`Type Reason Age From Message${" ".repeat(200)}x\n`)],
      ["event rows", (n) => `Type  Reason  Age  From  Message\n${rep("  Warning  Failed  1m  kubelet  x\n", n)}`],
      ["dash rule", (n) => `Type Reason Age From Message\n${rep("-", n)}`],
      ["begin log", (n) => `-- BEGIN PROG LOAD LOG ${rep("-", n)}`],
      ["JSON escaped newlines", (n) => `{"msg":"${rep("\\n", n)}"}`],
      ["logfmt keys", lines("k=v ")],
      ["distinct short lines", (n) => Array.from({ length: Math.ceil(n / 8) }, (_, i) => `l${i}`).join("\n")],
      ["NUL and binary", lines("\u0000\u0001\ufffd\u001b[31m")],
    ],
    n: 1 << 16,
  },
  normalizeText: {
    fn: normalizeText,
    attacks: [
      ["register without close", (n) => `R1=ctx(${rep("a", n)}`],
      ["registers", lines("R1_w=ctx(")],
      ["register word", (n) => `R1=${rep("a", n)}`],
      ["stack", lines("fp-8=")],
      ["hex run", (n) => rep("f", n)],
      ["hex address", (n) => `0x${rep("f", n)}`],
      ["double colons", lines("::")],
      ["digit colons", lines("1:")],
      ["ipv4-ish", lines("1.1.1.")],
      ["durations", lines("1s")],
      ["pod-ish", lines("-a1bcd")],
      ["pod long", lines("-abcdefgh1-a1bcd")],
      ["pid spaces", (n) => `pid${rep(" ", n)}x`],
      ["pid colons", (n) => `pid ${rep(":", n)}`],
      ["times", lines("12:34:")],
      ["dates", lines("2024-04-15T")],
      ["bracket digits", lines("[1")],
      ["omitted", lines("(1 line(s) omitted")],
      ["uuid-ish", lines("aaaaaaaa-")],
      ["sha", lines("sha256:")],
    ],
  },
  dedupeLines: { fn: (s) => dedupeLines(s.split("\n").map((text, i) => ({ text, lines: [i + 1] }))), attacks: [["distinct", (n) => Array.from({ length: Math.ceil(n / 8) }, (_, i) => `x ${i}`).join("\n")], ["same", lines("same line\n")]], generic: false },
  tokensOf: { fn: tokensOf, attacks: [["hash ids", lines("a#1")], ["masks", lines("<ip>")], ["cjk", lines("内核")]] },
  indexTokens: { fn: indexTokens, attacks: FEW_ATTACKS, generic: false },
  lineWords: { fn: lineWords, attacks: FEW_ATTACKS, generic: false },
  boundedWords: { fn: boundedWords, attacks: [...FEW_ATTACKS, ["hex and colons", lines("0a:")]], generic: false },
  errnosIn: { fn: errnosIn, attacks: [["errno words", lines("err: ")], ["negative", lines("-1")], ["names", lines("-EINVA")], ["texts", lines("no such devic")], ["error spaces", (n) => `error${rep(" ", n)}`]] },
  extractSignals: {
    fn: (s) => extractSignals([{ text: s, lines: [1] }]),
    attacks: [
      ["unknown func word", (n) => `unknown func ${rep("a", n)}`],
      ["unknown#", lines("unknown#")],
      ["call bpf_", lines("call bpf_")],
      ["not supported", lines("func bpf_a#1 not supported for program type ")],
      ["HINT", (n) => `HINT: bpf_${rep("a", n)}`],
      ["Linux then spaces", (n) => `Linux${rep(" ", n)}x`],
      ["Linux host then spaces", (n) => `Linux a${rep(" ", n)}5.4.0`],
      ["kernel repeated", lines("kernel ")],
      ["kernel version spaces", (n) => `kernel version${rep(" ", n)}`],
      ["versions then no kernel", lines("5.4 ")],
      ["release suffix", (n) => `5.4.0-${rep("a", n)}`],
      ["release pieces", lines("5.4.0-1-")],
      ["cilium then spaces", (n) => `cilium${rep(" ", n)}x`],
      ["cilium version spaces", (n) => `cilium version${rep(" ", n)}`],
      ["cilium dashes", lines("cilium-")],
      ["library slashes", lines("cilium/")],
      ["map word", (n) => `map ${rep("a", n)}`],
      ["maps dots", (n) => `maps a${rep(".", n)}`],
      ["prog_type spaces", (n) => `prog_type${rep(" ", n)}`],
      ["enum", (n) => `BPF_PROG_TYPE_${rep("A", n)}`],
      ["github path", (n) => `github.com/${rep("a", n)}`],
      ["owner slashes", lines("a/")],
      ["short refs", lines("a/b#")],
      ["omitted", lines("(1 line(s) omitted")],
      ["placeholder-ish", (n) => `0x${rep("b", n)}`],
    ],
  },
  githubThreadsIn: { fn: githubThreadsIn, attacks: [["slashes", lines("a/")], ["urls", lines("github.com/a/b/issues/")], ["word then ref", (n) => `${rep("a", n)}/b#1`]] },
  githubThreadKey: { fn: githubThreadKey, attacks: [["github paths", (n) => `github.com/${rep("a/", n)}`], ["word", (n) => `${rep("a", n)}/b/issues/1`]], generic: false },
  matchPaste: {
    fn: (s) => matchPaste(index, s),
    attacks: [
      ["loader prefix then spaces", (n) => `a b: load program: ${rep(" ", n)}x`],
      ["unknown# tokens", lines("unknown#")],
      ["distinct lines", (n) => Array.from({ length: Math.ceil(n / 12) }, (_, i) => `line ${i} w${i}`).join("\n")],
    ],
    generic: false,
    n: 1 << 16,
  },
  // Templates: write-ups' templates, matched against pastes.
  foldText: { fn: foldText, attacks: [["sigmas", lines("Σ ")], ["spaces then x", (n) => `${rep(" ", n)}x`], ["tabs and spaces", (n) => `${rep(" \t", n)}x`]], generic: false },
  compileTemplate: { fn: quiet(compileTemplate), attacks: [["escaped braces", lines("{{")], ["placeholders", lines("{a}b")], ["unclosed", (n) => `a{${rep("b", n)}`]] },
  templateKey: { fn: templateKey, attacks: [["open braces", lines("{")], ["escaped braces", lines("{{")], ["placeholders", lines("{a} ")], ["spaces then x", (n) => `${rep(" ", n)}x`], ["dashes", lines("-")]], generic: false },
  ...Object.fromEntries(
    templates.map((t, i) => [
      `matchTemplate #${i} ${t.source}`,
      {
        fn: (s: string) => matchTemplate(t, s),
        attacks: [
          ["first literal repeated", lines(": load program: ")],
          ["word before literal", (n) => `${rep("a", n)}: load program: invalid func`],
          ["literal then spaces", (n) => `x: load program: ${rep(" ", n)}`],
          ["unknown# repeated", lines("invalid func unknown#1 in")],
        ],
        // The generic attacks once per kind of template, not once per template.
        generic: i < 2,
      } satisfies Case,
    ]),
  ),
  // Kernel input: kb kernel and the /kernel page.
  parseKernelVersion: { fn: parseKernelVersion, attacks: [["version pieces", lines("1.1-")], ["dots", lines("5.4.")], ["uname -a", (n) => `Linux ${rep("a", n)} 5.4.0`]] },
  parseKernelRelease: { fn: parseKernelRelease, attacks: [...FEW_ATTACKS, ["suffix", (n) => `5.4.0-${rep("a", n)}`]], generic: false },
  parseStrictVersion: { fn: parseStrictVersion, attacks: FEW_ATTACKS, generic: false },
  "KernelRange.parse": { fn: quiet(KernelRange.parse), attacks: [["pipes", lines("||")], ["comparators", lines("<5.4 ")]], generic: false },
  parseKernelFilter: { fn: parseKernelFilter, attacks: [...FEW_ATTACKS, ["range", lines("<5.4 ")]], generic: false },
  looksLikeProbe: { fn: looksLikeProbe, attacks: [["program_type word", (n) => `eBPF program_type ${rep("a", n)}`], ["key then spaces", (n) => `"program_types"${rep(" ", n)}`], ["repeated", lines("eBPF map_type x is ")]] },
  parseProbe: {
    fn: parseProbe,
    attacks: [
      ["program_type word", (n) => `eBPF program_type ${rep("a", n)}`],
      ["release then spaces", (n) => `eBPF map_type x is available\nkernel release${rep(" ", n)}!`],
      ["helpers header", (n) => `eBPF map_type x is available\neBPF helpers supported for program type ${rep("a", n)}`],
      ["helper lines", (n) => `eBPF map_type x is available\neBPF helpers supported for program type x:\n${rep("\t- bpf_map_lookup_elem\n", n)}`],
      ["nested JSON", (n) => `${rep("[", n)}`],
      ["nested JSON objects", (n) => `{"program_types":${rep('{"a":', n)}`],
      ["probe lines", lines("eBPF program_type kprobe is available\n")],
    ],
  },
  guessDistro: { fn: guessDistro, attacks: [["dash digits", lines("-1")], ["el", lines(".el1")], ["uek", lines(".el1u")]] },
  kernelReport: {
    fn: quiet((s) => kernelReport(s, [])),
    attacks: [
      ["version then text", (n) => `5.4.0-189-generic ${rep("x ", n)}`],
      ["version-like tokens", lines("5.4 ")],
      ["probe with release", (n) => `eBPF map_type x is available\nkernel_release: 5.4.0-${rep("b", n)}`],
      ["probe text", lines("eBPF program_type kprobe is available\n")],
    ],
  },
  // Write-ups: kb lint, the build.
  normalizeNewlines: { fn: normalizeNewlines, attacks: [["CRs", lines("\r")], ["CRLF", lines("\r\n")]], generic: false },
  splitFile: { fn: splitFile, attacks: [["unclosed", (n) => `---\n${rep("a", n)}`], ["near fences", (n) => `---\n${rep("\n---x", n)}`], ["opener spaces", (n) => `---${rep(" ", n)}`], ["fence spaces", (n) => `---\na: b\n---${rep(" ", n)}x`]] },
  checkYamlNesting: { fn: (s) => checkYamlNesting(s, 2), attacks: [["quoted backslashes", (n) => `"${rep("\\", n)}`], ["comments", lines("# [{")], ["dashes", lines("- ")]], generic: false },
  parseYaml: { fn: (s) => parseYaml(s, 2), attacks: [["plain scalar words", (n) => `a: ${rep("b ", n)}`], ["keys", (n) => Array.from({ length: Math.ceil(n / 8) }, (_, i) => `k${i}: v`).join("\n")], ["quoted", (n) => `a: '${rep("''", n)}'`], ["flow", (n) => `a: [${rep("b, ", n)}]`]], n: N },
  scanHeadings: { fn: scanHeadings, attacks: [["heading then spaces", (n) => `## x${rep(" ", n)}y`], ["heading then tabs", (n) => `## x${rep(" \t", n)}y`], ["closing hashes", (n) => `## ${rep("#", n)}x`], ["fences", lines("```\n")], ["headings", lines("## a\n")]] },
  parseBody: {
    fn: (s) => parseBody(s, "check"),
    targetMs: 40,
    attacks: [
      ["emphasis", lines("*a")],
      ["underscores", lines("_a")],
      ["backticks", lines("`a")],
      ["backtick runs", (n) => Array.from({ length: Math.ceil(n / 40) }, (_, i) => "`".repeat((i % 30) + 1) + "a").join("")],
      ["autolinks", lines("<a")],
      ["entities", lines("&amp")],
      ["escaped brackets", lines("\\[")],
      ["table", (n) => `| a | b |\n| - | - |\n${rep("| x | y |\n", n)}`],
      ["wide table", (n) => `${rep("| a ", n / 2)}|\n${rep("| - ", n / 2)}|\n`],
      ["heading then spaces", (n) => `## x${rep(" ", n)}y`],
      ["links", lines("[a](b) ")],
      ["quotes", lines("> a\n")],
    ],
    generic: true,
    n: N,
  },
  loadIssueFile: {
    fn: (s) => loadIssueFile("x/demo-retina-podlevel.md", FRONT + s + BODY, "check"),
    targetMs: 40,
    attacks: [
      ["body heading spaces", (n) => `## Extra${rep(" ", n)}y\n\n`],
      ["body emphasis", lines("*a")],
      ["body > runs", (n) => `${rep(">", n)} x\n`],
    ],
    generic: false,
    n: N,
  },
  loadIssueFileOutline: { fn: (s) => loadIssueFile("x/demo-retina-podlevel.md", `${GOOD}\n## Extra${s}y\n`, "outline"), attacks: [["heading spaces", (n) => rep(" ", n)], ["heading tabs", (n) => rep(" \t", n)]], generic: false, n: N },
  checkSourceUrl: { fn: checkSourceUrl, attacks: [["path segments", (n) => `https://github.com/${rep("a/", n)}`], ["merge refs", (n) => `https://github.com/a/b/blob/${rep("pull/1/", n)}x`], ["fragment", (n) => `https://github.com/a/b/issues/1#${rep("a", n)}`]] },
  // Share links and search.
  shareParam: { fn: shareParam, attacks: [["p= repeated", lines("&p=")], ["long value", (n) => `#p=${rep("a", n)}`]], generic: false },
  decodeShare: { fn: decodeShare, attacks: [["word chars", (n) => rep("a", n)], ["dashes", (n) => rep("-_", n)]], generic: false, n: 1 << 16 },
  "createTextSearch().search": { fn: (s) => createTextSearch([]).search(s), attacks: FEW_ATTACKS, generic: false },
};

describe("linearity (time at 4n over time at n stays below 8)", () => {
  for (const [name, c] of Object.entries(CASES)) {
    const attacks = [...c.attacks, ...(c.generic === false ? [] : LINE_ATTACKS)];
    describe(name, () => {
      for (const [label, make] of attacks) {
        it(label, async () => {
          const r = await ratioOf(c.fn, make, c.n ?? N, c.targetMs, c.targetMs ? 2 * RUNS : RUNS);
          if (process.env.LINEARITY_LOG) fs.appendFileSync(process.env.LINEARITY_LOG, `${name}\t${label}\tk=${r.k}\t${r.atN.toFixed(2)}\t${r.at4N.toFixed(2)}\t${r.ratio.toFixed(1)}\n`);
          expect(r.ratio, `${name} on "${label}": ${r.k} calls at n=${r.n} ${r.atN.toFixed(1)} ms, at 4n ${r.at4N.toFixed(1)} ms`).toBeLessThan(MAX_RATIO);
        });
      }
    });
  }
});
