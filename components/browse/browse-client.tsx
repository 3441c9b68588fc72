"use client";

import { useMemo } from "react";
import { useSearchParams } from "next/navigation";

import type { IssueSummary } from "@/lib/records";
import { applyFilters, computeFacets } from "@/lib/search/facets";
import { createTextSearch } from "@/lib/search/text";
import { parseBrowseParams } from "@/lib/search-params";
import { BrowseView } from "@/components/browse/browse-view";
import { KernelBox } from "@/components/browse/kernel-box";
import { SearchBox, SEARCH_INPUT_ID } from "@/components/browse/search-box";
import { SlashFocus } from "@/components/slash-focus";

export interface BrowseClientProps {
  records: IssueSummary[];
}

/** The browse page once JavaScript runs: state from the URL, search and facets in the browser. */
export function BrowseClient({ records }: BrowseClientProps) {
  const params = useSearchParams();
  const state = useMemo(() => parseBrowseParams(new URLSearchParams(params.toString())), [params]);
  const search = useMemo(() => createTextSearch(records), [records]);
  const searched = useMemo(() => search.search(state.q), [search, state.q]);
  const results = useMemo(() => applyFilters(searched, state), [searched, state]);
  const facets = useMemo(() => computeFacets(searched, state), [searched, state]);
  // Remount the kernel box when the URL's kernel changes, so its field shows the URL's version.
  const kernelKey = state.kernel.join(",");

  return (
    <>
      <SlashFocus targetId={SEARCH_INPUT_ID} />
      <BrowseView
        state={state}
        results={results}
        facets={facets}
        total={records.length}
        searchBox={<SearchBox state={state} />}
        kernelBox={<KernelBox key={kernelKey} state={state} />}
      />
    </>
  );
}
