/**
 * Kernel ranges as write-ups state them (`kernel.affected`): a tiny language, not semver.
 *
 *   <5.8            every kernel below 5.8
 *   >=5.4 <5.10     comparators separated by spaces must all hold
 *   5.4.x           one series (>=5.4 <5.5)
 *   =5.4.273        one release
 *   5.4.x || 5.10.x either side
 *
 * See content/README.md ("Kernel ranges"). Text becomes a KernelRange in two places only: the content
 * gateway (a write-up's `kernel.affected`) and the facet registry (a `?kernel=` value). Everything past
 * them holds the object, or its plain data (`toData`) where a value crosses to the browser.
 */
import { compareVersions, parseStrictVersion, type KernelVersion } from "@/lib/kernel/version";

type Op = "<" | "<=" | ">" | ">=" | "=";
type Triple = Pick<KernelVersion, "major" | "minor" | "patch">;

/** One comparator as plain data: `[op, major, minor, patch, patchWritten]`. */
export interface ComparatorData {
  op: Op;
  v: [number, number, number];
  /** Whether the text gave a patch number: `=5.4` is the whole 5.4 line, `=5.4.0` one release. */
  patch: boolean;
  text: string;
}

/** A range as plain data (JSON), for the browser and the match index. An OR of ANDs. */
export interface KernelRangeData {
  source: string;
  anyOf: ComparatorData[][];
}

export class KernelRangeError extends Error {}

const MAX_RANGE_CHARS = 200;

function parseClause(clause: string, source: string): ComparatorData[] {
  const parts = clause.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) throw new KernelRangeError(`empty clause in kernel range "${source}"`);
  const out: ComparatorData[] = [];
  for (const part of parts) {
    const series = /^(\d{1,2})\.(\d{1,3})\.[xX*]$/.exec(part);
    if (series) {
      const major = Number(series[1]);
      const minor = Number(series[2]);
      out.push({ op: ">=", v: [major, minor, 0], patch: false, text: part });
      out.push({ op: "<", v: [major, minor + 1, 0], patch: false, text: part });
      continue;
    }
    const m = /^(<=|>=|<|>|=)?(.+)$/.exec(part);
    const version = m?.[2] ? parseStrictVersion(m[2]) : null;
    if (!m || !version) {
      throw new KernelRangeError(`cannot read "${part}" in kernel range "${source}" (expected e.g. "<5.8", ">=5.4 <5.10", "5.4.x")`);
    }
    out.push({ op: (m[1] as Op | undefined) ?? "=", v: [version.major, version.minor, version.patch], patch: /\d+\.\d+\.\d+/.test(m[2] ?? ""), text: part });
  }
  return out;
}

const triple = (c: ComparatorData): Triple => ({ major: c.v[0], minor: c.v[1], patch: c.v[2] });

function holds(c: ComparatorData, v: Triple): boolean {
  // "=5.4" means the whole 5.4.y line when no patch was written.
  if (c.op === "=") return c.patch ? compareVersions(v, triple(c)) === 0 : v.major === c.v[0] && v.minor === c.v[1];
  // "<=5.4" and ">5.4" speak of the whole 5.4 line when no patch was written.
  if ((c.op === "<=" || c.op === ">") && !c.patch) {
    const d = v.major - c.v[0] || v.minor - c.v[1];
    return c.op === "<=" ? d <= 0 : d > 0;
  }
  const d = compareVersions(v, triple(c));
  switch (c.op) {
    case "<":
      return d < 0;
    case "<=":
      return d <= 0;
    case ">":
      return d > 0;
    case ">=":
      return d >= 0;
  }
}

function versionText(c: ComparatorData): string {
  return c.v[2] !== 0 ? `${c.v[0]}.${c.v[1]}.${c.v[2]}` : `${c.v[0]}.${c.v[1]}`;
}

function describeClause(clause: readonly ComparatorData[]): string {
  const only = clause.length === 1 ? clause[0] : undefined;
  if (only && !only.text.endsWith(".x")) {
    const v = versionText(only);
    switch (only.op) {
      case "<":
        return `Linux below ${v}`;
      case "<=":
        return `Linux ${v} and older`;
      case ">":
        return `Linux newer than ${v}`;
      case ">=":
        return `Linux ${v} and later`;
      case "=":
        return only.patch ? `Linux ${v} only` : `${v} series only`;
    }
  }
  const lower = clause.find((c) => c.op === ">=" || c.op === ">");
  const upper = clause.find((c) => c.op === "<" || c.op === "<=");
  if (clause.length === 2 && lower && upper) {
    // ">=5.4 <5.5" is one series.
    if (lower.op === ">=" && upper.op === "<" && lower.v[2] === 0 && upper.v[2] === 0 && upper.v[0] === lower.v[0] && upper.v[1] === lower.v[1] + 1) {
      return `${lower.v[0]}.${lower.v[1]} series only`;
    }
    const from = versionText(lower);
    const to = versionText(upper);
    const start = lower.op === ">=" ? `Linux ${from}` : `Linux newer than ${from}`;
    return upper.op === "<" ? `${start} up to (not including) ${to}` : `${start} to ${to}`;
  }
  return `Linux ${clause.map((c) => c.text).join(" ")}`;
}

/** The label of "no range": the failure is not tied to a kernel version. */
export const ANY_KERNEL_LABEL = "any kernel";

/** A parsed kernel range. Immutable; `affects` answers whether a kernel version lies inside it. */
export class KernelRange {
  readonly source: string;
  readonly anyOf: readonly (readonly ComparatorData[])[];
  /** "Linux below 5.8", "5.4 series only", "5.4 series or 5.10 series". */
  readonly label: string;
  /** A short facet label: "below 5.8", "5.4 series". */
  readonly short: string;

  private constructor(data: KernelRangeData) {
    this.source = data.source;
    this.anyOf = data.anyOf;
    const parts = data.anyOf.map(describeClause);
    // "5.4 series or 5.10 series" (content/README.md): "only" belongs to a single clause, not to each side of an "or".
    this.label = parts.length === 1 ? (parts[0] ?? ANY_KERNEL_LABEL) : parts.map((p, i) => (i === 0 ? p : p.replace(/^Linux /, "")).replace(/ only$/, "")).join(" or ");
    this.short = this.label.replace(/^Linux /, "").replace(/ only$/, "");
  }

  /** Reads range text. Throws KernelRangeError with a message fit for a lint line. */
  static parse(text: string): KernelRange {
    const source = text.trim();
    if (!source) throw new KernelRangeError("kernel range is empty");
    if (source.length > MAX_RANGE_CHARS) throw new KernelRangeError(`kernel range is longer than ${MAX_RANGE_CHARS} characters`);
    return new KernelRange({ source, anyOf: source.split("||").map((c) => parseClause(c, source)) });
  }

  /** Revives a range from its own `toData()` (the match index, props sent to the browser). */
  static fromData(data: KernelRangeData): KernelRange {
    return new KernelRange(data);
  }

  affects(v: Triple): boolean {
    return this.anyOf.some((clause) => clause.every((c) => holds(c, v)));
  }

  /** The versions the range names, in the order written: candidates for "an example kernel inside it". */
  namedVersions(): Triple[] {
    return this.anyOf.flatMap((clause) => clause.map(triple));
  }

  toData(): KernelRangeData {
    return { source: this.source, anyOf: this.anyOf.map((clause) => clause.map((c) => ({ ...c, v: [...c.v] as [number, number, number] }))) };
  }
}
