"use client";

import { debounce } from "nuqs";

import { MAX_QUERY_LENGTH, ROUTES, TYPING_DEBOUNCE_MS } from "@/lib/constants";
import { useBrowseState } from "@/components/browse/use-browse-state";

export const SEARCH_INPUT_ID = "search-input";

/**
 * A GET form (works without JavaScript); with it, the text is the URL's `q`: typing replaces the
 * history entry after a pause (nuqs debounces the URL write, the field updates at once), Enter pushes one.
 */
export function SearchBox() {
  const [state, setState] = useBrowseState();
  return (
    <form
      role="search"
      action={ROUTES.browse}
      method="get"
      onSubmit={(e) => {
        e.preventDefault();
        void setState({ q: state.q, page: null }, { history: "push" });
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
          value={state.q}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          spellCheck={false}
          placeholder="Search: invalid func unknown#125, calico 5.4, BTF…"
          onChange={(e) => void setState({ q: e.target.value, page: null }, { history: "replace", limitUrlUpdates: debounce(TYPING_DEBOUNCE_MS) })}
          onKeyDown={(e) => {
            if (e.key === "Escape" && state.q) {
              e.preventDefault();
              void setState({ q: null, page: null }, { history: "replace" });
            }
          }}
          className="w-full rounded-md border border-slate-300 bg-white py-2 pl-3 pr-10 text-sm placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
        />
        <kbd
          aria-hidden="true"
          className="pointer-events-none absolute right-2 top-1/2 hidden -translate-y-1/2 rounded-sm border border-slate-300 px-1.5 text-xs text-slate-500 sm:block dark:border-slate-600 dark:text-slate-400"
        >
          /
        </kbd>
      </div>
      <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800">
        Search
      </button>
    </form>
  );
}
