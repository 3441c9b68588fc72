import { Suspense } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { NuqsAdapter } from "nuqs/adapters/next/app";

import { ROUTES, VERIFIER_PAGE_SIZE } from "@/lib/constants";
import { getAllIssues } from "@/lib/content";
import { EMPTY_VERIFIER } from "@/lib/search-params";
import { loadVerifierIndex } from "@/lib/verifier/decode";
import { createVerifierSearch } from "@/lib/verifier/search";
import { verifierCatalogFor } from "@/lib/verifier/sources";
import { FAILURE_CLASS_RULES, SECTIONS } from "@/lib/verifier/structured";
import { StaticVerifierKernelBox, StaticVerifierSearchBox } from "@/components/verifier/static-forms";
import { VerifierClient } from "@/components/verifier/verifier-client";
import { VerifierView } from "@/components/verifier/verifier-view";

export const metadata: Metadata = {
  title: "Verifier messages",
  description: "Every message the Linux BPF verifier prints, in the catalogued kernels from 4.19 to 7.3: the check that prints it, the kernels that have it, what it means and the usual fix.",
};

const linkClass = "text-sky-700 underline dark:text-sky-300";

export default function VerifierPage() {
  const records = getAllIssues();
  const data = verifierCatalogFor(records);
  const rows = createVerifierSearch(loadVerifierIndex(data)).rows;
  const explainedCount = data.messages.filter((m) => m.meaning).length;
  const first = data.kernels[0] ?? "";
  const last = data.kernels[data.kernels.length - 1] ?? "";
  const titles = new Map(records.map((r) => [r.slug, r.title]));
  // The 7.3 report's categories and the classes they are read as, where that write-up exists.
  const failureRows = FAILURE_CLASS_RULES.filter((r) => titles.has(r.slug));
  const initial = rows.slice(0, VERIFIER_PAGE_SIZE);
  const initialClasses = Object.fromEntries(Object.entries(data.classes).filter(([slug]) => initial.some((r) => r.message.class === slug)));
  const fallback = (
    <VerifierView
      state={EMPTY_VERIFIER}
      rows={initial}
      count={rows.length}
      total={rows.length}
      explainedCount={explainedCount}
      kernels={data.kernels}
      classes={data.classes}
      searchBox={<StaticVerifierSearchBox />}
      kernelBox={<StaticVerifierKernelBox />}
    />
  );
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Verifier messages</h1>
        <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
          Every message the BPF verifier and BTF checker print (<code>kernel/bpf/</code>) in {data.kernels.length} kernels, Linux {first} to {last}: the
          function whose check prints it, the kernels that have it, the errno that follows, and for {explainedCount} of them what it
          means and the usual fix. Paste one line of a log into the search to find its message, or{" "}
          <Link href={ROUTES.match} prefetch={false} className={linkClass}>
            paste the whole log
          </Link>{" "}
          to have every line read.
        </p>
      </header>
      <Suspense fallback={fallback}>
        <NuqsAdapter>
          <VerifierClient initial={initial} total={rows.length} explainedCount={explainedCount} kernels={data.kernels} classes={initialClasses} />
        </NuqsAdapter>
      </Suspense>
      <section aria-labelledby="structured" className="rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800">
        <h2 id="structured" className="text-lg font-semibold">
          Linux 7.3’s structured failures
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">
          From 7.3 the verifier ends a rejection with a report: <code>Verification failed: &lt;category&gt;: &lt;title&gt;</code>, then{" "}
          {SECTIONS.map((s, i, all) => (
            <span key={s}>
              <code>{s}:</code>
              {i < all.length - 1 ? ", " : ""}
            </span>
          ))}
          . The matcher reads it as a whole and names the error class of its category:
        </p>
        <div className="mt-3 overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th scope="col" className="py-1 pr-3 font-medium">
                  Category
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  When
                </th>
                <th scope="col" className="py-1 font-medium">
                  Error class
                </th>
              </tr>
            </thead>
            <tbody>
              {failureRows.map((r, i) => (
                <tr key={i} className="border-b border-slate-100 align-top dark:border-slate-900">
                  <td className="py-1 pr-3">{r.category}</td>
                  <td className="py-1 pr-3 text-slate-700 dark:text-slate-300">
                    {r.title ? <>title “{r.title}”</> : r.reasonIncludes ? <>reason says “{r.reasonIncludes}”</> : failureRows.slice(0, i).some((x) => x.category === r.category) ? "any other title" : "any title"}
                  </td>
                  <td className="py-1">
                    <Link href={ROUTES.issue(r.slug)} prefetch={false} className={linkClass}>
                      {titles.get(r.slug)}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
