import { Suspense } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { NuqsAdapter } from "nuqs/adapters/next/app";

import { BROWSE_PAGE_SIZE, ROUTES } from "@/lib/constants";
import { getAllIssues } from "@/lib/content";
import { computeFacets, emptyFilters } from "@/lib/facets";
import { toSummary } from "@/lib/records/projections";
import { EMPTY_BROWSE } from "@/lib/search-params";
import { BrowseClient } from "@/components/browse/browse-client";
import { BrowseView } from "@/components/browse/browse-view";
import { pageMetadata } from "@/app/page-metadata";
import { StaticKernelBox, StaticSearchBox } from "@/components/browse/static-forms";

export const metadata: Metadata = pageMetadata({ path: ROUTES.browse });

export default function BrowsePage() {
  const records = getAllIssues().map(toSummary);
  // The HTML carries the first page and the facets; the browser fetches the rest as /browse-index.json.
  const firstPage = records.slice(0, BROWSE_PAGE_SIZE);
  const facets = computeFacets(records, emptyFilters());
  const fallback = (
    <BrowseView state={EMPTY_BROWSE} results={firstPage} matched={records.length} facets={facets} total={records.length} searchBox={<StaticSearchBox />} kernelBox={<StaticKernelBox />} />
  );
  return (
    <>
      <h1 className="sr-only">Browse eBPF troubleshooting incidents</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-700 dark:text-slate-300">
        Write-ups of eBPF failures in Cilium, Calico, Retina, pwru, Kata Containers and more: search by error text, filter by
        component and by the kernel your nodes run, or{" "}
        <Link href={ROUTES.match} prefetch={false} className="text-sky-700 underline dark:text-sky-300">
          paste the whole error
        </Link>
        .
      </p>
      {/* URL state (nuqs) is needed only where a page keeps state in its URL, not on every page. */}
      <NuqsAdapter>
        <Suspense fallback={fallback}>
          <BrowseClient firstPage={firstPage} facets={facets} total={records.length} />
        </Suspense>
      </NuqsAdapter>
    </>
  );
}
