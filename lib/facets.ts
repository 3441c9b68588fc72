/**
 * The facet registry: every facet of the browse page declared once, with its URL key, the parser that
 * turns one URL value into a typed value, the predicate, the choices it offers and how it is shown.
 * The URL state (lib/search-params.ts), the filter and counts (below), the facet panel, the kernel
 * box, `kb list` and the kernel report all read this table: adding a facet is a change here alone.
 *
 * A record is filtered as OR within a facet and AND across facets; each choice's count applies every
 * other facet, as faceted search usually does.
 */
import { KernelRange, KernelRangeError, ANY_KERNEL_LABEL } from "@/lib/kernel/range";
import { formatVersion, parseKernelRelease, type KernelVersion } from "@/lib/kernel/version";
import type { IssueSummary } from "@/lib/records/record";
import { KIND_LABELS, KINDS, STATUS_LABELS, STATUSES, SUBSYSTEMS, type Kind, type Status, type Subsystem } from "@/lib/records/vocabulary";

/** A `?kernel=` value: a version as `uname -r` prints it, a range as write-ups state it, or "any". */
export type KernelFilter = { kind: "version"; version: KernelVersion; text: string } | { kind: "range"; range: KernelRange } | { kind: "any" };

export interface Choice<V> {
  value: V;
  label: string;
  /** Extra words for the choice, e.g. the full error template. */
  title?: string;
}

