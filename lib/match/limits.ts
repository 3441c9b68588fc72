/**
 * Bounds on what the matcher reads, so that no paste can make it hang: the page runs it in a worker
 * on every keystroke and the CLI on whatever is piped in. Each cut is reported as a notice.
 */

/** Characters of a paste that are read (about 1 MB); the rest is cut with a visible notice. */
export const MAX_PASTE_CHARS = 1_000_000;

/** A paste over the cap keeps this much of its start and of its end: a log's verdict is usually last. */
const CLIP_SIDE_CHARS = MAX_PASTE_CHARS / 2 - 1;
/** How far back (or forward) a cut looks for a line break, so that it falls between lines. */
const CLIP_SLACK_CHARS = 4096;

/** The part of a paste the matcher reads, with where the cut was so that line numbers stay the paste's own. */
export interface ClippedPaste {
  text: string;
  /** The length of the whole paste. */
  totalChars: number;
  /** Null when the paste was read whole. */
  cut: null | {
    /** Physical lines of `text` before the cut (the start of the paste). */
    headLines: number;
    /** What to add to the line number of a line after the cut to get its number in the whole paste. */
    lineOffset: number;
    /** Characters read from the start and from the end. */
    headChars: number;
    tailChars: number;
    /** Lines in the whole paste. */
    totalLines: number;
  };
}

/** Line breaks (\n, \r\n or a lone \r) in `text`, counted without building a list: fast on megabytes. */
export function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  if (text.includes("\r")) for (let i = text.indexOf("\r"); i !== -1; i = text.indexOf("\r", i + 1)) if (text[i + 1] !== "\n") n++;
  return n;
}

/**
 * Cuts a paste over `MAX_PASTE_CHARS` to its first and last half megabyte, each ending on a line
 * break. Cheap enough for the page's main thread, which clips before handing a paste to its worker, so a
 * 5 MB paste costs a 1 MB copy; `unwrap` clips whatever it is given the same way.
 */
export function clipPaste(paste: string): ClippedPaste {
  const total = paste.length;
  if (total <= MAX_PASTE_CHARS) return { text: paste, totalChars: total, cut: null };
  let headEnd = paste.lastIndexOf("\n", CLIP_SIDE_CHARS);
  if (headEnd < CLIP_SIDE_CHARS - CLIP_SLACK_CHARS) headEnd = CLIP_SIDE_CHARS;
  let tailStart = paste.indexOf("\n", total - CLIP_SIDE_CHARS);
  tailStart = tailStart === -1 || tailStart > total - CLIP_SIDE_CHARS + CLIP_SLACK_CHARS ? total - CLIP_SIDE_CHARS : tailStart + 1;
  const head = paste.slice(0, headEnd).replace(/\r$/, "");
  const tail = paste.slice(tailStart);
  const headBreaks = countLineBreaks(head);
  const middleBreaks = countLineBreaks(paste.slice(head.length, tailStart));
  const tailBreaks = countLineBreaks(tail);
  return {
    text: `${head}\n${tail}`,
    totalChars: total,
    cut: {
      headLines: headBreaks + 1,
      // In the whole paste the tail starts on line headBreaks + middleBreaks + 1; in `text`, on headBreaks + 2.
      lineOffset: middleBreaks - 1,
      headChars: head.length,
      tailChars: tail.length,
      totalLines: headBreaks + middleBreaks + tailBreaks + (/[\r\n]$/.test(paste) ? 0 : 1),
    },
  };
}

/** A physical line longer than this is cut before it is unwrapped (a JSON log line can carry a whole verifier log). */
export const MAX_PHYSICAL_LINE_CHARS = 64 * 1024;

/** A logical (unwrapped) line longer than this is cut: no kernel or loader message is that long. */
export const MAX_LINE_CHARS = 2_000;

/** Distinct lines that are matched after de-duplication; a verifier log of 1M instructions has fewer. */
export const MAX_DISTINCT_LINES = 5_000;

/** Original line numbers kept per de-duplicated line (the count is kept in full). */
export const MAX_LINE_NUMBERS = 20;

/** Terms sent to the text index for one paste. */
export const MAX_QUERY_TERMS = 32;

/** Records taken from the text index as candidates, besides those a template hit. */
export const TEXT_CANDIDATES = 40;

/** Records with a template hit that are scored (the rest share the same message and add nothing). */
export const MAX_FULL_CANDIDATES = 200;

/** Records with only a near miss (same message, other numbers) that are scored. */
export const MAX_NEAR_CANDIDATES = 20;

/** Results returned, best first. */
export const MAX_MATCHES = 10;

/** A result below this score is not shown at all. */
export const MIN_SCORE = 0.2;

/** Evidence entries per result. */
export const MAX_EVIDENCE = 8;

/** Decoded items per paste. */
export const MAX_DECODED = 30;

/** Characters of a record's body text put in the text index (the start: Symptoms and Root cause). */
export const BODY_INDEX_CHARS = 600;
