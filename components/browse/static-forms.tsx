import { ROUTES } from "@/lib/constants";

/**
 * The search and kernel forms as the server renders them, before JavaScript runs: plain GET forms
 * with the same ids and labels as the interactive ones that replace them.
 */
export function StaticSearchBox() {
  return (
    <form role="search" action={ROUTES.browse} method="get" className="flex gap-2">
      <label htmlFor="search-input" className="sr-only">
        Search incidents and error classes
      </label>
      <input
        id="search-input"
        name="q"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder="Search: invalid func unknown#125, calico 5.4, BTF…"
        className="w-full flex-1 rounded-md border border-slate-300 bg-white py-2 pl-3 pr-10 text-sm placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
      />
      <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800">
        Search
      </button>
    </form>
  );
}

export function StaticKernelBox() {
  return (
    <form action={ROUTES.browse} method="get" className="mb-2 px-1.5">
      <label htmlFor="kernel-input" className="mb-1 block text-xs text-slate-600 dark:text-slate-400">
        Your kernel (<code>uname -r</code>)
      </label>
      <div className="flex gap-1">
        <input
          id="kernel-input"
          name="kernel"
          placeholder="5.4.0-189-generic"
          autoComplete="off"
          spellCheck={false}
          className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
        />
        <button type="submit" className="rounded-md border border-slate-300 px-2 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
          Apply
        </button>
      </div>
    </form>
  );
}
