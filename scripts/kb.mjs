#!/usr/bin/env node
/**
 * `npm run kb`: runs the CLI as plain JavaScript. bin/kb.ts and the lib/ code it uses are bundled by
 * esbuild into node_modules/.cache/ebpf-kb/kb-<checkout>.mjs, and rebuilt whenever a source file (or the
 * lockfile) is newer than the bundle, so the bundle is never stale and a call costs no TypeScript
 * compilation. The name carries a hash of the checkout's real path: git worktrees or workspaces that
 * share one node_modules (a symbolic link) would otherwise run whichever checkout built last.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const checkout = crypto.createHash("sha256").update(fs.realpathSync(root)).digest("hex").slice(0, 12);
const out = path.join(root, "node_modules", ".cache", "ebpf-kb", `kb-${checkout}.mjs`);
/** Where this checkout's bundle is written. */
export const bundlePath = out;

/** The newest modification time under the CLI's sources. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== "fixtures" && e.name !== "node_modules") walk(full);
      } else if (/\.(ts|tsx|json|mjs)$/.test(e.name) && !e.name.endsWith(".test.ts")) {
        newest = Math.max(newest, fs.statSync(full).mtimeMs);
      }
    }
  };
  walk(path.join(root, "lib"));
  walk(path.join(root, "bin"));
  for (const f of ["package-lock.json", "scripts/kb.mjs"]) newest = Math.max(newest, fs.statSync(path.join(root, f)).mtimeMs);
  return newest;
}

export async function ensureBundle() {
  let built = 0;
  try {
    built = fs.statSync(out).mtimeMs;
  } catch {
    // not built yet
  }
  if (built > newestSource()) return out;
  const { build } = await import("esbuild");
  const tmp = `${out}.${process.pid}.tmp`;
  await build({
    entryPoints: [path.join(root, "bin", "kb.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: tmp,
    alias: { "@": root },
    logLevel: "error",
    legalComments: "none",
    // CommonJS dependencies bundled into ESM still call require() for Node's own modules.
    banner: { js: "import { createRequire as __kbRequire } from 'node:module'; const require = __kbRequire(import.meta.url);" },
  });
  // Rename into place: a CLI started meanwhile sees the old bundle or the new one, never half of one.
  fs.renameSync(tmp, out);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bundle = await ensureBundle();
  await import(pathToFileURL(bundle).href);
}
