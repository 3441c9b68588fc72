/** /robots.txt: every page may be crawled; the sitemap lists them. */
import type { MetadataRoute } from "next";

import { absoluteUrl, ROUTES } from "@/lib/constants";

export const dynamic = "force-static";

export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/" }, sitemap: absoluteUrl(ROUTES.sitemap) };
}
