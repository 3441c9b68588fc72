/** /sitemap.xml: every page (browse, match, kernel pages, each record), absolute from KB_SITE_URL. */
import type { MetadataRoute } from "next";

import { getAllIssues } from "@/lib/content";
import { sitemapPages } from "@/lib/feeds";
import { toFeedEntry } from "@/lib/records/projections";

export const dynamic = "force-static";

export default function sitemap(): MetadataRoute.Sitemap {
  return sitemapPages(getAllIssues().map(toFeedEntry));
}
