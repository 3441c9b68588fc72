import Link from "next/link";

import { FACET_VISIBLE_CHOICES } from "@/lib/constants";
import type { FacetChoice, Facets } from "@/lib/search/facets";
import { browseHref, toggleValue, type BrowseState, type FacetName } from "@/lib/search-params";

const TITLES: Record<FacetName, string> = {
  component: "Component",
  kernel: "Kernel",
  error: "Error string",
  subsystem: "Subsystem",
  status: "Status",
};

const ORDER: FacetName[] = ["component", "kernel", "status", "subsystem", "error"];

function ChoiceLink({ facet, choice, state }: { facet: FacetName; choice: FacetChoice; state: BrowseState }) {
  const mono = facet === "error" || facet === "component";
  return (
    <li>
      <Link
        href={browseHref(toggleValue(state, facet, choice.value))}
        scroll={false}
        aria-current={choice.selected ? "true" : undefined}
        title={choice.title}
        className={`group flex items-start gap-2 rounded px-1.5 py-1 text-sm ${
          choice.selected
            ? "bg-sky-50 font-medium text-sky-900 dark:bg-sky-950 dark:text-sky-100"
            : choice.count === 0
              ? "text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
              : "text-slate-800 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
        }`}
      >
        <span
          aria-hidden="true"
          className={`mt-0.5 flex h-4 w-4 shrink-0 items-center justify-center rounded border text-[10px] ${
            choice.selected ? "border-sky-700 bg-sky-700 text-white" : "border-slate-400 dark:border-slate-500"
          }`}
        >
          {choice.selected ? "✓" : ""}
        </span>
        <span className={`min-w-0 flex-1 break-words ${mono ? "font-mono text-xs leading-5" : ""}`}>
          {facet === "error" ? <span className="line-clamp-2">{choice.label}</span> : choice.label}
          {choice.selected ? <span className="sr-only"> (selected; select to remove)</span> : null}
        </span>
        <span className="tabular-nums text-xs text-slate-600 dark:text-slate-400">{choice.count}</span>
      </Link>
    </li>
  );
}

export interface FacetPanelProps {
  facets: Facets;
  state: BrowseState;
  kernelBox: React.ReactNode;
}

export function FacetPanel({ facets, state, kernelBox }: FacetPanelProps) {
  return (
    <div className="space-y-5">
      {ORDER.map((facet) => {
        const choices = facets[facet];
        const visible = choices.slice(0, FACET_VISIBLE_CHOICES);
        const rest = choices.slice(FACET_VISIBLE_CHOICES);
        const headingId = `facet-${facet}`;
        return (
          <section key={facet} aria-labelledby={headingId}>
            <h2 id={headingId} className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
              {TITLES[facet]}
            </h2>
            {facet === "kernel" ? kernelBox : null}
            {choices.length === 0 ? (
              <p className="px-1.5 text-sm text-slate-500 dark:text-slate-400">No choices.</p>
            ) : (
              <ul className="space-y-0.5">
                {visible.map((c) => (
                  <ChoiceLink key={c.value} facet={facet} choice={c} state={state} />
                ))}
              </ul>
            )}
            {rest.length > 0 ? (
              <details className="mt-1" open={rest.some((c) => c.selected)}>
                <summary className="cursor-pointer px-1.5 text-sm text-sky-700 hover:underline dark:text-sky-300">
                  {rest.length} more
                </summary>
                <ul className="mt-1 space-y-0.5">
                  {rest.map((c) => (
                    <ChoiceLink key={c.value} facet={facet} choice={c} state={state} />
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
