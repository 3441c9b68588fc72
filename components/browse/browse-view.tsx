import type { ReactNode } from "react";
import Link from "next/link";

import { BROWSE_PAGE_SIZE, ROUTES } from "@/lib/constants";
import { toggleChoice, type FacetChoice, type FacetView } from "@/lib/facets";
import type { IssueSummary } from "@/lib/records/record";
import { browseHref, filtersOf, hasFilters, type BrowseState } from "@/lib/search-params";
import { BROWSE_SORTS, SORT_LABELS } from "@/lib/search/sort";
import { FacetPanel } from "@/components/browse/facet-panel";
import { ResultCard } from "@/components/browse/result-card";

export interface BrowseViewProps {
  state: BrowseState;
  /** The records that pass the search and the filters, in order: all of them, or only the first page when `matched` says how many there are. */
  results: readonly IssueSummary[];
  /** How many records match, when `results` holds only the first page. */
  matched?: number;
  facets: FacetView[];
  total: number;
  searchBox: ReactNode;
  kernelBox: ReactNode;
  /** True while the browser is still fetching the search index: the results are the server's first page. */
  loading?: boolean;
  /** True while the index loads for a URL that asks for more than the first page: no results to show yet. */
  pending?: boolean;
}

/** The orders as links (they work without JavaScript); the current one is marked. */
function SortLinks({ state }: { state: BrowseState }) {
  return (
    <div className="flex items-center gap-1 text-sm">
      <span id="sort-label" className="text-slate-600 dark:text-slate-400">
        Sort:
      </span>
      <ul aria-labelledby="sort-label" className="flex gap-1">
        {BROWSE_SORTS.map((sort) => {
          const current = state.sort === sort;
          return (
            <li key={sort}>
              <Link
                href={browseHref({ ...state, sort, page: 1 })}
                scroll={false}
                aria-current={current ? "true" : undefined}
                className={`rounded-md px-2 py-0.5 ${
                  current
                    ? "bg-sky-50 font-medium text-sky-900 dark:bg-sky-950 dark:text-sky-100"
                    : "text-sky-700 hover:bg-slate-100 hover:underline dark:text-sky-300 dark:hover:bg-slate-800"
                }`}
              >
                {SORT_LABELS[sort](Boolean(state.q))}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The browse page's markup: rendered on the server (no JavaScript needed) and by the client. */
export function BrowseView({ state, results, matched, facets, total, searchBox, kernelBox, loading, pending }: BrowseViewProps) {
  const filtered = hasFilters(state);
  const count = matched ?? results.length;
  const pages = Math.max(1, Math.ceil(count / BROWSE_PAGE_SIZE));
  const page = matched !== undefined ? 1 : Math.min(Math.max(1, state.page), pages);
  const shown = matched !== undefined ? results.slice(0, BROWSE_PAGE_SIZE) : results.slice((page - 1) * BROWSE_PAGE_SIZE, page * BROWSE_PAGE_SIZE);
  const hrefFor = (c: FacetChoice) => browseHref({ ...state, ...toggleChoice(filtersOf(state), c), page: 1 });
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-[16rem_minmax(0,1fr)]">
      <div className="md:order-2" aria-busy={loading || undefined}>
        {searchBox}
        <div className="mb-3 mt-4 flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-700 dark:text-slate-300" role="status" aria-live="polite">
            {pending ? "Loading the search index…" : filtered ? `${count} of ${total} records match` : `${total} records`}
          </p>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <SortLinks state={state} />
            {filtered ? (
              <Link href={ROUTES.browse} scroll={false} className="text-sm text-sky-700 hover:underline dark:text-sky-300">
                Clear filters
              </Link>
            ) : null}
          </div>
        </div>
        {pending ? null : shown.length > 0 ? (
          <ul className="space-y-3" aria-label="Results">
            {shown.map((r) => (
              <ResultCard key={r.slug} record={r} showUpdated={state.sort === "updated"} />
            ))}
          </ul>
        ) : (
          <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
            <p className="font-medium">No records match these filters.</p>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              Remove a filter, try other words, or paste the whole error on the{" "}
              <Link href={ROUTES.match} prefetch={false} className="text-sky-700 underline dark:text-sky-300">
                matcher
              </Link>
              .
            </p>
            <Link href={ROUTES.browse} scroll={false} className="mt-4 inline-block rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800">
              Clear filters
            </Link>
          </div>
        )}
        {pages > 1 ? (
          <nav aria-label="Pages of results" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
            <p className="order-2 w-full text-center text-slate-600 sm:order-none sm:w-auto dark:text-slate-400">
              Page {page} of {pages}: records {(page - 1) * BROWSE_PAGE_SIZE + 1} to {Math.min(count, page * BROWSE_PAGE_SIZE)}
            </p>
            {page > 1 ? (
              <Link href={browseHref({ ...state, page: page - 1 })} rel="prev" className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                ← Previous {BROWSE_PAGE_SIZE}
              </Link>
            ) : (
              <span />
            )}
            {page < pages ? (
              <Link href={browseHref({ ...state, page: page + 1 })} rel="next" className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                Next {Math.min(BROWSE_PAGE_SIZE, count - page * BROWSE_PAGE_SIZE)} →
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>
      <aside aria-label="Filters" className="md:order-1">
        <FacetPanel facets={facets} hrefFor={hrefFor} extras={{ kernel: kernelBox }} />
      </aside>
    </div>
  );
}
