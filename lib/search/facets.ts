/**
 * Facet logic over IssueSummary records: filtering (OR within a facet, AND across facets) and counts
 * per choice, each counted with every other facet applied, as faceted search usually does.
 */
import { parseRange, rangeContains, shortRangeLabel } from "@/lib/kernel/range";
import { parseKernelVersion, formatVersion } from "@/lib/kernel/version";
import type { IssueSummary } from "@/lib/records";
import { STATUS_LABELS } from "@/lib/records";
import { FACET_NAMES, type BrowseState, type FacetName } from "@/lib/search-params";

export type Filters = Omit<BrowseState, "q">;
export const EMPTY_FILTERS: Filters = { component: [], kernel: [], error: [], subsystem: [], status: [] };

export interface FacetChoice {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  /** Extra words for the choice, e.g. the full error template. */
  title?: string;
}

export type Facets = Record<FacetName, FacetChoice[]>;

export const ANY_KERNEL = "any";

/** A kernel filter value is a range as write-ups state it, `any`, or a version as `uname -r` prints it. */
export function kernelValueKind(value: string): "any" | "range" | "version" | "invalid" {
  if (value === ANY_KERNEL) return "any";
  if (/^[<>=]/.test(value) || /\.x$/i.test(value) || value.includes("||") || value.includes(" ")) return "range";
  return parseKernelVersion(value) ? "version" : "invalid";
}

export function matchesKernel(record: IssueSummary, value: string): boolean {
  switch (kernelValueKind(value)) {
    case "any":
      return record.kernel.affected === null;
    case "range":
      return record.kernel.affected === value;
    case "version": {
      const v = parseKernelVersion(value);
      if (!v) return false;
      if (record.kernel.affected === null) return true;
      try {
        return rangeContains(parseRange(record.kernel.affected), v);
      } catch {
        return false;
      }
    }
    case "invalid":
      return false;
  }
}

const test: Record<FacetName, (r: IssueSummary, v: string) => boolean> = {
  component: (r, v) => r.components.some((c) => c.id === v),
  kernel: matchesKernel,
  error: (r, v) => r.errors.some((e) => e.key === v),
  subsystem: (r, v) => (r.subsystems as string[]).includes(v),
  status: (r, v) => r.status === v,
};

export function passes(record: IssueSummary, filters: Filters, except?: FacetName): boolean {
  return FACET_NAMES.every((f) => f === except || filters[f].length === 0 || filters[f].some((v) => test[f](record, v)));
}

export function applyFilters(records: IssueSummary[], filters: Filters): IssueSummary[] {
  return records.filter((r) => passes(r, filters));
}

function count(records: IssueSummary[], filters: Filters, facet: FacetName, value: string): number {
  let n = 0;
  for (const r of records) if (passes(r, filters, facet) && test[facet](r, value)) n++;
  return n;
}

function byCountThenLabel(a: FacetChoice, b: FacetChoice): number {
  return Number(b.selected) - Number(a.selected) || b.count - a.count || a.label.localeCompare(b.label);
}

/** Choices and counts for every facet. `records` is the text-search result (or all records). */
export function computeFacets(records: IssueSummary[], filters: Filters): Facets {
  const choice = (facet: FacetName, value: string, label: string, title?: string): FacetChoice => ({
    value,
    label,
    count: count(records, filters, facet, value),
    selected: filters[facet].includes(value),
    ...(title ? { title } : {}),
  });

  const components = new Set(records.flatMap((r) => r.components.map((c) => c.id)));
  filters.component.forEach((c) => components.add(c));

  const errors = new Map<string, string>();
  for (const r of records) for (const e of r.errors) if (!errors.has(e.key)) errors.set(e.key, e.template);

  const subsystems = new Set(records.flatMap((r) => r.subsystems as string[]));
  filters.subsystem.forEach((s) => subsystems.add(s));
  const statuses = new Set<string>(records.map((r) => r.status));
  filters.status.forEach((s) => statuses.add(s));

  const ranges = new Map<string, string>();
  for (const r of records) if (r.kernel.affected) ranges.set(r.kernel.affected, r.kernel.short);
  const kernel: FacetChoice[] = [];
  for (const v of filters.kernel) {
    if (kernelValueKind(v) === "version") {
      const parsed = parseKernelVersion(v);
      kernel.push(choice("kernel", v, `runs on ${v}`, parsed ? `Records whose affected range contains ${formatVersion(parsed)}, and those tied to no kernel` : undefined));
    }
  }
  for (const [value, label] of ranges) kernel.push(choice("kernel", value, label));
  for (const v of filters.kernel) {
    if (kernelValueKind(v) === "range" && !ranges.has(v)) {
      let label = v;
      try {
        label = shortRangeLabel(parseRange(v));
      } catch {
        // an unreadable range from a hand-edited URL keeps its raw text as label
      }
      kernel.push(choice("kernel", v, label));
    }
  }
  kernel.push(choice("kernel", ANY_KERNEL, "any kernel"));

  return {
    component: [...components].map((c) => choice("component", c, c)).sort(byCountThenLabel),
    kernel: kernel.sort((a, b) => Number(b.selected) - Number(a.selected) || Number(a.value === ANY_KERNEL) - Number(b.value === ANY_KERNEL) || b.count - a.count || a.label.localeCompare(b.label)),
    error: [...errors].map(([key, template]) => choice("error", key, template, template)).sort(byCountThenLabel),
    subsystem: [...subsystems].map((s) => choice("subsystem", s, s)).sort(byCountThenLabel),
    status: [...statuses].map((s) => choice("status", s, STATUS_LABELS[s as keyof typeof STATUS_LABELS] ?? s)).sort(byCountThenLabel),
  };
}
