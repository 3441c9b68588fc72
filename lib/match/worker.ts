/// <reference lib="webworker" />
/**
 * Runs the matcher off the main thread: the index is fetched and loaded once, then each paste is
 * matched here so typing and scrolling stay smooth even for multi-megabyte logs.
 *
 * Only the newest request is answered: requests that arrive while one is being matched (a reader
 * typing into a large paste) replace each other, so a slow paste costs one match, not one per key.
 */
import { attachTextIndex, loadMatchIndex, type MatchIndex } from "@/lib/match/match-index";
import { matchPaste } from "@/lib/match/match";
import type { WorkerRequest, WorkerResponse } from "@/lib/match/worker-protocol";

const ctx = self as unknown as DedicatedWorkerGlobalScope;
let index: MatchIndex | null = null;
let newest: Extract<WorkerRequest, { type: "match" }> | null = null;
/** The last paste matched, to match again once the full-text part refines the answer. */
let last: Extract<WorkerRequest, { type: "match" }> | null = null;
let scheduled = false;

const post = (msg: WorkerResponse) => ctx.postMessage(msg);

function runNewest() {
  scheduled = false;
  const msg = newest;
  newest = null;
  if (!msg) return;
  last = msg;
  if (!index) {
    post({ type: "error", id: msg.id, message: "the match index is not loaded yet" });
    return;
  }
  try {
    const kernel = msg.kernel.trim();
    post({ type: "result", id: msg.id, result: matchPaste(index, msg.paste, kernel ? { kernel } : {}) });
  } catch (e) {
    post({ type: "error", id: msg.id, message: e instanceof Error ? e.message : String(e) });
  }
}

ctx.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  if (msg.type === "init") {
    try {
      const res = await fetch(msg.url);
      if (!res.ok) throw new Error(`the match index answered ${res.status}`);
      index = loadMatchIndex(await res.text());
      post({ type: "ready", records: index.records.length });
    } catch (e) {
      post({ type: "error", id: null, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    // The core answers first; the full-text part refines later answers, and the last one again.
    try {
      const res = await fetch(msg.textUrl);
      if (!res.ok) throw new Error(`the full-text index answered ${res.status}`);
      attachTextIndex(index, await res.text());
      post({ type: "text", ok: true });
      if (last && !newest) {
        newest = last;
        if (!scheduled) {
          scheduled = true;
          setTimeout(runNewest, 0);
        }
      }
    } catch {
      post({ type: "text", ok: false });
    }
    return;
  }
  newest = msg;
  // Messages already queued run before this timer: they only replace `newest`.
  if (!scheduled) {
    scheduled = true;
    setTimeout(runNewest, 0);
  }
};
