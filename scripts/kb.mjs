#!/usr/bin/env node
/**
 * `npm run kb`: runs the CLI as plain JavaScript. bin/kb.ts and the lib/ code it uses are bundled by
 * esbuild into node_modules/.cache/ebpf-kb/kb-<checkout>-<sources>/, and rebuilt whenever a source file
 * (or the lockfile) changes, so the bundle is never stale and a call costs no TypeScript compilation.
 * - The bundle is split at the CLI's dynamic imports: a command loads only the chunks it runs (`kb match`
 *   with a kept index needs neither the Markdown and YAML parsers nor the schema), since compiling the
 *   whole 2.4 MB on every call was most of a short command's time.
 * - `<checkout>` hashes the checkout's real path: git worktrees or workspaces that share one node_modules
 *   (a symbolic link) would otherwise run whichever checkout built last. `<sources>` hashes every
 *   source's path, size and modification time (and the files that steer the build: the lockfiles,
 *   package.json, tsconfig.json), so an edit (or a checkout of another commit) names another folder;
 *   each folder is written whole under a temporary name and renamed into place, so a run never loads
 *   half of one, or chunks of two builds. The stamp is also compiled into the bundle (`__KB_SOURCES__`):
 *   the CLI's index cache keys on it, so a change to any code that derives what it keeps rebuilds that.
 * - A run touches its folder; folders of the checkout unused for 10 minutes are removed, but never the
 *   two used last (a run loads its chunks lazily, after reading standard input).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cache = path.join(root, "node_modules", ".cache", "ebpf-kb");
const checkout = crypto.createHash("sha256").update(fs.realpathSync(root)).digest("hex").slice(0, 12);
/** Where this checkout's bundles are written: folders named `${bundlePrefix}<sources>`. */
export const bundlePrefix = path.join(cache, `kb-${checkout}-`);
/** Bundles of this checkout unused for this long are removed (but never the two used last). */
const STALE_MS = 10 * 60 * 1000;
const KEEP = 2;

/** A hash of every CLI source's path, size and modification time (and of the lockfile and this script). */
function sourcesStamp() {
  const hash = crypto.createHash("sha256");
  const add = (full) => {
    const st = fs.statSync(full);
    hash.update(`${path.relative(root, full)}\0${st.size}\0${st.mtimeMs}\n`);
  };
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== "fixtures" && e.name !== "node_modules") walk(full);
      } else if (/\.(c|m)?(ts|js)x?$|\.json$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) add(full);
    }
  };
  walk(path.join(root, "lib"));
  walk(path.join(root, "bin"));
  for (const f of ["package-lock.json", "package.json", "tsconfig.json", "scripts/kb.mjs"]) add(path.join(root, f));
  try {
    // npm rewrites this on every install, also when only node_modules changed.
    add(path.join(root, "node_modules", ".package-lock.json"));
  } catch {
    // an install without it
  }
  return hash.digest("hex").slice(0, 16);
}

/** Removes this checkout's bundles unused for STALE_MS (but the KEEP used last), and the single-file bundle of earlier versions. */
function prune() {
  const now = Date.now();
  const ours = [];
  for (const name of fs.readdirSync(cache)) {
    const full = path.join(cache, name);
    try {
      if (name.startsWith(`kb-${checkout}.mjs`)) fs.rmSync(full, { force: true });
      else if (name.startsWith(path.basename(bundlePrefix)) && !name.endsWith(".tmp")) ours.push({ full, used: fs.statSync(full).mtimeMs });
      else if (name.startsWith(path.basename(bundlePrefix)) && now - fs.statSync(full).mtimeMs > STALE_MS) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // another run removed it first
    }
  }
  ours.sort((a, b) => b.used - a.used);
  for (const { full, used } of ours.slice(KEEP)) {
    if (now - used > STALE_MS) fs.rmSync(full, { recursive: true, force: true });
  }
}

/** The entry file of this checkout's bundle, built first when the sources changed. */
export async function ensureBundle() {
  const stamp = sourcesStamp();
  const dir = bundlePrefix + stamp;
  const entry = path.join(dir, "kb.mjs");
  if (fs.existsSync(entry)) {
    try {
      const now = new Date();
      fs.utimesSync(dir, now, now);
    } catch {
      // a read-only cache: nothing prunes it either
    }
    return entry;
  }
  const { build } = await import("esbuild");
  const tmp = `${dir}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: { kb: path.join(root, "bin", "kb.ts") },
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outdir: tmp,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunk-[hash]",
    alias: { "@": root },
    define: { __KB_SOURCES__: JSON.stringify(stamp) },
    logLevel: "error",
    legalComments: "none",
    // CommonJS dependencies bundled into ESM still call require() for Node's own modules.
    banner: { js: "import { createRequire as __kbRequire } from 'node:module'; const require = __kbRequire(import.meta.url);" },
  });
  try {
    fs.renameSync(tmp, dir);
  } catch (e) {
    // Another run put the same build there first: use it.
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(entry)) throw e;
  }
  prune();
  return entry;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bundle = await ensureBundle();
  await import(pathToFileURL(bundle).href);
}
