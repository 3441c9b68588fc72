"use client";

import { useMemo, useState } from "react";
import { debounce, useQueryStates } from "nuqs";

import { ROUTES, TYPING_DEBOUNCE_MS } from "@/lib/constants";
import { KernelInputError, kernelReport, type KernelReport } from "@/lib/kernel/report";
import type { IssueSummary } from "@/lib/records/record";
import { kernelParsers, MAX_KERNEL_INPUT } from "@/lib/search-params";
import { KernelReportView } from "@/components/kernel/kernel-report-view";

export interface KernelClientProps {
  records: IssueSummary[];
}

/** /kernel once JavaScript runs: the version lives in `?v=`; probe output stays in the page. */
export function KernelClient({ records }: KernelClientProps) {
  const [{ v }, setParams] = useQueryStates(kernelParsers, { history: "push", scroll: false });
  const [probe, setProbe] = useState("");

  const result = useMemo((): { report: KernelReport | null; error: string | null } => {
    if (!v.trim() && !probe.trim()) return { report: null, error: null };
    try {
      return { report: kernelReport(v.trim() || probe, records, probe.trim() ? probe : undefined), error: null };
    } catch (e) {
      if (e instanceof KernelInputError) return { report: null, error: e.message };
      throw e;
    }
  }, [v, probe, records]);

  return (
    <div className="space-y-6">
      <form
        action={ROUTES.kernel}
        method="get"
        className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
        onSubmit={(e) => {
          e.preventDefault();
          void setParams({ v: v.trim() || null });
        }}
      >
        <div>
          <label htmlFor="kernel-version" className="block text-sm font-medium">
            Kernel version
          </label>
          <p id="kernel-version-hint" className="text-xs text-slate-600 dark:text-slate-400">
            What <code>uname -r</code> or <code>uname -a</code> prints on the node, e.g. 5.4.0-189-generic.
          </p>
          <div className="mt-1 flex gap-2">
            <input
              id="kernel-version"
              name="v"
              value={v}
              maxLength={MAX_KERNEL_INPUT}
              autoComplete="off"
              spellCheck={false}
              aria-describedby="kernel-version-hint"
              onChange={(e) => void setParams({ v: e.target.value }, { history: "replace", limitUrlUpdates: debounce(TYPING_DEBOUNCE_MS) })}
              placeholder="5.4.0-189-generic"
              className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
            />
            <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800">
              Check
            </button>
          </div>
        </div>
        <details open={probe.length > 0}>
          <summary className="cursor-pointer text-sm text-sky-700 dark:text-sky-300">
            Have <code>bpftool feature probe</code> output? It beats the version number.
          </summary>
          <label htmlFor="kernel-probe" className="mt-2 block text-sm font-medium">
            bpftool feature probe output
          </label>
          <p id="kernel-probe-hint" className="text-xs text-slate-600 dark:text-slate-400">
            Plain text or <code>-j</code> JSON, from <code>sudo bpftool feature probe kernel</code>. It stays in your browser and is
            not put in the URL.
          </p>
          <textarea
            id="kernel-probe"
            value={probe}
            onChange={(e) => setProbe(e.target.value)}
            aria-describedby="kernel-probe-hint"
            rows={6}
            spellCheck={false}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
          />
        </details>
      </form>
      {result.error ? (
        <p role="alert" className="rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100">
          {result.error}
        </p>
      ) : null}
      {result.report ? (
        <KernelReportView report={result.report} />
      ) : result.error ? null : (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Type a version to see which known incidents affect it and which helpers, program types and map types it lacks.
        </p>
      )}
    </div>
  );
}
