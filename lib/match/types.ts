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

export type DecodedKind = "helper" | "prog-type" | "map-type" | "errno" | "placeholder";

/** A plain reading of one kernel or loader value found in the paste, independent of the records. */
export interface DecodedItem {
  kind: DecodedKind;
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
