/**
 * Full-text search for the browse page: fuse.js over the short fields of each record (never over
 * bodies or pastes; the matcher has its own index for those).
 */
import Fuse, { type IFuseOptions } from "fuse.js";

import { MAX_QUERY_LENGTH } from "@/lib/constants";
import type { IssueSummary } from "@/lib/records/record";

const options: IFuseOptions<IssueSummary> = {
  keys: [
    { name: "title", weight: 3 },
    { name: "aliases", weight: 2 },
    { name: "errors.text", weight: 2 },
    { name: "components.id", weight: 2 },
    { name: "summary", weight: 1 },
    { name: "tags", weight: 1 },
    { name: "subsystems", weight: 0.5 },
    { name: "slug", weight: 0.5 },
  ],
  // Typo tolerant, anywhere in the field.
  threshold: 0.35,
  ignoreLocation: true,
  includeScore: true,
  minMatchCharLength: 2,
};

export interface TextSearch {
  search(query: string): IssueSummary[];
}

export function createTextSearch(records: readonly IssueSummary[]): TextSearch {
  const fuse = new Fuse(records, options);
  return {
    search(query) {
      const q = query.trim().slice(0, MAX_QUERY_LENGTH);
      if (!q) return [...records];
      return fuse.search(q).map((r) => r.item);
    },
  };
}
