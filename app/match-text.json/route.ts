/** /match-text.json: the full-text part of the matcher's index, loaded after the core (/match-index.json). */
import { matchIndexParts } from "../match-index.json/parts";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(matchIndexParts().text, { headers: { "content-type": "application/json; charset=utf-8" } });
}
