/**
 * /match-index.json: the core of the matcher's index (records, error texts and templates, the facts
 * scoring compares), built from the write-ups at build time and served as a static file. The /match
 * page's worker answers from it alone, then loads /match-text.json to refine. Nothing is generated
 * under app/ on disk (STYLE.md #4); the route is prerendered like every page.
 */
import { matchIndexParts } from "./parts";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(matchIndexParts().core, { headers: { "content-type": "application/json; charset=utf-8" } });
}
