import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

// @ts-expect-error: a plain JavaScript module without types
import { bundlePath } from "./kb.mjs";

describe("scripts/kb.mjs", () => {
  it("writes one bundle per checkout, named by the checkout's real path", () => {
    // Worktrees share node_modules through a link: one kb.mjs for all ran whichever checkout built last.
    const root = fs.realpathSync(path.resolve(__dirname, ".."));
    const hash = crypto.createHash("sha256").update(root).digest("hex").slice(0, 12);
    expect(path.basename(bundlePath as string)).toBe(`kb-${hash}.mjs`);
    expect(path.dirname(bundlePath as string)).toBe(path.join(path.resolve(__dirname, ".."), "node_modules", ".cache", "ebpf-kb"));
  });
});
