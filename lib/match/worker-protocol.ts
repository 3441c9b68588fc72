/** The messages between the /match page and its matcher worker (lib/match/worker.ts). */
import type { ClippedPaste } from "@/lib/match/limits";
import type { MatchResult } from "@/lib/match/types";

export type WorkerRequest = { type: "init"; url: string; textUrl: string } | { type: "match"; id: number; paste: ClippedPaste; kernel: string };

export type WorkerResponse =
  | { type: "ready"; records: number }
  /** The full-text part arrived (`ok`) or failed; matching goes on either way. */
  | { type: "text"; ok: boolean }
  | { type: "error"; id: number | null; message: string }
  | { type: "result"; id: number; result: MatchResult };
