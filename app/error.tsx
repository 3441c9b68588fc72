"use client";

import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold">Something went wrong on this page</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        The page hit an error in your browser. Try again, or go back to the list.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800">
          Try again
        </button>
        <Link href="/" className="rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700">
          Browse all records
        </Link>
      </div>
    </div>
  );
}
