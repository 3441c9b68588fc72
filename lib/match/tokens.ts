/**
 * Words for the text index and for picking template anchors. One tokenizer for records and pastes,
 * so a term found in one can be looked up in the other.
 */
import { normalizeText } from "@/lib/match/normalize";

// A masked value (<addr>) is one unit and is dropped; `unknown#125` stays one term so helper ids count.
// Non-ASCII letters (CJK prose) are taken by range rather than with \p{L}, which is several times slower.
const TOKEN_RE = /<[a-z]{2,8}>|[a-z0-9_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+(?:#\d{1,10})?/g;

const STOPWORDS = new Set(
  "a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its me my no of on or our she so than that the their them then there these they this those to too us was we were what when where which while who why will with would you your".split(
    " ",
  ),
);

/** Lower-cased words of already-normalized text: no stopwords, no bare numbers, no masks. */
export function tokensOf(normalized: string): string[] {
  const out: string[] = [];
  for (const m of normalized.toLowerCase().matchAll(TOKEN_RE)) {
    const t = m[0];
    if (t.startsWith("<") || t.length < 2 || t.length > 64) continue;
    if (/^\d+$/.test(t) || STOPWORDS.has(t)) continue;
    out.push(t);
  }
  return out;
}

/** Tokens of raw text (normalizes first): what the text index stores for a record. */
export function indexTokens(text: string): string[] {
  return tokensOf(normalizeText(text));
}

const WORD = /[a-z0-9_]/;

/**
 * Words inside a template's literal text that any matching line must contain as whole words: those
 * with a non-word character on both sides within the literal. A word at a literal's edge may run on
 * into a placeholder's value, or (at the template's ends) into the line around it, so it is left out.
 */
export function boundedWords(literal: string): string[] {
  const out: string[] = [];
  const re = /[a-z0-9_]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(literal))) {
    const start = m.index;
    const end = start + m[0].length;
    if (start === 0 || end >= literal.length) continue;
    if (WORD.test(literal[start - 1] ?? "") || WORD.test(literal[end] ?? "")) continue;
    if (m[0].length >= 2) out.push(m[0]);
  }
  return out;
}

/** The whole words of a folded line, for looking up template anchors. */
export function lineWords(folded: string): Set<string> {
  return new Set(folded.match(/[a-z0-9_]+/g) ?? []);
}
