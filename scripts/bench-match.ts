/**
 * Matcher benchmark (issue 3): prints figures, asserts nothing.
 *
 * Generates 1k and 10k synthetic write-ups (scripts/gen-synthetic.ts) into temporary KB_CONTENT_DIR
 * folders, loads them through lib/content as the build does, and measures: index build time, the
 * size of /match-index.json (raw and gzip), the median matchPaste time for a 1-line, a 50-line and a
 * 500-line paste, and the same pastes through fuse.js over every field of the 1k records as the naive
 * baseline. A fuse.js query over a long paste takes minutes, so each baseline query runs within a time
 * budget on a slice of the records and is extrapolated linearly (fuse scores records one by one).
 *
 *   npm run bench:match [-- --runs 31 --budget-ms 8000 --sizes 1000,10000]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import zlib from "node:zlib";

import Fuse from "fuse.js";

import { loadIssuesFromDir } from "@/lib/content/load";
import { buildMatchIndex, loadMatchIndex, matchPaste, serializeMatchIndex, type MatchIndex } from "@/lib/match";
import type { IssueRecord } from "@/lib/records/record";
import { toMatchSource } from "@/lib/records/projections";
import { generateSynthetic, rng, type SyntheticRecord } from "./gen-synthetic";

const args = process.argv.slice(2);
const flag = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
};
const RUNS = Number(flag("--runs", "31"));
const BUDGET_MS = Number(flag("--budget-ms", "8000"));
const SIZES = flag("--sizes", "1000,10000").split(",").map(Number);

const now = () => performance.now();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;

/** The pastes: one error line; a 50-line agent log around it; a 500-line verifier log ending in it. */
function makePastes(target: SyntheticRecord): Record<string, string> {
  const r = rng(7);
  const errorLine = target.errors[0] ?? "invalid func unknown#125";
  const ts = (i: number) => `2025-04-15T10:${String(11 + Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}.${String(Math.floor(r() * 1e6)).padStart(6, "0")}Z`;
  const words = "regenerating endpoint policy identity allocated ipcache upsert node discovered controller succeeded restored bpf map entries for program compiled loaded attached interface".split(" ");
  const noise = (i: number) => `time="${ts(i)}" level=info msg="${Array.from({ length: 6 }, () => words[Math.floor(r() * words.length)]).join(" ")}" subsys=${["daemon", "endpoint-manager", "datapath-loader", "ipcache"][i % 4]} endpointID=${1000 + i}`;
  const fifty: string[] = [];
  for (let i = 0; i < 38; i++) fifty.push(noise(i));
  fifty.push("Linux node-7 5.4.0-189-generic #209-Ubuntu SMP Fri Jun 7 14:05:13 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux");
  for (let i = 0; i < 9; i++) fifty.push(`${i}: (bf) r${i % 6} = r${(i + 1) % 6}   ; R${i % 6}_w=ctx(id=0,off=0,imm=0) R10=fp0`);
  fifty.push(`time="${ts(49)}" level=error msg="Error loading objects" error="${errorLine.replace(/"/g, '\\"')}" subsys=datapath-loader`);
  fifty.push(`time="${ts(50)}" level=fatal msg="failed to start" error="${errorLine.replace(/"/g, '\\"')}" subsys=daemon`);

  const five: string[] = ["libbpf: prog 'handle_event': BPF program load failed: Invalid argument", "libbpf: prog 'handle_event': -- BEGIN PROG LOAD LOG --"];
  for (let i = 0; i < 490; i++) {
    const reg = i % 10;
    five.push(
      i % 7 === 0
        ? `; if (ctx->field_${i} == ${i}) @ probe.bpf.c:${100 + i}`
        : i % 5 === 0
          ? `${i}: (85) call bpf_map_lookup_elem#1     ; R0_w=map_value_or_null(id=${i},off=0,ks=4,vs=64,imm=0)`
          : `${i}: (79) r${reg} = *(u64 *)(r6 +${8 * (i % 16)})      ; R${reg}_w=scalar(umax=${i * 3},var_off=(0x0; 0x${(i * 7).toString(16)})) R6=ctx(off=0,imm=0)`,
    );
  }
  five.push(errorLine, "processed 1234 insns (limit 1000000) max_states_per_insn 4 total_states 90 peak_states 90 mark_read 12", "-- END PROG LOAD LOG --");
  five.push("libbpf: prog 'handle_event': failed to load: -22", "libbpf: failed to load object 'probe_bpf'");
  return { "1 line": errorLine, "50 lines": fifty.join("\n"), "500 lines": five.slice(0, 500).join("\n") };
}

interface Row {
  label: string;
  values: string[];
}

