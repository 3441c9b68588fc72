"use client";

import { useState } from "react";
import { debounce } from "nuqs";

import { MAX_QUERY_LENGTH, ROUTES, TYPING_DEBOUNCE_MS } from "@/lib/constants";
import { parseKernelRelease } from "@/lib/kernel/version";
import { useVerifierState } from "@/components/verifier/use-verifier-state";

export const VERIFIER_SEARCH_ID = "verifier-search";
const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400";

/**
 * The search: a GET form; with JavaScript the text is the URL's `q`, replaced while typing (after a
 * pause) and pushed on Enter. A whole log line finds the message that prints it.
 */
export function VerifierSearchBox() {
  const [state, setState] = useVerifierState();
  return (
    <form
      role="search"
      action={ROUTES.verifier}
      method="get"
      className="flex gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void setState({ q: state.q, page: null }, { history: "push" });
      }}
    >
      <label htmlFor={VERIFIER_SEARCH_ID} className="sr-only">
        Search verifier messages
      </label>
      <input
        id={VERIFIER_SEARCH_ID}
        name="q"
        type="search"
        value={state.q}
        maxLength={MAX_QUERY_LENGTH}
        autoComplete="off"
        spellCheck={false}
        placeholder="Paste a log line, or words: invalid mem access, back-edge, btf…"
        onChange={(e) => void setState({ q: e.target.value, page: null }, { history: "replace", limitUrlUpdates: debounce(TYPING_DEBOUNCE_MS) })}
        onKeyDown={(e) => {
          if (e.key === "Escape" && state.q) {
            e.preventDefault();
            void setState({ q: null, page: null }, { history: "replace" });
          }
        }}
        className={inputClass}
      />
      <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800">
        Search
      </button>
    </form>
  );
}

/** Any kernel version (what `uname -r` prints): only the messages that kernel can print. */
export function VerifierKernelBox() {
  const [state, setState] = useVerifierState();
  const [value, setValue] = useState(state.kernel?.raw ?? "");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      action={ROUTES.verifier}
      method="get"
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const typed = value.trim();
        const parsed = typed ? parseKernelRelease(typed) : null;
        if (typed && !parsed) {
          setError(`"${typed.slice(0, 60)}" is not a kernel version. Type what uname -r prints, e.g. 5.15.0-105-generic.`);
          return;
        }
        setError(null);
        void setState({ kernel: parsed, page: null });
      }}
    >
      <label htmlFor="verifier-kernel" className="text-xs text-slate-600 dark:text-slate-400">
        Or your kernel (<code>uname -r</code>)
      </label>
      <input
        id="verifier-kernel"
        name="kernel"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder="5.15.0-105-generic"
        autoComplete="off"
        spellCheck={false}
        maxLength={160}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "verifier-kernel-error" : undefined}
        className="w-44 min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
      />
      <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
        Apply
      </button>
      {error ? (
        <p id="verifier-kernel-error" role="alert" className="w-full text-xs text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </form>
  );
}
