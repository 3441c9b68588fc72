/// <reference lib="webworker" />
/**
 * Runs the matcher off the main thread: the index is fetched and loaded once, then each paste is
 * matched here so typing and scrolling stay smooth even for multi-megabyte logs. The verifier message
 * catalog is fetched after the index is ready, so the first result never waits for it; when it
 * arrives, the newest paste is matched again with its verifier lines decoded.
 *
 * Only the newest request is answered: requests that arrive while one is being matched (a reader
 * typing into a large paste) replace each other, so a slow paste costs one match, not one per key.
 */
import { loadMatchIndex, type MatchIndex } from "@/lib/match/match-index";
import { matchPaste } from "@/lib/match/match";
import type { WorkerRequest, WorkerResponse } from "@/lib/match/worker-protocol";
import { loadVerifierIndex, type VerifierIndex } from "@/lib/verifier/decode";

type MatchRequest = Extract<WorkerRequest, { type: "match" }>;

const ctx = self as unknown as DedicatedWorkerGlobalScope;
let index: MatchIndex | null = null;
let verifier: VerifierIndex | null = null;
let newest: MatchRequest | null = null;
/** The last request answered, to answer again once the verifier catalog is in. */
let answered: MatchRequest | null = null;
let scheduled = false;

const post = (msg: WorkerResponse) => ctx.postMessage(msg);

function runNewest() {
  scheduled = false;
  const msg = newest;
  newest = null;
  if (!msg) return;
  if (!index) {
    post({ type: "error", id: msg.id, message: "the match index is not loaded yet" });
    return;
  }
  try {
    const kernel = msg.kernel.trim();
    answered = msg;
    post({ type: "result", id: msg.id, result: matchPaste(index, msg.paste, { ...(kernel ? { kernel } : {}), verifier }) });
  } catch (e) {
    post({ type: "error", id: msg.id, message: e instanceof Error ? e.message : String(e) });
  }
}

function schedule(msg: MatchRequest) {
  newest = msg;
  // Messages already queued run before this timer: they only replace `newest`.
  if (!scheduled) {
    scheduled = true;
    setTimeout(runNewest, 0);
  }
}

async function loadVerifier(url: string) {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`the verifier catalog answered ${res.status}`);
    const text = await res.text();
    // Compiling the catalog takes tens of milliseconds: a paste already waiting is matched first.
    while (scheduled) await new Promise((resolve) => setTimeout(resolve, 0));
    verifier = loadVerifierIndex(text);
    post({ type: "verifier-ready", messages: verifier.templates.length });
    // The page shows the answer to the newest paste: give it again, now with the verifier lines read.
    if (answered && !newest) schedule(answered);
  } catch (e) {
    post({ type: "verifier-error", message: e instanceof Error ? e.message : String(e) });
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
    if (msg.verifierUrl) void loadVerifier(msg.verifierUrl);
    return;
  }
  schedule(msg);
};
