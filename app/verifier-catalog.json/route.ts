/**
 * /verifier-catalog.json: the verifier message catalog with its meanings, built at build time and
 * served as a static file. The /match worker fetches it after the match index, and the /verifier page
 * when it runs, so neither page's first load carries it. Error-class links name only write-ups the
 * content has.
 */
import { getAllIssues } from "@/lib/content";
import { verifierCatalogFor } from "@/lib/verifier/sources";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(JSON.stringify(verifierCatalogFor(getAllIssues())), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
