/**
 * Kernel ranges as write-ups state them (`kernel.affected`): a tiny language, not semver.
 *
 *   <5.8            every kernel below 5.8
 *   >=5.4 <5.10     comparators separated by spaces must all hold
 *   5.4.x           one series (>=5.4 <5.5)
 *   =5.4.273        one release
 *   5.4.x || 5.10.x either side
 *
 * See content/README.md ("Kernel ranges").
 */
import { compareVersions, parseStrictVersion, type KernelVersion } from "@/lib/kernel/version";

type Op = "<" | "<=" | ">" | ">=" | "=";

export interface Comparator {
  op: Op;
  version: Pick<KernelVersion, "major" | "minor" | "patch">;
  text: string;
}

/** A range is an OR of ANDs of comparators. */
export interface KernelRange {
  source: string;
  anyOf: Comparator[][];
}

export class RangeError extends Error {}

function versionText(v: Pick<KernelVersion, "major" | "minor" | "patch">, keepPatch: boolean): string {
  return keepPatch || v.patch !== 0 ? `${v.major}.${v.minor}.${v.patch}` : `${v.major}.${v.minor}`;
}

function parseClause(clause: string, source: string): Comparator[] {
  const parts = clause.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) throw new RangeError(`empty clause in kernel range "${source}"`);
  const out: Comparator[] = [];
  for (const part of parts) {
    const series = /^(\d{1,2})\.(\d{1,3})\.[xX*]$/.exec(part);
    if (series) {
      const major = Number(series[1]);
      const minor = Number(series[2]);
      out.push({ op: ">=", version: { major, minor, patch: 0 }, text: part });
      out.push({ op: "<", version: { major, minor: minor + 1, patch: 0 }, text: part });
      continue;
    }
    const m = /^(<=|>=|<|>|=)?(.+)$/.exec(part);
    const version = m?.[2] ? parseStrictVersion(m[2]) : null;
    if (!m || !version) {
      throw new RangeError(`cannot read "${part}" in kernel range "${source}" (expected e.g. "<5.8", ">=5.4 <5.10", "5.4.x")`);
    }
    out.push({ op: (m[1] as Op | undefined) ?? "=", version, text: part });
  }
  return out;
}

export function parseRange(source: string): KernelRange {
  const trimmed = source.trim();
  if (!trimmed) throw new RangeError("kernel range is empty");
  if (trimmed.length > 200) throw new RangeError("kernel range is longer than 200 characters");
  const anyOf = trimmed.split("||").map((c) => parseClause(c, trimmed));
  return { source: trimmed, anyOf };
}

function holds(c: Comparator, v: Pick<KernelVersion, "major" | "minor" | "patch">): boolean {
  // "=5.4" means the whole 5.4.y line when no patch was written.
  if (c.op === "=") {
    const hasPatch = /\d+\.\d+\.\d+/.test(c.text);
    return hasPatch ? compareVersions(v, c.version) === 0 : v.major === c.version.major && v.minor === c.version.minor;
  }
  // "<=5.4" and ">5.4" speak of the whole 5.4 line when no patch was written.
  if ((c.op === "<=" || c.op === ">") && !/\d+\.\d+\.\d+/.test(c.text)) {
    const d = v.major - c.version.major || v.minor - c.version.minor;
    return c.op === "<=" ? d <= 0 : d > 0;
  }
  const d = compareVersions(v, c.version);
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

export function rangeContains(range: KernelRange, v: Pick<KernelVersion, "major" | "minor" | "patch">): boolean {
  return range.anyOf.some((clause) => clause.every((c) => holds(c, v)));
}

function describeClause(clause: Comparator[]): string {
  if (clause.length === 1 && clause[0]?.text.endsWith(".x") === false && clause[0]) {
    const c = clause[0];
    const v = versionText(c.version, false);
    switch (c.op) {
      case "<":
        return `Linux below ${v}`;
      case "<=":
        return `Linux ${v} and older`;
      case ">":
        return `Linux newer than ${v}`;
      case ">=":
        return `Linux ${v} and later`;
      case "=":
        return /\d+\.\d+\.\d+/.test(c.text) ? `Linux ${v} only` : `${v} series only`;
    }
  }
  const lower = clause.find((c) => c.op === ">=" || c.op === ">");
  const upper = clause.find((c) => c.op === "<" || c.op === "<=");
  if (clause.length === 2 && lower && upper) {
    // ">=5.4 <5.5" is one series.
    if (
      lower.op === ">=" &&
      upper.op === "<" &&
      lower.version.patch === 0 &&
      upper.version.patch === 0 &&
      upper.version.major === lower.version.major &&
      upper.version.minor === lower.version.minor + 1
    ) {
      return `${lower.version.major}.${lower.version.minor} series only`;
    }
    const from = versionText(lower.version, false);
    const to = versionText(upper.version, false);
    const start = lower.op === ">=" ? `Linux ${from}` : `Linux newer than ${from}`;
    return upper.op === "<" ? `${start} up to (not including) ${to}` : `${start} to ${to}`;
  }
  return `Linux ${clause.map((c) => c.text).join(" ")}`;
}

/** Words for a range: "Linux below 5.8", "5.4 series only"; null range → "any kernel". */
export function describeRange(range: KernelRange | null): string {
  if (!range) return "any kernel";
  const parts = range.anyOf.map(describeClause);
  if (parts.length === 1) return parts[0] ?? "any kernel";
  // "5.4 series or 5.10 series" (content/README.md): "only" belongs to a single clause, not to each side of an "or".
  return parts.map((p, i) => (i === 0 ? p : p.replace(/^Linux /, "")).replace(/ only$/, "")).join(" or ");
}

/** A short facet label: "below 5.8", "5.4 series". */
export function shortRangeLabel(range: KernelRange | null): string {
  return describeRange(range).replace(/^Linux /, "").replace(/ only$/, "");
}
