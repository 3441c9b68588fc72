/**
 * The verifier message catalog as the matcher, the /verifier page and the CLI read it: a compact
 * form of catalog.generated.json joined with meanings.json, in which an error class is named only
 * when that write-up exists (the caller says which do). Built at build time and served as the static
 * file /verifier-catalog.json, which the /match worker and the /verifier page load when they need it,
 * so the catalog never weighs on a page's first load. Pure: no fs (lib/verifier/sources.ts reads).
 */
import { parseKernelVersion, type KernelVersion } from "@/lib/kernel/version";
import type { KernelFit } from "@/lib/match/types";
import type { Catalog, CatalogMessage } from "@/lib/verifier/catalog-build";

/** Bumped whenever the JSON shape changes, so a stale file is refused rather than misread. */
export const VERIFIER_CATALOG_VERSION = 1;

/** One entry of meanings.json. */
export interface Meaning {
  template: string;
  class?: string;
  meaning: string;
  fix: string;
}

export interface MeaningsFile {
  about: string;
  meanings: Record<string, Meaning>;
}

/** One message, as /verifier-catalog.json holds it. */
export interface VerifierMessage {
  id: string;
  template: string;
  /** The kernel function whose check prints it (the catalog's `fn`). */
  check: string | null;
  file: string;
  errno: string | null;
  /** The catalogued kernels that print it: bit i stands for `kernels[i]` of the catalog. */
  kernels: number;
  /** False when the template has too little literal text to be matched on a line by itself. */
  matchable: boolean;
  /** The printf format, for messages that cannot be matched (a fragment such as " -> " or a bare newline). */
  format?: string;
  meaning?: string;
  fix?: string;
  /** An error class slug, only where that write-up exists. */
  class?: string;
}

export interface VerifierCatalogData {
  version: number;
  about: string;
  /** The catalogued kernels' series, oldest first ("4.19", ..., "7.3-rc7"). */
  kernels: string[];
  /** Titles of the error-class write-ups that messages name, by slug (only those that exist). */
  classes: Record<string, string>;
  /** The kernel that prints the structured failure block, and its categories and sections. */
  structured: { kernel: string; file: string; categories: string[]; sections: string[] } | null;
  messages: VerifierMessage[];
}

/** What of the generated catalog the served form needs. */
export interface CatalogInput {
  kernels: Pick<Catalog["kernels"][number], "series">[];
  structured: Pick<NonNullable<Catalog["structured"]>, "kernel" | "file" | "categories" | "sections"> | null;
  messages: Pick<CatalogMessage, "id" | "template" | "format" | "fn" | "file" | "errno" | "kernels" | "matchable">[];
}

/**
 * Joins the generated catalog and the meanings into the served form. `classTitles` holds the
 * write-ups of the content (slug → title): a class a meaning names but the content lacks is dropped.
 */
export function buildVerifierCatalogData(catalog: CatalogInput, meanings: MeaningsFile, classTitles: ReadonlyMap<string, string>): VerifierCatalogData {
  const series = catalog.kernels.map((k) => k.series);
  const bit = new Map(series.map((s, i) => [s, 2 ** i]));
  const classes: Record<string, string> = {};
  const messages = catalog.messages.map((m): VerifierMessage => {
    const explained = meanings.meanings[m.id];
    // A meaning whose template no longer matches its id would explain another message: left out.
    const meaning = explained && explained.template === m.template ? explained : undefined;
    const title = meaning?.class ? classTitles.get(meaning.class) : undefined;
    if (meaning?.class && title) classes[meaning.class] = title;
    return {
      id: m.id,
      template: m.template,
      check: m.fn,
      file: m.file,
      errno: m.errno,
      kernels: m.kernels.reduce((n, s) => n + (bit.get(s) ?? 0), 0),
      matchable: m.matchable,
      ...(m.matchable ? {} : { format: m.format }),
      ...(meaning ? { meaning: meaning.meaning, fix: meaning.fix } : {}),
      ...(meaning?.class && title ? { class: meaning.class } : {}),
    };
  });
  const s = catalog.structured;
  return {
    version: VERIFIER_CATALOG_VERSION,
    about: "Verifier log messages of the catalogued kernels with their meanings; see /verifier.",
    kernels: series,
    classes,
    structured: s ? { kernel: s.kernel, file: s.file, categories: [...s.categories], sections: [...s.sections] } : null,
    messages,
  };
}

export class VerifierCatalogError extends Error {}

/** A catalogued kernel's series as numbers ("7.3-rc7" is 7.3). */
export interface CatalogSeries {
  label: string;
  major: number;
  minor: number;
}

/** The catalog read back, with what lookups need. */
export interface VerifierCatalogView {
  data: VerifierCatalogData;
  series: CatalogSeries[];
  byId: Map<string, VerifierMessage>;
}

