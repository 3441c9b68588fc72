/**
 * Scores the matcher on the open-world set (lib/match/fixtures/open-world): real pastes from threads no
 * write-up cites, each with the failure family its thread establishes. Prints one line per case and
 * the totals: top-1, top-3 and confident-but-wrong. It measures coverage; never tune write-ups or the
 * matcher to these cases (the set's README says why).
 *
 *   npm run -s open-world [-- --json] [-- CONTENT_DIR]
 *
 * What counts as the matcher's answer, in the order a reader meets it:
 * - a confident match: the matches, best first;
 * - otherwise the error family the paste's shape belongs to (shown first on /match and by kb match),
 *   then the possible matches.
 * An answer is right when it is one of the classes families.json lists for the case's family, or an
 * incident linked to one of them. A case whose family is "none", or one the knowledge base has no class
 * for, is right only when nothing is confident. A confident first match that is not right is
 * confident-but-wrong.
 */
import fs from "node:fs";
import path from "node:path";

import { loadIssuesFromDir } from "@/lib/content/load";
import { buildMatchIndex, matchPaste } from "@/lib/match";
import { parseOpenWorldCase } from "@/lib/match/open-world";
import { toMatchSource } from "@/lib/records/projections";
import { loadVerifierIndex } from "@/lib/verifier/decode";
import { verifierCatalogFor } from "@/lib/verifier/sources";

const args = process.argv.slice(2);
const json = args.includes("--json");
const contentDir = args.find((a) => !a.startsWith("--")) ?? path.join(process.cwd(), "content");
const casesDir = path.join(process.cwd(), "lib/match/fixtures/open-world");

const families = JSON.parse(fs.readFileSync(path.join(casesDir, "families.json"), "utf8")) as Record<string, string[] | string>;
const { records, problems } = loadIssuesFromDir(contentDir, "check");
if (problems.length) {
  console.error(problems.slice(0, 5));
  process.exit(1);
}
const known = new Set(records.map((r) => r.slug));
for (const [family, slugs] of Object.entries(families)) {
  if (family === "//" || !Array.isArray(slugs)) continue;
  for (const s of slugs) if (!known.has(s)) throw new Error(`families.json: "${family}" names ${s}, which is not a write-up`);
}
const classesOf = new Map(records.map((r) => [r.slug, new Set([r.slug, ...r.classes])]));
const index = buildMatchIndex(records.map(toMatchSource));
const verifier = loadVerifierIndex(verifierCatalogFor(index.records));

const cases = fs
  .readdirSync(casesDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => parseOpenWorldCase(f, fs.readFileSync(path.join(casesDir, f), "utf8")));

interface Row {
  file: string;
  family: string;
  covered: boolean;
  answers: string[];
  confident: boolean;
  top1: boolean;
  top3: boolean;
  confidentWrong: boolean;
}

const rows: Row[] = cases.map((c) => {
  const accepted = c.family === "none" ? [] : families[c.family];
  if (!Array.isArray(accepted)) throw new Error(`${c.file}: families.json has no entry for "${c.family}"`);
  const result = matchPaste(index, c.paste, { verifier });
  const confident = result.matches[0]?.confident === true;
  const answers = confident ? result.matches.map((m) => m.slug) : [...(result.family ? [result.family.slug] : []), ...result.matches.map((m) => m.slug)];
  const right = (slug: string | undefined) => slug !== undefined && accepted.some((a) => classesOf.get(slug)?.has(a));
  const covered = accepted.length > 0;
  // With no class for the family, saying nothing confident is the right answer.
  const top1 = covered ? right(answers[0]) : !confident;
  const top3 = covered ? answers.slice(0, 3).some(right) : !confident;
  return { file: c.file, family: c.family, covered, answers: answers.slice(0, 3), confident, top1, top3, confidentWrong: confident && !right(answers[0]) };
});

const count = (pred: (r: Row) => boolean, of: Row[] = rows) => of.filter(pred).length;
const covered = rows.filter((r) => r.covered);
const uncovered = rows.filter((r) => !r.covered);
const summary = {
  cases: rows.length,
  covered: covered.length,
  top1: count((r) => r.top1),
  top3: count((r) => r.top3),
  coveredTop1: count((r) => r.top1, covered),
  coveredTop3: count((r) => r.top3, covered),
  uncoveredQuiet: count((r) => !r.confident, uncovered),
  confident: count((r) => r.confident),
  confidentWrong: count((r) => r.confidentWrong),
};

if (json) {
  process.stdout.write(JSON.stringify({ summary, rows }, null, 2) + "\n");
} else {
  for (const r of rows) {
    const mark = r.confidentWrong ? "WRONG" : r.top1 ? "top1" : r.top3 ? "top3" : "miss";
    process.stdout.write(`${mark.padEnd(5)} ${r.confident ? "C" : "-"} ${r.file}\n      expected: ${r.family}\n      answers:  ${r.answers.join(", ") || "(none)"}\n`);
  }
  const pct = (n: number, d: number) => `${n}/${d} (${d ? Math.round((100 * n) / d) : 0}%)`;
  process.stdout.write(
    [
      "",
      `cases: ${summary.cases} (${summary.covered} with a family the knowledge base has a class for, ${summary.cases - summary.covered} without one or "none")`,
      `top-1 right: ${pct(summary.top1, summary.cases)}; of the covered: ${pct(summary.coveredTop1, summary.covered)}`,
      `top-3 right: ${pct(summary.top3, summary.cases)}; of the covered: ${pct(summary.coveredTop3, summary.covered)}`,
      `no confident answer where none is right: ${pct(summary.uncoveredQuiet, uncovered.length)}`,
      `confident answers: ${summary.confident}; confident but wrong: ${summary.confidentWrong}`,
      "",
    ].join("\n"),
  );
}
