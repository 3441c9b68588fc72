import { ROUTES } from "@/lib/constants";

/** The search and kernel forms as the server renders them, before JavaScript runs: GET forms with the same ids and labels. */
export function StaticVerifierSearchBox() {
  return (
    <form role="search" action={ROUTES.verifier} method="get" className="flex gap-2">
      <label htmlFor="verifier-search" className="sr-only">
        Search verifier messages
      </label>
      <input
        id="verifier-search"
        name="q"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder="Paste a log line, or words: invalid mem access, back-edge, btf…"
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
      />
      <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800">
        Search
      </button>
    </form>
  );
}

export function StaticVerifierKernelBox() {
  return (
    <form action={ROUTES.verifier} method="get" className="flex flex-wrap items-center gap-2">
      <label htmlFor="verifier-kernel" className="text-xs text-slate-600 dark:text-slate-400">
        Or your kernel (<code>uname -r</code>)
      </label>
      <input
        id="verifier-kernel"
        name="kernel"
        placeholder="5.15.0-105-generic"
        autoComplete="off"
        spellCheck={false}
        className="w-44 min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
      />
      <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
        Apply
      </button>
    </form>
  );
}
