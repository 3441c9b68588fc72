/**
 * Walks the real knowledge base (issue 4's acceptance): every incident's first error text, pasted
 * alone, ranks it in the top 3 and first for at least 90% of incidents; every error class ranks
 * first for a paste of its own generic template.
 */
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { loadIssuesFromDir } from "@/lib/content/load";
import { buildMatchIndex, matchPaste, type MatchIndex } from "@/lib/match";
import { COMPONENT_ALIASES } from "@/lib/match/tool-aliases";
import type { IssueRecord } from "@/lib/records/record";
import { toMatchSource } from "@/lib/records/projections";

let records: IssueRecord[] = [];
let index: MatchIndex;

beforeAll(() => {
  const loaded = loadIssuesFromDir(path.resolve(__dirname, "../../content"));
  expect(loaded.problems).toEqual([]);
  records = loaded.records;
  index = buildMatchIndex(records.map(toMatchSource));
});

function rankOf(paste: string, slug: string): number {
  const result = matchPaste(index, paste);
  return result.matches.findIndex((m) => m.slug === slug);
}

describe("the knowledge base ranks its own records", () => {
  it("has at least 150 records, 40 error classes and 30 components; every incident cites a source for a claim", () => {
    expect(records.length).toBeGreaterThanOrEqual(150);
    expect(records.filter((r) => r.kind === "error-class").length).toBeGreaterThanOrEqual(40);
    expect(new Set(records.flatMap((r) => r.components.map((c) => c.id))).size).toBeGreaterThanOrEqual(30);
    const unclaimed = records.filter((r) => r.kind === "incident" && !r.references.some((ref) => ref.claim));
    expect(unclaimed.map((r) => r.slug)).toEqual([]);
  });

  it("names components in pastes by the ids the write-ups use", () => {
    // An alias id that is a prefix of a record's id (parca for parca-agent) never agrees with that record.
    const ids = new Set(records.flatMap((r) => r.components.map((c) => c.id)));
    const stray = COMPONENT_ALIASES.filter((a) => !ids.has(a.id) && [...ids].some((id) => id.startsWith(`${a.id}-`))).map((a) => a.id);
    expect(stray).toEqual([]);
  });

  it("ranks each incident in the top 3 for its first error text, and first for at least 90%", () => {
    const incidents = records.filter((r) => r.kind === "incident" && r.errors.length > 0);
    expect(incidents.length).toBeGreaterThanOrEqual(30);
    const ranks = incidents.map((r) => ({ slug: r.slug, rank: rankOf(r.errors[0]?.text ?? "", r.slug) }));
    const outside = ranks.filter((r) => r.rank < 0 || r.rank > 2);
    expect(outside, `incidents not in the top 3: ${JSON.stringify(outside)}`).toEqual([]);
    const first = ranks.filter((r) => r.rank === 0).length;
    const share = first / ranks.length;
    expect(share, `first for ${first} of ${ranks.length}; not first: ${JSON.stringify(ranks.filter((r) => r.rank !== 0))}`).toBeGreaterThanOrEqual(0.9);
  });

  it("ranks each error class first for a paste of its generic template", () => {
    const classes = records.filter((r) => r.kind === "error-class");
    const misses = classes
      .map((r) => {
        // The template with its placeholders filled by neutral words, as a user's paste would have them.
        const template = r.errors[0]?.template ?? "";
        const paste = template.replace(/\{(\w+)(\.\.\.)?\}/g, (_, name: string) => (/^(id|helper|n|num|insn|off|size|line|count|kind)$/i.test(name) ? "7" : "xyz"));
        return { slug: r.slug, paste, rank: rankOf(paste, r.slug) };
      })
      .filter((x) => x.rank !== 0);
    expect(misses, `classes not first: ${JSON.stringify(misses)}`).toEqual([]);
  });
});
