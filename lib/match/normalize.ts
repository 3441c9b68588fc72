/**
 * Normalize: masks the parts of a line that differ between two runs of the same failure (addresses,
 * hashes, ids, IPs, durations, instruction indices, register states), the way Sentry parameterizes
 * messages before grouping them. Tokens that carry the cause are kept: helper ids (`unknown#125`),
 * errno names and numbers, program and function names, CONFIG_ options, component names, versions.
 *
 * The normalized text is the de-duplication key and what the text index sees; templates and signals
 * read the unmasked line.
 */
import { MAX_LINE_NUMBERS } from "@/lib/match/limits";
import type { LogicalLine } from "@/lib/match/unwrap";

export interface NormalizeRule {
  name: string;
  /** A cheap test that holds whenever `apply` could change the text: most lines skip most rules. */
  when: RegExp;
  apply: (text: string) => string;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\w]/.test(ch);

/**
 * Verifier register states: `R1_w=ctx(id=0,off=0,imm=0)`, `R0=inv(id=0,umax_value=255,var_off=(0x0; 0xff))`,
 * `R10=fp0`. A scanner rather than a regular expression, because the parentheses nest.
 */
function maskRegisters(text: string): string {
  const re = /\bR\d{1,2}(?:_[rwD]{1,3})?=/g;
  let out = "";
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let i = m.index + m[0].length;
    while (i < text.length && /[\w\-+]/.test(text[i] ?? "")) i++;
    if (text[i] === "(") {
      let depth = 0;
      const limit = Math.min(text.length, i + 400);
      for (; i < limit; i++) {
        if (text[i] === "(") depth++;
        else if (text[i] === ")" && --depth === 0) {
          i++;
          break;
        }
      }
    }
    out += text.slice(last, m.index) + "<reg>";
    last = i;
    re.lastIndex = i;
  }
  return out + text.slice(last);
}

/** IPv6 candidates are runs of hex digits and colons, checked by code rather than by one expression. */
function maskIpv6(text: string): string {
  // Runs of hex groups joined by colons: each step consumes a colon, so the scan stays linear.
  return text.replace(/[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,8}/g, (run, offset: number) => {
    if (isWordChar(text[offset - 1]) || isWordChar(text[offset + run.length])) return run;
    const colons = run.split(":").length - 1;
    if (colons < 2 || (colons < 7 && !run.includes("::"))) return run;
    if (!run.split(":").every((g) => g.length <= 4)) return run;
    return "<ip>";
  });
}

/** Hex strings of 12+ characters with both digits and letters: commit ids, container ids, pointers. */
function maskHashes(text: string): string {
  return text.replace(/\b(?:sha256:)?[0-9a-fA-F]{12,128}\b/g, (h) => (/[0-9]/.test(h) && /[a-fA-F]/.test(h) ? "<hash>" : h));
}

