/// <reference lib="webworker" />
/**
 * Runs the matcher off the main thread: the index core is fetched and loaded once, then each paste is
 * matched here so typing and scrolling stay smooth even for multi-megabyte logs. Two more parts come
 * after the core, so the first answer never waits for them: the full-text index (better ranking on
 * words) and the verifier message catalog (verifier lines decoded); when each arrives, the newest
 * paste is matched again.
 *
 * Only the newest request is answered: requests that arrive while one is being matched (a reader
 * typing into a large paste) replace each other, so a slow paste costs one match, not one per key.
 */
import { attachTextIndex, loadMatchIndex, type MatchIndex } from "@/lib/match/match-index";
import { matchPaste } from "@/lib/match/match";
import type { WorkerRequest, WorkerResponse } from "@/lib/match/worker-protocol";
import { loadVerifierIndex, type VerifierIndex } from "@/lib/verifier/decode";

type MatchRequest = Extract<WorkerRequest, { type: "match" }>;

const ctx = self as unknown as DedicatedWorkerGlobalScope;
let index: MatchIndex | null = null;
let verifier: VerifierIndex | null = null;
let newest: MatchRequest | null = null;
/** The last request answered, to answer again once another part of the index is in. */
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

/** The page shows the answer to the newest paste: give it again with what just arrived. */
function answerAgain() {
  if (answered && !newest) schedule(answered);
}

/** Waits until no paste is waiting: loading a part takes tens of milliseconds, a waiting paste goes first. */
async function idle() {
  while (scheduled) await new Promise((resolve) => setTimeout(resolve, 0));
}

async function loadText(url: string) {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`the full-text index answered ${res.status}`);
    const text = await res.text();
    await idle();
    if (!index) return;
    attachTextIndex(index, text);
    post({ type: "text", ok: true });
    answerAgain();
  } catch {
    post({ type: "text", ok: false });
  }
}

async function loadVerifier(url: string) {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`the verifier catalog answered ${res.status}`);
    const text = await res.text();
    await idle();
    verifier = loadVerifierIndex(text);
    post({ type: "verifier-ready", messages: verifier.templates.length });
    answerAgain();
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
    // One after the other: the full-text part first (it changes rankings), then the catalog.
    void loadText(msg.textUrl).then(() => (msg.verifierUrl ? loadVerifier(msg.verifierUrl) : undefined));
    return;
  }
  schedule(msg);
};
