import type { ReactNode } from "react";
import Link from "next/link";

import { VERIFIER_PAGE_SIZE } from "@/lib/constants";
import { parseKernelRelease } from "@/lib/kernel/version";
import { verifierHref, type VerifierState } from "@/lib/search-params";
import type { VerifierRow } from "@/lib/verifier/search";
import { MessageCard } from "@/components/verifier/message-card";

export interface VerifierViewProps {
  state: VerifierState;
  /** The messages that pass the search and filters, in order (on the server: the first page of all). */
  rows: readonly VerifierRow[];
  /** How many messages pass (rows may hold only the first page of them). */
  count: number;
  /** Messages in the catalog. */
  total: number;
  explainedCount: number;
  /** The catalogued kernels' series, oldest first. */
  kernels: readonly string[];
  classes: Readonly<Record<string, string>>;
  searchBox: ReactNode;
  kernelBox: ReactNode;
  /** Said instead of the count while the catalog loads. */
  loading?: string | null;
  highlight?: string | null;
}

const chipBase = "rounded-full border px-2.5 py-0.5 text-xs";
const chipOff = `${chipBase} border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800`;
const chipOn = `${chipBase} border-sky-700 bg-sky-700 text-white dark:border-sky-400 dark:bg-sky-400 dark:text-slate-950`;
const pagerClass = "rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";

/** The /verifier list: rendered on the server (no JavaScript needed for the first page) and by the client. */
export function VerifierView({ state, rows, count, total, explainedCount, kernels, classes, searchBox, kernelBox, loading, highlight }: VerifierViewProps) {
  const pages = Math.max(1, Math.ceil(count / VERIFIER_PAGE_SIZE));
  const page = Math.min(Math.max(1, state.page), pages);
  const shown = rows.slice((page - 1) * VERIFIER_PAGE_SIZE, page * VERIFIER_PAGE_SIZE);
  const filtered = Boolean(state.q) || state.kernel !== null || state.explained;
  const kernelLabel = state.kernel ? `${state.kernel.major}.${state.kernel.minor}` : null;
  return (
    <div className="space-y-4">
      {searchBox}
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Kernel">
        <span className="mr-1 text-xs text-slate-600 dark:text-slate-400">Kernel:</span>
        <Link href={verifierHref({ ...state, kernel: null, page: 1 })} scroll={false} className={state.kernel ? chipOff : chipOn} aria-current={state.kernel ? undefined : "true"}>
          any
        </Link>
        {kernels.map((k) => {
          const v = parseKernelRelease(k);
          const on = !!state.kernel && !!v && state.kernel.major === v.major && state.kernel.minor === v.minor;
          return v ? (
            <Link key={k} href={verifierHref({ ...state, kernel: v, page: 1 })} scroll={false} className={on ? chipOn : chipOff} aria-current={on ? "true" : undefined}>
              {k}
            </Link>
          ) : null;
        })}
      </div>
      {kernelBox}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700 dark:text-slate-300" role="status" aria-live="polite">
          {loading ??
            (filtered
              ? `${count.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} messages${kernelLabel ? ` in Linux ${kernelLabel}` : ""}`
              : `${total.toLocaleString("en-US")} messages`)}
          {!loading && pages > 1 ? (
            <span className="text-slate-600 dark:text-slate-400">
              {" "}
              · page {page} of {pages}
            </span>
          ) : null}
        </p>
        <div className="flex flex-wrap gap-3 text-sm">
          <Link href={verifierHref({ ...state, explained: !state.explained, page: 1 })} scroll={false} className="text-sky-700 hover:underline dark:text-sky-300">
            {state.explained ? "Show every message" : `Only the ${explainedCount} explained`}
          </Link>
          {filtered ? (
            <Link href={verifierHref({})} scroll={false} className="text-sky-700 hover:underline dark:text-sky-300">
              Clear filters
            </Link>
          ) : null}
        </div>
      </div>
      {loading && shown.length === 0 ? null : shown.length > 0 ? (
        <ol className="space-y-3" aria-label="Verifier messages">
          {shown.map((r) => (
            <MessageCard key={r.message.id} row={r} classes={classes} highlighted={r.message.id === highlight} />
          ))}
        </ol>
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <p className="font-medium">No message matches.</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Try fewer words, another kernel, or paste one whole line of the log.</p>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages of messages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
          {page > 1 ? (
            <Link href={verifierHref({ ...state, page: page - 1 })} rel="prev" className={pagerClass}>
              ← Previous {VERIFIER_PAGE_SIZE}
            </Link>
          ) : (
            <span />
          )}
          {page < pages ? (
            <Link href={verifierHref({ ...state, page: page + 1 })} rel="next" className={pagerClass}>
              Next {Math.min(VERIFIER_PAGE_SIZE, count - page * VERIFIER_PAGE_SIZE)} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
