import path from "node:path";

import { describe, expect, it } from "vitest";

import { absoluteUrl, LTS_KERNELS, SITE_URL } from "@/lib/constants";
import { loadIssuesFromDir } from "@/lib/content/load";
import { atomFeed, byUpdated, escapeXml, jsonFeed, OPENSEARCH_TEMPLATE, openSearchDescription, sitemapPages } from "@/lib/feeds";
import { toFeedEntry, type FeedEntry } from "@/lib/records/projections";

const fixtures = loadIssuesFromDir(path.join(__dirname, "content/fixtures/good"));
const entries = fixtures.records.map(toFeedEntry);

const entry = (over: Partial<FeedEntry>): FeedEntry => ({
  slug: "x",
  title: "X",
  url: absoluteUrl("/issues/x"),
  summary: "s",
  kind: "incident",
  status: "open",
  updated: "2025-01-01",
  tags: [],
  ...over,
});

/** Opening and closing tags balance, in order: a cheap well-formedness check (the e2e test parses with DOMParser). */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, "").matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    const [, close, name, self] = m;
    if (self) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

describe("feeds", () => {
  it("reads the fixtures", () => {
    expect(fixtures.problems).toEqual([]);
    expect(entries.length).toBe(3);
  });

  it("orders by updated, newest first, then by title", () => {
    const sorted = byUpdated([entry({ slug: "a", title: "B", updated: "2024-01-01" }), entry({ slug: "b", title: "A", updated: "2025-06-01" }), entry({ slug: "c", title: "A", updated: "2024-01-01" })]);
    expect(sorted.map((e) => e.slug)).toEqual(["b", "c", "a"]);
  });

  it("Atom: one entry per record with absolute links, RFC 3339 dates, escaped text, balanced tags", () => {
    const xml = atomFeed([...entries, entry({ slug: "amp", title: `A & B <c> "d"`, updated: "2030-01-01", url: absoluteUrl("/issues/amp") })]);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(balanced(xml)).toBe(true);
    expect(xml.match(/<entry>/g)).toHaveLength(entries.length + 1);
    expect(xml).toContain("<title type=\"text\">A &amp; B &lt;c&gt; &quot;d&quot;</title>");
    // The feed's updated is its newest entry's; the newest entry comes first.
    expect(xml).toMatch(/<\/subtitle>[\s\S]*?<updated>2030-01-01T00:00:00Z<\/updated>/);
    expect(xml.indexOf("/issues/amp")).toBeLessThan(xml.indexOf("/issues/demo-"));
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${SITE_URL}/feed.xml"/>`);
    for (const e of entries) expect(xml).toContain(`<id>${SITE_URL}/issues/${e.slug}</id>`);
    for (const m of xml.matchAll(/<updated>([^<]*)<\/updated>/g)) expect(m[1]).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    // Atom requires an author on the feed when entries have none.
    expect(xml).toMatch(/<author>\s*<name>[^<]+<\/name>/);
  });

  it("JSON Feed 1.1: version, absolute feed URLs, one item per record with id, content and date", () => {
    const feed = JSON.parse(jsonFeed(entries));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe(`${SITE_URL}/feed.json`);
    expect(feed.home_page_url).toBe(`${SITE_URL}/`);
    expect(feed.items).toHaveLength(entries.length);
    for (const item of feed.items) {
      expect(typeof item.id).toBe("string");
      expect(item.url).toMatch(new RegExp(`^${SITE_URL}/issues/`));
      expect(typeof item.content_text).toBe("string");
      expect(item.date_modified).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    }
    const dates = feed.items.map((i: { date_modified: string }) => i.date_modified);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("sitemap: browse, match, kernel, every LTS kernel page and every record", () => {
    const urls = sitemapPages(entries).map((p) => p.url);
    expect(urls).toEqual(
      expect.arrayContaining([`${SITE_URL}/`, `${SITE_URL}/match`, `${SITE_URL}/kernel`, ...LTS_KERNELS.map((v) => `${SITE_URL}/kernel/${v}`), ...entries.map((e) => e.url)]),
    );
    expect(urls).toHaveLength(3 + LTS_KERNELS.length + entries.length);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it("OpenSearch: an absolute template on the browse page's q", () => {
    expect(OPENSEARCH_TEMPLATE).toBe(`${SITE_URL}/?q={searchTerms}`);
    const xml = openSearchDescription();
    expect(balanced(xml)).toBe(true);
    expect(xml).toContain(`<Url type="text/html" method="get" template="${SITE_URL}/?q={searchTerms}"/>`);
    expect(xml).toMatch(/<ShortName>.{1,16}<\/ShortName>/);
  });

  it("escapes XML and drops characters XML cannot carry", () => {
    expect(escapeXml("a\u0001b & 'c'")).toBe("ab &amp; &apos;c&apos;");
  });
});
