/**
 * Prints the top 3 of every fixture paste and of every record's error texts (alone, and with a 5.4
 * kernel), one JSON line each: run it before and after a change to the matcher and diff the output.
 *
 *   npm run -s dump:rankings [-- CONTENT_DIR [PASTES_DIR]] > rankings.jsonl
 */
import fs from "node:fs";
import path from "node:path";

import { loadIssuesFromDir } from "@/lib/content/load";
import { buildMatchIndex, matchPaste } from "@/lib/match";
import { toMatchSource } from "@/lib/records/projections";

const contentDir = process.argv[2] ?? path.join(process.cwd(), "content");
const pastesDir = process.argv[3] ?? path.join(process.cwd(), "lib/match/fixtures/pastes");
const { records, problems } = loadIssuesFromDir(contentDir, "check");
if (problems.length) {
  console.error(problems.slice(0, 5));
  process.exit(1);
}
const index = buildMatchIndex(records.map(toMatchSource));
const top = (paste: string, kernel?: string) =>
  matchPaste(index, paste, { kernel: kernel ?? null })
    .matches.slice(0, 3)
    .map((m) => `${m.slug}:${m.score.toFixed(3)}:${m.confident ? "C" : "-"}`);
const out: string[] = [];
for (const f of fs.readdirSync(pastesDir).sort()) out.push(JSON.stringify({ paste: f, top: top(fs.readFileSync(path.join(pastesDir, f), "utf8")) }));
for (const r of [...records].sort((a, b) => a.slug.localeCompare(b.slug))) {
  r.errors.forEach((e, i) => out.push(JSON.stringify({ paste: `${r.slug}#${i}`, top: top(e.text) })));
  r.errors.forEach((e, i) => out.push(JSON.stringify({ paste: `${r.slug}#${i}+k5.4`, top: top(e.text, "5.4.0-189-generic") })));
}
process.stdout.write(out.join("\n") + "\n");
