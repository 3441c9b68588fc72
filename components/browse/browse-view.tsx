import Link from "next/link";
import type { ReactNode } from "react";

import type { IssueSummary } from "@/lib/records";
import type { Facets } from "@/lib/search/facets";
import { hasFilters, type BrowseState } from "@/lib/search-params";
import { FacetPanel } from "@/components/browse/facet-panel";
import { ResultCard } from "@/components/browse/result-card";

export interface BrowseViewProps {
  state: BrowseState;
  results: IssueSummary[];
  facets: Facets;
  total: number;
  searchBox: ReactNode;
  kernelBox: ReactNode;
}

/** The browse page's markup: rendered on the server (full list, no JS needed) and by the client. */
export function BrowseView({ state, results, facets, total, searchBox, kernelBox }: BrowseViewProps) {
  const filtered = hasFilters(state);
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-[16rem_minmax(0,1fr)]">
      <div className="md:order-2">
        {searchBox}
        <div className="mb-3 mt-4 flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-700 dark:text-slate-300" role="status" aria-live="polite">
            {filtered ? `${results.length} of ${total} records match` : `${total} records`}
          </p>
          {filtered ? (
            <Link href="/" scroll={false} className="text-sm text-sky-700 hover:underline dark:text-sky-300">
              Clear filters
            </Link>
          ) : null}
        </div>
        {results.length > 0 ? (
          <ul className="space-y-3" aria-label="Results">
            {results.map((r) => (
              <ResultCard key={r.slug} record={r} />
            ))}
          </ul>
        ) : (
          <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
            <p className="font-medium">No records match these filters.</p>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              Remove a filter, try other words, or paste the whole error on the{" "}
              <Link href="/match" className="text-sky-700 underline dark:text-sky-300">
                matcher
              </Link>
              .
            </p>
            <Link
              href="/"
              scroll={false}
              className="mt-4 inline-block rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800"
            >
              Clear filters
            </Link>
          </div>
        )}
      </div>
      <aside aria-label="Filters" className="md:order-1">
        <FacetPanel facets={facets} state={state} kernelBox={kernelBox} />
      </aside>
    </div>
  );
}
