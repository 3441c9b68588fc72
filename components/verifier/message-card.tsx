import Link from "next/link";

import { ROUTES } from "@/lib/constants";
import type { VerifierRow } from "@/lib/verifier/search";

export interface MessageCardProps {
  row: VerifierRow;
  /** Titles of the error-class write-ups, by slug. */
  classes: Readonly<Record<string, string>>;
  highlighted?: boolean;
}

const linkClass = "text-sky-700 underline hover:no-underline dark:text-sky-300";

/** One catalog message, with its own anchor (`/verifier#<id>`). */
export function MessageCard({ row, classes, highlighted = false }: MessageCardProps) {
  const m = row.message;
  const first = row.kernels[0] ?? "";
  const last = row.kernels[row.kernels.length - 1] ?? "";
  const title = m.class ? classes[m.class] : undefined;
  return (
    <li
      id={m.id}
      tabIndex={-1}
      data-testid="verifier-message"
      className={`scroll-mt-4 rounded-lg border p-4 text-sm outline-none ${
        highlighted ? "border-sky-500 ring-2 ring-sky-500 dark:border-sky-400 dark:ring-sky-400" : "border-slate-200 dark:border-slate-800"
      }`}
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="min-w-0 break-words font-mono text-[0.8125rem] font-semibold leading-snug">
          {m.template ? m.template : <span className="font-normal italic text-slate-600 dark:text-slate-400">(no text: the format is {JSON.stringify(m.format ?? "")})</span>}
        </h2>
        <a href={`#${m.id}`} className="shrink-0 text-xs text-slate-600 hover:text-sky-700 hover:underline dark:text-slate-400 dark:hover:text-sky-300" aria-label={`Link to this message (${m.id})`}>
          #
        </a>
      </div>
      <p className="mt-1 break-words text-xs text-slate-600 dark:text-slate-400">
        {m.check ? <code>{m.check}()</code> : "top-level code"} in <code>{m.file}</code>
        {" · "}
        {first === last ? `Linux ${first} only` : `Linux ${first} to ${last}`}
        {row.gaps.length ? ` (not in ${row.gaps.join(", ")})` : ""}
        {" · "}
        {m.errno ? `fails with ${m.errno}` : "no errno follows"}
        {m.matchable ? "" : " · a fragment of a longer line, not matched on its own"}
      </p>
      {row.fit?.text ? <p className="mt-1 text-xs font-medium text-amber-800 dark:text-amber-200">{row.fit.text}</p> : null}
      {m.meaning ? (
        <p className="mt-2 text-slate-800 dark:text-slate-200">{m.meaning}</p>
      ) : (
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          No explanation written yet: read <code>{m.check ? `${m.check}()` : m.file}</code> in the kernel source for the check that prints it.
        </p>
      )}
      {m.fix ? (
        <p className="mt-1 text-slate-800 dark:text-slate-200">
          <span className="font-medium">Usual fix:</span> {m.fix}
        </p>
      ) : null}
      {m.class && title ? (
        <p className="mt-1">
          Error class:{" "}
          <Link prefetch={false} href={ROUTES.issue(m.class)} className={linkClass}>
            {title}
          </Link>
        </p>
      ) : null}
    </li>
  );
}
