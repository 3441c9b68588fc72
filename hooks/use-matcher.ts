"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import { clipPaste } from "@/lib/match/limits";
import type { MatchResult } from "@/lib/match/types";
import type { WorkerRequest, WorkerResponse } from "@/lib/match/worker-protocol";

export type MatcherStatus = "loading" | "ready" | "matching" | "error";

/** The verifier catalog, which the worker loads after the index: matching does not wait for it. */
export type CatalogStatus = { state: "loading" } | { state: "ready"; messages: number } | { state: "error"; message: string };

/** Typing pauses this long before a paste is matched; pastes, files and examples match at once. */
const TYPING_PAUSE_MS = 120;

/**
 * Owns the matcher worker: loads the static index once (its full-text part and the verifier catalog after it), matches
 * the latest paste, drops stale answers.
 */
export function useMatcher(indexUrl: string, textUrl: string, verifierUrl?: string) {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [status, setStatus] = useState<MatcherStatus>("loading");
  const [records, setRecords] = useState(0);
  const [result, setResult] = useState<MatchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [textReady, setTextReady] = useState<"loading" | "ready" | "failed">("loading");
  const [catalog, setCatalog] = useState<CatalogStatus>({ state: "loading" });
  const pending = useRef<{ paste: string; kernel: string } | null>(null);
  const ready = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const send = useCallback((paste: string, kernel: string) => {
    const w = worker.current;
    if (!w) return;
    const id = ++latest.current;
    setStatus("matching");
    // Only the part the matcher reads crosses to the worker: a 5 MB paste is a 1 MB copy.
    w.postMessage({ type: "match", id, paste: clipPaste(paste), kernel } satisfies WorkerRequest);
  }, []);

  useEffect(() => {
    const w = new Worker(new URL("../lib/match/worker.ts", import.meta.url));
    worker.current = w;
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const msg = event.data;
      if (msg.type === "ready") {
        ready.current = true;
        setRecords(msg.records);
        setStatus("ready");
        if (pending.current) {
          const p = pending.current;
          pending.current = null;
          send(p.paste, p.kernel);
        }
      } else if (msg.type === "text") {
        setTextReady(msg.ok ? "ready" : "failed");
      } else if (msg.type === "verifier-ready") {
        setCatalog({ state: "ready", messages: msg.messages });
      } else if (msg.type === "verifier-error") {
        setCatalog({ state: "error", message: msg.message });
      } else if (msg.type === "error") {
        if (msg.id === null || msg.id === latest.current) {
          setError(msg.message);
          setStatus("error");
        }
      } else if (msg.id === latest.current) {
        setResult(msg.result);
        setError(null);
        setStatus("ready");
      }
    };
    w.onerror = (e) => {
      setError(e.message || "the matcher stopped");
      setStatus("error");
    };
    w.postMessage({ type: "init", url: indexUrl, textUrl, ...(verifierUrl ? { verifierUrl } : {}) } satisfies WorkerRequest);
    return () => {
      if (timer.current) clearTimeout(timer.current);
      w.terminate();
      worker.current = null;
    };
  }, [indexUrl, textUrl, verifierUrl, send]);

  const matchNow = useCallback(
    (paste: string, kernel: string) => {
      if (timer.current) clearTimeout(timer.current);
      if (!paste.trim()) {
        latest.current++;
        pending.current = null;
        setResult(null);
        if (ready.current) setStatus("ready");
        return;
      }
      if (!ready.current) {
        pending.current = { paste, kernel };
        return;
      }
      send(paste, kernel);
    },
    [send],
  );

  /** Matches after a pause in typing; `immediate` (a paste, a file, an example) matches now. */
  const match = useCallback(
    (paste: string, kernel: string, immediate = false) => {
      if (timer.current) clearTimeout(timer.current);
      if (immediate) matchNow(paste, kernel);
      else timer.current = setTimeout(() => matchNow(paste, kernel), TYPING_PAUSE_MS);
    },
    [matchNow],
  );

  return { status, records, catalog, result, error, match, textReady };
}
