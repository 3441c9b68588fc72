"use client";

import { browseHref, FACET_NAMES, MAX_QUERY_LENGTH, setQuery, type BrowseState } from "@/lib/search-params";
import { useUrlInput } from "@/hooks/use-url-input";

export interface SearchBoxProps {
  state: BrowseState;
}

export const SEARCH_INPUT_ID = "search-input";

/**
 * A GET form (works without JavaScript); with it, typing updates `q` in the URL after a pause,
 * replacing the history entry, and Enter pushes one.
 */
export function SearchBox({ state }: SearchBoxProps) {
  const field = useUrlInput(state.q, (q) => browseHref(setQuery(state, q)));

  return (
    <form
      role="search"
      action="/"
      method="get"
      onSubmit={(e) => {
        e.preventDefault();
        field.submit();
      }}
      className="flex gap-2"
    >
      <label htmlFor={SEARCH_INPUT_ID} className="sr-only">
        Search incidents and error classes
      </label>
      <div className="relative flex-1">
        <input
          id={SEARCH_INPUT_ID}
          name="q"
          type="search"
          value={field.value}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          spellCheck={false}
          placeholder="Search: invalid func unknown#125, calico 5.4, BTF…"
          onChange={(e) => field.type(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape" && field.value) {
              e.preventDefault();
              field.reset("");
            }
          }}
          className="w-full rounded-md border border-slate-300 bg-white py-2 pl-3 pr-10 text-sm placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
        />
        <kbd
          aria-hidden="true"
          className="pointer-events-none absolute right-2 top-1/2 hidden -translate-y-1/2 rounded border border-slate-300 px-1.5 text-xs text-slate-500 sm:block dark:border-slate-600 dark:text-slate-400"
        >
          /
        </kbd>
      </div>
      {FACET_NAMES.map((f) =>
        state[f].length ? <input key={f} type="hidden" name={f} value={state[f].join(",")} /> : null,
      )}
      <button
        type="submit"
        className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800"
      >
        Search
      </button>
    </form>
  );
}