/** Reads /verifier-catalog.json (text or parsed). Throws VerifierCatalogError when it is not a catalog of this version. */
export function readVerifierCatalog(json: string | unknown): VerifierCatalogView {
  let data: unknown = json;
  if (typeof json === "string") {
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw new VerifierCatalogError(`the verifier catalog is not JSON: ${(e as Error).message}`);
    }
  }
  if (!isCatalogData(data)) throw new VerifierCatalogError("the verifier catalog has an unexpected shape");
  if (data.version !== VERIFIER_CATALOG_VERSION) {
    throw new VerifierCatalogError(`the verifier catalog is version ${data.version}; this code reads version ${VERIFIER_CATALOG_VERSION}`);
  }
  const series = data.kernels.map((label) => {
    const v = parseKernelVersion(label);
    if (!v) throw new VerifierCatalogError(`the verifier catalog names a kernel "${label}" that is not a version`);
    return { label, major: v.major, minor: v.minor };
  });
  return { data, series, byId: new Map(data.messages.map((m) => [m.id, m])) };
}

function isCatalogData(v: unknown): v is VerifierCatalogData {
  if (!v || typeof v !== "object") return false;
  const o = v as Record<string, unknown>;
  return typeof o.version === "number" && Array.isArray(o.kernels) && Array.isArray(o.messages) && !!o.classes && typeof o.classes === "object";
}

/** The catalogued kernels that print the message, oldest first. */
export function kernelsOf(view: Pick<VerifierCatalogView, "series">, m: Pick<VerifierMessage, "kernels">): string[] {
  return view.series.filter((_, i) => (m.kernels & (2 ** i)) !== 0).map((s) => s.label);
}

/** The oldest and newest catalogued kernels that print it. */
export function spanOf(view: Pick<VerifierCatalogView, "series">, m: Pick<VerifierMessage, "kernels">): { first: string; last: string } {
  const list = kernelsOf(view, m);
  return { first: list[0] ?? "", last: list[list.length - 1] ?? "" };
}

const cmpSeries = (a: { major: number; minor: number }, b: { major: number; minor: number }) => a.major - b.major || a.minor - b.minor;

/**
 * Where kernel `v` stands against the kernels that print message `m`, at the catalog's grain (a
 * series): `in` when a catalogued series that prints it is v's own, or v lies between two that both
 * print it; `outside` when v's series is catalogued and does not print it, or v lies at or beyond a
 * catalogued series that shows it absent on that side; `unknown` otherwise. `text` says it plainly
 * when it is not `in`.
 */
export function kernelFit(view: Pick<VerifierCatalogView, "series">, m: Pick<VerifierMessage, "kernels">, v: Pick<KernelVersion, "major" | "minor">): { fit: KernelFit; text: string | null } {
  const series = view.series;
  const has = (i: number) => (m.kernels & (2 ** i)) !== 0;
  const label = `${v.major}.${v.minor}`;
  const { first, last } = spanOf(view, m);
  const found = `the catalog finds it in ${first === last ? `Linux ${first} only` : `Linux ${first} to ${last}`}`;
  const absent: { fit: KernelFit; text: string } = {
    fit: "outside",
    text: `This message does not exist in ${label} (${found}): the log is from another kernel, or a distribution backport.`,
  };
  const exact = series.findIndex((s) => cmpSeries(s, v) === 0);
  if (exact >= 0) return has(exact) ? { fit: "in", text: null } : absent;
  // Between two catalogued series, or beyond either end.
  const after = series.findIndex((s) => cmpSeries(s, v) > 0);
  const below = after < 0 ? series.length - 1 : after - 1;
  if (below >= 0 && after >= 0) {
    const [lo, hi] = [has(below), has(after)];
    if (lo && hi) return { fit: "in", text: null };
    if (!lo && !hi) {
      // Both neighbours lack it: v is past the span on one side, unless the message has a gap here.
      const anyBelow = series.slice(0, below + 1).some((_, i) => has(i));
      const anyAbove = series.slice(after).some((_, i) => has(after + i));
      if (!(anyBelow && anyAbove)) return absent;
      return { fit: "unknown", text: `Linux ${label} lies between ${series[below]!.label} and ${series[after]!.label}, neither of which prints this message (${found}).` };
    }
    const withIt = lo ? series[below]!.label : series[after]!.label;
    const without = lo ? series[after]!.label : series[below]!.label;
    return { fit: "unknown", text: `Linux ${label} lies between ${withIt}, which prints this message, and ${without}, which does not: it may or may not exist in ${label}.` };
  }
  if (after === 0) {
    return has(0)
      ? { fit: "unknown", text: `Linux ${label} is older than the catalogued kernels (${series[0]!.label} and later): it may or may not print this message.` }
      : absent;
  }
  // Newer than every catalogued kernel.
  return has(series.length - 1)
    ? { fit: "unknown", text: null }
    : { fit: "outside", text: `This message does not exist in ${series[series.length - 1]!.label} (${found}), so likely not in ${label} either: the log is from an older kernel, or a distribution backport.` };
}
