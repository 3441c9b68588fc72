"use client";

import { useDeferredValue, useMemo } from "react";

import { applyFilters, computeFacets, type FacetView } from "@/lib/facets";
import type { IssueSummary } from "@/lib/records/record";
import { EMPTY_BROWSE, filtersOf, hasFilters } from "@/lib/search-params";
import { sortResults } from "@/lib/search/sort";
import { createTextSearch } from "@/lib/search/text";
import { BrowseView } from "@/components/browse/browse-view";
import { KernelBox } from "@/components/browse/kernel-box";
import { SearchBox, SEARCH_INPUT_ID } from "@/components/browse/search-box";
import { useBrowseIndex } from "@/components/browse/use-browse-index";
import { useBrowseState } from "@/components/browse/use-browse-state";
import { SlashFocus } from "@/components/slash-focus";

export interface BrowseClientProps {
  /** The first page of the unfiltered list and its facets, as the server rendered them. */
  firstPage: IssueSummary[];
  facets: FacetView[];
  total: number;
}

/** The browse page once JavaScript runs: state from the URL, search and facets in the browser. */
export function BrowseClient({ firstPage, facets: initialFacets, total }: BrowseClientProps) {
  const [state] = useBrowseState();
  const { records, error } = useBrowseIndex();
  const all = records ?? [];
  const search = useMemo(() => createTextSearch(all), [all]);
  const searched = useMemo(() => search.search(state.q), [search, state.q]);
  const filters = useMemo(() => filtersOf(state), [state]);
  const results = useMemo(() => sortResults(applyFilters(searched, filters), state.sort), [searched, filters, state.sort]);
  // Results first: facet counts follow in a deferred render, so typing never waits for them.
  const deferredSearched = useDeferredValue(searched);
  const deferredFilters = useDeferredValue(filters);
  // Deferred values update together: until the deferred render has the index too, keep the server's facets,
  // not facets of an empty list (choices would vanish for a render, then come back).
  const deferredRecords = useDeferredValue(records);
  const facets = useMemo(
    () => (deferredRecords ? computeFacets(deferredSearched, deferredFilters) : initialFacets),
    [deferredRecords, deferredSearched, deferredFilters, initialFacets],
  );
  // Remount the kernel box when the URL's kernel changes, so its field shows the URL's version.
  const kernelKey = state.kernel.map((k) => (k.kind === "version" ? k.text : k.kind)).join(",");
  const searchBox = <SearchBox />;
  const kernelBox = <KernelBox key={kernelKey} />;

  // Until the index arrives: the server's first page when the URL asks for nothing else, else the URL's
  // state with no results yet (the view says the index is loading), so its links (sort, facets, clear)
  // already carry the URL's state and a click before the index arrives keeps the reader's filters. One tree in both states, so that the index's arrival re-renders
  // the view instead of remounting it: a remount dropped what the reader had typed in the kernel box or
  // opened in a facet (and the kernel-box e2e test caught it, once in a few runs).
  const plain = !hasFilters(state) && state.page <= 1 && state.sort === EMPTY_BROWSE.sort;
  const notice = records ? null : error ? (
    <p role="alert" className="mb-3 rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100">
      The search index could not be loaded ({error}). Reload the page to try again.
    </p>
  ) : null;
  return (
    <>
      <SlashFocus targetId={SEARCH_INPUT_ID} />
      {notice}
      {records ? (
        <BrowseView key="view" state={state} results={results} facets={facets} total={records.length} searchBox={searchBox} kernelBox={kernelBox} />
      ) : (
        <BrowseView key="view" state={state} results={plain ? firstPage : []} matched={plain ? total : 0} facets={initialFacets} total={total} searchBox={searchBox} kernelBox={kernelBox} loading={!error} pending={!plain && !error} />
      )}
    </>
  );
}
