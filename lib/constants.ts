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
  verifierCatalog: "/verifier-catalog.json",
} as const;

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
