"use client";

import { useMemo } from "react";

import { applyFilters, computeFacets } from "@/lib/facets";
import type { IssueSummary } from "@/lib/records/record";
import { filtersOf } from "@/lib/search-params";
import { sortResults } from "@/lib/search/sort";
import { createTextSearch } from "@/lib/search/text";
import { BrowseView } from "@/components/browse/browse-view";
import { KernelBox } from "@/components/browse/kernel-box";
import { SearchBox, SEARCH_INPUT_ID } from "@/components/browse/search-box";
import { useBrowseState } from "@/components/browse/use-browse-state";
import { SlashFocus } from "@/components/slash-focus";

export interface BrowseClientProps {
  records: IssueSummary[];
}

/** The browse page once JavaScript runs: state from the URL, search and facets in the browser. */
export function BrowseClient({ records }: BrowseClientProps) {
  const [state] = useBrowseState();
  const search = useMemo(() => createTextSearch(records), [records]);
  const searched = useMemo(() => search.search(state.q), [search, state.q]);
  const filters = useMemo(() => filtersOf(state), [state]);
  const results = useMemo(() => sortResults(applyFilters(searched, filters), state.sort), [searched, filters, state.sort]);
  const facets = useMemo(() => computeFacets(searched, filters), [searched, filters]);
  // Remount the kernel box when the URL's kernel changes, so its field shows the URL's version.
  const kernelKey = state.kernel.map((k) => (k.kind === "version" ? k.text : k.kind)).join(",");

  return (
    <>
      <SlashFocus targetId={SEARCH_INPUT_ID} />
      <BrowseView state={state} results={results} facets={facets} total={records.length} searchBox={<SearchBox />} kernelBox={<KernelBox key={kernelKey} />} />
    </>
  );
}
