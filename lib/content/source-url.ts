/**
 * Checks the shape of a cited URL. A reference must point at the exact place that shows its claim, so
 * GitHub links are held to the shapes GitHub serves (issue, pull request, commit, file at a ref, release,
 * ...), and a file pinned to a pull request's test-merge ref is refused: that ref moves and is not on any
 * branch, so the link rots. Plain string checks, linear in the URL's length; no regex from content.
 */

const HEX = /^[0-9a-f]{7,40}$/i;
const NUMBER = /^[1-9][0-9]{0,9}$/;
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,99})$/;

/** The fragments that point at a place in an issue or pull-request thread. */
const THREAD_FRAGMENT = /^(?:issuecomment-\d+|pullrequestreview-\d+|discussion_r\d+|discussioncomment-\d+|event-\d+|ref-[a-z]+-\d+|r\d+|top|issue-\d+(?:-\d+)?|commits-pushed-[0-9a-f]+)$/;

function isMergeRef(segments: string[]): boolean {
  // refs/pull/123/merge, pull/123/merge, refs/pull/123/head
  const joined = segments.join("/");
  return /(?:^|\/)pull\/\d+\/(?:merge|head)(?:\/|$)/.test(joined);
}

/** Returns null when the URL is acceptable, or why it is not. */
export function checkSourceUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "is not a URL";
  }
  if (url.protocol !== "https:") return "must be an https:// URL";
  if (url.username || url.password) return "must not carry a user name or password";
  const host = url.hostname.toLowerCase();
  if (host === "raw.githubusercontent.com") {
    const seg = url.pathname.split("/").filter(Boolean);
    if (isMergeRef(seg)) return "is pinned to a pull request's merge ref, which moves and is on no branch; link the file at a tag or a commit on a branch";
    return null;
  }
  if (host !== "github.com" && host !== "www.github.com") return null;
  return checkGithubPath(url);
}

function checkGithubPath(url: URL): string | null {
  const seg = url.pathname.split("/").filter(Boolean).map((s) => decodeURIComponentSafe(s));
  const frag = url.hash.replace(/^#/, "");
  const [owner, repo, kind, ...rest] = seg;
  const shape =
    "is not a well-formed GitHub link (expected https://github.com/OWNER/REPO/issues/N, /pull/N, /commit/SHA, /blob/REF/PATH, /tree/REF, /releases/tag/TAG, /discussions/N, /compare/A...B or /security/advisories/GHSA-…)";
  if (!owner || !repo) return shape;
  if (["orgs", "users", "settings", "search", "notifications", "marketplace", "topics", "sponsors"].includes(owner)) return shape;
  if (!NAME.test(owner) || !NAME.test(repo)) return shape;
  if (isMergeRef(seg.slice(2))) {
    return "is pinned to a pull request's merge ref, which moves and is on no branch; link the file at a tag or a commit on a branch";
  }
  if (kind === undefined) return url.search ? shape : null; // the repository itself
  switch (kind) {
    case "issues":
    case "discussions": {
      const [n, ...more] = rest;
      if (!n || !NUMBER.test(n) || more.length > 0 || url.search) return shape;
      if (frag && !THREAD_FRAGMENT.test(frag)) return `has the fragment "#${frag}", which is not a comment or event anchor`;
      return null;
    }
    case "pull": {
      const [n, sub, sha, ...more] = rest;
      if (!n || !NUMBER.test(n) || url.search) return shape;
      if (sub === undefined) {
        if (frag && !THREAD_FRAGMENT.test(frag)) return `has the fragment "#${frag}", which is not a comment or review anchor`;
        return null;
      }
      if ((sub === "files" || sub === "changes") && sha === undefined) return null;
      if ((sub === "commits" || sub === "changes") && sha && HEX.test(sha) && more.length === 0) return null;
      return shape;
    }
    case "commit": {
      const [sha, ...more] = rest;
      if (!sha || !HEX.test(sha) || more.length > 0 || url.search) return shape;
      return null;
    }
    case "blob":
    case "tree": {
      const [ref, ...path] = rest;
      if (!ref) return shape;
      if (kind === "blob" && path.length === 0) return shape;
      if (frag && !/^L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?$/.test(frag) && !/^[\w.-]{1,100}$/.test(frag)) return `has the fragment "#${frag}"`;
      return null;
    }
    case "releases": {
      if (rest.length === 0) return null;
      const [tagWord, tag, ...more] = rest;
      if (tagWord === "tag" && tag && more.length === 0) return null;
      return shape;
    }
    case "compare":
      return rest.length >= 1 && rest.join("/").includes("..") && !url.search ? null : shape;
    case "security": {
      const [adv, id, ...more] = rest;
      return adv === "advisories" && id && /^GHSA(?:-[0-9a-z]{4}){3}$/.test(id) && more.length === 0 ? null : shape;
    }
    case "wiki":
      return null;
    default:
      return shape;
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
