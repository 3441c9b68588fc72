/**
 * Which lines of a paste say that something failed, and which of those are about BPF: the matcher's
 * query words and search words come from them, and a draft write-up (lib/draft) quotes the most
 * failure-like ones as its error lines.
 */
import type { NormalizedLine } from "@/lib/match/normalize";

// Lines that say something failed carry the words worth searching for; register dumps do not.
export const FAILURE_WORDS =
  /error|fail|invalid|cannot|can't|unable|denied|not supported|unknown|refused|too large|too long|omitted|fatal|panic|reject|exceed|missing|no such|not found|not permitted|unsupported|unrecognized|not allowed/i;
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
