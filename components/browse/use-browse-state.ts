"use client";

import { useQueryStates } from "nuqs";

import { browseParsers } from "@/lib/search-params";

/** The browse page's URL state, typed by the parsers in lib/search-params.ts. */
export function useBrowseState() {
  return useQueryStates(browseParsers, { history: "push", scroll: false });
}
