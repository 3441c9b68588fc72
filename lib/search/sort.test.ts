import { describe, expect, it } from "vitest";

import { sortResults } from "@/lib/search/sort";

const r = (slug: string, updated: string) => ({ slug, updated });

describe("sortResults", () => {
  const results = [r("a", "2024-01-01"), r("b", "2025-06-01"), r("c", "2024-01-01"), r("d", "2026-01-31")];

  it("relevance keeps the search's order", () => {
    expect(sortResults(results, "relevance").map((x) => x.slug)).toEqual(["a", "b", "c", "d"]);
  });

  it("updated puts the newest first and keeps ties in the search's order, without touching the input", () => {
    expect(sortResults(results, "updated").map((x) => x.slug)).toEqual(["d", "b", "a", "c"]);
    expect(results.map((x) => x.slug)).toEqual(["a", "b", "c", "d"]);
  });
});
