import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

// @ts-expect-error: a plain JavaScript module without types
import { bundlePrefix, ensureBundle } from "./kb.mjs";

describe("scripts/kb.mjs", () => {
  it("writes one bundle per checkout, named by the checkout's real path", () => {
    // Worktrees share node_modules through a link: one kb.mjs for all ran whichever checkout built last.
    const root = fs.realpathSync(path.resolve(__dirname, ".."));
    const hash = crypto.createHash("sha256").update(root).digest("hex").slice(0, 12);
    expect(path.basename(bundlePrefix as string)).toBe(`kb-${hash}-`);
    expect(path.dirname(bundlePrefix as string)).toBe(path.join(path.resolve(__dirname, ".."), "node_modules", ".cache", "ebpf-kb"));
  });

  it("splits the bundle so that the entry holds neither the loader's parsers nor the schema library", async () => {
    const entry = (await ensureBundle()) as string;
    expect(entry.startsWith(bundlePrefix as string)).toBe(true);
    expect(await ensureBundle()).toBe(entry);
    const text = fs.readFileSync(entry, "utf8");
    // What the statically imported graph would pull in if a command imported the loader at the top.
    for (const marker of ["micromark", "mdast-util-from-markdown", "node_modules/yaml/", "node_modules/zod/"]) expect(text).not.toContain(marker);
    // ...and they are still there, in chunks the commands import when they run.
    const chunks = fs.readdirSync(path.dirname(entry)).filter((n) => n.startsWith("chunk-"));
    const all = chunks.map((n) => fs.readFileSync(path.join(path.dirname(entry), n), "utf8")).join("\n");
    for (const marker of ["node_modules/micromark", "node_modules/yaml/", "node_modules/zod/"]) expect(all).toContain(marker);
  });
});
