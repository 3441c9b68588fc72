/**
 * Bounds on what the matcher reads, so that no paste can make it hang: the page runs it in a worker
 * on every keystroke and the CLI on whatever is piped in. Each cut is reported as a notice.
 */

/** Characters of a paste that are read (about 1 MB); the rest is cut with a visible notice. */
export const MAX_PASTE_CHARS = 1_000_000;

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
