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
    const real = contentKey(content, cacheDir);
    const fake = "f".repeat(32);
    const kept = JSON.parse(fs.readFileSync(keyFile(), "utf8")) as { takenNs: string; key: string };
    // Taken long after the files changed: the kept key is used without reading the files.
    fs.writeFileSync(keyFile(), JSON.stringify({ ...kept, key: fake, takenNs: String(BigInt(Date.now() + 60_000) * 1_000_000n) }));
    expect(contentKey(content, cacheDir)).toBe(fake);
    // Taken within the racy window of the newest change: the files are hashed again.
    fs.writeFileSync(keyFile(), JSON.stringify({ ...kept, key: fake }));
    expect(contentKey(content, cacheDir)).toBe(real);

    // Same size, same modification time, other bytes: the change time tells.
    fs.writeFileSync(keyFile(), JSON.stringify({ ...kept, key: fake, takenNs: String(BigInt(Date.now() + 60_000) * 1_000_000n) }));
    const file = path.join(content, "issues", "demo-retina-podlevel.md");
    const st = fs.statSync(file);
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace("Retina", "Retinb"));
    fs.utimesSync(file, st.atime, st.mtime);
    const changed = contentKey(content, cacheDir);
    expect(changed).not.toBe(fake);
    expect(changed).not.toBe(real);
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
    let withText = 0;
    for (const paste of pastes) {
      for (const kernel of [null, "5.4.0-189-generic"]) {
        const want = answer(full, paste, kernel);
        expect(answer(cached, paste, kernel)).toBe(want);
        if (JSON.parse(want).matches.length > 0) withText++;
      }
    }
    expect(withText).toBeGreaterThan(100);
  });
});
