/**
 * The words a write-up may use: kinds, statuses, subsystems, who establishes a claim, and the sections
 * each kind must have. Plain data, shared by the schema, the pages, the facets and the CLI.
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
