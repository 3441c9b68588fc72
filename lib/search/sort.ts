/**
 * The orders the browse page can list results in, one entry each: the URL value (`?sort=updated`), the
 * label, and the comparison. The default, "relevance", is the search's own order (by title when there is
 * no search text) and never appears in the URL.
 */
import type { IssueSummary } from "@/lib/records/record";

export const BROWSE_SORTS = ["relevance", "updated"] as const;
export type BrowseSort = (typeof BROWSE_SORTS)[number];
export const DEFAULT_SORT: BrowseSort = "relevance";

export const SORT_LABELS: Record<BrowseSort, (searching: boolean) => string> = {
  relevance: (searching) => (searching ? "Best match" : "Title"),
  updated: () => "Recently updated",
};

/** Results in the chosen order; "updated" is newest first, ties kept in the search's order (stable sort). */
export function sortResults<T extends Pick<IssueSummary, "updated">>(results: readonly T[], sort: BrowseSort): T[] {
  if (sort === "relevance") return [...results];
  return [...results].sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
}
