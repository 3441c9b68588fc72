"use client";

import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";

import { ROUTES } from "@/lib/constants";
import { countLineBreaks } from "@/lib/match/limits";
import type { MatchResult } from "@/lib/match/types";
import { decodeShare, shareParam } from "@/lib/share";
import { MatchControls } from "@/components/match/match-controls";
import { MatchResults } from "@/components/match/match-results";
import { LARGE_PASTE_CHARS, PasteBox } from "@/components/match/paste-box";
import { SharePanel } from "@/components/match/share-panel";
import { useMatcher } from "@/hooks/use-matcher";

// The draft editor (parser, Markdown renderer, schema: ~140 kB compressed) loads only when a reader asks
// for a draft; it renders only after a click, so React.lazy is enough (no server rendering to skip).
const DraftEditor = lazy(() => import("@/components/match/draft-editor").then((m) => ({ default: m.DraftEditor })));

export interface MatchClientProps {
  /** The repository whose new-file page a draft opens (KB_REPO_URL and KB_REPO_BRANCH, read on the server). */
  repo: { url: string; branch: string };
}

/** Files larger than this are not read at all; the matcher itself cuts pastes at 1 MB. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

const EXAMPLE = `level=error ts=2025-03-02T10:11:12Z caller=dropreason_linux.go:220 msg="Error loading objects" error="field InetCskAcceptRet: program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125 (131 line(s) omitted)"
$ uname -r
5.4.0-189-generic`;

const formatSize = (chars: number) => (chars >= 1e6 ? `${(chars / 1e6).toFixed(1)} MB` : `${Math.round(chars / 1e3)} kB`);

/** /match: the paste, the kernel and the matcher's answer. The page around it is server-rendered. */
export function MatchClient({ repo }: MatchClientProps) {
  const { status, records, catalog, result, error, match, textReady } = useMatcher(ROUTES.matchIndex, ROUTES.matchText, ROUTES.verifierCatalog);
  const [paste, setPaste] = useState("");
  const [kernel, setKernel] = useState("");
  // Whether the reader typed the kernel; until then it follows what the paste says.
  const kernelTouched = useRef(false);
  const [note, setNote] = useState<string | null>(null);
  // The paste and answer a draft was opened for; a later paste does not rewrite an open draft.
  const [draft, setDraft] = useState<{ paste: string; result: MatchResult; id: number } | null>(null);

  const large = useMemo(
    () => (paste.length > LARGE_PASTE_CHARS ? { lines: countLineBreaks(paste) + (/[\r\n]$/.test(paste) ? 0 : 1), size: formatSize(paste.length) } : null),
    [paste],
  );
  const ownKernel = () => (kernelTouched.current ? kernel : "");
  const update = (p: string, k: string, immediate = false) => {
    setPaste(p);
    match(p, k, immediate);
  };

  // A shared link (#p=…) restores its paste and kernel.
  useEffect(() => {
    const restore = async () => {
      const param = shareParam(window.location.hash);
      if (!param) return;
      const shared = await decodeShare(param);
      if (!shared) {
        setNote("This share link could not be read: it may have been cut. Ask for the link again.");
        return;
      }
      kernelTouched.current = shared.kernel.length > 0;
      setKernel(shared.kernel);
      setPaste(shared.paste);
      match(shared.paste, shared.kernel, true);
    };
    void restore();
    window.addEventListener("hashchange", restore);
    return () => window.removeEventListener("hashchange", restore);
  }, [match]);

  // Prefill "your kernel" from the paste while the reader has not typed one.
  useEffect(() => {
    if (!kernelTouched.current && result?.kernelSource?.from === "paste") setKernel(result.kernelSource.text);
    if (!kernelTouched.current && result && !result.kernelSource) setKernel("");
  }, [result]);

  const readFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setNote(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB; files over ${MAX_FILE_BYTES / 1e6} MB are not read. Paste the part around the error.`);
      return;
    }
    const text = await file.text();
    setNote(`Read ${file.name} (${(file.size / 1000).toFixed(1)} kB).`);
    update(text, ownKernel(), true);
  };

  const busy = status === "loading" || status === "matching";
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="space-y-3">
        <PasteBox
          paste={paste}
          large={large}
          onType={(text) => update(text, ownKernel())}
          onReplace={(text) => {
            setNote(null);
            update(text, ownKernel(), true);
          }}
          onFile={(file) => void readFile(file)}
        />
        <MatchControls
          kernel={kernel}
          onKernel={(value) => {
            kernelTouched.current = value.trim().length > 0;
            setKernel(value);
            match(paste, value);
          }}
          onFile={(file) => void readFile(file)}
          onExample={() => {
            kernelTouched.current = false;
            setKernel("");
            update(EXAMPLE, "", true);
          }}
          onClear={
            paste
              ? () => {
                  kernelTouched.current = false;
                  setKernel("");
                  setNote(null);
                  update("", "", true);
                  window.history.replaceState(null, "", window.location.pathname);
                }
              : null
          }
        />
        {note ? <p className="text-sm text-slate-700 dark:text-slate-300">{note}</p> : null}
        {paste.trim() ? <SharePanel value={{ paste, kernel: ownKernel() }} /> : null}
        {paste.trim() && result ? (
          <div className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <button
              type="button"
              onClick={() => setDraft({ paste, result, id: (draft?.id ?? 0) + 1 })}
              aria-expanded={draft !== null}
              aria-controls={draft ? "draft-editor" : undefined}
              className="rounded-md border border-sky-700 px-3 py-1.5 text-sm font-medium text-sky-800 hover:bg-sky-50 dark:border-sky-400 dark:text-sky-200 dark:hover:bg-sky-950"
            >
              {draft ? "Rebuild the draft from this paste" : "Write this up"}
            </button>
            <span className="text-xs text-slate-600 dark:text-slate-400">Not covered yet? Draft a write-up from this paste, here in your browser.</span>
          </div>
        ) : null}
      </div>

      <div aria-live="polite" aria-busy={busy}>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400" role="status">
          {status === "loading"
            ? "Loading the index…"
            : status === "matching"
              ? "Matching…"
              : status === "error"
                ? ""
                : `Matching against ${records} records${catalog.state === "ready" ? ` and ${catalog.messages.toLocaleString("en-US")} verifier messages` : ""}${textReady === "loading" ? " (loading the full-text index to refine the answer…)" : textReady === "failed" ? " (without the full-text index, which did not load)" : "."}`}
          {catalog.state === "error" && status !== "error" ? " The verifier message catalog did not load: verifier lines are not decoded." : ""}
        </p>
        {error ? (
          <p role="alert" className="mb-3 rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100">
            The matcher failed: {error}. Reload the page to try again.
          </p>
        ) : null}
        {result && paste.trim() ? (
          <MatchResults result={result} />
        ) : (
          <div className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300">
            <p className="font-medium">Results appear here as you paste.</p>
            <p className="mt-1">
              You will see the incidents that explain the error, the lines that prove it, and a plain reading of every kernel
              message: helper ids, program and map types, errno values and loader placeholders.
            </p>
          </div>
        )}
      </div>
      {draft ? (
        <div id="draft-editor" className="lg:col-span-2">
          <Suspense
            fallback={
              <p className="text-sm text-slate-600 dark:text-slate-400" role="status">
                Loading the draft editor…
              </p>
            }
          >
            <DraftEditor key={draft.id} paste={draft.paste} result={draft.result} repo={repo} onClose={() => setDraft(null)} />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
