"use client";

import { useEffect, useState } from "react";

import { ROUTES } from "@/lib/constants";
import type { IssueSummary } from "@/lib/records/record";

let loaded: Promise<IssueSummary[]> | null = null;

/** The browse index, fetched once per page load (navigations reuse it); null until it arrives. */
export function useBrowseIndex(): { records: IssueSummary[] | null; error: string | null } {
  const [records, setRecords] = useState<IssueSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loaded ??= fetch(ROUTES.browseIndex).then(async (res) => {
      if (!res.ok) throw new Error(`the browse index answered ${res.status}`);
      return (await res.json()) as IssueSummary[];
    });
    loaded.then(
      (r) => live && setRecords(r),
      (e: unknown) => {
        loaded = null;
        if (live) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { records, error };
}
