/** /feed.xml: the Atom 1.0 feed of every record, newest `updated` first; a static file in the export. */
import { getAllIssues } from "@/lib/content";
import { atomFeed } from "@/lib/feeds";
import { toFeedEntry } from "@/lib/records/projections";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(atomFeed(getAllIssues().map(toFeedEntry)), {
    headers: { "content-type": "application/atom+xml; charset=utf-8" },
  });
}
