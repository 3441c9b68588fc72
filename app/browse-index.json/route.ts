/**
 * /browse-index.json: the summaries the browse page searches and filters in the browser, served as a
 * static file and fetched after the page loads, so the page's HTML carries one page of results, not
 * every record.
 */
import { getAllIssues } from "@/lib/content";
import { toSummary } from "@/lib/records/projections";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(JSON.stringify(getAllIssues().map(toSummary)), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
