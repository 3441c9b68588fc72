/** Both parts of the browser's match index, built once per build process and shared by the two routes. */
import { getAllIssues } from "@/lib/content";
import { buildMatchIndex, serializeMatchIndexParts } from "@/lib/match";
import { toMatchSource } from "@/lib/records/projections";

let parts: { core: string; text: string } | null = null;

export function matchIndexParts(): { core: string; text: string } {
  parts ??= serializeMatchIndexParts(buildMatchIndex(getAllIssues().map(toMatchSource)));
  return parts;
}
