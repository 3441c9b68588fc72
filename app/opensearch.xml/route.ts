/**
 * /opensearch.xml: lets a browser add the knowledge base as a search engine (every page links it from
 * its head). The template is the browse page's `?q=`, absolute from KB_SITE_URL.
 */
import { openSearchDescription } from "@/lib/feeds";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(openSearchDescription(), {
    headers: { "content-type": "application/opensearchdescription+xml; charset=utf-8" },
  });
}
