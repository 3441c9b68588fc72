import { Suspense } from "react";
import Link from "next/link";

import { getFacets, getSummaries } from "@/lib/content";
import { EMPTY_STATE } from "@/lib/search-params";
import { BrowseClient } from "@/components/browse/browse-client";
import { BrowseView } from "@/components/browse/browse-view";
import { KernelBox } from "@/components/browse/kernel-box";
import { SearchBox } from "@/components/browse/search-box";

export default function BrowsePage() {
  const records = getSummaries();
  // Without JavaScript (and before it runs) the page shows every record and the filter links.
  const fallback = (
    <BrowseView
      state={EMPTY_STATE}
      results={records}
      facets={getFacets()}
      total={records.length}
      searchBox={<SearchBox state={EMPTY_STATE} />}
      kernelBox={<KernelBox state={EMPTY_STATE} />}
    />
  );
  return (
    <>
      <h1 className="sr-only">Browse eBPF troubleshooting incidents</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-700 dark:text-slate-300">
        Write-ups of eBPF failures in Cilium, Calico, Retina, pwru, Kata Containers and more: search by error
        text, filter by component and by the kernel your nodes run, or{" "}
        <Link href="/match" prefetch={false} className="text-sky-700 underline dark:text-sky-300">
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
