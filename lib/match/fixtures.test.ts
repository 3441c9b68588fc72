/**
 * Real pastes from public threads (lib/match/fixtures/pastes/*.txt), matched against the real write-ups
 * in content/. Each file starts with `# source: URL` and `# expect...` lines, then `# ---` and the paste
 * as it was posted. Near misses (another tool, helper, kernel or cause) must not come out confident
 * for a seed incident.
 */
import fs from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { loadIssuesFromDir } from "@/lib/content/load";
import { buildMatchIndex, matchPaste, type MatchIndex } from "@/lib/match";
import { toMatchSource } from "@/lib/records/projections";

const SEEDS = [
  "retina-podlevel-requires-kernel-5-8",
  "pwru-filter-trace-tc-cilium-1-11",
  "calico-3-27-3-xdp-kernel-5-4",
  "kata-arm-netlink-protocol-not-supported",
  "retina-cilium-1-18-upgrade",
];

const dir = path.join(__dirname, "fixtures", "pastes");

interface Fixture {
  file: string;
  source: string;
  expect: Map<string, string[]>;
  paste: string;
}

function readFixture(file: string): Fixture {
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  const cut = text.indexOf("\n# ---\n");
  if (cut < 0) throw new Error(`${file}: no "# ---" line after the header`);
  const header = text.slice(0, cut).split("\n");
  const expectations = new Map<string, string[]>();
  let source = "";
  for (const line of header) {
    const m = /^# ([\w-]+):?\s*(.*)$/.exec(line);
    if (!m?.[1]) continue;
    if (m[1] === "source") source = m[2] ?? "";
    else if (m[1].startsWith("expect")) expectations.set(m[1], (m[2] ?? "").split(/\s+/).filter(Boolean));
  }
  return { file, source, expect: expectations, paste: text.slice(cut + "\n# ---\n".length) };
}

const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map(readFixture);

let index: MatchIndex;
beforeAll(() => {
  const { records, problems } = loadIssuesFromDir(path.resolve("content"));
  expect(problems, "content/ must load cleanly").toEqual([]);
  index = buildMatchIndex(records.map(toMatchSource));
});

describe("real pastes", () => {
  it("has at least 20 fixtures, each naming its public source", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    for (const f of fixtures) expect(f.source, f.file).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(issues|pull)\/\d+$/);
    const nearMisses = fixtures.filter((f) => f.expect.has("expect-no-confident-seed"));
    expect(nearMisses.length).toBeGreaterThanOrEqual(8);
  });

  for (const f of fixtures) {
    it(f.file, () => {
      const r = matchPaste(index, f.paste);
      const top = f.expect.get("expect-top");
      if (top) expect(r.matches[0]?.slug, "first match").toBe(top[0]);
      for (const slug of f.expect.get("expect-confident") ?? []) {
        expect(r.matches.find((m) => m.slug === slug)?.confident, `${slug} confident`).toBe(true);
      }
      for (const slug of f.expect.get("expect-not-confident") ?? []) {
        expect(r.matches.find((m) => m.slug === slug)?.confident ?? false, `${slug} must not be confident`).toBe(false);
      }
      if (f.expect.has("expect-no-confident-seed")) {
        const wrong = r.matches.filter((m) => m.confident && SEEDS.includes(m.slug)).map((m) => m.slug);
        expect(wrong, "no seed incident may be confident").toEqual([]);
      }
      const kernel = f.expect.get("expect-kernel");
      if (kernel) expect(r.kernel).toBe(kernel[0]);
      for (const c of f.expect.get("expect-components") ?? []) expect(r.components).toContain(c);
      for (const d of f.expect.get("expect-decoded") ?? []) {
        const [kind, id] = d.split(":");
        const found = r.decoded.some((x) => x.kind === kind && (String(x.id) === id || x.name === id));
        expect(found, `decoded ${d} in ${JSON.stringify(r.decoded.map((x) => `${x.kind}:${x.id}:${x.name}`))}`).toBe(true);
      }
      for (const id of f.expect.get("expect-missing-helper") ?? []) {
        expect(r.decoded.find((x) => x.kind === "helper" && String(x.id) === id)?.missingOnKernel).toBe(true);
      }
      for (const c of f.expect.get("expect-config") ?? []) {
        expect(f.paste).toContain(c);
      }
      // Every piece of evidence points at a line of the paste (or 0: not one line).
      const lines = f.paste.split("\n").length;
      for (const m of r.matches) for (const e of m.evidence) expect(e.line).toBeLessThanOrEqual(lines);
    });
  }
});
