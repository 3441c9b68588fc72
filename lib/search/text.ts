/**
 * Full-text search for the browse page, in two steps so it stays fast at 10,000 records:
 * 1. MiniSearch, an inverted index (prefix and fuzzy matching), finds the candidates in milliseconds;
 * 2. fuse.js ranks the best of them by its typo-tolerant score over the short fields (title, aliases,
 *    components, tags), where a reader's words usually land. fuse.js alone scans every record on every
 *    keystroke (about 100 ms per 1,000 records), which is why it only ranks.
 * Chinese and Japanese text has no spaces between words: it is indexed as overlapping character pairs,
 * so "内核" finds a title that contains it.
 */
import Fuse, { type IFuseOptions } from "fuse.js";
import MiniSearch, { type SearchOptions } from "minisearch";

import { MAX_QUERY_LENGTH } from "@/lib/constants";
import type { IssueSummary } from "@/lib/records/record";

/** Candidates fuse.js ranks. */
const RANKED = 120;

interface Doc {
  id: number;
  title: string;
  aliases: string;
  errors: string;
  components: string;
  summary: string;
  tags: string;
  slug: string;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const CJK_RUN = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+/g;

/** Words and numbers (keeping `unknown#125` and `5.8` whole), and CJK runs as character pairs. */
export function searchTokens(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  for (const word of lower.replace(CJK_RUN, " ").split(/[^\p{L}\p{N}#._-]+/u)) {
    const w = word.replace(/^[._-]+|[._-]+$/g, "");
    if (w) out.push(w);
    // `bpf_ktime_get_boot_ns` and `kata-containers` are also found by their parts.
    if (/[._-]/.test(w)) for (const part of w.split(/[._-]+/)) if (part && part !== w) out.push(part);
  }
  for (const run of lower.match(CJK_RUN) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

const FIELDS = ["title", "aliases", "errors", "components", "summary", "tags", "slug"] as const;

const SEARCH: SearchOptions = {
  boost: { title: 3, aliases: 2, errors: 2, components: 2, summary: 1, tags: 1, slug: 0.5 },
  // A two-letter prefix expands to most of the vocabulary: prefixes start at three characters.
  prefix: (term) => term.length >= 3,
  fuzzy: (term) => (term.length >= 5 && !CJK.test(term) ? 0.2 : false),
  combineWith: "AND",
};

const fuseOptions: IFuseOptions<IssueSummary> = {
  keys: [
    { name: "title", weight: 3 },
    { name: "aliases", weight: 2 },
    { name: "components.id", weight: 2 },
    { name: "tags", weight: 1 },
    { name: "slug", weight: 0.5 },
  ],
  threshold: 0.35,
  ignoreLocation: true,
  includeScore: true,
  minMatchCharLength: 2,
};

export interface TextSearch {
  search(query: string): IssueSummary[];
}

export function createTextSearch(records: readonly IssueSummary[]): TextSearch {
  const mini = new MiniSearch<Doc>({ fields: [...FIELDS], storeFields: [], tokenize: searchTokens, processTerm: (t) => t });
  mini.addAll(
    records.map((r, id) => ({
      id,
      title: r.title,
      aliases: r.aliases.join("\n"),
      errors: r.errors.map((e) => e.text).join("\n"),
      components: r.components.map((c) => c.id).join(" "),
      summary: r.summary,
      tags: r.tags.join(" "),
      slug: r.slug,
    })),
  );
  return {
    search(query) {
      const q = query.trim().slice(0, MAX_QUERY_LENGTH);
      if (!q) return [...records];
      let hits = mini.search(q, SEARCH);
      // Every word must match; when that finds nothing, any word may (a typo beyond fuzzy reach).
      if (hits.length === 0) hits = mini.search(q, { ...SEARCH, combineWith: "OR" });
      const found = hits.map((h) => records[h.id as number]).filter((r): r is IssueSummary => r !== undefined);
      if (found.length < 2) return found;
      // fuse.js orders the best candidates by how closely their short fields match what was typed;
      // the ones it does not match keep the index's order after them.
      const head = found.slice(0, RANKED);
      const ranked = new Fuse(head, fuseOptions).search(q).map((r) => r.item);
      const inRanked = new Set(ranked);
      return [...ranked, ...head.filter((r) => !inRanked.has(r)), ...found.slice(RANKED)];
    },
  };
}
