/**
 * The matcher's public result types. `MatchResult` is the shape `kb match --json` prints (DESIGN.md,
 * "Contracts other tools rely on"): fields may be added, never removed or renamed.
 */
import type { KernelRangeData } from "@/lib/kernel/range";
import type { Kind, Subsystem } from "@/lib/records/vocabulary";

export type NoticeKind = "truncated" | "line-cut" | "too-many-lines" | "binary" | "omitted-lines" | "kernel-option" | "internal";

/** Something the reader should know about how the paste was read (a cut, a shortened log). */
export interface Notice {
  kind: NoticeKind;
  message: string;
  /** Original line number in the paste, when the notice is about one line. */
  line?: number;
}

export type DecodedKind = "helper" | "prog-type" | "map-type" | "errno" | "placeholder" | "verifier";

/** A plain reading of one kernel or loader value found in the paste, independent of the records. */
export type DecodedItem = KernelDecodedItem | VerifierDecodedItem;

/** A helper, type, errno or loader placeholder value, read from the project's kernel facts. */
export interface KernelDecodedItem {
  kind: Exclude<DecodedKind, "verifier">;
  /** Helper id, type id, errno number or the placeholder value. */
  id: number;
  /** `bpf_ktime_get_boot_ns`, `BPF_PROG_TYPE_XDP`, `EINVAL`, `0xbad2310`. */
  name: string;
  /** First mainline kernel with it (helpers and types), else null. */
  sinceKernel: string | null;
  note: string;
  /** Original line numbers where it was found. */
  lines: number[];
  /** Set when the paste's kernel is known and predates `sinceKernel`. */
  missingOnKernel?: boolean;
}

/** An error class write-up the knowledge base has, linked from a verifier message or failure. */
export interface ClassLink {
  slug: string;
  title: string;
  url: string;
}

/**
 * Where the paste's kernel stands against the kernels that print a verifier message: `in` (a
 * catalogued kernel of its span, or between two that both print it), `outside` (a catalogued kernel
 * that does not print it, or beyond one), `unknown` (between a catalogued kernel that prints it and
 * one that does not, or beyond the catalogued kernels).
 */
export type KernelFit = "in" | "outside" | "unknown";

/** A pasted line that is one of the kernel verifier's log messages (lib/verifier/catalog.generated.json). */
export interface VerifierDecodedItem {
  kind: "verifier";
  /** The message id in the catalog: the anchor of its entry on /verifier. */
  id: string;
  /** The message as a template (`R{int} invalid mem access '{str}'`). */
  name: string;
  /** = firstKernel. */
  sinceKernel: string;
  /** The oldest and newest catalogued kernels that print it (7.3-rc7 is the newest catalogued). */
  firstKernel: string;
  lastKernel: string;
  /** The kernel function that prints it (its check), or null outside any function. */
  check: string | null;
  /** The kernel source file, e.g. kernel/bpf/verifier.c. */
  file: string;
  /** The errno the check returns right after printing it, or null (a trace line, or not stated plainly). */
  errno: string | null;
  /** What the message means, where the project has written it; else null. */
  meaning: string | null;
  /** What usually resolves it, where written. */
  fix: string | null;
  /** The error class write-up that covers it, when that write-up exists. */
  class: ClassLink | null;
  /** `/verifier#<id>`. */
  url: string;
  /** How the paste's kernel stands against the message's kernels; absent when the kernel is unknown. */
  kernelFit?: KernelFit;
  /** What that means, when the kernel is not plainly in the span ("This message does not exist in 5.4: ..."). */
  kernelNote?: string;
  /** Other catalog messages that print this very line in other kernels (7.3 rewrote R%d as %s). */
  otherFormats?: { id: string; template: string; firstKernel: string; lastKernel: string }[];
  /** The whole reading in words: meaning (or that none is written), who prints it, the kernel note. */
  note: string;
  lines: number[];
  /** Set when the paste's kernel is known and predates the first kernel that prints it. */
  missingOnKernel?: boolean;
}

/**
 * Linux 7.3's structured verifier failure: the block that starts `Verification failed: <category>:
 * <title>` and goes on with `Reason:`, `At:`, `Causal path:`, `Active lock:` and `Suggestion:`.
 */
