/**
 * GitHub issue and pull-request references, as records cite them (URLs) and as pastes mention them
 * (URLs, or `owner/repo#N`), reduced to one key: `owner/repo#N` in lower case.
 */

const URL_RE = /github\.com\/([A-Za-z0-9][\w.-]{0,38})\/([\w.-]{1,100})\/(?:issues|pull|discussions)\/(\d{1,9})\b/g;
const SHORT_RE = /(?<![\w./-])([A-Za-z0-9][\w.-]{0,38})\/([\w.-]{1,100})#(\d{1,9})\b/g;

const key = (owner: string, repo: string, n: string) => `${owner}/${repo.replace(/\.git$/, "")}#${Number(n)}`.toLowerCase();

/** The key of a cited URL, or null when it is no GitHub issue, pull request or discussion. */
export function githubThreadKey(url: string): string | null {
  URL_RE.lastIndex = 0;
  const m = URL_RE.exec(url);
  return m?.[1] && m[2] && m[3] ? key(m[1], m[2], m[3]) : null;
}

/** Every thread a line of text mentions, with the text that mentions it. Linear: bounded, anchored classes. */
export function githubThreadsIn(text: string): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  for (const re of [URL_RE, SHORT_RE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) if (m[1] && m[2] && m[3]) out.push({ key: key(m[1], m[2], m[3]), text: m[0] });
  }
  return out;
}
