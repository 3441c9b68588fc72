/**
 * The matcher's public API, for pages, the CLI, the worker and tests. Modules inside lib/match import
 * each other directly, never this file, so there is no import circle through it.
 */
export {
  attachTextIndex,
  buildMatchIndex,
  loadMatchIndex,
  serializeMatchIndex,
  serializeMatchIndexParts,
  MatchIndexError,
  MATCH_INDEX_VERSION,
  type MatchIndex,
  type MatchIndexData,
  type MatchTextData,
} from "@/lib/match/match-index";
export { matchPaste, type MatchOptions } from "@/lib/match/match";
export { clipPaste, countLineBreaks, MAX_PASTE_CHARS, type ClippedPaste } from "@/lib/match/limits";
export { unwrap, type LogicalLine, type UnwrapResult, type WrapperInfo } from "@/lib/match/unwrap";
export { normalizeText, dedupeLines, type NormalizedLine } from "@/lib/match/normalize";
export { extractSignals, type Signals } from "@/lib/match/signals";
export { decodeErrno, decodeHelper, decodePlaceholder, decodeSignals, decodeType } from "@/lib/match/decode";
export * from "@/lib/match/types";
