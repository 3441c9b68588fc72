import { FIXED_HEADERS } from "./lib/security-headers.mjs";

/**
 * Every page is prerendered, so the same build serves with `next start` or exports as plain files.
 * `NEXT_OUTPUT=export npm run build` writes the static site to `out/`.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: process.env.NEXT_OUTPUT === "export" ? "export" : undefined,
  reactStrictMode: true,
  poweredByHeader: false,
  // Sent by `next start`; the static export writes the same into out/_headers (scripts/csp.mjs).
  async headers() {
    return [{ source: "/:path*", headers: FIXED_HEADERS }];
  },
};

export default nextConfig;
