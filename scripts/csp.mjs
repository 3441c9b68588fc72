#!/usr/bin/env node
/**
 * After a build: reads every prerendered HTML page, hashes its inline scripts (SHA-256), and writes
 * - .next/csp-hashes.json (route → hashes) for proxy.ts, which sends each page's policy under `next start`;
 * - out/_headers (when out/ exists, the static export) with the same headers per path, in the format
 *   Netlify and Cloudflare Pages read. Other hosts: copy the header lines into their configuration.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { contentSecurityPolicy, CSP_MANIFEST, FIXED_HEADERS } from "../lib/security-headers.mjs";

const root = process.cwd();
// Inline scripts of our own build output: <script> elements without a src attribute.
const INLINE = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

function htmlFiles(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(full));
    else if (e.name.endsWith(".html")) out.push(full);
  }
  return out;
}

function hashesOf(file) {
  const html = fs.readFileSync(file, "utf8");
  const set = new Set();
  for (const m of html.matchAll(INLINE)) {
    if (!m[1]) continue;
    set.add(`sha256-${crypto.createHash("sha256").update(m[1], "utf8").digest("base64")}`);
  }
  return [...set].sort();
}

/** `index.html` → `/`, `issues/x.html` → `/issues/x`, `_not-found.html` / `404.html` → `404`. */
function routeOf(rel) {
  const p = rel.replace(/\\/g, "/").replace(/\.html$/, "");
  if (p === "_not-found" || p === "404" || p === "_not-found/index") return "404";
  if (p === "index") return "/";
  return `/${p.replace(/\/index$/, "")}`;
}

function manifestFor(dir) {
  const routes = {};
  for (const file of htmlFiles(dir)) routes[routeOf(path.relative(dir, file))] = hashesOf(file);
  return routes;
}

const serverApp = path.join(root, ".next", "server", "app");
if (fs.existsSync(serverApp)) {
  const routes = manifestFor(serverApp);
  fs.writeFileSync(path.join(root, ".next", CSP_MANIFEST), JSON.stringify(routes));
  console.log(`csp: ${Object.keys(routes).length} pages hashed into .next/${CSP_MANIFEST}`);
}

const outDir = path.join(root, "out");
if (process.env.NEXT_OUTPUT === "export" && fs.existsSync(outDir)) {
  const routes = manifestFor(outDir);
  const block = (pattern, hashes) =>
    [pattern, ...FIXED_HEADERS.map((h) => `  ${h.key}: ${h.value}`), ...(hashes ? [`  Content-Security-Policy: ${contentSecurityPolicy(hashes)}`] : [])].join("\n");
  const blocks = ["# Written by scripts/csp.mjs: the headers of every page (Netlify and Cloudflare Pages read this file).", block("/*", null)];
  for (const [route, hashes] of Object.entries(routes).sort()) {
    if (route === "404") {
      blocks.push(block("/404.html", hashes));
      continue;
    }
    blocks.push(block(route, hashes));
    if (route !== "/") blocks.push(block(`${route}.html`, hashes));
    else blocks.push(block("/index.html", hashes));
  }
  fs.writeFileSync(path.join(outDir, "_headers"), blocks.join("\n\n") + "\n");
  console.log(`csp: ${Object.keys(routes).length} pages written to out/_headers`);
}
