import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { cachedMatchIndex, contentKey } from "@/lib/cli/index-cache";

const GOOD = path.resolve(__dirname, "../content/fixtures/good");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kb-cache-"));
fs.cpSync(GOOD, tmp, { recursive: true });
// The cache outlives a test run: make this run's content new, so the first build is a miss.
const nonce = path.join(tmp, "issues", "demo-calico-upgrade.md");
fs.writeFileSync(nonce, `${fs.readFileSync(nonce, "utf8")}\nRun ${process.pid}-${Date.now()}-${Math.random()}.\n`);
const saved = process.env.KB_CONTENT_DIR;
afterAll(() => {
  if (saved === undefined) delete process.env.KB_CONTENT_DIR;
  else process.env.KB_CONTENT_DIR = saved;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the CLI's match index cache", () => {
  it("is reused while the content is unchanged and rebuilt when a byte changes", () => {
    process.env.KB_CONTENT_DIR = tmp;
    const key1 = contentKey(tmp);
    const first = cachedMatchIndex();
    expect(first.cached).toBe(false);
    const second = cachedMatchIndex();
    expect(second.cached).toBe(true);
    expect(second.index.records.map((r) => r.slug)).toEqual(first.index.records.map((r) => r.slug));

    const file = path.join(tmp, "issues", "demo-retina-podlevel.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("Retina", "Retina "));
    const key2 = contentKey(tmp);
    expect(key2).not.toBe(key1);
    const third = cachedMatchIndex();
    expect(third.cached).toBe(false);
    expect(cachedMatchIndex().cached).toBe(true);
  });

  it("changes its key when a file is added or renamed", () => {
    const before = contentKey(tmp);
    fs.copyFileSync(path.join(tmp, "issues", "demo-retina-podlevel.md"), path.join(tmp, "issues", "zz.md"));
    const added = contentKey(tmp);
    expect(added).not.toBe(before);
    fs.renameSync(path.join(tmp, "issues", "zz.md"), path.join(tmp, "issues", "zy.md"));
    expect(contentKey(tmp)).not.toBe(added);
  });
});
