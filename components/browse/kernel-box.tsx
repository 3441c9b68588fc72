"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";

import { parseKernelVersion } from "@/lib/kernel/version";
import { kernelValueKind } from "@/lib/search/facets";
import { browseHref, FACET_NAMES, type BrowseState } from "@/lib/search-params";

export interface KernelBoxProps {
  state: BrowseState;
}

/** Type what `uname -r` prints; keeps the records whose affected range contains it, and any-kernel ones. */
export function KernelBox({ state }: KernelBoxProps) {
  const router = useRouter();
  const current = state.kernel.find((v) => kernelValueKind(v) === "version") ?? "";
  const [value, setValue] = useState(current);
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      action="/"
      method="get"
      className="mb-2 px-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        const typed = value.trim();
        const others = state.kernel.filter((v) => kernelValueKind(v) !== "version");
        if (typed && !parseKernelVersion(typed)) {
          setError(`"${typed}" is not a kernel version. Paste what uname -r prints, e.g. 5.4.0-189-generic.`);
          return;
        }
        setError(null);
        const kernel = typed ? [...others, typed] : others;
        router.push(browseHref({ ...state, kernel }), { scroll: false });
      }}
    >
      <label htmlFor="kernel-input" className="mb-1 block text-xs text-slate-600 dark:text-slate-400">
        Your kernel (<code>uname -r</code>)
      </label>
      <div className="flex gap-1">
        <input
          id="kernel-input"
          name="kernel"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="5.4.0-189-generic"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "kernel-input-error" : undefined}
          className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
        />
        {FACET_NAMES.filter((f) => f !== "kernel" && state[f].length).map((f) => (
          <input key={f} type="hidden" name={f} value={state[f].join(",")} />
        ))}
        {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
        <button type="submit" className="rounded-md border border-slate-300 px-2 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
          Apply
        </button>
      </div>
      {error ? (
        <p id="kernel-input-error" role="alert" className="mt-1 text-xs text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </form>
  );
}