function fuseBaseline(records: IssueRecord[], paste: string): { msFull: number; note: string } {
  const options = {
    keys: ["title", "summary", "aliases", "tags", "slug", "components.id", "components.versions", "subsystems", "errors.text", "errors.template", "errors.where", "bodyText", "references.title"],
    threshold: 0.35,
    ignoreLocation: true,
    includeScore: true,
    minMatchCharLength: 2,
  };
  // Grow the slice until one query would exceed the budget, then extrapolate to all records.
  let n = 1;
  let last = { n: 0, t: 0 };
  for (;;) {
    const fuse = new Fuse(records.slice(0, n), options);
    const t0 = now();
    fuse.search(paste);
    const t = now() - t0;
    last = { n, t };
    if (n >= records.length) return { msFull: t, note: `measured over all ${n}` };
    const projected = (t / n) * Math.min(records.length, n * 4);
    if (projected > BUDGET_MS) break;
    n = Math.min(records.length, n * 4);
  }
  return { msFull: (last.t / last.n) * records.length, note: `extrapolated from ${last.n} records (${ms(last.t)} ms)` };
}

/** Collects garbage before each series, so the garbage of loading 10k write-ups is not billed to the matcher. */
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as (() => void) | undefined;

function timeMatch(index: MatchIndex, paste: string): number {
  gc?.();
  for (let i = 0; i < 5; i++) matchPaste(index, paste);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = now();
    matchPaste(index, paste);
    times.push(now() - t0);
  }
  return median(times);
}

function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kb-bench-"));
  const rows: Row[] = [];
  const header = ["", ...SIZES.map((s) => `${s.toLocaleString("en-US")} records`)];
  const cell = new Map<string, string[]>();
  const put = (label: string, v: string) => {
    const list = cell.get(label) ?? [];
    list.push(v);
    cell.set(label, list);
  };
  const baseline: string[] = [];
  let first: { records: IssueRecord[]; pastes: Record<string, string>; index: MatchIndex } | null = null;

  for (const size of SIZES) {
    const dir = path.join(tmp, String(size));
    let t0 = now();
    const made = generateSynthetic(dir, size);
    const genMs = now() - t0;
    t0 = now();
    const { records, problems } = loadIssuesFromDir(dir);
    const loadMs = now() - t0;
    if (problems.length) throw new Error(`synthetic write-ups do not load: ${problems.slice(0, 3).map((p) => `${p.file}:${p.line} ${p.field} ${p.message}`).join("; ")}`);
    t0 = now();
    const built = buildMatchIndex(records.map(toMatchSource));
    const buildMs = now() - t0;
    const json = serializeMatchIndex(built);
    const gz = zlib.gzipSync(json, { level: 9 }).length;
    t0 = now();
    const index = loadMatchIndex(json);
    const loadIndexMs = now() - t0;
    const target = made[137 % made.length] as SyntheticRecord;
    const pastes = makePastes(target);
    put("generate write-ups", `${ms(genMs)} ms`);
    put("load write-ups (lib/content)", `${ms(loadMs)} ms`);
    put("buildMatchIndex", `${ms(buildMs)} ms`);
    put("loadMatchIndex (from JSON)", `${ms(loadIndexMs)} ms`);
    put("/match-index.json raw", kb(json.length));
    put("/match-index.json gzip -9", kb(gz));
    for (const [name, paste] of Object.entries(pastes)) {
      const t = timeMatch(index, paste);
      const res = matchPaste(index, paste);
      const rank = res.matches.findIndex((m) => m.slug === target.slug);
      put(`match ${name} (median of ${RUNS})`, `${ms(t)} ms${rank === 0 ? "" : ` (target rank ${rank})`}`);
    }
    if (!first) first = { records, pastes, index };
  }

  if (first) {
    baseline.push(`| paste | matchPaste median | fuse.js over all fields, ${first.records.length} records | ratio |`, "| --- | --- | --- | --- |");
    for (const [name, paste] of Object.entries(first.pastes)) {
      const m = timeMatch(first.index, paste);
      const f = fuseBaseline(first.records, paste);
      baseline.push(`| ${name} | ${ms(m)} ms | ${ms(f.msFull)} ms (${f.note}) | ${Math.round(f.msFull / m).toLocaleString("en-US")}× |`);
    }
  }

  const real = path.resolve("content");
  if (fs.existsSync(path.join(real, "issues"))) {
    const { records, problems } = loadIssuesFromDir(real);
    if (!problems.length) {
      const json = serializeMatchIndex(buildMatchIndex(records.map(toMatchSource)));
      rows.push({ label: `real content (${records.length} records): /match-index.json`, values: [`${kb(json.length)} raw, ${kb(zlib.gzipSync(json, { level: 9 }).length)} gzip`] });
    } else {
      rows.push({ label: "real content", values: [`not measured: ${problems.length} lint problems`] });
    }
  }

  const lines = [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
  for (const [label, values] of cell) lines.push(`| ${label} | ${values.join(" | ")} |`);
  process.stdout.write(`\nMatcher benchmark (node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length})\n\n`);
  process.stdout.write(lines.join("\n") + "\n\n");
  process.stdout.write(baseline.join("\n") + "\n\n");
  for (const r of rows) process.stdout.write(`${r.label}: ${r.values.join(" ")}\n`);
  fs.rmSync(tmp, { recursive: true, force: true });
}

main();
