/**
 * What the CLI derives from the write-ups, kept on disk between runs and keyed by a hash of everything
 * it is built from: the write-ups' names and bytes, the index format version and the code that builds
 * it. Content that changes gives another key, so nothing kept is ever stale; only a valid content
 * folder is kept. A run that finds what it needs here loads neither the Markdown and YAML parsers nor
 * the schema (they are imported only to build), which is most of the CLI's start-up.
 *
 * `kb match` keeps a folder of four files, so a run reads only what one paste needs:
 * - `core.json`: the index without its full-text part (what /match-index.json holds);
 * - `terms.json`: the full-text index's document statistics, and its terms, sorted, each with where
 *   its postings start and end in `postings.json`;
 * - `postings.json`: the postings of every term, one JSON object after another;
 * - `verifier.json`: the verifier catalog for these write-ups (what /verifier-catalog.json serves).
 * `kb kernel` and `kb list` keep the records' summaries, and `kb list` what it prints of each with --json.
 *
 * The matcher asks the text index for exact terms only (no prefix, no fuzzy search), and the BM25 score
 * of a term needs its own postings and the document statistics alone; so a MiniSearch index loaded with
 * the query's terms ranks exactly as the whole one does, at a fraction of the parse (lib/cli/
 * index-cache.test.ts compares the two on every fixture paste).
 *
 * The key hashes every write-up's bytes. Reading 10,000 files costs more than the rest of a run, so the
 * key is also kept beside the cache with each file's size, inode and change time; a later run whose
 * files all stat the same reuses it. A file changed in the same instant the key was taken would keep
 * its old change time, so files whose change time is that close to the key's are read again (git's
 * "racy" rule).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type MiniSearch from "minisearch";
import type { SearchOptions } from "minisearch";

import { contentDir } from "@/lib/content/dir";
import { attachTextIndex, buildMatchIndex, loadMatchIndex, MATCH_INDEX_VERSION, type MatchIndex, type MatchIndexData, type MatchTextData } from "@/lib/match";
import type { IssueSummary } from "@/lib/records/record";
import { loadVerifierIndex, type VerifierIndex } from "@/lib/verifier/decode";

declare const __KB_SOURCES__: string | undefined;
/** The stamp of the sources the CLI bundle was built from (scripts/kb.mjs defines it); null when this code runs unbundled. */
const BUNDLE_STAMP: string | null = typeof __KB_SOURCES__ === "string" ? __KB_SOURCES__ : null;
/**
 * Where the CLI keeps what it derives: under the working folder's node_modules. Unbundled code (a test
 * runner, tsx) keeps nothing unless a caller names a folder: its code stamp is this one file, so a
 * change to the code that builds the index elsewhere would not change the key.
 */
const CACHE_DIR: string | null = BUNDLE_STAMP ? path.join(process.cwd(), "node_modules", ".cache", "ebpf-kb") : null;
/** Older indexes kept beside the newest (another content folder, another branch). */
const KEEP = 4;
/** Files whose change time is within this of the moment their key was taken are hashed again. */
const RACY_NS = 2_000_000_000n;

/** The code that builds the index: the stamp of the bundle's sources, or this module's file under a test runner. */
function codeStamp(): string {
  if (BUNDLE_STAMP) return `sources:${BUNDLE_STAMP}`;
  try {
    const file = fileURLToPath(import.meta.url);
    const st = fs.statSync(file);
    return `${file}:${st.size}:${st.mtimeMs}`;
  } catch {
    return "unknown";
  }
}

type Stamp = [name: string, stat: string];

/**
 * What a file's lstat says of its content (kind, size, inode, device, change and modification times),
 * and when it last changed: the later of the two times.
 */
function statStamp(full: string): { stamp: string; changedNs: bigint } {
  try {
    const st = fs.lstatSync(full, { bigint: true });
    return { stamp: `${st.mode}:${st.size}:${st.ino}:${st.dev}:${st.ctimeNs}:${st.mtimeNs}`, changedNs: st.ctimeNs > st.mtimeNs ? st.ctimeNs : st.mtimeNs };
  } catch {
    return { stamp: "?", changedNs: 0n };
  }
}

