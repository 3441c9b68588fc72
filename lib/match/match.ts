/**
 * matchPaste: paste → unwrap → normalize and de-duplicate → signals → decode → candidates (template
 * anchors and the text index) → score → explain. Pure and synchronous: the page calls it in a Web
 * Worker, the CLI directly. It never throws for any input; whatever it had to cut is in `notices`.
 */
import { formatVersion, parseKernelVersion, type KernelVersion } from "@/lib/kernel/version";
import { decodeSignals } from "@/lib/match/decode";
import { BPF_LINE, FAILURE_WORDS } from "@/lib/match/failure-lines";
import { TEXT_SEARCH_OPTIONS, type IndexedRecord, type MatchIndex } from "@/lib/match/match-index";
import { MAX_DISTINCT_LINES, MAX_QUERY_TERMS, TEXT_CANDIDATES, type ClippedPaste } from "@/lib/match/limits";
import { dedupeBounded, type NormalizedLine } from "@/lib/match/normalize";
import { findTemplateHits, scoreRecords } from "@/lib/match/score";
import { errnosIn, extractSignals } from "@/lib/match/signals";
import { tokensOf } from "@/lib/match/tokens";
import type { ClassLink, DecodedItem, KernelSource, MatchItem, MatchResult, Notice, VerifierDecodedItem, VerifierFailure } from "@/lib/match/types";
import { unwrap, type LogicalLine } from "@/lib/match/unwrap";
import { decodeVerifierLines, type VerifierIndex } from "@/lib/verifier/decode";
import { failureClassRule, type ParsedFailure } from "@/lib/verifier/structured";

export interface MatchOptions {
  /** The kernel the paste comes from, as `uname -r` prints it; wins over one read from the paste. */
  kernel?: string | null;
  /** The verifier message catalog (lib/verifier/decode.ts), when loaded: every verifier line is then decoded. */
  verifier?: VerifierIndex | null;
}

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

const NOISE_TOKEN = /^(?:[rw]\d{1,2}|fp\d*|insn|insns|call|exit|goto|if|pc|off|imm|id|ctx|scalar|var_off|smin|smax|umin|umax|level|msg|ts|time|caller)$/;

function queryTerms(lines: readonly NormalizedLine[], index: MatchIndex): string {
  const ordered = [...lines.filter((l) => FAILURE_WORDS.test(l.text)), ...lines.filter((l) => !FAILURE_WORDS.test(l.text))];
  const terms = new Set<string>();
  for (const line of ordered) {
    for (const t of tokensOf(line.norm)) {
      if (terms.size >= MAX_QUERY_TERMS) break;
      if (NOISE_TOKEN.test(t) || index.frequent.has(t)) continue;
      terms.add(t);
    }
    if (terms.size >= MAX_QUERY_TERMS) break;
  }
  return [...terms].join(" ");
}

/**
 * When a paste is a huge log, keep its start and, above all, its end: the verifier's verdict is last.
 * The lines between are not read at all (dedupeBounded).
 */
function readLines(lines: readonly LogicalLine[], notices: Notice[]): NormalizedLine[] {
  const tail = Math.floor(MAX_DISTINCT_LINES / 2);
  const { lines: kept, skipped } = dedupeBounded(lines, MAX_DISTINCT_LINES - tail, tail);
  if (skipped) {
    const n = (v: number) => v.toLocaleString("en-US");
    notices.push({
      kind: "too-many-lines",
      message: `The paste has more than ${n(MAX_DISTINCT_LINES)} distinct lines; the first ${n(MAX_DISTINCT_LINES - tail)} and the last ${n(tail)} were matched, and lines ${n(skipped.from)} to ${n(skipped.to)} were not read.`,
    });
  }
  return kept;
}

function emptyResult(notices: Notice[], ms: number): MatchResult {
  return { matches: [], decoded: [], kernel: null, components: [], kernelSource: null, family: null, search: null, verifierFailure: null, notices, truncated: false, stats: { inputChars: 0, lines: 0, distinctLines: 0, ms } };
}

