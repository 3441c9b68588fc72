"use client";

import { useQueryStates } from "nuqs";

import { verifierParsers } from "@/lib/search-params";

/** The /verifier page's URL state, typed by the parsers in lib/search-params.ts. */
export function useVerifierState() {
  return useQueryStates(verifierParsers, { history: "push", scroll: false });
}