/** SHA-256 of the index version, the code and every write-up's name and bytes, in name order. */
function hashContent(issues: string, names: readonly string[]): string {
  const hash = crypto.createHash("sha256");
  hash.update(`v${MATCH_INDEX_VERSION}\n${codeStamp()}\n`);
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

/**
 * The content key of a folder: SHA-256 of the index version, the code and every write-up's name and
 * bytes, in name order. Taken from the kept stat list (in `cacheDir`) when every file stats as it did
 * then. Null when `issues` is not a real folder (missing, a file, a symbolic link): the loader refuses
 * those, so nothing is kept for them and every run reads them again to say why.
 */
export function contentKey(dir: string, cacheDir: string): string | null {
  const issues = path.join(dir, "issues");
  let names: string[];
  try {
    if (!fs.lstatSync(issues).isDirectory()) return null;
    names = fs.readdirSync(issues).sort();
  } catch {
    return null;
  }
  const stamps: Stamp[] = [];
  let newest = 0n;
  for (const name of names) {
    const s = statStamp(path.join(issues, name));
    stamps.push([name, s.stamp]);
    if (s.changedNs > newest) newest = s.changedNs;
  }
  const code = codeStamp();
  const keyFile = path.join(cacheDir, `content-key-${crypto.createHash("sha256").update(`v${MATCH_INDEX_VERSION}\n${path.resolve(issues)}\n${code}`).digest("hex").slice(0, 16)}.json`);
  const listed = JSON.stringify(stamps);
  try {
    const kept = JSON.parse(fs.readFileSync(keyFile, "utf8")) as { stamps: string; takenNs: string; key: string };
    if (kept.stamps === listed && newest + RACY_NS < BigInt(kept.takenNs) && /^[0-9a-f]{32}$/.test(kept.key)) return kept.key;
  } catch {
    // none kept, or unreadable: hash the files
  }
  const takenNs = BigInt(Date.now()) * 1_000_000n;
  const key = hashContent(issues, names);
  // Stats taken before hashing: a file changed while it was read stats differently next time.
  writeAtomic(keyFile, JSON.stringify({ stamps: listed, takenNs: String(takenNs), key }));
  return key;
}

function writeAtomic(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch {
    // A read-only checkout still works; it hashes the write-ups on every run.
  }
}

type PlainText = MatchTextData["text"];
type TermsFile = { version: number; records: number; stats: Omit<PlainText, "index">; terms: string; ends: number[] };

/** What `kb match` needs: the match index and the verifier catalog's index. */
export interface MatchData {
  index: MatchIndex;
  verifier: VerifierIndex;
}

/** Builds the match data from the write-ups; the loader, the schema and the catalog are imported here only. */
async function buildMatchData(): Promise<MatchData> {
  const [{ getAllIssues }, { toMatchSource }, { verifierCatalogFor }] = await Promise.all([
    import("@/lib/content"),
    import("@/lib/records/projections"),
    import("@/lib/verifier/sources"),
  ]);
  const index = buildMatchIndex(getAllIssues("check").map(toMatchSource));
  // The catalog names only the error classes this knowledge base has, as the /verifier-catalog.json route does.
  return { index, verifier: loadVerifierIndex(verifierCatalogFor(index.records)) };
}

/** Writes the four files of a cached match folder into `folder`, a new folder. */
function writeCache(folder: string, { index, verifier }: MatchData): void {
  if (!index.text) throw new Error("no text index to cache");
  fs.mkdirSync(folder, { recursive: true });
  const core: MatchIndexData = { ...index.meta };
  fs.writeFileSync(path.join(folder, "core.json"), JSON.stringify(core));
  fs.writeFileSync(path.join(folder, "verifier.json"), JSON.stringify(verifier.data));
  const { index: postings, ...stats } = index.text.toJSON();
  const sorted = [...postings].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const chunks: Buffer[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const [, entry] of sorted) {
    const b = Buffer.from(JSON.stringify(entry), "utf8");
    chunks.push(b);
    at += b.length;
    ends.push(at);
  }
  fs.writeFileSync(path.join(folder, "postings.json"), Buffer.concat(chunks));
  const terms: TermsFile = { version: MATCH_INDEX_VERSION, records: index.records.length, stats, terms: sorted.map(([t]) => t).join("\n"), ends };
  fs.writeFileSync(path.join(folder, "terms.json"), JSON.stringify(terms));
}

/**
 * The full-text index of a cached folder, loaded lazily: a search loads the postings of its own terms
 * into a MiniSearch index with the whole index's document statistics. Searches other than for exact
 * terms (prefix, fuzzy, a query tree) load every term. The postings file is opened at once, so a run
 * that prunes or replaces the folder meanwhile does not take it away.
 */
class LazyTextIndex {
  /** Terms whose postings the last search loaded (for tests: a search loads its own terms only). */
  lastLoaded = 0;
  /** A search found postings that do not parse (a disk error, a hand edit): what it answered is void. */
  failed = false;
  private readonly meta: TermsFile;
  private readonly terms: string[];
  private readonly fd: number;

  /** Reads terms.json and opens postings.json; throws when they do not belong together or to the core. */
  constructor(
    private readonly folder: string,
    private readonly records: MatchIndex["records"],
  ) {
    const meta = JSON.parse(fs.readFileSync(path.join(folder, "terms.json"), "utf8")) as TermsFile;
    if (meta?.version !== MATCH_INDEX_VERSION || meta.records !== records.length || typeof meta.terms !== "string" || !Array.isArray(meta.ends)) {
      throw new Error("cached text index does not belong to its core");
    }
    this.meta = meta;
    this.terms = meta.terms ? meta.terms.split("\n") : [];
    this.fd = fs.openSync(path.join(folder, "postings.json"), "r");
    if (this.terms.length !== meta.ends.length || fs.fstatSync(this.fd).size !== (meta.ends[meta.ends.length - 1] ?? 0)) {
      fs.closeSync(this.fd);
      throw new Error("cached text index: terms and postings disagree");
    }
  }

  /** A MiniSearch index holding the postings of `wanted` (every term when null). */
  load(wanted: ReadonlySet<string> | null): MiniSearch {
    const { meta, terms } = this;
    const picked = wanted === null ? terms.map((_, i) => i) : [...wanted].map((w) => indexOfTerm(terms, w)).filter((i) => i >= 0);
    const postings: PlainText["index"] = [];
    for (const i of picked.sort((a, b) => a - b)) {
      const start = i === 0 ? 0 : meta.ends[i - 1]!;
      const buf = Buffer.alloc(meta.ends[i]! - start);
      fs.readSync(this.fd, buf, 0, buf.length, start);
      postings.push([terms[i]!, JSON.parse(buf.toString("utf8"))]);
    }
    this.lastLoaded = postings.length;
    const shim = { records: this.records } as MatchIndex;
    attachTextIndex(shim, { version: MATCH_INDEX_VERSION, records: this.records.length, text: { ...meta.stats, index: postings } as PlainText });
    return shim.text!;
  }

  /**
   * MiniSearch's search, on the postings of the query's terms. Postings that do not parse drop the
   * folder and mark the index failed, answering nothing; withMatchData then runs again on a fresh
   * index. (The matcher turns any exception into a notice, so a throw would not reach the CLI.)
   */
  search(query: Parameters<MiniSearch["search"]>[0], options?: SearchOptions): ReturnType<MiniSearch["search"]> {
    if (!this.failed) {
      try {
        return this.load(exactTerms(query, options)).search(query, options);
      } catch {
        this.failed = true;
        removeFolder(this.folder);
      }
    }
    return [];
  }
}

/** Where `term` is in `sorted` (by binary search), or -1. */
function indexOfTerm(sorted: readonly string[], term: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = sorted[mid]!;
    if (t === term) return mid;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The terms an exact search for `query` looks up, or null when the search may reach other terms. The
 * text index sets no search options of its own (lib/match/match-index.ts, textOptions), so the options
 * passed are all the search uses.
 */
function exactTerms(query: unknown, options: SearchOptions | undefined): Set<string> | null {
  if (typeof query !== "string" || !options?.tokenize || !options.processTerm || options.prefix || options.fuzzy) return null;
  const out = new Set<string>();
  for (const token of options.tokenize(query)) {
    const processed = options.processTerm(token);
    for (const t of Array.isArray(processed) ? processed : [processed]) if (t) out.add(t);
  }
  return out;
}

/** Loads a cached folder: the core and the verifier catalog at once, the text index on its first search. */
function readCache(folder: string): { data: MatchData; text: LazyTextIndex } {
  const index = loadMatchIndex(fs.readFileSync(path.join(folder, "core.json"), "utf8"));
  const verifier = loadVerifierIndex(fs.readFileSync(path.join(folder, "verifier.json"), "utf8"));
  const text = new LazyTextIndex(folder, index.records);
  index.text = text as unknown as MatchIndex["text"];
  return { data: { index, verifier }, text };
}

/** Moves a folder aside, then removes it: a run that reads it meanwhile finds it whole or not at all. */
function removeFolder(folder: string): void {
  const aside = `${folder}.${process.pid}.old`;
  try {
    fs.renameSync(folder, aside);
    fs.rmSync(aside, { recursive: true, force: true });
  } catch {
    // gone already, or read-only
  }
}

/**
 * Puts a new cached index in place: written to a folder of this process's own, then renamed. When
 * another run put one there first, a readable one is kept; a broken one is moved aside and replaced.
 */
function storeCache(folder: string, data: MatchData): void {
  const tmp = `${folder}.${process.pid}.tmp`;
  try {
    fs.rmSync(tmp, { recursive: true, force: true });
    writeCache(tmp, data);
    try {
      fs.renameSync(tmp, folder);
      return;
    } catch {
      // a folder is there already
    }
    try {
      readCache(folder);
      return;
    } catch {
      // broken: replace it
    }
    removeFolder(folder);
    fs.renameSync(tmp, folder);
  } catch {
    // A read-only checkout still matches; it just does not keep the index.
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Keeps the newest KEEP + 1 of each kind of cached file; removes older formats' files and leftovers of runs that died. */
function prune(cacheDir: string): void {
  try {
    const now = Date.now();
    const entries = fs.readdirSync(cacheDir).map((n) => {
      const full = path.join(cacheDir, n);
      return { n, full, t: fs.statSync(full).mtimeMs };
    });
    for (const e of entries) {
      if (/^match-index-.*\.json$/.test(e.n) || (/\.(tmp|old)$/.test(e.n) && now - e.t > 600_000)) fs.rmSync(e.full, { recursive: true, force: true });
    }
    for (const re of [/^match-[0-9a-f]{32}$/, /^summaries-[0-9a-f]{32}\.json$/, /^list-[0-9a-f]{32}\.json$/, /^content-key-[0-9a-f]{16}\.json$/]) {
      const old = entries
        .filter((e) => re.test(e.n))
        .sort((a, b) => b.t - a.t)
        .slice(KEEP + 1);
      for (const o of old) fs.rmSync(o.full, { recursive: true, force: true });
    }
  } catch {
    // another run pruned first
  }
}

/**
 * Runs `use` on the match data of the content folder: read from the cache when the key matches, else
 * built and kept. When the cached postings turn out broken while `use` searches them, `use` runs again
 * on data built afresh, so a caller never sees an answer from a broken cache.
 */
export async function withMatchData<T>(use: (data: MatchData) => T, cacheDir: string | null = CACHE_DIR): Promise<{ value: T; cached: boolean }> {
  const key = cacheDir === null ? null : contentKey(contentDir(), cacheDir);
  if (cacheDir === null || key === null) return { value: use(await buildMatchData()), cached: false };
  const folder = path.join(cacheDir, `match-${key}`);
  let kept: ReturnType<typeof readCache> | null = null;
  try {
    kept = readCache(folder);
  } catch {
    // missing or unreadable: build it
  }
  if (kept) {
    const value = use(kept.data);
    if (!kept.text.failed) return { value, cached: true };
  }
  const data = await buildMatchData();
  // Kept only when no write-up changed while it was read: else it would be filed under the old content's key.
  if (contentKey(contentDir(), cacheDir) === key) storeCache(folder, data);
  prune(cacheDir);
  return { value: use(data), cached: false };
}

/** What `kb list --json` prints of a record. */
export type ListJson = ReturnType<typeof import("@/lib/records/projections").toListJson>;

/** The records (in the loader's order, by title) as `kb kernel` and `kb list` read them. */
export interface RecordViews {
  summaries: IssueSummary[];
  /** Present when asked for. */
  list: ListJson[] | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");

/** A kept summaries file as cachedRecords wrote it (a hand edit or a disk error fails here, and the write-ups are read again). */
function isSummaries(v: unknown): v is IssueSummary[] {
  return (
    Array.isArray(v) &&
    v.every(
      (s) =>
        isObject(s) &&
        ["slug", "url", "title", "kind", "status", "summary", "updated"].every((k) => typeof s[k] === "string") &&
        isObject(s.kernel) &&
        typeof s.kernel.label === "string" &&
        (s.kernel.range === null || isObject(s.kernel.range)) &&
        Array.isArray(s.components) &&
        s.components.every((c) => isObject(c) && typeof c.id === "string") &&
        Array.isArray(s.errors) &&
        s.errors.every((e) => isObject(e) && typeof e.text === "string" && typeof e.key === "string") &&
        ["aliases", "subsystems", "classes", "tags"].every((k) => isStrings(s[k])),
    )
  );
}

/** A kept list file, one entry per summary. */
function isList(v: unknown, n: number): v is ListJson[] {
  return Array.isArray(v) && v.length === n && v.every((e) => isObject(e) && typeof e.slug === "string" && typeof e.title === "string" && isObject(e.kernel));
}

/**
 * The records' summaries (what `kb kernel` reads) and, with `list`, what `kb list --json` prints of
 * each, both for one content key: from the cache when kept, else loaded (outline only) and kept.
 */
export async function cachedRecords(options: { list?: boolean } = {}, cacheDir: string | null = CACHE_DIR): Promise<RecordViews & { cached: boolean }> {
  const key = cacheDir === null ? null : contentKey(contentDir(), cacheDir);
  const file = (name: string) => path.join(cacheDir!, `${name}-${key}.json`);
  if (key !== null) {
    try {
      const summaries: unknown = JSON.parse(fs.readFileSync(file("summaries"), "utf8"));
      const list: unknown = options.list ? JSON.parse(fs.readFileSync(file("list"), "utf8")) : null;
      if (isSummaries(summaries) && (list === null || isList(list, summaries.length))) {
        return { summaries, list: list as ListJson[] | null, cached: true };
      }
    } catch {
      // missing or unreadable: load the write-ups
    }
  }
  const [{ getAllIssues }, { toListJson, toSummary }] = await Promise.all([import("@/lib/content"), import("@/lib/records/projections")]);
  const records = getAllIssues("outline");
  const summaries = records.map(toSummary);
  const list = records.map(toListJson);
  if (key !== null && contentKey(contentDir(), cacheDir!) === key) {
    // The list first: a run that finds the summaries finds the list beside them.
    writeAtomic(file("list"), JSON.stringify(list));
    writeAtomic(file("summaries"), JSON.stringify(summaries));
  }
  if (cacheDir !== null) prune(cacheDir);
  return { summaries, list: options.list ? list : null, cached: false };
}
