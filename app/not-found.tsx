import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold text-sky-700 dark:text-sky-300">404</p>
      <h1 className="mt-2 text-2xl font-bold">This page does not exist</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        The link may be mistyped, or the record was never published under this name. Search the knowledge base,
        or paste the error you are chasing.
      </p>
      <form action="/" method="get" role="search" className="mx-auto mt-6 flex max-w-md gap-2">
        <label htmlFor="notfound-q" className="sr-only">
          Search the knowledge base
        </label>
        <input
          id="notfound-q"
          name="q"
          type="search"
          placeholder="Search incidents"
          className="flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800">
          Search
        </button>
      </form>
      <p className="mt-6 flex justify-center gap-4 text-sm">
        <Link href="/" className="text-sky-700 hover:underline dark:text-sky-300">
          Browse all records
        </Link>
        <Link href="/match" className="text-sky-700 hover:underline dark:text-sky-300">
          Paste an error
        </Link>
      </p>
    </div>
  );
}
