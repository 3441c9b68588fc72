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
  /**
   * The serialized values a record has in this facet, so counts take one pass over the records;
   * `test` must hold for exactly these among the offered choices.
   */
  keysOf(record: IssueSummary): readonly string[];
  /** The choice for one of `keysOf(record)`: its typed value and label. */
  choiceFor(key: string, record: IssueSummary): Choice<V>;
  /** Choices offered whatever the records hold (the kernel facet's "any kernel"). */
  always?: Choice<V>[];
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
  keysOf: (r) => r.components.map((c) => c.id),
  choiceFor: (id) => ({ value: id, label: id }),
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
  keysOf: (r) => [rangeOf(r)?.source ?? "any"],
  choiceFor: (key, r) => {
    const range = rangeOf(r);
    return range ? { value: { kind: "range", range }, label: range.short } : { value: { kind: "any" }, label: ANY_KERNEL_LABEL };
  },
  always: [{ value: { kind: "any" }, label: ANY_KERNEL_LABEL }],
  labelOf: (v) =>
    v.kind === "version"
      ? { value: v, label: `runs on ${v.text}`, title: `Records whose affected range contains ${formatVersion(v.version)}, and those tied to no kernel` }
      : v.kind === "range"
        ? { value: v, label: v.range.short }
        : { value: v, label: ANY_KERNEL_LABEL },
  visible: 8,
  // Typed versions first, "any kernel" last, ranges by count between them.
  order: (a, b) => rank(a.value) - rank(b.value) || b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
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
  keysOf: (r) => r.errors.map((e) => e.key),
  choiceFor: (key, r) => {
    const template = r.errors.find((e) => e.key === key)?.template ?? key;
    return { value: key, label: template, title: template };
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
  keysOf: (r) => r.subsystems,
  choiceFor: (key) => ({ value: key as Subsystem, label: key }),
  labelOf: (v) => ({ value: v, label: v }),
  visible: 8,
};

const status: FacetDef<Status> = {
  key: "status",
  title: "Status",
  parse: (v) => (STATUSES as readonly string[]).includes(v) ? (v as Status) : null,
  serialize: (v) => v,
  test: (r, v) => r.status === v,
  keysOf: (r) => [r.status],
  choiceFor: (key) => ({ value: key as Status, label: STATUS_LABELS[key as Status] }),
  labelOf: (v) => ({ value: v, label: STATUS_LABELS[v] }),
  visible: 8,
};

const kind: FacetDef<Kind> = {
  key: "kind",
  title: "Kind",
  parse: (v) => ((KINDS as readonly string[]).includes(v) ? (v as Kind) : null),
  serialize: (v) => v,
  test: (r, v) => r.kind === v,
  keysOf: (r) => [r.kind],
  choiceFor: (key) => ({ value: key as Kind, label: KIND_LABELS[key as Kind] }),
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
  /** The URL value (parse it with the facet's parser to get the typed value back). */
  value: string;
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
  /** How many choices the records offer in all; `choices` holds at most MAX_CHOICES of them. */
  offered: number;
}

/** Choices shown per facet: the most frequent ones (and every selected one). */
export const MAX_CHOICES = 60;

/**
 * Choices and counts for every facet, in registry order. `records` is the text-search result. Each
 * facet's counts take one pass over the records that pass every other facet (a value's count never
 * includes its own facet's filter, as faceted search usually does).
 */
export function computeFacets(records: readonly IssueSummary[], filters: Filters): FacetView[] {
  const defs = FACET_KEYS.map((key) => ({ key, d: def(key), selected: filters[key] as unknown[] }));
  // One pass: which facets each record fails. A record counts for facet k when it fails no other facet.
  const fails = new Uint8Array(records.length);
  records.forEach((r, i) => {
    let mask = 0;
    defs.forEach(({ d, selected }, k) => {
      if (selected.length > 0 && !selected.some((v) => d.test(r, v))) mask |= 1 << k;
    });
    fails[i] = mask;
  });
  return defs.map(({ key, d, selected }, k) => {
    const others = ~(1 << k);
    const selectedKeys = new Set(selected.map((v) => d.serialize(v)));
    const offered = new Map<string, Choice<unknown> & { count: number }>();
    for (const c of d.always ?? []) offered.set(d.serialize(c.value), { ...c, count: 0 });
    const inBase: IssueSummary[] = [];
    records.forEach((r, i) => {
      const counted = (fails[i]! & others) === 0;
      if (counted) inBase.push(r);
      const keys = d.keysOf(r);
      keys.forEach((rk, j) => {
        if (j > 0 && keys.indexOf(rk) < j) return; // a record counts once per value
        let c = offered.get(rk);
        if (!c) offered.set(rk, (c = { ...d.choiceFor(rk, r), count: 0 }));
        if (counted) c.count++;
      });
    });
    // A selected value no record offers (a kernel version typed by the reader) is counted by its test.
    for (const v of selected) {
      const sk = d.serialize(v);
      if (!offered.has(sk)) offered.set(sk, { ...(d.labelOf ? d.labelOf(v) : { value: v, label: sk }), count: inBase.reduce((n, r) => n + (d.test(r, v) ? 1 : 0), 0) });
    }
    const order = d.order ?? ((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    const cmp = ([ka, a]: [string, Choice<unknown> & { count: number }], [kb, b]: [string, Choice<unknown> & { count: number }]) =>
      Number(selectedKeys.has(kb)) - Number(selectedKeys.has(ka)) || order(a, b);
    const kept = topK([...offered.entries()], MAX_CHOICES, cmp, ([sk]) => selectedKeys.has(sk));
    return {
      key,
      title: d.title,
      mono: Boolean(d.mono),
      visible: d.visible,
      offered: offered.size,
      choices: kept.map(([sk, c]) => ({ key, value: sk, label: c.label, ...(c.title ? { title: c.title } : {}), count: c.count, selected: selectedKeys.has(sk) })),
    };
  });
}

/**
 * The first `k` items in `cmp` order, plus every item `keep` marks, sorted; without sorting all of
 * them (the error facet of 10,000 write-ups offers tens of thousands of choices).
 */
function topK<T>(items: T[], k: number, cmp: (a: T, b: T) => number, keep: (t: T) => boolean): T[] {
  if (items.length <= k * 4) return items.sort(cmp).filter((t, i) => i < k || keep(t));
  const top: T[] = [];
  const kept: T[] = [];
  for (const t of items) {
    if (keep(t)) {
      kept.push(t);
      continue;
    }
    if (top.length === k && cmp(t, top[k - 1]!) >= 0) continue;
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && cmp(t, top[i - 1]!) < 0) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = t;
  }
  return [...kept, ...top].sort(cmp);
}

/** The filters with one choice toggled: the link behind a facet choice. */
export function toggleChoice(filters: Filters, choice: Pick<FacetChoice, "key" | "value">): Filters {
  const key = choice.key as FacetKey;
  const value = def(key).parse(choice.value);
  return value === null ? filters : toggleFilter(filters, key, value);
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
