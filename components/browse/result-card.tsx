import Link from "next/link";

import type { IssueSummary } from "@/lib/records/record";
import { KindBadge, StatusBadge } from "@/components/badges";

export interface ResultCardProps {
  record: IssueSummary;
  /** Show the day the record was last updated (when the list is sorted by it). */
  showUpdated?: boolean;
}

export function ResultCard({ record, showUpdated = false }: ResultCardProps) {
  const firstError = record.errors[0];
  return (
    <li className="rounded-lg border border-slate-200 p-4 transition-colors hover:border-sky-400 dark:border-slate-800 dark:hover:border-sky-600">
      <div className="mb-1.5 flex flex-wrap items-center gap-1.5">
        <KindBadge kind={record.kind} />
        <StatusBadge status={record.status} />
        <span className="text-xs text-slate-600 dark:text-slate-400">{record.kernel.label}</span>
        {showUpdated ? (
          <span className="text-xs text-slate-600 dark:text-slate-400">
            · updated <time dateTime={record.updated}>{record.updated}</time>
          </span>
        ) : null}
      </div>
      <h2 className="text-base font-semibold leading-snug">
        <Link href={record.url} className="text-slate-900 hover:text-sky-700 hover:underline dark:text-slate-100 dark:hover:text-sky-300">
          {record.title}
        </Link>
      </h2>
      <p className="mt-1 line-clamp-2 text-sm text-slate-700 dark:text-slate-300">{record.summary}</p>
      {firstError ? (
        <pre className="mt-2 overflow-hidden text-ellipsis whitespace-nowrap rounded-sm bg-slate-100 px-2 py-1 text-xs text-slate-800 dark:bg-slate-900 dark:text-slate-200">
          <code>{firstError.text}</code>
        </pre>
      ) : null}
      {record.components.length > 0 ? (
        <p className="mt-2 flex flex-wrap gap-1.5 text-xs text-slate-600 dark:text-slate-400">
          <span className="sr-only">Components:</span>
          {record.components.map((c) => (
            <span key={c.id} className="rounded-sm bg-slate-100 px-1.5 py-0.5 font-mono dark:bg-slate-800">
              {c.id}
              {c.versions ? ` ${c.versions}` : ""}
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}
