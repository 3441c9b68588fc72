/** /feed.json: the JSON Feed 1.1 of every record, newest `updated` first; a static file in the export. */
import { getAllIssues } from "@/lib/content";
import { jsonFeed } from "@/lib/feeds";
import { toFeedEntry } from "@/lib/records/projections";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(jsonFeed(getAllIssues().map(toFeedEntry)), {
    headers: { "content-type": "application/feed+json; charset=utf-8" },
  });
}
