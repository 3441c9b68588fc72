/**
 * The CLI's match index, kept on disk between runs and keyed by a hash of everything it is built from:
 * the write-ups' names and bytes, the index format version and the code that builds it. Content that
 * changes gives another key, so a cached index is never stale; only a valid content folder is cached.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { contentDir, getAllIssues } from "@/lib/content";
import { buildMatchIndex, loadMatchIndex, MATCH_INDEX_VERSION, serializeMatchIndex, type MatchIndex } from "@/lib/match";
import { toMatchSource } from "@/lib/records/projections";

const CACHE_DIR = path.join(process.cwd(), "node_modules", ".cache", "ebpf-kb");
/** Older indexes kept beside the newest (another content folder, another branch). */
const KEEP = 4;

/** The code that builds the index: this module's file (the CLI bundle, or the source under a test runner). */
function codeStamp(): string {
  try {
    const file = fileURLToPath(import.meta.url);
    const st = fs.statSync(file);
    return `${file}:${st.size}:${st.mtimeMs}`;
  } catch {
    return "unknown";
  }
}

/** SHA-256 of the index version, the code and every write-up's name and bytes, in name order. */
export function contentKey(dir = contentDir()): string {
  const hash = crypto.createHash("sha256");
  hash.update(`v${MATCH_INDEX_VERSION}\n${codeStamp()}\n`);
  const issues = path.join(dir, "issues");
  let names: string[] = [];
  try {
    names = fs.readdirSync(issues).sort();
  } catch {
    // no folder: the loader reports it
  }
  for (const name of names) {
    hash.update(`${name}\n`);
    try {
      const st = fs.lstatSync(path.join(issues, name));
      hash.update(st.isFile() ? fs.readFileSync(path.join(issues, name)) : `${st.mode}`);
    } catch {
      hash.update("?");
    }
  }
  return hash.digest("hex").slice(0, 32);
}

/** The match index for the content folder: from the cache when the key matches, else built and cached. */
export function cachedMatchIndex(): { index: MatchIndex; cached: boolean } {
  const key = contentKey();
  const file = path.join(CACHE_DIR, `match-index-${key}.json`);
  try {
    return { index: loadMatchIndex(fs.readFileSync(file, "utf8")), cached: true };
  } catch {
    // missing or unreadable: build it
  }
  const index = buildMatchIndex(getAllIssues("check").map(toMatchSource));
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, serializeMatchIndex(index));
    fs.renameSync(tmp, file);
    const old = fs
      .readdirSync(CACHE_DIR)
      .filter((n) => n.startsWith("match-index-") && n.endsWith(".json"))
      .map((n) => ({ n, t: fs.statSync(path.join(CACHE_DIR, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(KEEP + 1);
    for (const o of old) fs.rmSync(path.join(CACHE_DIR, o.n), { force: true });
  } catch {
    // A read-only checkout still matches; it just does not keep the index.
  }
  return { index, cached: false };
}
