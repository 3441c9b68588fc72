/** The messages between the /match page and its matcher worker (lib/match/worker.ts). */
import type { ClippedPaste } from "@/lib/match/limits";
import type { MatchResult } from "@/lib/match/types";

export type WorkerRequest = { type: "init"; url: string } | { type: "match"; id: number; paste: ClippedPaste; kernel: string };

export type WorkerResponse =
  | { type: "ready"; records: number }
  | { type: "error"; id: number | null; message: string }
  | { type: "result"; id: number; result: MatchResult };