/** The write-up of a class slug, when the knowledge base has it. */
function classLinker(index: MatchIndex): (slug: string) => ClassLink | null {
  let bySlug: Map<string, ClassLink> | null = null;
  return (slug) => {
    bySlug ??= new Map(index.records.map((r) => [r.slug, { slug: r.slug, title: r.title, url: r.url }]));
    return bySlug.get(slug) ?? null;
  };
}

/** A parsed 7.3 failure with the error class its category belongs to. */
function withClass(f: ParsedFailure, link: (slug: string) => ClassLink | null): VerifierFailure {
  const rule = failureClassRule(f, (slug) => link(slug) !== null);
  const cls = rule ? link(rule.slug) : null;
  return { ...f, class: rule && cls ? { ...cls, why: rule.why } : null };
}

/**
 * The family when no write-up template matched: the class of the 7.3 report's category, else the
 * class of the first verifier message that rejects the program.
 */
function familyFromVerifier(failure: VerifierFailure | null, decoded: readonly VerifierDecodedItem[]): MatchResult["family"] {
  if (failure?.class) {
    const { slug, title, url } = failure.class;
    return { slug, title, url, reason: `the verifier's report says "${failure.category}${failure.title ? `: ${failure.title}` : ""}" (line ${failure.lines[0] ?? 0})` };
  }
  const d = decoded.find((x) => x.class && x.errno) ?? decoded.find((x) => x.class);
  if (d?.class) {
    const { slug, title, url } = d.class;
    return { slug, title, url, reason: `line ${d.lines[0] ?? 0} is the verifier message "${d.name}"` };
  }
  return null;
}

/**
 * The error class the paste's message belongs to: a class whose template (or its skeleton) matched a
 * line, else the class of the best incident that matched by template. Null when none did.
 */
function familyOf(matches: readonly MatchItem[], index: MatchIndex): MatchResult["family"] {
  const shaped = (m: MatchItem) => m.evidence.find((e) => e.kind === "template" || e.kind === "near-miss");
  for (const m of matches) {
    const ev = shaped(m);
    if (m.kind === "error-class" && ev) {
      return { slug: m.slug, title: m.title, url: m.url, reason: `${ev.kind === "template" ? "its error template matches" : "the same message with other values is on"} line ${ev.line}` };
    }
  }
  // Looked up by slug through one map: a scan per lookup made this quadratic in the records (minutes at 10k).
  let bySlug: Map<string, IndexedRecord> | null = null;
  const record = (slug: string | undefined) => {
    bySlug ??= new Map(index.records.map((r) => [r.slug, r]));
    return slug === undefined ? undefined : bySlug.get(slug);
  };
  for (const m of matches) {
    if (m.kind !== "incident" || !shaped(m)) continue;
    const cls = record(record(m.slug)?.classes[0]);
    if (cls) return { slug: cls.slug, title: cls.title, url: cls.url, reason: `the class of ${m.slug}, whose error matches line ${shaped(m)?.line ?? 0}` };
  }
  return null;
}

const MASK = /<[a-z]{1,12}>/g;

