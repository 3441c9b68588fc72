"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import type { MatchResult } from "@/lib/match/types";
import { clipPaste } from "@/lib/match/limits";
import type { WorkerRequest, WorkerResponse } from "@/components/match/match-worker";

export type MatcherStatus = "loading" | "ready" | "matching" | "error";

/** Owns the matcher worker: loads the static index once, matches the latest paste, drops stale answers. */
export function useMatcher(indexUrl: string) {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [status, setStatus] = useState<MatcherStatus>("loading");
  const [records, setRecords] = useState(0);
  const [result, setResult] = useState<MatchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<{ paste: string; kernel: string } | null>(null);
  const ready = useRef(false);

  const send = useCallback((paste: string, kernel: string) => {
    const w = worker.current;
    if (!w) return;
    const id = ++latest.current;
    setStatus("matching");
    // Only the part the matcher reads crosses to the worker: a 5 MB paste is a 1 MB copy.
    w.postMessage({ type: "match", id, paste: clipPaste(paste), kernel } satisfies WorkerRequest);
  }, []);

  useEffect(() => {
    const w = new Worker(new URL("../components/match/match-worker.ts", import.meta.url));
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
    w.postMessage({ type: "init", url: indexUrl } satisfies WorkerRequest);
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, [indexUrl, send]);

  const match = useCallback(
    (paste: string, kernel: string) => {
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

  return { status, records, result, error, match };
}
