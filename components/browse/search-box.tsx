"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";

import { TYPING_DEBOUNCE_MS } from "@/lib/constants";
import { browseHref, FACET_NAMES, MAX_QUERY_LENGTH, setQuery, type BrowseState } from "@/lib/search-params";
import { useDebouncedCallback } from "@/hooks/use-debounced-callback";

export interface SearchBoxProps {
  state: BrowseState;
}

export const SEARCH_INPUT_ID = "search-input";

/**
 * A GET form (works without JavaScript); with it, typing updates `q` in the URL after a pause,
 * replacing the history entry, and Enter pushes one.
 */
export function SearchBox({ state }: SearchBoxProps) {
  const router = useRouter();
  const [value, setValue] = useState(state.q);
  const lastWritten = useRef(state.q);

  // Back/forward or a clicked link changed `q`: show it.
  useEffect(() => {
    if (state.q !== lastWritten.current) {
      lastWritten.current = state.q;
      setValue(state.q);
    }
  }, [state.q]);

  const write = (q: string, mode: "push" | "replace") => {
    lastWritten.current = q.trim();
    const href = browseHref(setQuery(state, q.trim()));
    if (mode === "push") router.push(href, { scroll: false });
    else router.replace(href, { scroll: false });
  };
  const debouncedWrite = useDebouncedCallback((q: string) => write(q, "replace"), TYPING_DEBOUNCE_MS);

  return (
    <form
      role="search"
      action="/"
      method="get"
      onSubmit={(e) => {
        e.preventDefault();
        debouncedWrite.cancel();
        write(value, "push");
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
          value={value}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          spellCheck={false}
          placeholder="Search: invalid func unknown#125, calico 5.4, BTF…"
          onChange={(e) => {
            setValue(e.target.value);
            debouncedWrite(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape" && value) {
              e.preventDefault();
              setValue("");
              debouncedWrite.cancel();
              write("", "replace");
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
