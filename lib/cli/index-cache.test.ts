import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { cachedMatchIndex, contentKey } from "@/lib/cli/index-cache";
import { getAllIssues } from "@/lib/content";
import { buildMatchIndex, loadMatchIndex, matchPaste, serializeMatchIndex, type MatchIndex } from "@/lib/match";
import { toMatchSource } from "@/lib/records/projections";

const GOOD = path.resolve(__dirname, "../content/fixtures/good");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kb-cache-"));
const cacheDir = path.join(tmp, "cache");
const content = path.join(tmp, "content");
fs.cpSync(GOOD, content, { recursive: true });
const saved = process.env.KB_CONTENT_DIR;
afterAll(() => {
  if (saved === undefined) delete process.env.KB_CONTENT_DIR;
  else process.env.KB_CONTENT_DIR = saved;
  fs.rmSync(tmp, { recursive: true, force: true });
});

const keyFile = () => path.join(cacheDir, fs.readdirSync(cacheDir).find((n) => n.startsWith("content-key-"))!);

describe("the CLI's match index cache", () => {
  it("is reused while the content is unchanged and rebuilt when a byte changes", () => {
    process.env.KB_CONTENT_DIR = content;
    const key1 = contentKey(content, cacheDir);
    const first = cachedMatchIndex(cacheDir);
    expect(first.cached).toBe(false);
    const second = cachedMatchIndex(cacheDir);
    expect(second.cached).toBe(true);
    expect(second.index.records.map((r) => r.slug)).toEqual(first.index.records.map((r) => r.slug));

    const file = path.join(content, "issues", "demo-retina-podlevel.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("Retina", "Retina "));
    const key2 = contentKey(content, cacheDir);
    expect(key2).not.toBe(key1);
    const third = cachedMatchIndex(cacheDir);
    expect(third.cached).toBe(false);
    expect(cachedMatchIndex(cacheDir).cached).toBe(true);
  });

  it("rebuilds a broken cached index, and searches one removed after it was opened", () => {
    process.env.KB_CONTENT_DIR = content;
    expect(cachedMatchIndex(cacheDir).cached).toBe(true);
    const folder = path.join(cacheDir, `match-${contentKey(content, cacheDir)}`);
    const postings = path.join(folder, "postings.json");
    fs.truncateSync(postings, fs.statSync(postings).size - 1);
    expect(cachedMatchIndex(cacheDir).cached).toBe(false);
    const { index, cached } = cachedMatchIndex(cacheDir);
    expect(cached).toBe(true);
    const paste = "load program: invalid argument: invalid func unknown#125";
    const want = JSON.stringify({ ...matchPaste(cachedMatchIndex(cacheDir).index, paste), stats: null });
    fs.rmSync(folder, { recursive: true });
    expect(JSON.stringify({ ...matchPaste(index, paste), stats: null })).toBe(want);
    expect(JSON.parse(want).matches.length).toBeGreaterThan(0);
  });

  it("changes its key when a file is added or renamed", () => {
    const before = contentKey(content, cacheDir);
    fs.copyFileSync(path.join(content, "issues", "demo-retina-podlevel.md"), path.join(content, "issues", "zz.md"));
    const added = contentKey(content, cacheDir);
    expect(added).not.toBe(before);
    fs.renameSync(path.join(content, "issues", "zz.md"), path.join(content, "issues", "zy.md"));
    expect(contentKey(content, cacheDir)).not.toBe(added);
    fs.rmSync(path.join(content, "issues", "zy.md"));
  });

  it("takes the key from its stat list only while every file stats the same, and not for a file changed just before", () => {
    const file = path.join(content, "issues", "demo-retina-podlevel.md");
    // A whole second: utimes restores it to the nanosecond, so below only the change time can tell.
    fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
    const real = contentKey(content, cacheDir);
    const fake = "f".repeat(32);
    const kept = JSON.parse(fs.readFileSync(keyFile(), "utf8")) as { takenNs: string; key: string };
    const newest = fs
      .readdirSync(path.join(content, "issues"))
      .map((n) => fs.lstatSync(path.join(content, "issues", n), { bigint: true }))
      .reduce((m, st) => [st.ctimeNs, st.mtimeNs].reduce((a, b) => (b > a ? b : a), m), 0n);
    const keep = (takenNs: bigint) => fs.writeFileSync(keyFile(), JSON.stringify({ ...kept, key: fake, takenNs: String(takenNs) }));
    // Taken long after the files changed: the kept key is used without reading the files.
    keep(newest + 3_000_000_000n);
    expect(contentKey(content, cacheDir)).toBe(fake);
    // Taken within 2 s of the newest change: the files are hashed again.
    keep(newest + 1_000_000_000n);
    expect(contentKey(content, cacheDir)).toBe(real);

    // Same size, same modification time, other bytes: the change time tells.
    keep(newest + 3_000_000_000n);
    const mtimeNs = fs.statSync(file, { bigint: true }).mtimeNs;
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("Retina", "Retinb"));
    fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(fs.statSync(file, { bigint: true }).mtimeNs).toBe(mtimeNs);
    const changed = contentKey(content, cacheDir);
    expect(changed).not.toBe(fake);
    expect(changed).not.toBe(real);
  });

  it("searches a fresh index when cached postings do not parse, and drops the folder", () => {
    process.env.KB_CONTENT_DIR = content;
    cachedMatchIndex(cacheDir);
    const folder = path.join(cacheDir, `match-${contentKey(content, cacheDir)}`);
    const paste = "load program: invalid argument: invalid func unknown#125";
    const want = JSON.stringify({ ...matchPaste(cachedMatchIndex(cacheDir).index, paste), stats: null });
    const postings = path.join(folder, "postings.json");
    fs.writeFileSync(postings, "]".repeat(fs.statSync(postings).size));
    const { index, cached } = cachedMatchIndex(cacheDir);
    expect(cached).toBe(true);
    expect(JSON.stringify({ ...matchPaste(index, paste), stats: null })).toBe(want);
    expect(fs.existsSync(folder)).toBe(false);
    expect(cachedMatchIndex(cacheDir).cached).toBe(false);
  });

  it("ranks every fixture paste and every record's error texts exactly as the whole index read from JSON does", () => {
    const dir = path.resolve(__dirname, "../../content");
    process.env.KB_CONTENT_DIR = dir;
    // What the CLI read before the cache kept the text index in parts: the whole index, serialized.
    const full = loadMatchIndex(serializeMatchIndex(buildMatchIndex(getAllIssues("check").map(toMatchSource))));
    cachedMatchIndex(cacheDir);
    const { index: cached, cached: fromDisk } = cachedMatchIndex(cacheDir);
    expect(fromDisk).toBe(true);
    const pastesDir = path.resolve(__dirname, "../match/fixtures/pastes");
    const pastes = fs.readdirSync(pastesDir).map((f) => fs.readFileSync(path.join(pastesDir, f), "utf8"));
    for (const r of full.records) for (const e of r.errors) pastes.push(e.text);
    expect(pastes.length).toBeGreaterThan(100);
    const answer = (index: MatchIndex, paste: string, kernel: string | null) => JSON.stringify({ ...matchPaste(index, paste, { kernel }), stats: null });
    const terms = full.text!.termCount;
    let withMatches = 0;
    let mostLoaded = 0;
    for (const paste of pastes) {
      for (const kernel of [null, "5.4.0-189-generic"]) {
        const want = answer(full, paste, kernel);
        expect(answer(cached, paste, kernel)).toBe(want);
        if (JSON.parse(want).matches.length > 0) withMatches++;
        mostLoaded = Math.max(mostLoaded, (cached.text as unknown as { lastLoaded: number }).lastLoaded);
      }
    }
    expect(withMatches).toBeGreaterThan(100);
    // Each search read the postings of its own terms, not the whole index.
    expect(mostLoaded).toBeGreaterThan(0);
    expect(mostLoaded).toBeLessThan(terms / 5);
  });
});
