"use client";

import { useState } from "react";

import { ROUTES } from "@/lib/constants";
import { FACETS } from "@/lib/facets";
import { useBrowseState } from "@/components/browse/use-browse-state";

/** Type what `uname -r` prints; keeps the records whose affected range contains it, and any-kernel ones. */
export function KernelBox() {
  const [state, setState] = useBrowseState();
  const current = state.kernel.find((v) => v.kind === "version");
  const [value, setValue] = useState(current?.kind === "version" ? current.text : "");
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      action={ROUTES.browse}
      method="get"
      className="mb-2 px-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        const typed = value.trim();
        const parsed = typed ? FACETS.kernel.parse(typed) : null;
        if (typed && parsed?.kind !== "version") {
          setError(`"${typed.slice(0, 60)}" is not a kernel version. Paste what uname -r prints, e.g. 5.4.0-189-generic.`);
          return;
        }
        setError(null);
        const others = state.kernel.filter((v) => v.kind !== "version");
        void setState({ kernel: parsed ? [...others, parsed] : others, page: null });
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
          maxLength={160}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "kernel-input-error" : undefined}
          className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
        />
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
