/** Settings and constants shared by pages, components and scripts. */

export const SITE_NAME = "ebpf-kb";
export const SITE_DESCRIPTION =
  "A searchable knowledge base of eBPF troubleshooting incidents in Kubernetes networking and runtime tools: search, filter by kernel and component, paste an error.";

/**
 * The repository whose `content/issues/*.md` the "edit this page" links open. One setting:
 * override at build time with KB_REPO_URL.
 */
export const REPO_URL = (process.env.KB_REPO_URL || "https://github.com/ebpf-kb/ebpf-kb").replace(/\/+$/, "");
export const REPO_BRANCH = process.env.KB_REPO_BRANCH || "main";

/**
 * Where the site is published, as an origin (`https://host`): link previews, feeds, the sitemap,
 * canonical links and the OpenSearch template need absolute URLs. One setting: override at build
 * time with KB_SITE_URL. The app's routes sit at the origin's root, so a path is refused.
 */
export const DEFAULT_SITE_URL = "https://ebpf-kb.github.io";

/** Reads KB_SITE_URL once, where it enters; a value that is not an http(s) origin stops the build. */
export function parseSiteUrl(raw: string | undefined): string {
  const value = (raw ?? "").trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`KB_SITE_URL "${value}" is not a URL; set it to the site's origin, like ${DEFAULT_SITE_URL}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`KB_SITE_URL "${value}" must start with https:// (or http://)`);
  if (url.pathname.replace(/\/+$/, "") !== "" || url.search || url.hash) {
    throw new Error(`KB_SITE_URL "${value}" must be an origin without a path (the site is served at the root of its host)`);
  }
  return url.origin;
}

export const SITE_URL = parseSiteUrl(process.env.KB_SITE_URL);

/** `/issues/x` → `https://ebpf-kb.github.io/issues/x`. */
export function absoluteUrl(path: string): string {
  return `${SITE_URL}${path.startsWith("/") ? path : `/${path}`}`;
}

export function editUrl(file: string): string {
  const rel = file.replace(/^.*?content\//, "content/");
  return `${REPO_URL}/edit/${REPO_BRANCH}/${rel}`;
}

export const ROUTES = {
  browse: "/",
  match: "/match",
  kernel: "/kernel",
  issue: (slug: string) => `/issues/${slug}`,
  kernelSeries: (series: string) => `/kernel/${series}`,
  verifier: "/verifier",
  /** One message's entry on the /verifier page. */
  verifierMessage: (id: string) => `/verifier#${id}`,
  matchIndex: "/match-index.json",
  matchText: "/match-text.json",
  browseIndex: "/browse-index.json",
  /** Link-preview image of an incident page, generated at build time. */
  issueImage: (slug: string) => `/issues/${slug}/og.png`,
  atomFeed: "/feed.xml",
  jsonFeed: "/feed.json",
  sitemap: "/sitemap.xml",
  openSearch: "/opensearch.xml",
  manifest: "/manifest.webmanifest",
  icon: "/icon.svg",
  icon192: "/icon-192.png",
  icon512: "/icon-512.png",
  appleIcon: "/apple-touch-icon.png",
  verifierCatalog: "/verifier-catalog.json",
} as const;

/**
 * The new-file page of the repository with a write-up filled in. GitHub reads `filename` and `value`
 * from the query; null when the link would be longer than browsers and GitHub take
 * (MAX_PREFILL_URL_CHARS): the draft is then downloaded instead.
 */
export function newIssueFileUrl(slug: string, text: string, repo = { url: REPO_URL, branch: REPO_BRANCH }): string | null {
  const url = `${repo.url}/new/${repo.branch.split("/").map(encodeURIComponent).join("/")}?filename=${encodeURIComponent(`content/issues/${slug}.md`)}&value=${encodeURIComponent(text)}`;
  return url.length > MAX_PREFILL_URL_CHARS ? null : url;
}

/** Past this length a prefilled new-file link is not offered (some browsers and proxies cut long URLs). */
export const MAX_PREFILL_URL_CHARS = 8_000;

/** The longest search text read from a box or a URL. */
export const MAX_QUERY_LENGTH = 200;

/** Debounce for typing in search boxes before the URL is updated. */
export const TYPING_DEBOUNCE_MS = 250;

/** Records per page of browse results. */
export const BROWSE_PAGE_SIZE = 50;

/** Messages per page of the /verifier catalog. */
export const VERIFIER_PAGE_SIZE = 40;

/** The long-term kernels that get a static page under /kernel/. */
export const LTS_KERNELS = ["4.14", "4.19", "5.4", "5.10", "5.15", "6.1", "6.6", "6.12"] as const;
