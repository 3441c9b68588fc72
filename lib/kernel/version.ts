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

// major.minor[.patch] followed by a suffix that starts with - + _ ~ or a dot and a letter, or ends the
// token. A dot and a digit is not a suffix: `5.4.999999` is no kernel, not 5.4.0 with a suffix.
const SUFFIX = "(?:[-+_~][\\w.+~-]{0,120}|\\.(?!\\d)[\\w.+~-]{0,120})?";
const VERSION_RE = new RegExp(`(?<![\\w.-])(\\d{1,2})\\.(\\d{1,3})(?:\\.(\\d{1,5}))?(${SUFFIX})(?![\\w.])`);
const RELEASE_RE = new RegExp(`^v?(\\d{1,2})\\.(\\d{1,3})(?:\\.(\\d{1,5}))?(${SUFFIX})$`);

/** Linux has numbered 2.6 to 7.x; a minor above 30 has never been released and is no kernel. */
const plausible = (major: number, minor: number) => major >= 2 && major <= 9 && minor <= 30;

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
    if (!plausible(major, minor)) continue;
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

/**
 * Parses exactly one release as `uname -r` prints it (`5.4.0-189-generic`, `6.1`), and nothing
 * else: no leading sign, no words around it. What flags and URL parameters accept.
 */
export function parseKernelRelease(input: string): KernelVersion | null {
  const text = input.trim();
  if (text.length > 160) return null;
  const m = RELEASE_RE.exec(text);
  if (!m) return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (!plausible(major, minor)) return null;
  return { major, minor, patch: m[3] === undefined ? 0 : Number(m[3]), suffix: m[4] ?? "", raw: text };
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

/**
 * Parses `5.8` or `5.8.1` strictly (the form the fact tables and ranges use). The patch number is as
 * wide as the readers above accept (five digits), so formatVersion of any version they read parses here.
 */
export function parseStrictVersion(text: string): KernelVersion | null {
  const m = /^(\d{1,2})\.(\d{1,3})(?:\.(\d{1,5}))?$/.exec(text.trim());
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? 0 : Number(m[3]), suffix: "", raw: m[0] };
}

/** True when version `v` is at least `since` (e.g. a helper's first kernel). */
export function atLeast(v: KernelVersion, since: string): boolean {
  const s = parseStrictVersion(since);
  return s !== null && compareVersions(v, s) >= 0;
}
