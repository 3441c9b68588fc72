/**
 * Discovery files, built at build time from the records' feed projection (`toFeedEntry`): the Atom 1.0
 * feed (RFC 4287), the JSON Feed 1.1, the sitemap's page list and the OpenSearch description. Pure
 * string builders: the route handlers under app/ only serve what these return. Every URL is absolute,
 * from KB_SITE_URL (lib/constants.ts).
 */
import { absoluteUrl, LTS_KERNELS, REPO_URL, ROUTES, SITE_DESCRIPTION, SITE_NAME } from "@/lib/constants";
import type { FeedEntry } from "@/lib/records/projections";

export const FEED_TITLE = `${SITE_NAME}: eBPF troubleshooting knowledge base`;
const AUTHOR = { name: `${SITE_NAME} contributors`, url: REPO_URL };
/** When the feed has no entry, its `updated` is this fixed instant rather than the build's clock. */
const EPOCH = "1970-01-01";

/** Newest `updated` first; records of the same day by title. */
export function byUpdated(entries: readonly FeedEntry[]): FeedEntry[] {
  return [...entries].sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.title.localeCompare(b.title)));
}

/** `2025-04-15` → `2025-04-15T00:00:00Z` (RFC 3339, as both feed formats require). */
const instant = (day: string) => `${day}T00:00:00Z`;

/** Characters XML 1.0 cannot carry at all, then the five it must escape. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const newest = (entries: readonly FeedEntry[]) => entries.reduce((max, e) => (e.updated > max ? e.updated : max), EPOCH);

export function atomFeed(entries: readonly FeedEntry[]): string {
  const x = escapeXml;
  const items = byUpdated(entries).map(
    (e) => `  <entry>
    <id>${x(e.url)}</id>
    <title type="text">${x(e.title)}</title>
    <link rel="alternate" type="text/html" href="${x(e.url)}"/>
    <updated>${instant(e.updated)}</updated>
    <summary type="text">${x(e.summary)}</summary>
${[e.kind, `status:${e.status}`, ...e.tags].map((t) => `    <category term="${x(t)}"/>`).join("\n")}
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${x(absoluteUrl(ROUTES.browse))}</id>
  <title type="text">${x(FEED_TITLE)}</title>
  <subtitle type="text">${x(SITE_DESCRIPTION)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${x(absoluteUrl(ROUTES.atomFeed))}"/>
  <link rel="alternate" type="text/html" href="${x(absoluteUrl(ROUTES.browse))}"/>
  <updated>${instant(newest(entries))}</updated>
  <author>
    <name>${x(AUTHOR.name)}</name>
    <uri>${x(AUTHOR.url)}</uri>
  </author>
  <icon>${x(absoluteUrl(ROUTES.appleIcon))}</icon>
${items.join("\n")}
</feed>
`;
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(entries: readonly FeedEntry[]): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: FEED_TITLE,
    home_page_url: absoluteUrl(ROUTES.browse),
    feed_url: absoluteUrl(ROUTES.jsonFeed),
    description: SITE_DESCRIPTION,
    icon: absoluteUrl(ROUTES.icon512),
    favicon: absoluteUrl(ROUTES.icon),
    language: "en",
    authors: [AUTHOR],
    items: byUpdated(entries).map((e) => ({
      id: e.url,
      url: e.url,
      title: e.title,
      summary: e.summary,
      content_text: e.summary,
      date_modified: instant(e.updated),
      tags: [e.kind, `status:${e.status}`, ...e.tags],
    })),
  };
  return JSON.stringify(feed, null, 2) + "\n";
}

/** Every page of the site, with the day it last changed where that is known. */
export function sitemapPages(entries: readonly FeedEntry[]): { url: string; lastModified?: string }[] {
  const latest = entries.length ? newest(entries) : undefined;
  return [
    { url: absoluteUrl(ROUTES.browse), lastModified: latest },
    { url: absoluteUrl(ROUTES.match) },
    { url: absoluteUrl(ROUTES.kernel) },
    ...LTS_KERNELS.map((v) => ({ url: absoluteUrl(ROUTES.kernelSeries(v)) })),
    ...byUpdated(entries).map((e) => ({ url: e.url, lastModified: e.updated })),
  ].map((p) => (p.lastModified === undefined ? { url: p.url } : p));
}

/** The template a browser fills with what the reader typed: the browse page's `?q=`. */
export const OPENSEARCH_TEMPLATE = `${absoluteUrl(ROUTES.browse)}?q={searchTerms}`;

/** OpenSearch 1.1 description: lets a browser add the site as a search engine. */
export function openSearchDescription(): string {
  const x = escapeXml;
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
  <ShortName>${x(SITE_NAME)}</ShortName>
  <Description>${x(`Search ${FEED_TITLE}: incidents, error classes and upgrade notes`)}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Image width="192" height="192" type="image/png">${x(absoluteUrl(ROUTES.icon192))}</Image>
  <Url type="text/html" method="get" template="${x(OPENSEARCH_TEMPLATE)}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${x(absoluteUrl(ROUTES.openSearch))}"/>
  <moz:SearchForm>${x(absoluteUrl(ROUTES.browse))}</moz:SearchForm>
</OpenSearchDescription>
`;
}