/** Words of the line that best says what failed, for a search of the knowledge base. */
function searchWords(lines: readonly NormalizedLine[]): string | null {
  const line = lines.find((l) => FAILURE_WORDS.test(l.text) && BPF_LINE.test(l.text)) ?? lines.find((l) => FAILURE_WORDS.test(l.text));
  if (!line) return null;
  const words = line.norm.replace(MASK, " ").split(/[^\w#.+-]+/).filter((w) => w.length > 1 && !NOISE_TOKEN.test(w.toLowerCase()));
  const text = words.slice(0, 10).join(" ").slice(0, 120).trim();
  return text || null;
}

export function matchPaste(index: MatchIndex, paste: string | ClippedPaste, options: MatchOptions = {}): MatchResult {
  const t0 = now();
  try {
    const input = typeof paste === "string" || (paste && typeof paste.text === "string") ? paste : String(paste ?? "");
    return run(index, input, options, t0);
  } catch (e) {
    // A bug must not take the page or the CLI down with it; say so instead.
    return emptyResult([{ kind: "internal", message: `The matcher failed on this paste: ${e instanceof Error ? e.message : String(e)}` }], now() - t0);
  }
}

function run(index: MatchIndex, paste: string | ClippedPaste, options: MatchOptions, t0: number): MatchResult {
  const unwrapped = unwrap(paste);
  const notices: Notice[] = [...unwrapped.notices];
  const lines = readLines(unwrapped.lines, notices);
  const signals = extractSignals(lines, { components: index.components });

  let kernel: KernelVersion | null = null;
  let kernelSource: KernelSource | null = null;
  if (options.kernel) {
    kernel = parseKernelVersion(options.kernel);
    if (kernel) kernelSource = { from: "option", line: null, text: options.kernel };
    else notices.push({ kind: "kernel-option", message: `"${options.kernel.slice(0, 80)}" is not a kernel version; the kernel was read from the paste instead.` });
  }
  if (!kernel && signals.kernel) {
    kernel = signals.kernel.version;
    kernelSource = { from: "paste", line: signals.kernel.lines[0] ?? null, text: signals.kernel.text };
  }

  const { decoded: kernelDecoded, notices: decodeNotices } = decodeSignals(signals, kernel);
  notices.push(...decodeNotices);
  const link = classLinker(index);
  const verifierFailure = unwrapped.failures[0] ? withClass(unwrapped.failures[0], link) : null;
  // The lines of a 7.3 report are read as the report; every other verifier line is decoded on its own.
  const verifierDecoded = options.verifier ? decodeVerifierLines(options.verifier, lines, { kernel, classLink: link, skip: (l) => l.inFailureBlock === true }) : [];
  // Helper ids, placeholders and types say most; then the verifier's messages; errno values last.
  const decoded: DecodedItem[] = [...kernelDecoded.filter((d) => d.kind !== "errno"), ...verifierDecoded, ...kernelDecoded.filter((d) => d.kind === "errno")];

  const hits = findTemplateHits(index, lines);

  const query = queryTerms(lines, index);
  const textScores = new Map<number, number>();
  if (query && index.text) {
    const results = index.text.search(query, TEXT_SEARCH_OPTIONS).slice(0, TEXT_CANDIDATES);
    const top = results[0]?.score ?? 0;
    for (const r of results) if (top > 0) textScores.set(Number(r.id), r.score / top);
  }
  const pasteTokens = new Set<string>();
  for (const line of lines) for (const t of tokensOf(line.norm)) pasteTokens.add(t);

  // errno values on lines about a BPF operation: a record that explains none of them is not the cause.
  const bpfErrnos = new Map<string, number[]>();
  for (const line of lines) {
    if (!BPF_LINE.test(line.text)) continue;
    for (const name of errnosIn(line.norm)) if (!bpfErrnos.has(name)) bpfErrnos.set(name, line.lines);
  }

  const matches = scoreRecords({ index, lines, hits, signals, kernel, kernelSource, textScores, pasteTokens, bpfErrnos });

  return {
    matches,
    decoded,
    kernel: kernel ? formatVersion(kernel) : null,
    components: signals.components.map((c) => c.id),
    kernelSource,
    family: familyOf(matches, index) ?? familyFromVerifier(verifierFailure, verifierDecoded),
    ...(index.text ? {} : { partial: true }),
    search: searchWords(lines),
    verifierFailure,
    notices,
    truncated: unwrapped.truncated,
    stats: {
      inputChars: unwrapped.inputChars,
      lines: unwrapped.physicalLines,
      distinctLines: lines.length,
      ms: Math.round((now() - t0) * 100) / 100,
    },
  };
}
