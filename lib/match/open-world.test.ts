/**
 * The open-world set stays what its README says: real threads, each with a family the scorer knows,
 * none cited by a write-up (a cited thread would measure the write-up, not coverage).
 */
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { loadIssuesFromDir } from "@/lib/content/load";
import { parseOpenWorldCase } from "@/lib/match/open-world";

const dir = path.resolve(__dirname, "fixtures/open-world");
const cases = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => parseOpenWorldCase(f, fs.readFileSync(path.join(dir, f), "utf8")));
const families = JSON.parse(fs.readFileSync(path.join(dir, "families.json"), "utf8")) as Record<string, unknown>;

/** `owner/repo#N` for a GitHub issue or pull-request URL. */
function threadKey(url: string): string | null {
  const m = /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/(?:issues|pull)\/(\d+)/i.exec(url);
  return m ? `${m[1]}/${m[2]}#${m[3]}`.toLowerCase() : null;
}

describe("the open-world set", () => {
  it("has at least 40 cases, each from a GitHub thread, with a family the scorer maps", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) {
      expect(threadKey(c.source), c.file).not.toBeNull();
      expect(c.paste.trim().length, c.file).toBeGreaterThan(0);
      if (c.family !== "none") expect(Array.isArray(families[c.family]), `${c.file}: ${c.family}`).toBe(true);
    }
  });

  it("holds no thread a write-up cites", () => {
    const { records } = loadIssuesFromDir(path.resolve(__dirname, "../../content"), "check");
    const cited = new Set(records.flatMap((r) => r.references.map((ref) => threadKey(ref.url)).filter((k): k is string => k !== null)));
    const overlap = cases.filter((c) => cited.has(threadKey(c.source) ?? ""));
    expect(overlap.map((c) => c.file)).toEqual([]);
  });
});
