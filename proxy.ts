/**
 * Under `next start`, sends each prerendered page's Content-Security-Policy: `script-src` lists the
 * hashes of exactly the inline scripts that page contains (scripts/csp.mjs computes them after the
 * build). The static export gets the same headers from out/_headers instead.
 */
import fs from "node:fs";
import path from "node:path";

import { NextResponse, type NextRequest } from "next/server";

import { contentSecurityPolicy, CSP_MANIFEST } from "@/lib/security-headers.mjs";

let manifest: Record<string, string[]> | null = null;

function hashesFor(pathname: string): string[] {
  if (!manifest) {
    try {
      manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next", CSP_MANIFEST), "utf8")) as Record<string, string[]>;
    } catch {
      // Built without scripts/csp.mjs (next dev): no inline script is allowed; the page still loads its files.
      manifest = {};
    }
  }
  const route = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return manifest[route] ?? manifest["404"] ?? [];
}

export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  // `next dev` injects scripts of its own that no build hashed.
  if (process.env.NODE_ENV !== "production") return response;
  response.headers.set("Content-Security-Policy", contentSecurityPolicy(hashesFor(request.nextUrl.pathname)));
  return response;
}

export const config = {
  // Pages only: static files and the match index need no policy (they get the fixed headers).
  matcher: [{ source: "/((?!_next/|[^/]*\\.json$|favicon\\.ico|icon\\.svg).*)" }],
};
