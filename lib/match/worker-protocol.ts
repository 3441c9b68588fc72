/** The messages between the /match page and its matcher worker (lib/match/worker.ts). */
import type { ClippedPaste } from "@/lib/match/limits";
import type { MatchResult } from "@/lib/match/types";

export type WorkerRequest =
  /** `url`: the match index (core); `textUrl`: its full-text part; `verifierUrl`: the verifier catalog, fetched once the index is ready. */
  | { type: "init"; url: string; textUrl: string; verifierUrl?: string }
  | { type: "match"; id: number; paste: ClippedPaste; kernel: string };

export type WorkerResponse =
  | { type: "ready"; records: number }
  /** The full-text part arrived (`ok`) or failed; matching goes on either way. */
  | { type: "text"; ok: boolean }
  /** The verifier catalog is loaded; the newest paste is matched again with it (same id). */
  | { type: "verifier-ready"; messages: number }
  /** The catalog could not be loaded: matching goes on without verifier decodes. */
  | { type: "verifier-error"; message: string }
  | { type: "error"; id: number | null; message: string }
  | { type: "result"; id: number; result: MatchResult };
