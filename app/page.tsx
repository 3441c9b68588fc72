import { Suspense } from "react";
import type { Metadata } from "next";
import Link from "next/link";

import { ROUTES } from "@/lib/constants";
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
  // Without JavaScript (and before it runs) the page shows the first page of records and the filter links.
  const fallback = (
    <BrowseView
      state={EMPTY_BROWSE}
      results={records}
      facets={computeFacets(records, emptyFilters())}
      total={records.length}
      searchBox={<StaticSearchBox />}
      kernelBox={<StaticKernelBox />}
    />
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
      <Suspense fallback={fallback}>
        <BrowseClient records={records} />
      </Suspense>
    </>
  );
}
