/**
 * Builds lib/verifier/catalog.generated.json: every verifier log message of each kernel listed in
 * the manifest, merged across kernels by template. Kernel sources stay outside the project; only
 * the messages (facts, like error strings) and where they came from are written.
 *
 *   npx tsx scripts/gen-verifier-catalog.ts --root /work/kernel-src [--manifest scripts/verifier-kernels.json] [--out FILE]
 *
 * Each manifest entry names a folder (relative to --root) holding a kernel tree with kernel/bpf/
 * and its top-level Makefile; the Makefile's version must agree with the entry's.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { buildCatalog, type KernelInput } from "@/lib/verifier/catalog-build";

const { values } = parseArgs({
  options: {
    root: { type: "string" },
    manifest: { type: "string", default: "scripts/verifier-kernels.json" },
    out: { type: "string", default: "lib/verifier/catalog.generated.json" },
  },
});
if (!values.root) {
  console.error("usage: gen-verifier-catalog --root DIR [--manifest FILE] [--out FILE]");
  process.exit(2);
}
const root = path.resolve(values.root);

interface ManifestEntry {
  series: string;
  version: string;
  dir: string;
  repo: string;
  commit: string;
  kernelBpfFrom?: string;
  note?: string;
}
const manifest = JSON.parse(fs.readFileSync(values.manifest, "utf8")) as { kernels: ManifestEntry[] };

/** "VERSION = 6 / PATCHLEVEL = 1 / SUBLEVEL = 187 / EXTRAVERSION = -rc7" → "6.1.187-rc7" (SUBLEVEL 0 left out). */
function makefileVersion(makefile: string): string {
  const field = (name: string) => {
    const line = makefile.split("\n").find((l) => l.startsWith(`${name} =`));
    return line ? line.slice(name.length + 2).trim() : "";
  };
  const sub = field("SUBLEVEL");
  return `${field("VERSION")}.${field("PATCHLEVEL")}${sub && sub !== "0" ? `.${sub}` : ""}${field("EXTRAVERSION")}`;
}

const inputs: KernelInput[] = manifest.kernels.map((k) => {
  const dir = path.join(root, k.dir);
  const found = makefileVersion(fs.readFileSync(path.join(dir, "Makefile"), "utf8"));
  if (found !== k.version) throw new Error(`${k.dir}: Makefile says ${found}, manifest says ${k.version}`);
  const bpfDir = path.join(dir, "kernel/bpf");
  const files = fs
    .readdirSync(bpfDir)
    .filter((f) => f.endsWith(".c"))
    .sort()
    .map((f) => ({ path: `kernel/bpf/${f}`, text: fs.readFileSync(path.join(bpfDir, f), "utf8") }));
  return { series: k.series, version: k.version, repo: k.repo, commit: k.commit, kernelBpfFrom: k.kernelBpfFrom, note: k.note, files };
});

const catalog = buildCatalog(inputs);
// One message (or kernel) per line: compact, and a regenerated file diffs line by line.
const lines = (items: unknown[]) => items.map((x) => "    " + JSON.stringify(x)).join(",\n");
const out =
  "{\n" +
  `  "about": ${JSON.stringify(catalog.about)},\n` +
  `  "skippedFiles": ${JSON.stringify(catalog.skippedFiles)},\n` +
  `  "kernels": [\n${lines(catalog.kernels)}\n  ],\n` +
  `  "structured": ${JSON.stringify(catalog.structured)},\n` +
  `  "messages": [\n${lines(catalog.messages)}\n  ]\n}\n`;
fs.writeFileSync(values.out, out);
for (const k of catalog.kernels) console.log(`${k.version.padEnd(9)} ${String(k.messageCount).padStart(5)} messages  ${k.repo} @ ${k.commit}`);
console.log(`${catalog.messages.length} distinct messages (${catalog.messages.filter((m) => m.matchable).length} matchable) → ${values.out}`);
if (catalog.structured) console.log(`structured block (${catalog.structured.kernel}): ${catalog.structured.categories.length} categories, ${catalog.structured.titles.length} titles`);
