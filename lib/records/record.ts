/**
 * The domain record: what lib/content builds from one write-up, with every value already parsed (the
 * kernel range as a KernelRange, each error template compiled). Server and CLI code read it; the
 * browser gets projections of it (lib/records/projections.ts), which are plain data.
 */
import type { KernelRange, KernelRangeData } from "@/lib/kernel/range";
import type { ClaimSource, Kind, Status, Subsystem } from "@/lib/records/vocabulary";
import type { CompiledTemplate } from "@/lib/template/compile";

export interface ComponentRef {
  id: string;
  versions: string | null;
}

export interface KernelInfo {
  /** The affected range, or null: any kernel. */
  range: KernelRange | null;
  fixedIn: string | null;
  note: string | null;
  /** "Linux below 5.8", "5.4 series only", "any kernel". */
  label: string;
  /** "below 5.8", "5.4 series", "any kernel": facet choice label. */
  short: string;
}

export interface ErrorEntry {
  text: string;
  /** The template as written. */
  template: string;
  compiled: CompiledTemplate;
  where: string | null;
  /** Stable facet key for the template (URL value of `error=`). */
  key: string;
}

export interface Reference {
  title: string;
  url: string;
  /** The fact this source establishes, in the write-up's own words; null when the source is background. */
  claim: string | null;
  by: ClaimSource | null;
}

export interface Section {
  id: string;
  title: string;
  html: string;
  /** The section's first paragraph, on one line: as plain text and as Markdown (inline code kept). Empty when it has none. */
  lead: { text: string; markdown: string };
}

export interface IssueRecord {
  slug: string;
  /** The page's path, from ROUTES. */
  url: string;
  title: string;
  kind: Kind;
  status: Status;
  summary: string;
  aliases: string[];
  components: ComponentRef[];
  kernel: KernelInfo;
  distros: string[];
  subsystems: Subsystem[];
  errors: ErrorEntry[];
  classes: string[];
  tags: string[];
  references: Reference[];
  updated: string;
  /** Path of the write-up, relative to the working directory. */
  file: string;
  /** Rendered text before the first `##` heading; empty when there is none. */
  introHtml: string;
  sections: Section[];
  /** The body as plain text, for similarity scoring. */
  bodyText: string;
}

/**
 * What the browser needs of a record for browsing, searching, filtering and the kernel report: plain
 * data (it crosses from server components to client ones), no body, no references.
 */
export interface IssueSummary {
  slug: string;
  url: string;
  title: string;
  kind: Kind;
  status: Status;
  summary: string;
  aliases: string[];
  components: ComponentRef[];
  kernel: { range: KernelRangeData | null; label: string; short: string };
  subsystems: Subsystem[];
  errors: { text: string; template: string; key: string }[];
  classes: string[];
  tags: string[];
  updated: string;
}
