/**
 * Anchor words: each template is filed under the rarest whole word that any line it matches must
 * contain, so a line is tried only against the templates filed under its own words (plus the few
 * with no such word). Matching stays linear in the paste, whatever the number of templates. Used for
 * the write-ups' error templates (match-index.ts) and the verifier message catalog (lib/verifier).
 */
import { boundedWords } from "@/lib/match/tokens";
import type { CompiledTemplate } from "@/lib/template/compile";

/** The whole words of a template's literal text (see boundedWords). */
export function anchorWords(t: CompiledTemplate): string[] {
  return t.parts.flatMap((p) => (p.kind === "literal" ? boundedWords(p.text) : []));
}

export interface AnchorIndex {
  /** Anchor word → indexes of the templates filed under it. */
  anchors: Map<string, number[]>;
  /** Templates with no whole word: tried on every line. */
  unanchored: number[];
  /** Each template's anchor, or null. */
  anchorOf: (string | null)[];
}

/**
 * Files each template (given as its list of whole words) under its rarest word among all the lists;
 * ties go to the longer word.
 */
export function buildAnchorIndex(wordLists: readonly (readonly string[])[]): AnchorIndex {
  const lists = wordLists.map((words) => [...new Set(words)]);
  const df = new Map<string, number>();
  for (const words of lists) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  const anchorOf: (string | null)[] = [];
  lists.forEach((words) => {
    let best: string | null = null;
    for (const w of words) {
      if (best === null) best = w;
      else {
        const dw = df.get(w) ?? 0;
        const db = df.get(best) ?? 0;
        if (dw < db || (dw === db && w.length > best.length)) best = w;
      }
    }
    anchorOf.push(best);
  });
  return { ...fileByAnchor(anchorOf), anchorOf };
}

/** Files templates under the anchors already chosen for them (by buildAnchorIndex, at build time). */
export function fileByAnchor(anchorOf: readonly (string | null)[]): Omit<AnchorIndex, "anchorOf"> {
  const anchors = new Map<string, number[]>();
  const unanchored: number[] = [];
  anchorOf.forEach((anchor, i) => {
    if (anchor === null) unanchored.push(i);
    else {
      const list = anchors.get(anchor);
      if (list) list.push(i);
      else anchors.set(anchor, [i]);
    }
  });
  return { anchors, unanchored };
}