export interface FacetDef<V> {
  /** URL parameter (`?component=`) and the key of the facet in state and panel. */
  key: string;
  /** The panel's heading. */
  title: string;
  /** One URL value → a typed value; null refuses it (an unreadable value is ignored, never fatal). */
  parse(text: string): V | null;
  serialize(value: V): string;
  test(record: IssueSummary, value: V): boolean;
  /** The values the records offer, with labels; selected values are added by the registry. */
  choices(records: readonly IssueSummary[]): Choice<V>[];
  /** Label of a selected value that no record offers (a kernel version typed by the reader). */
  labelOf?(value: V): Choice<V>;
  /** Shown in a monospace font (ids and error strings). */
  mono?: boolean;
  /** Choices shown before "N more". */
  visible: number;
  /** Order of choices; the default is selected first, then by count, then by label. */
  order?(a: Choice<V> & { count: number }, b: Choice<V> & { count: number }): number;
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_VALUE_CHARS = 100;
const asKebab = (v: string) => (KEBAB.test(v) && v.length <= MAX_VALUE_CHARS ? v : null);

const rangeCache = new WeakMap<IssueSummary, KernelRange | null>();
/** A summary's range, revived once per summary (summaries carry ranges as plain data). */
export function rangeOf(record: IssueSummary): KernelRange | null {
  let r = rangeCache.get(record);
  if (r === undefined) {
    r = record.kernel.range ? KernelRange.fromData(record.kernel.range) : null;
    rangeCache.set(record, r);
  }
  return r;
}

/** Reads a `?kernel=` value. Ranges use operators or `.x`; anything else must read as a version. */
export function parseKernelFilter(text: string): KernelFilter | null {
  const t = text.trim();
  if (!t || t.length > MAX_VALUE_CHARS) return null;
  if (t === "any") return { kind: "any" };
  if (/^[<>=]|\.[xX*](?:\s|$)|\|\||\s/.test(t)) {
    try {
      return { kind: "range", range: KernelRange.parse(t) };
    } catch (e) {
      if (e instanceof KernelRangeError) return null;
      throw e;
    }
  }
  const version = parseKernelRelease(t);
  return version ? { kind: "version", version, text: t } : null;
}

function serializeKernelFilter(f: KernelFilter): string {
  return f.kind === "any" ? "any" : f.kind === "range" ? f.range.source : f.text;
}

/** Whether a record concerns a kernel filter value: a version inside its range (or any-kernel records), the same range, or no range. */
export function affectsKernel(record: IssueSummary, f: KernelFilter): boolean {
  const range = rangeOf(record);
  switch (f.kind) {
    case "any":
      return range === null;
    case "range":
      return range !== null && range.source === f.range.source;
    case "version":
      return range === null || range.affects(f.version);
  }
}

const component: FacetDef<string> = {
  key: "component",
  title: "Component",
  parse: asKebab,
  serialize: (v) => v,
  test: (r, v) => r.components.some((c) => c.id === v),
  choices: (records) => [...new Set(records.flatMap((r) => r.components.map((c) => c.id)))].map((id) => ({ value: id, label: id })),
  labelOf: (v) => ({ value: v, label: v }),
  mono: true,
  visible: 8,
};

const kernel: FacetDef<KernelFilter> = {
  key: "kernel",
  title: "Kernel",
  parse: parseKernelFilter,
  serialize: serializeKernelFilter,
  test: affectsKernel,
  choices: (records) => {
    const ranges = new Map<string, KernelRange>();
    for (const r of records) {
      const range = rangeOf(r);
      if (range && !ranges.has(range.source)) ranges.set(range.source, range);
    }
    return [...[...ranges.values()].map((range) => ({ value: { kind: "range", range } as KernelFilter, label: range.short })), { value: { kind: "any" }, label: ANY_KERNEL_LABEL }];
  },
  labelOf: (v) =>
    v.kind === "version"
      ? { value: v, label: `runs on ${v.text}`, title: `Records whose affected range contains ${formatVersion(v.version)}, and those tied to no kernel` }
      : v.kind === "range"
        ? { value: v, label: v.range.short }
        : { value: v, label: ANY_KERNEL_LABEL },
  visible: 8,
  // Typed versions first, "any kernel" last, ranges by count between them.
  order: (a, b) => rank(a.value) - rank(b.value) || b.count - a.count || a.label.localeCompare(b.label),
};
function rank(v: KernelFilter): number {
  return v.kind === "version" ? 0 : v.kind === "any" ? 2 : 1;
}

const error: FacetDef<string> = {
  key: "error",
  title: "Error string",
  parse: asKebab,
  serialize: (v) => v,
  test: (r, v) => r.errors.some((e) => e.key === v),
  choices: (records) => {
    const seen = new Map<string, string>();
    for (const r of records) for (const e of r.errors) if (!seen.has(e.key)) seen.set(e.key, e.template);
    return [...seen].map(([key, template]) => ({ value: key, label: template, title: template }));
  },
  mono: true,
  visible: 8,
};

const subsystem: FacetDef<Subsystem> = {
  key: "subsystem",
  title: "Subsystem",
  parse: (v) => (SUBSYSTEMS as readonly string[]).includes(v) ? (v as Subsystem) : null,
  serialize: (v) => v,
  test: (r, v) => r.subsystems.includes(v),
  choices: (records) => [...new Set(records.flatMap((r) => r.subsystems))].map((s) => ({ value: s, label: s })),
  labelOf: (v) => ({ value: v, label: v }),
  visible: 8,
};

const status: FacetDef<Status> = {
  key: "status",
  title: "Status",
  parse: (v) => (STATUSES as readonly string[]).includes(v) ? (v as Status) : null,
  serialize: (v) => v,
  test: (r, v) => r.status === v,
  choices: (records) => [...new Set(records.map((r) => r.status))].map((s) => ({ value: s, label: STATUS_LABELS[s] })),
  labelOf: (v) => ({ value: v, label: STATUS_LABELS[v] }),
  visible: 8,
};

const kind: FacetDef<Kind> = {
  key: "kind",
  title: "Kind",
  parse: (v) => ((KINDS as readonly string[]).includes(v) ? (v as Kind) : null),
  serialize: (v) => v,
  test: (r, v) => r.kind === v,
  choices: (records) => [...new Set(records.map((r) => r.kind))].map((k) => ({ value: k, label: KIND_LABELS[k] })),
  labelOf: (v) => ({ value: v, label: KIND_LABELS[v] }),
  visible: 8,
};

/** The registry. Its key order is the order of the facet panel. */
export const FACETS = { component, kernel, kind, status, subsystem, error } as const;

export type Facets = typeof FACETS;
export type FacetKey = keyof Facets;
export type FacetValue<K extends FacetKey> = Facets[K] extends FacetDef<infer V> ? V : never;
export type Filters = { [K in FacetKey]: FacetValue<K>[] };

export const FACET_KEYS = Object.keys(FACETS) as FacetKey[];

export function emptyFilters(): Filters {
  return Object.fromEntries(FACET_KEYS.map((k) => [k, []])) as unknown as Filters;
}

function def(key: FacetKey): FacetDef<unknown> {
  return FACETS[key] as FacetDef<unknown>;
}

/** True when the record passes every facet (except `skip`): OR within a facet, AND across facets. */
export function passes(record: IssueSummary, filters: Filters, skip?: FacetKey): boolean {
  for (const key of FACET_KEYS) {
    if (key === skip) continue;
    const values = filters[key] as unknown[];
    if (values.length === 0) continue;
    const d = def(key);
    if (!values.some((v) => d.test(record, v))) return false;
  }
  return true;
}

export function applyFilters<R extends IssueSummary>(records: readonly R[], filters: Filters): R[] {
  return records.filter((r) => passes(r, filters));
}

export function sameValue(key: FacetKey, a: unknown, b: unknown): boolean {
  const d = def(key);
  return d.serialize(a) === d.serialize(b);
}

export function isSelected(filters: Filters, key: FacetKey, value: unknown): boolean {
  return (filters[key] as unknown[]).some((v) => sameValue(key, v, value));
}

/** Adds the value to the facet, or removes it when present. */
export function toggleFilter(filters: Filters, key: FacetKey, value: unknown): Filters {
  const current = filters[key] as unknown[];
  const next = isSelected(filters, key, value) ? current.filter((v) => !sameValue(key, v, value)) : [...current, value];
  return { ...filters, [key]: next } as Filters;
}

export function hasAnyFilter(filters: Filters): boolean {
  return FACET_KEYS.some((k) => (filters[k] as unknown[]).length > 0);
}

export interface FacetChoice {
  key: string;
  /** The URL value. */
  value: string;
  /** The typed value, for building the link that toggles it. */
  raw: unknown;
  label: string;
  title?: string;
  count: number;
  selected: boolean;
}

export interface FacetView {
  key: FacetKey;
  title: string;
  mono: boolean;
  visible: number;
  choices: FacetChoice[];
}

/** Choices and counts for every facet, in registry order. `records` is the text-search result. */
export function computeFacets(records: readonly IssueSummary[], filters: Filters): FacetView[] {
  return FACET_KEYS.map((key) => {
    const d = def(key);
    const selected = filters[key] as unknown[];
    const offered = d.choices(records);
    const seen = new Set(offered.map((c) => d.serialize(c.value)));
    for (const v of selected) {
      const s = d.serialize(v);
      if (!seen.has(s)) {
        offered.unshift(d.labelOf ? d.labelOf(v) : { value: v, label: s });
        seen.add(s);
      }
    }
    // Count once per record over the records that pass every other facet.
    const base = records.filter((r) => passes(r, filters, key));
    const withCounts = offered.map((c) => ({ ...c, count: base.reduce((n, r) => n + (d.test(r, c.value) ? 1 : 0), 0) }));
    const isSel = (v: unknown) => selected.some((s) => d.serialize(s) === d.serialize(v));
    const order = d.order ?? ((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    withCounts.sort((a, b) => Number(isSel(b.value)) - Number(isSel(a.value)) || order(a, b));
    return {
      key,
      title: d.title,
      mono: Boolean(d.mono),
      visible: d.visible,
      choices: withCounts.map((c) => ({
        key,
        value: d.serialize(c.value),
        raw: c.value,
        label: c.label,
        ...(c.title ? { title: c.title } : {}),
        count: c.count,
        selected: isSel(c.value),
      })),
    };
  });
}

/** Parses one facet's values from URL or CLI text (comma-separated), dropping the unreadable ones. */
export function parseFacetValues<K extends FacetKey>(key: K, text: string): FacetValue<K>[] {
  const d = def(key);
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (const part of text.split(",")) {
    const v = d.parse(part.trim());
    if (v === null) continue;
    const s = d.serialize(v);
    if (seen.has(s)) continue;
    seen.add(s);
    out.push(v);
    if (out.length >= 20) break;
  }
  return out as FacetValue<K>[];
}
