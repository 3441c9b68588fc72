import type { Metadata } from "next";
import { Suspense } from "react";
import { NuqsAdapter } from "nuqs/adapters/next/app";

import { ROUTES } from "@/lib/constants";
import { getAllIssues } from "@/lib/content";
import { toSummary } from "@/lib/records/projections";
import { pageMetadata } from "@/app/page-metadata";
import { KernelClient } from "@/components/kernel/kernel-client";
import { LtsLinks } from "@/components/kernel/lts-links";

export const metadata: Metadata = pageMetadata({
  path: ROUTES.kernel,
  title: "What breaks on my kernel",
  description: "Type a kernel version or paste bpftool feature probe output: the incidents that affect it and the BPF helpers, program and map types it lacks.",
});

export default function KernelPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">What breaks on my kernel</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Before rolling a tool out to a node pool: the known incidents that bite this kernel, the tool requirements it
          misses, and the BPF helpers, program types and map types it lacks, each with the version that added it.
        </p>
      </header>
      <LtsLinks />
      <Suspense
        fallback={
          <form action="/kernel" method="get" className="flex gap-2 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            <label htmlFor="kernel-version-static" className="sr-only">
              Kernel version
            </label>
            <input
              id="kernel-version-static"
              name="v"
              placeholder="5.4.0-189-generic"
              className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
            />
            <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white">
              Check
            </button>
          </form>
        }
      >
        <NuqsAdapter>
          <KernelClient records={getAllIssues().map(toSummary)} />
        </NuqsAdapter>
      </Suspense>
    </div>
  );
}
