/**
 * Kernel version numbers as `uname -r` and `uname -a` print them, reduced to the mainline triple
 * that kernel ranges speak of. Distribution suffixes (`-189-generic`, `.el8_10.x86_64`, `-amd64`)
 * are kept aside: they matter for backports, not for ordering.
 */
export interface KernelVersion {
  major: number;
  minor: number;
  patch: number;
  /** What followed the numbers, e.g. `-189-generic` or `-553.el8_10.x86_64`; empty when none. */
  suffix: string;
  /** The text the version was read from, trimmed. */
  raw: string;
}

// major.minor[.patch] followed by a suffix that starts with - + . _ or ends the token.
const VERSION_RE = /(?<![\w.])(\d{1,2})\.(\d{1,3})(?:\.(\d{1,4}))?((?:[-+_.~][\w.+~-]*)?)(?![\w])/;

/**
 * Parses a kernel version from `uname -r` (`5.4.0-189-generic`), `uname -a`
 * (`Linux node-1 5.15.0-1042-azure #49-Ubuntu SMP ...`) or a bare `5.4`/`5.4.273`.
 * Returns null when no plausible kernel version is present.
 */
export function parseKernelVersion(input: string): KernelVersion | null {
  const text = input.trim().slice(0, 4096);
  if (!text) return null;
  // `uname -a`: "Linux <hostname> <release> ..." — take the third field when it parses.
  const unameA = /^Linux\s+\S+\s+(\S+)/.exec(text);
  const candidates = unameA?.[1] ? [unameA[1], text] : [text];
  for (const candidate of candidates) {
    const m = VERSION_RE.exec(candidate);
    if (!m) continue;
    const major = Number(m[1]);
    const minor = Number(m[2]);
    // Linux versions run 2.6 .. 9.x today; anything else is not a kernel version.
    if (major < 2 || major > 9 || minor > 99) continue;
    return {
      major,
      minor,
      patch: m[3] === undefined ? 0 : Number(m[3]),
      suffix: m[4] ?? "",
      raw: m[0],
    };
  }
  return null;
}

export function compareVersions(a: Pick<KernelVersion, "major" | "minor" | "patch">, b: Pick<KernelVersion, "major" | "minor" | "patch">): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** `5.4.0-189-generic` → `5.4.0`. */
export function formatVersion(v: Pick<KernelVersion, "major" | "minor" | "patch">): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

/** `5.4.0-189-generic` → `5.4`: the series a long-term kernel belongs to. */
export function formatSeries(v: Pick<KernelVersion, "major" | "minor">): string {
  return `${v.major}.${v.minor}`;
}

/** Parses `5.8` or `5.8.1` strictly (the form the fact tables and ranges use). */
export function parseStrictVersion(text: string): KernelVersion | null {
  const m = /^(\d{1,2})\.(\d{1,3})(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? 0 : Number(m[3]), suffix: "", raw: m[0] };
}

/** True when version `v` is at least `since` (e.g. a helper's first kernel). */
export function atLeast(v: KernelVersion, since: string): boolean {
  const s = parseStrictVersion(since);
  return s !== null && compareVersions(v, s) >= 0;
}
