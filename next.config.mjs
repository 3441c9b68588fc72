/**
 * Every page is prerendered, so the same build serves with `next start` or exports as plain files.
 * `NEXT_OUTPUT=export npm run build` writes the static site to `out/`.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: process.env.NEXT_OUTPUT === "export" ? "export" : undefined,
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
