/**
 * The domain records every layer shares. Plain types only: lib/content builds them from
 * write-ups (server side), pages and the matcher read them.
 */
export const KINDS = ["incident", "error-class", "upgrade-note"] as const;
export type Kind = (typeof KINDS)[number];

export const STATUSES = ["open", "workaround", "fixed", "info"] as const;
export type Status = (typeof STATUSES)[number];

export const SUBSYSTEMS = [
  "verifier",
  "helpers",
  "kfuncs",
  "btf",
  "co-re",
  "maps",
  "memlock",
  "capabilities",
  "xdp",
  "tc",
  "netlink",
  "kprobe",
  "fentry",
  "tracepoint",
  "uprobe",
  "lsm",
  "cgroup",
  "sockops",
  "perf-event",
  "ringbuf",
  "kernel-config",
  "loader",
  "datapath",
  "upgrade",
] as const;
export type Subsystem = (typeof SUBSYSTEMS)[number];

/** Sections each kind must have, in this order (content/README.md). */
export const REQUIRED_SECTIONS: Record<Kind, readonly string[]> = {
  incident: ["Symptoms", "Root cause", "Fix", "Workarounds", "Verify on your node"],
  "error-class": ["Symptoms", "Causes", "Verify on your node", "Fix"],
  "upgrade-note": ["What changed", "Impact", "What to do"],
};

export const KIND_LABELS: Record<Kind, string> = {
  incident: "Incident",
  "error-class": "Error class",
  "upgrade-note": "Upgrade note",
};

export const STATUS_LABELS: Record<Status, string> = {
  open: "Open",
  workaround: "Workaround",
  fixed: "Fixed",
  info: "Info",
};

export interface ComponentRef {
  id: string;
  versions: string | null;
}

export interface KernelInfo {
  /** The range as written (`<5.8`), or null: any kernel. */
  affected: string | null;
  fixedIn: string | null;
  note: string | null;
  /** "Linux below 5.8", "5.4 series only", "any kernel". */
  label: string;
  /** "below 5.8", "5.4 series", "any kernel": facet choice label. */
  short: string;
}

export interface ErrorEntry {
  text: string;
  template: string;
  where: string | null;
  /** Stable facet key for the template (URL value of `error=`). */
  key: string;
}

/** Who establishes a reference's claim: the person or artefact the URL points at. */
export const CLAIM_SOURCES = ["maintainer", "reporter", "contributor", "commit", "code", "docs", "release", "mailing-list"] as const;
export type ClaimSource = (typeof CLAIM_SOURCES)[number];

export const CLAIM_SOURCE_LABELS: Record<ClaimSource, string> = {
  maintainer: "A maintainer",
  reporter: "The reporter",
  contributor: "A contributor",
  commit: "The commit",
  code: "The code",
  docs: "The documentation",
  release: "The release notes",
  "mailing-list": "The mailing list",
};

export interface Reference {
  title: string;
  url: string;
  /** The fact this source establishes, in the write-up's own words; null when the source is background. */
  claim: string | null;
  by: ClaimSource | null;
}

/** What the browser needs of a record: everything but the rendered body. */
export interface IssueSummary {
  slug: string;
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
}

export interface Section {
  id: string;
  title: string;
  html: string;
}

export interface IssueRecord extends IssueSummary {
  /** Path of the write-up, relative to the content folder. */
  file: string;
  sections: Section[];
  /** The body as plain text, for similarity scoring. */
  bodyText: string;
}
