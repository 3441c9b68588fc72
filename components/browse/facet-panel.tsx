import type { ReactNode } from "react";
import Link from "next/link";

import type { FacetChoice, FacetView } from "@/lib/facets";

export interface FacetPanelProps {
  facets: FacetView[];
  /** The link that toggles a choice. */
  hrefFor: (choice: FacetChoice) => string;
  /** Rendered under the facet's heading, by key (the kernel box under "Kernel"). */
  extras?: Partial<Record<string, ReactNode>>;
}

function ChoiceLink({ choice, mono, href }: { choice: FacetChoice; mono: boolean; href: string }) {
  return (
    <li>
      <Link
        href={href}
        scroll={false}
        aria-current={choice.selected ? "true" : undefined}
        title={choice.title}
        className={`group flex items-start gap-2 rounded-sm px-1.5 py-1 text-sm ${
          choice.selected
            ? "bg-sky-50 font-medium text-sky-900 dark:bg-sky-950 dark:text-sky-100"
            : choice.count === 0
              ? "text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
              : "text-slate-800 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
        }`}
      >
        <span
          aria-hidden="true"
          className={`mt-0.5 flex h-4 w-4 shrink-0 items-center justify-center rounded-sm border text-[10px] ${
            choice.selected ? "border-sky-700 bg-sky-700 text-white" : "border-slate-400 dark:border-slate-500"
          }`}
        >
          {choice.selected ? "✓" : ""}
        </span>
        <span className={`min-w-0 flex-1 break-words ${mono ? "font-mono text-xs leading-5" : ""}`}>
          {mono && choice.label.length > 60 ? <span className="line-clamp-2">{choice.label}</span> : choice.label}
          {choice.selected ? <span className="sr-only"> (selected; select to remove)</span> : null}
        </span>
        <span className="text-xs tabular-nums text-slate-600 dark:text-slate-400">{choice.count}</span>
      </Link>
    </li>
  );
}

/** Every facet of the registry, in its order: links that toggle a value (they work without JavaScript). */
export function FacetPanel({ facets, hrefFor, extras }: FacetPanelProps) {
  return (
    <div className="space-y-5">
      {facets.map((facet) => {
        const visible = facet.choices.slice(0, facet.visible);
        const rest = facet.choices.slice(facet.visible);
        const headingId = `facet-${facet.key}`;
        return (
          <section key={facet.key} aria-labelledby={headingId}>
            <h2 id={headingId} className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
              {facet.title}
            </h2>
            {extras?.[facet.key] ?? null}
            {facet.choices.length === 0 ? (
              <p className="px-1.5 text-sm text-slate-500 dark:text-slate-400">No choices.</p>
            ) : (
              <ul className="space-y-0.5">
                {visible.map((c) => (
                  <ChoiceLink key={c.value} choice={c} mono={facet.mono} href={hrefFor(c)} />
                ))}
              </ul>
            )}
            {facet.offered > facet.choices.length ? (
              <p className="mt-1 px-1.5 text-xs text-slate-600 dark:text-slate-400">
                The {facet.choices.length} most frequent of {facet.offered.toLocaleString("en-US")}: search to narrow the list.
              </p>
            ) : null}
            {rest.length > 0 ? (
              <details className="mt-1" open={rest.some((c) => c.selected)}>
                <summary className="cursor-pointer px-1.5 text-sm text-sky-700 hover:underline dark:text-sky-300">{rest.length} more</summary>
                <ul className="mt-1 space-y-0.5">
                  {rest.map((c) => (
                    <ChoiceLink key={c.value} choice={c} mono={facet.mono} href={hrefFor(c)} />
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
