/**
 * Metadata every page shares: its canonical URL, the feeds, and the Open Graph and Twitter fields of a
 * link preview. Next.js replaces (does not merge) a nested field such as `alternates` or `openGraph`
 * that a page sets, so each page asks for all of it here. Relative URLs resolve against `metadataBase`
 * (KB_SITE_URL) in the root layout: every URL in the head is absolute.
 */
import type { Metadata } from "next";

import { ROUTES, SITE_DESCRIPTION, SITE_NAME } from "@/lib/constants";

export const SITE_TITLE = `${SITE_NAME}: eBPF troubleshooting knowledge base`;

const FEEDS = {
  "application/atom+xml": [{ url: ROUTES.atomFeed, title: `${SITE_NAME}: recently updated (Atom)` }],
  "application/feed+json": [{ url: ROUTES.jsonFeed, title: `${SITE_NAME}: recently updated (JSON Feed)` }],
};

export interface PageMetadataInput {
  /** The page's path: its canonical URL and og:url. */
  path: string;
  /** The page's own title (the layout's template adds the site name to <title>); none for the home page. */
  title?: string;
  description?: string;
  /** A large preview image (1200×630) of this page. */
  image?: { url: string; alt: string };
  /** Open Graph type: "article" for a record. */
  type?: "website" | "article";
  modified?: string;
}

export function pageMetadata({ path, title, description = SITE_DESCRIPTION, image, type = "website", modified }: PageMetadataInput): Metadata {
  const shareTitle = title ?? SITE_TITLE;
  // Pages without a preview of their own show the site's icon (a small "summary" card).
  const images = image
    ? [{ url: image.url, width: 1200, height: 630, alt: image.alt, type: "image/png" }]
    : [{ url: ROUTES.icon512, width: 512, height: 512, alt: SITE_NAME, type: "image/png" }];
  return {
    ...(title ? { title } : {}),
    description,
    alternates: { canonical: path, types: FEEDS },
    openGraph: {
      type,
      siteName: SITE_NAME,
      locale: "en",
      url: path,
      title: shareTitle,
      description,
      images,
      ...(type === "article" && modified ? { modifiedTime: modified } : {}),
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: shareTitle,
      description,
      images: images.map((i) => ({ url: i.url, alt: i.alt })),
    },
  };
}
