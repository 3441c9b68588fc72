/**
 * The response headers every page is served with, in one place: next.config.mjs sends the fixed ones,
 * proxy.ts adds each page's Content-Security-Policy under `next start`, and scripts/csp.mjs writes the
 * same into out/_headers for the static export.
 *
 * The policy allows no inline script except the exact ones a prerendered page contains (Next.js's
 * inline RSC payload and the theme script), each by its SHA-256 hash, computed from the built HTML.
 * Nothing is fetched from another origin: the paste never leaves the browser, and the header makes
 * that promise enforceable rather than only stated.
 */

/** @type {{ key: string; value: string }[]} */
export const FIXED_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
];

/**
 * The policy for a page whose inline scripts hash to `hashes` ("sha256-…" without quotes).
 * @param {readonly string[]} hashes
 * @returns {string}
 */
export function contentSecurityPolicy(hashes) {
  const scripts = ["'self'", ...hashes.map((h) => `'${h}'`)].join(" ");
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Where scripts/csp.mjs leaves the per-page hashes for proxy.ts, inside the build output. */
export const CSP_MANIFEST = "csp-hashes.json";
