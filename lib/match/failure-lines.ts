/**
 * Which lines of a paste say that something failed, and which of those are about BPF: the matcher's
 * query words and search words come from them, and a draft write-up (lib/draft) quotes the most
 * failure-like ones as its error lines.
 */
import type { NormalizedLine } from "@/lib/match/normalize";

// Lines that say something failed carry the words worth searching for; register dumps do not.
export const FAILURE_WORDS =
  /error|fail|invalid|cannot|can't|unable|denied|not supported|unknown|refused|too large|too long|omitted|fatal|panic|reject|exceed|missing|no such|not found|not permitted|unsupported|unrecognized|not allowed|could not|couldn't|mismatch/i;
export const BPF_LINE = /\bbpf|libbpf|\bmap create|create map|\bprog(?:ram)?\b|verifier|\bbtf\b|\bxdp\b|attach|load object|skeleton/i;

/** How failure-like a line is: failure words count most, then BPF words, then a loader's error wrapper. */
export function failureScore(line: Pick<NormalizedLine, "text" | "wrapper">): number {
  if (!FAILURE_WORDS.test(line.text)) return 0;
  return 2 + (BPF_LINE.test(line.text) ? 1 : 0) + (line.wrapper ? 1 : 0);
}

/**
 * The `limit` most failure-like lines, in paste order. A line that contains a better one, or is
 * contained in it, says the same thing again (a whole logfmt line and its `error=` value; a loader's
 * wrapper and the verifier line inside it) and is left out. Lines outside `minChars..maxChars` are
 * skipped (too short to be an error template, or possibly cut).
 */
export function failureLines(lines: readonly NormalizedLine[], { limit = 3, minChars = 8, maxChars = 1999 } = {}): NormalizedLine[] {
  const ranked = lines
    .map((line, i) => ({ line, i, score: failureScore(line) }))
    .filter((c) => c.score > 0 && c.line.text.length >= minChars && c.line.text.length <= maxChars)
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen: typeof ranked = [];
  for (const c of ranked) {
    if (chosen.length >= limit) break;
    const t = c.line.text.toLowerCase();
    if (chosen.some((k) => t.includes(k.line.text.toLowerCase()) || k.line.text.toLowerCase().includes(t))) continue;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.i - b.i).map((c) => c.line);
}

/**
 * Words that say only that something failed and where: a line made of these (once quoted names,
 * paths, numbers and errno values are set aside) reports an outcome, not its cause.
 */
const OUTCOME_WORDS = new Set(
  (
    "a an the to of at in on for with from while and or is was has had be been " +
    "libbpf bpf ebpf program programs prog progs object objects obj map maps collection spec skeleton link " +
    "load loading loaded create creating created attach attaching attached open opening run running init initialize initializing start starting " +
    "fail failed failure failing error errors err errno code warning warn level msg info " +
    "invalid argument operation not permitted permission denied no such file or directory bad address " +
    "could cannot can't unable auto"
  ).split(" "),
);

/**
 * True when a failure line says only that loading, creating or attaching failed (`libbpf: failed to
 * load object '…'`, `map 'x': failed to create: Invalid argument(-22)`), with no word of why.
 */
export function isOutcomeOnly(text: string): boolean {
  if (!FAILURE_WORDS.test(text)) return false;
  const rest = text
    .replace(/'[^'\n]{0,200}'|"[^"\n]{0,200}"|`[^`\n]{0,200}`/g, " ")
    .replace(/(?:^|\s)[\w.~-]*\/[^\s:,;)]*/g, " ")
    .replace(/\b0x[0-9a-f]+\b|-?\b\d+\b/gi, " ")
    .toLowerCase();
  const words = rest.match(/[a-z][a-z']*/g) ?? [];
  return words.length > 0 && words.every((w) => OUTCOME_WORDS.has(w));
}

/** A failure line about BPF that gives a cause: the line a reader looks at first. */
export function isCauseLine(line: Pick<NormalizedLine, "text" | "wrapper">): boolean {
  return failureScore(line) >= 3 && !isOutcomeOnly(line.text);
}
