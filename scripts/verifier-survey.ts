/**
 * Counts which catalog messages occur in the verifier log lines quoted by public threads
 * (docs/survey/verifier-hits.tsv: `url<TAB>line`, `#` lines are the queries that found them).
 * Each line is credited to the matching template with the most literal text.
 *
 *   npx tsx scripts/verifier-survey.ts [--hits FILE] [--catalog FILE]
 */
import fs from "node:fs";
import { parseArgs } from "node:util";

import { compileTemplate, matchTemplate } from "@/lib/template/compile";
import type { Catalog } from "@/lib/verifier/catalog-build";

const { values } = parseArgs({
  options: {
    hits: { type: "string", default: "docs/survey/verifier-hits.tsv" },
    catalog: { type: "string", default: "lib/verifier/catalog.generated.json" },
  },
});
const catalog = JSON.parse(fs.readFileSync(values.catalog, "utf8")) as Catalog;
const compiled = catalog.messages.filter((m) => m.matchable).map((m) => ({ m, t: compileTemplate(m.template) }));

const threads = new Map<string, Set<string>>();
const unmatched: string[] = [];
let lines = 0;
for (const raw of fs.readFileSync(values.hits, "utf8").split("\n")) {
  if (!raw.trim() || raw.startsWith("#")) continue;
  const [url, line] = raw.split("\t");
  if (!url || !line) continue;
  lines++;
  let best: (typeof compiled)[number] | null = null;
  for (const c of compiled) {
    if (matchTemplate(c.t, line) && (!best || c.t.literalLength > best.t.literalLength)) best = c;
  }
  if (!best) {
    unmatched.push(`${url}\t${line}`);
    continue;
  }
  const set = threads.get(best.m.id) ?? new Set<string>();
  set.add(url);
  threads.set(best.m.id, set);
}
const rows = [...threads.entries()].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
console.log(`${lines} quoted lines, ${rows.length} catalog messages, ${unmatched.length} lines matched no template\n`);
console.log("| threads | message id | template |\n| ---: | --- | --- |");
for (const [id, urls] of rows) {
  const m = catalog.messages.find((x) => x.id === id)!;
  console.log(`| ${urls.size} | \`${id}\` | \`${m.template.replace(/\|/g, "\\|")}\` |`);
}
console.log("\nThreads per message:\n");
for (const [id, urls] of rows) console.log(`- \`${id}\`: ${[...urls].slice(0, 4).join(", ")}`);
console.log("\nLines that matched no template:\n");
for (const u of unmatched) console.log(`- ${u.replace("\t", ": `")}\``);
