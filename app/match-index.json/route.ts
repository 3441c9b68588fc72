/**
 * /match-index.json: the matcher's index, built from the write-ups at build time and served as a
 * static file, which the /match page loads in its Web Worker. Nothing is generated under app/ on disk
 * (STYLE.md #4); the route is prerendered like every page.
 */
import { getAllIssues } from "@/lib/content";
import { buildMatchIndex, serializeMatchIndex } from "@/lib/match";
import { toMatchSource } from "@/lib/records/projections";

export const dynamic = "force-static";

export function GET(): Response {
  const body = serializeMatchIndex(buildMatchIndex(getAllIssues().map(toMatchSource)));
  return new Response(body, {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