export const NORMALIZE_RULES: NormalizeRule[] = [
  { name: "uuid", when: /[0-9a-fA-F]{8}-/, apply: (t) => t.replace(/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, "<uuid>") },
  {
    name: "timestamp", when: /\d{2}:\d{2}:\d{2}/,
    apply: (t) =>
      t
        .replace(/\b\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?/g, "<ts>")
        .replace(/\b\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?\b/g, "<time>"),
  },
  { name: "register-state", when: /\bR\d/, apply: (t) => maskRegisters(t) },
  // Stack slot states: fp-8=mmmmmmmm, fp-16_w=0000
  { name: "stack-state", when: /fp-\d/, apply: (t) => t.replace(/\bfp-\d{1,4}(?:_[rwD]{1,3})?=[\w?]{1,64}/g, "<stack>") },
  { name: "mac", when: /[0-9a-fA-F]{2}:[0-9a-fA-F]{2}/, apply: (t) => t.replace(/\b[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}\b/g, "<mac>") },
  { name: "ipv4", when: /\d\.\d{1,3}\.\d{1,3}\.\d/, apply: (t) => t.replace(/\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?::\d{1,5})?(?:\/\d{1,2})?\b/g, "<ip>") },
  { name: "ipv6", when: /:[0-9A-Fa-f]{0,4}:/, apply: (t) => maskIpv6(t) },
  { name: "hash", when: /[0-9a-fA-F]{12}/, apply: (t) => maskHashes(t) },
  // Kernel and user addresses, then short hex immediates.
  { name: "address", when: /0x[0-9a-fA-F]/, apply: (t) => t.replace(/\b0x[0-9a-fA-F]{5,16}\b/g, "<addr>").replace(/\b0x[0-9a-fA-F]{1,4}\b/g, "<hex>") },
  // 1.5s, 250ms, 2m, 1h30m0s (Go durations), not versions or ids.
  { name: "duration", when: /\d(?:h|m|s|us|µs|ns)/, apply: (t) => t.replace(/\b\d{1,9}(?:\.\d{1,9})?(?:h|m|s|ms|us|µs|ns)(?:\d{1,9}(?:\.\d{1,9})?(?:h|m|s|ms|us|µs|ns)){0,3}\b/g, "<duration>") },
  {
    name: "instruction-index", when: /\d/,
    apply: (t) =>
      t
        // verifier instruction lines: "12: (85) call bpf_foo#5", "from 12 to 34:", "insn 12", "insn #12"
        .replace(/^\d{1,7}: (?=[(R;])/, "<insn>: ")
        .replace(/\bfrom \d{1,7} to \d{1,7}\b/g, "from <insn> to <insn>")
        .replace(/\b(insn|idx|before|at insn|last_idx|first_idx) #?\d{1,7}\b/g, "$1 <insn>")
        .replace(/\b(processed|limit|max_states_per_insn|total_states|peak_states|mark_read) \d{1,9}\b/g, "$1 <n>")
        .replace(/\b(off|size|value_size|imm|id|ref_obj_id|umax|umin|smax|smin|r|ks|vs|regs|stack)=-?\d{1,19}\b/g, "$1=<n>"),
  },
  {
    name: "counts-and-ids", when: /\d/,
    apply: (t) =>
      t
        .replace(/\(\d{1,9} line\(s\) omitted\)?/g, "(<n> line(s) omitted)")
        .replace(/\brelo #\d{1,9}/g, "relo #<n>")
        .replace(/\[\d{1,12}\]/g, "[<n>]")
        .replace(/\b(pid|tid|uid|gid|cpu)([=: ]+)\d{1,10}\b/gi, "$1$2<n>")
        .replace(/\(x\d{1,9} over /g, "(x<n> over "),
  },
  // Kubernetes pod names: cilium-qh4vw, retina-agent-6d8c7b9f5d-x7k2p.
  {
    name: "pod-name", when: /-[a-z0-9]{5}/,
    apply: (t) =>
      t
        .replace(/-(?=[a-z0-9]{0,9}\d)[a-z0-9]{9,10}-(?=[a-z]{0,4}\d)[a-z0-9]{5}\b/g, (m, at: number, all: string) => (/[a-z0-9]/.test(all[at - 1] ?? "") ? "-<pod>" : m))
        .replace(/-(?=[a-z]{0,4}\d)[a-z0-9]{5}\b(?![.-])/g, (m, at: number, all: string) => (/[a-z0-9]/.test(all[at - 1] ?? "") ? "-<pod>" : m)),
  },
];

/** How much longer than its line a normalized line may be (one mask longer than the value it hides). */
export const MAX_NORMALIZE_GROWTH = 16;

/**
 * The line with its varying parts masked, white space folded. A mask can be longer than what it hides
 * (`1s` → `<duration>`), so a line of many short values would grow several times over (2,000 characters
 * of `1s ` became 6,700): the result is cut to the line's own length plus MAX_NORMALIZE_GROWTH.
 */
export function normalizeText(text: string): string {
  let out = text;
  for (const rule of NORMALIZE_RULES) if (rule.when.test(out)) out = rule.apply(out);
  out = out.replace(/\s+/g, " ").trim();
  return out.length > text.length + MAX_NORMALIZE_GROWTH ? out.slice(0, text.length + MAX_NORMALIZE_GROWTH).trimEnd() : out;
}

export interface NormalizedLine extends LogicalLine {
  norm: string;
}

/** Folds lines into entries by normalized key; `add` returns the entry a line opened, or null when it folded into one. */
function folder() {
  const byKey = new Map<string, NormalizedLine>();
  // A log repeats lines verbatim far more often than it varies them: normalize each text once.
  const normOf = new Map<string, string>();
  return (line: LogicalLine): NormalizedLine | null => {
    let norm = normOf.get(line.text);
    if (norm === undefined) {
      norm = normalizeText(line.text);
      normOf.set(line.text, norm);
    }
    if (!norm) return null;
    const key = norm.toLowerCase();
    const seen = byKey.get(key);
    if (seen) {
      for (const n of line.lines) {
        if (seen.lines.length >= MAX_LINE_NUMBERS) break;
        if (!seen.lines.includes(n)) seen.lines.push(n);
      }
      return null;
    }
    const entry: NormalizedLine = { ...line, lines: [...line.lines], norm };
    byKey.set(key, entry);
    return entry;
  };
}

/** Normalizes and folds repeated lines into one, keeping the first text and merging line numbers. */
export function dedupeLines(lines: readonly LogicalLine[]): NormalizedLine[] {
  const fold = folder();
  const out: NormalizedLine[] = [];
  for (const line of lines) {
    const entry = fold(line);
    if (entry) out.push(entry);
  }
  return out;
}

export interface BoundedLines {
  lines: NormalizedLine[];
  /** The paste lines between the head and the tail that were not read, or null when every line was. */
  skipped: { from: number; to: number } | null;
}

/**
 * dedupeLines for a paste of many distinct lines: reads from the start until `head` distinct lines,
 * then from the end back until `tail` more, and leaves the lines between unread (not even normalized):
 * only head + tail are matched, and normalizing 100,000 distinct lines to keep 5,000 cost most of a
 * second. Entries come in paste order, with their line numbers ascending.
 */
export function dedupeBounded(lines: readonly LogicalLine[], head: number, tail: number): BoundedLines {
  const fold = folder();
  const first: NormalizedLine[] = [];
  let i = 0;
  for (; i < lines.length && first.length < head; i++) {
    const entry = fold(lines[i]!);
    if (entry) first.push(entry);
  }
  const last: NormalizedLine[] = [];
  let j = lines.length - 1;
  for (; j >= i && last.length < tail; j--) {
    const entry = fold(lines[j]!);
    if (entry) last.push(entry);
  }
  for (const entry of [...first, ...last]) entry.lines.sort((a, b) => a - b);
  // The tail was found from the end: put it in paste order, by each entry's first line, as dedupeLines does.
  const out = [...first, ...last.sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0))];
  const skipped = j >= i ? { from: lines[i]?.lines[0] ?? 0, to: lines[j]?.lines[0] ?? 0 } : null;
  return { lines: out, skipped };
}