export interface VerifierFailure {
  category: string;
  title: string;
  /** False when the category is not one the catalogued 7.3 kernel prints. */
  knownCategory: boolean;
  reason: string | null;
  suggestion: string | null;
  /** The `At:` section: the failing instruction. */
  at: {
    /** `func @ file.c:12:5`, or `insn 12` when the program has no line info. */
    where: string | null;
    /** The instruction index. */
    insn: number | null;
    /** The source line marked `>>>`, when the program has line info. */
    source: string | null;
    /** The instruction marked `>>>` (`(61) r0 = *(u32 *)(r1 +8)`). */
    instruction: string | null;
    /** The annotation under it (`error: R0 is not readable`). */
    annotation: string | null;
  } | null;
  /** The `Active lock:` section's annotation, when the kernel printed one. */
  activeLock: string | null;
  /** The `Causal path:` section's annotations, oldest first (at most a few). */
  causalPath: string[];
  /** The error class the category (and title or reason) belongs to, when that write-up exists. */
  class: (ClassLink & { why: string }) | null;
  /** Original line numbers of the block, first and last. */
  lines: number[];
}

export type EvidenceKind =
  | "template"
  | "near-miss"
  | "component"
  | "kernel"
  | "helper"
  | "errno"
  | "text"
  | "citation"
  | "ranking";

export interface Evidence {
  /** Original line number in the paste (1-based); 0 when the evidence is not one line (e.g. --kernel). */
  line: number;
  reason: string;
  kind: EvidenceKind;
  /** The pasted line as unwrapped, for highlighting. */
  text?: string;
  /** Set on evidence that speaks against the record. */
  against?: boolean;
}

export interface MatchItem {
  slug: string;
  title: string;
  /** 0..1, higher is better. */
  score: number;
  /**
   * A template of the record matched, or the paste cites a thread the record cites, and nothing in the
   * paste contradicts it.
   */
  confident: boolean;
  evidence: Evidence[];
  kind: Kind;
  url: string;
  /** The record's subsystems (a draft write-up borrows them when the paste names none). */
  subsystems: string[];
}

export interface KernelSource {
  from: "option" | "paste";
  /** Line of the paste it was read from, null for the option. */
  line: number | null;
  text: string;
}

export interface MatchResult {
  matches: MatchItem[];
  decoded: DecodedItem[];
  /** The kernel the paste ran on (`5.4.0`), from the option or the paste, or null. */
  kernel: string | null;
  /** Component ids named in the paste, in order of first mention. */
  components: string[];
  kernelSource: KernelSource | null;
  /**
   * When no record is confident: the error class the message's shape belongs to (its template or its
   * skeleton matched), so the reader learns the family even where no incident covers the case.
   */
  family: { slug: string; title: string; url: string; reason: string } | null;
  /** Words of the most telling failure line, for a search of the knowledge base (`/?q=`). */
  search: string | null;
  /** Set while the browser has only the core index: templates and signals answered, full-text scores not yet. */
  partial?: boolean;
  /** Linux 7.3+'s structured verifier failure, when the paste holds one (the first, if several); else null. */
  verifierFailure?: VerifierFailure | null;
  notices: Notice[];
  /** True when the paste was cut at the size cap. */
  truncated: boolean;
  stats: { inputChars: number; lines: number; distinctLines: number; ms: number };
}

/** What the match index is built from: one record, as lib/records/projections.ts `toMatchSource` gives it. */
export interface MatchSource {
  slug: string;
  title: string;
  kind: Kind;
  url: string;
  summary: string;
  aliases: string[];
  tags: string[];
  components: { id: string; versions: string | null }[];
  /** The affected kernel range as data, or null: any kernel. */
  range: KernelRangeData | null;
  classes: string[];
  subsystems: Subsystem[];
  errors: { text: string; template: string; where: string | null }[];
  /** The body as plain text; only its start is indexed. */
  bodyText: string;
  /** The GitHub issues and pull requests the record cites, as `owner/repo#N` (lower case). */
  cites: string[];
}
