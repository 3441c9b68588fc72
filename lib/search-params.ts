/**
 * URL state, in one place: the parser map of each page that keeps state in its URL, built from the
 * facet registry, and the serializers every link uses. Parsing happens here, once: components receive
 * typed values (a KernelFilter, never a string to re-guess). Several values of a facet are
 * comma-separated (`?component=cilium,retina`). Values a parser refuses are dropped, never fatal.
 */
import { createLoader, createParser, createSerializer, parseAsArrayOf, parseAsBoolean, parseAsInteger, parseAsStringLiteral } from "nuqs/server";

import { MAX_QUERY_LENGTH, ROUTES } from "@/lib/constants";
import { emptyFilters, FACET_KEYS, FACETS, type FacetDef, type FacetKey, type Filters, hasAnyFilter } from "@/lib/facets";
import { parseKernelRelease, type KernelVersion } from "@/lib/kernel/version";
import { BROWSE_SORTS, DEFAULT_SORT, type BrowseSort } from "@/lib/search/sort";

/** The longest `?v=` the kernel page reads (a pasted `uname -a` line fits). */
export const MAX_KERNEL_INPUT = 300;

/** Free text: trimmed and capped. An empty value is the default (and drops out of the URL). */
export const parseAsText = (max: number) =>
  createParser({
    parse: (v: string) => v.trim().slice(0, max),
    serialize: (v: string) => v.trim(),
  });

function facetParser<V>(facet: FacetDef<V>) {
  return parseAsArrayOf(createParser({ parse: (v: string) => facet.parse(v), serialize: (v: V) => facet.serialize(v), eq: (a: V, b: V) => facet.serialize(a) === facet.serialize(b) }), ",").withDefault([]);
}

const facetParsers = Object.fromEntries(FACET_KEYS.map((k) => [k, facetParser(FACETS[k] as FacetDef<unknown>)])) as {
  [K in FacetKey]: ReturnType<typeof facetParser<Filters[K][number]>>;
};

/** `/`: the search text, the page of results, one entry per facet and the order (`sort=updated`). */
export const browseParsers = {
  q: parseAsText(MAX_QUERY_LENGTH).withDefault(""),
  ...facetParsers,
  sort: parseAsStringLiteral(BROWSE_SORTS).withDefault(DEFAULT_SORT),
  page: parseAsInteger.withDefault(1),
};

export type BrowseState = { q: string; page: number; sort: BrowseSort } & Filters;

export const EMPTY_BROWSE: BrowseState = { q: "", page: 1, sort: DEFAULT_SORT, ...emptyFilters() };

const serializeBrowse = createSerializer(browseParsers);
export const loadBrowseParams = createLoader(browseParsers);

/** The link to a browse state. Filters or text that change send the reader back to page 1. */
export function browseHref(state: Partial<BrowseState>): string {
  return serializeBrowse(ROUTES.browse, { ...state, page: state.page && state.page > 1 ? state.page : null });
}

/** A browse link that shows one facet value alone: `/?component=cilium`. */
export function facetHref<K extends FacetKey>(key: K, value: Filters[K][number]): string {
  return browseHref({ [key]: [value] } as Partial<BrowseState>);
}

export function hasFilters(state: BrowseState): boolean {
  return Boolean(state.q) || hasAnyFilter(state);
}

export function filtersOf(state: BrowseState): Filters {
  return Object.fromEntries(FACET_KEYS.map((k) => [k, state[k]])) as unknown as Filters;
}

/** `/kernel?v=`: the version (or `uname -a` line) the kernel page reports on. */
export const kernelParsers = {
  v: parseAsText(MAX_KERNEL_INPUT).withDefault(""),
};
const serializeKernel = createSerializer(kernelParsers);

export function kernelHref(v: string): string {
  return serializeKernel(ROUTES.kernel, { v: v || null });
}

/** A kernel release as `uname -r` prints it (`5.4.0-189-generic`, `6.1`), parsed once, here. */
export const parseAsKernelRelease = createParser<KernelVersion>({
  parse: (v: string) => parseKernelRelease(v),
  serialize: (v: KernelVersion) => v.raw,
  eq: (a: KernelVersion, b: KernelVersion) => a.raw === b.raw,
});

/** `/verifier`: the search text, the kernel whose messages to show, explained messages only, and the page. */
export const verifierParsers = {
  q: parseAsText(MAX_QUERY_LENGTH).withDefault(""),
  kernel: parseAsKernelRelease,
  explained: parseAsBoolean.withDefault(false),
  page: parseAsInteger.withDefault(1),
};

export type VerifierState = { q: string; kernel: KernelVersion | null; explained: boolean; page: number };

export const EMPTY_VERIFIER: VerifierState = { q: "", kernel: null, explained: false, page: 1 };

const serializeVerifier = createSerializer(verifierParsers);

/** The link to a /verifier state. A filter that changes sends the reader back to page 1. */
export function verifierHref(state: Partial<VerifierState>): string {
  return serializeVerifier(ROUTES.verifier, {
    q: state.q || null,
    kernel: state.kernel ?? null,
    explained: state.explained || null,
    page: state.page && state.page > 1 ? state.page : null,
  });
}
