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

  it("splits the bundle so that what every run loads holds neither the loader's parsers nor the schema library", async () => {
    const entry = (await ensureBundle()) as string;
    expect(entry.startsWith(bundlePrefix as string)).toBe(true);
    expect(await ensureBundle()).toBe(entry);
    const dir = path.dirname(entry);
    // What a run loads before any command's dynamic import: the entry and the chunks it imports statically, transitively.
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      for (const m of text.matchAll(/^(?:import|export)\s[^;]*?["']\.\/(chunk-[\w-]+\.mjs)["']/gm)) visit(m[1]!);
    };
    visit("kb.mjs");
    const statics = [...loaded].map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n");
    // esbuild marks each module it bundles with a "// node_modules/<package>/..." comment.
    for (const marker of ["node_modules/micromark", "node_modules/mdast-util-from-markdown/", "node_modules/yaml/", "node_modules/zod/", "lib/content/load.ts"]) {
      expect(statics).not.toContain(marker);
    }
    expect(statics).toContain("node_modules/minisearch/");
    // ...and they are still there, in chunks the commands import when they run.
    const all = fs
      .readdirSync(dir)
      .map((n) => fs.readFileSync(path.join(dir, n), "utf8"))
      .join("\n");
    for (const marker of ["node_modules/micromark", "node_modules/yaml/", "node_modules/zod/", "lib/content/load.ts"]) expect(all).toContain(marker);
  });
});
