import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { cachedRecords, contentKey, withMatchData, type MatchData } from "@/lib/cli/index-cache";
import { getAllIssues } from "@/lib/content";
import { kernelReport } from "@/lib/kernel/report";
import { buildMatchIndex, loadMatchIndex, matchPaste, serializeMatchIndex, type MatchIndex } from "@/lib/match";
import { toListJson, toMatchSource, toSummary } from "@/lib/records/projections";
import { loadVerifierIndex } from "@/lib/verifier/decode";
import { verifierCatalogFor } from "@/lib/verifier/sources";

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

/** The match data as a run of `kb match` gets it (the cached folder's, or built afresh), and where it came from. */
const cachedMatchIndex = async (dir: string): Promise<MatchData & { cached: boolean }> => {
  const { value, cached } = await withMatchData((data) => data, dir);
  return { ...value, cached };
};

const keyFile = () => path.join(cacheDir, fs.readdirSync(cacheDir).find((n) => n.startsWith("content-key-"))!);

describe("the CLI's match index cache", () => {
  it("is reused while the content is unchanged and rebuilt when a byte changes", async () => {
    process.env.KB_CONTENT_DIR = content;
    const key1 = contentKey(content, cacheDir);
    const first = await cachedMatchIndex(cacheDir);
    expect(first.cached).toBe(false);
    const second = await cachedMatchIndex(cacheDir);
    expect(second.cached).toBe(true);
    expect(second.index.records.map((r) => r.slug)).toEqual(first.index.records.map((r) => r.slug));

    const file = path.join(content, "issues", "demo-retina-podlevel.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("Retina", "Retina "));
    const key2 = contentKey(content, cacheDir);
    expect(key2).not.toBe(key1);
    const third = await cachedMatchIndex(cacheDir);
    expect(third.cached).toBe(false);
    expect((await cachedMatchIndex(cacheDir)).cached).toBe(true);
  });

  it("rebuilds a broken cached index, and searches one removed after it was opened", async () => {
    process.env.KB_CONTENT_DIR = content;
    expect((await cachedMatchIndex(cacheDir)).cached).toBe(true);
    const folder = path.join(cacheDir, `match-${contentKey(content, cacheDir)}`);
    const postings = path.join(folder, "postings.json");
    fs.truncateSync(postings, fs.statSync(postings).size - 1);
    expect((await cachedMatchIndex(cacheDir)).cached).toBe(false);
    const { index, cached } = await cachedMatchIndex(cacheDir);
    expect(cached).toBe(true);
    const paste = "load program: invalid argument: invalid func unknown#125";
    const want = JSON.stringify({ ...matchPaste((await cachedMatchIndex(cacheDir)).index, paste), stats: null });
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

  it("answers from a fresh index when cached postings do not parse, and drops the folder", async () => {
    process.env.KB_CONTENT_DIR = content;
    await cachedMatchIndex(cacheDir);
    const folder = path.join(cacheDir, `match-${contentKey(content, cacheDir)}`);
    const paste = "load program: invalid argument: invalid func unknown#125";
    const answer = ({ index, verifier }: MatchData) => JSON.stringify({ ...matchPaste(index, paste, { verifier }), stats: null });
    const want = await withMatchData(answer, cacheDir);
    expect(want.cached).toBe(true);
    expect(JSON.parse(want.value).matches.length).toBeGreaterThan(0);
    const postings = path.join(folder, "postings.json");
    fs.writeFileSync(postings, "]".repeat(fs.statSync(postings).size));
    // The folder reads (sizes agree); its postings fail at the search, and the answer comes from a rebuilt index.
    const runs: number[] = [];
    const got = await withMatchData((data) => {
      runs.push(data.index.records.length);
      return answer(data);
    }, cacheDir);
    expect(runs.length).toBe(2);
    expect(got).toEqual({ value: want.value, cached: false });
    // The broken folder was dropped and a good one kept in its place.
    expect(fs.readFileSync(path.join(folder, "postings.json"), "utf8").startsWith("{")).toBe(true);
    expect((await withMatchData(answer, cacheDir)).cached).toBe(true);
  });

  it("keeps the verifier catalog of these write-ups, with their error classes", async () => {
    const dir = path.resolve(__dirname, "../../content");
    process.env.KB_CONTENT_DIR = dir;
    const own = path.join(tmp, "cache-verifier");
    const first = await cachedMatchIndex(own);
    const second = await cachedMatchIndex(own);
    expect([first.cached, second.cached]).toEqual([false, true]);
    const fresh = loadVerifierIndex(verifierCatalogFor(getAllIssues("check").map(toMatchSource)));
    expect(JSON.stringify(second.verifier.data)).toBe(JSON.stringify(fresh.data));
    expect(second.verifier.templates.length).toBe(fresh.templates.length);
    expect(second.verifier.templates.length).toBeGreaterThan(100);
    expect(Object.keys(second.verifier.data.classes).length).toBeGreaterThan(0);
  });

  it("keeps the records' summaries and list entries as `kb kernel` and `kb list` read them", async () => {
    process.env.KB_CONTENT_DIR = content;
    const first = await cachedRecords({}, cacheDir);
    const second = await cachedRecords({ list: true }, cacheDir);
    expect([first.cached, second.cached]).toEqual([false, true]);
    expect(first.list).toBeNull();
    const want = getAllIssues("outline").map(toSummary);
    for (const version of ["5.4.0-189-generic", "4.19.0", "6.8.0"]) {
      expect(JSON.stringify(kernelReport(version, second.summaries))).toBe(JSON.stringify(kernelReport(version, want)));
    }
    expect(JSON.stringify(second.list)).toBe(JSON.stringify(getAllIssues("outline").map(toListJson)));
    expect(second.list!.length).toBeGreaterThan(0);
    // A changed write-up is read again, not taken from the summaries kept for the old bytes. (In another
    // folder: the loader keeps one folder's records per process, and a CLI run is a process of its own.)
    const other = path.join(tmp, "content-retitled");
    fs.cpSync(content, other, { recursive: true });
    process.env.KB_CONTENT_DIR = other;
    const file = path.join(other, "issues", "demo-retina-podlevel.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^title: .*$/m, "title: A retitled write-up for the cache test"));
    const third = await cachedRecords({}, cacheDir);
    expect(third.cached).toBe(false);
    expect(third.summaries.map((s) => s.title)).toContain("A retitled write-up for the cache test");

    // A kept file of the right outline but the wrong entries (a hand edit) is read again, not trusted.
    const kept = path.join(cacheDir, fs.readdirSync(cacheDir).find((n) => n.startsWith("summaries-") && fs.readFileSync(path.join(cacheDir, n), "utf8").includes("A retitled"))!);
    fs.writeFileSync(kept, JSON.stringify([{ slug: "x" }]));
    const fourth = await cachedRecords({}, cacheDir);
    expect(fourth.cached).toBe(false);
    expect(fourth.summaries.map((s) => s.title)).toContain("A retitled write-up for the cache test");
  });

  it("keeps nothing for an issues folder the loader refuses: each run reads it again and says why", async () => {
    const linked = path.join(tmp, "content-linked");
    fs.mkdirSync(linked);
    fs.symlinkSync(path.join(content, "issues"), path.join(linked, "issues"));
    process.env.KB_CONTENT_DIR = content;
    await cachedRecords({}, cacheDir);
    await cachedMatchIndex(cacheDir);
    expect((await cachedRecords({}, cacheDir)).cached).toBe(true);
    expect((await cachedMatchIndex(cacheDir)).cached).toBe(true);
    // The same files through a link: the loader refuses the folder, and no key stands in for it.
    process.env.KB_CONTENT_DIR = linked;
    expect(contentKey(linked, cacheDir)).toBeNull();
    await expect(cachedRecords({}, cacheDir)).rejects.toThrow(/symbolic link/);
    await expect(cachedMatchIndex(cacheDir)).rejects.toThrow(/symbolic link/);
    process.env.KB_CONTENT_DIR = path.join(tmp, "nowhere");
    await expect(cachedRecords({}, cacheDir)).rejects.toThrow(/does not exist/);
  });

  it("ranks every fixture paste and every record's error texts exactly as the whole index read from JSON does", async () => {
    const dir = path.resolve(__dirname, "../../content");
    process.env.KB_CONTENT_DIR = dir;
    // What the CLI read before the cache kept the text index in parts: the whole index, serialized.
    const full = loadMatchIndex(serializeMatchIndex(buildMatchIndex(getAllIssues("check").map(toMatchSource))));
    await cachedMatchIndex(cacheDir);
    const { index: cached, cached: fromDisk } = await cachedMatchIndex(cacheDir);
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
