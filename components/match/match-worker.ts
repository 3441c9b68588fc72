/// <reference lib="webworker" />
/**
 * Runs the matcher off the main thread: the index is fetched and loaded once, then each paste is
 * matched here so typing and scrolling stay smooth even for multi-megabyte logs.
 */
import { loadMatchIndex, matchPaste, type ClippedPaste, type MatchResult } from "@/lib/match";

export type WorkerRequest = { type: "init"; url: string } | { type: "match"; id: number; paste: ClippedPaste; kernel: string };
export type WorkerResponse =
  | { type: "ready"; records: number }
  | { type: "error"; id: number | null; message: string }
  | { type: "result"; id: number; result: MatchResult };

const ctx = self as unknown as DedicatedWorkerGlobalScope;
let index: ReturnType<typeof loadMatchIndex> | null = null;

ctx.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  if (msg.type === "init") {
    try {
      const res = await fetch(msg.url);
      if (!res.ok) throw new Error(`the match index answered ${res.status}`);
      index = loadMatchIndex(await res.text());
      ctx.postMessage({ type: "ready", records: index.records.length } satisfies WorkerResponse);
    } catch (e) {
      ctx.postMessage({ type: "error", id: null, message: e instanceof Error ? e.message : String(e) } satisfies WorkerResponse);
    }
    return;
  }
  if (!index) {
    ctx.postMessage({ type: "error", id: msg.id, message: "the match index is not loaded yet" } satisfies WorkerResponse);
    return;
  }
  try {
    const kernel = msg.kernel.trim();
    const result = matchPaste(index, msg.paste, kernel ? { kernel } : {});
    ctx.postMessage({ type: "result", id: msg.id, result } satisfies WorkerResponse);
  } catch (e) {
    ctx.postMessage({ type: "error", id: msg.id, message: e instanceof Error ? e.message : String(e) } satisfies WorkerResponse);
  }
};
