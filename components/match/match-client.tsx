"use client";

import { useEffect, useMemo, useRef, useState, type ClipboardEvent } from "react";

import { countLineBreaks } from "@/lib/match/limits";
import { encodeShare, decodeShare, LONG_SHARE_LINK_CHARS, shareParam } from "@/lib/share";
import { CopyButton } from "@/components/copy-button";
import { MatchResults } from "@/components/match/match-results";
import { useDebouncedCallback } from "@/hooks/use-debounced-callback";
import { useMatcher } from "@/hooks/use-matcher";

const MATCH_DEBOUNCE_MS = 120;
/** Files larger than this are not read at all; the matcher itself cuts pastes at 1 MB. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/**
 * A paste longer than this is not put in the text box: laying out megabytes of text blocks the page
 * for seconds. The box shows its start, read-only, and the whole paste goes to the matcher.
 */
const LARGE_PASTE_CHARS = 200_000;
/** Characters of a large paste shown in the box. */
const PREVIEW_CHARS = 20_000;

function countLines(text: string): number {
  return countLineBreaks(text) + (/[\r\n]$/.test(text) ? 0 : 1);
}

function formatSize(chars: number): string {
  return chars >= 1e6 ? `${(chars / 1e6).toFixed(1)} MB` : `${Math.round(chars / 1e3)} kB`;
}

const EXAMPLE = `level=error ts=2025-03-02T10:11:12Z caller=dropreason_linux.go:220 msg="Error loading objects" error="field InetCskAcceptRet: program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125 (131 line(s) omitted)"
$ uname -r
5.4.0-189-generic`;

export function MatchClient() {
  const { status, records, result, error, match } = useMatcher("/match-index.json");
  const [paste, setPaste] = useState("");
  const [kernel, setKernel] = useState("");
  const kernelTouched = useRef(false);
  const [share, setShare] = useState<{ url: string; long: boolean } | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const debouncedMatch = useDebouncedCallback((p: string, k: string) => match(p, k), MATCH_DEBOUNCE_MS);

  const large = paste.length > LARGE_PASTE_CHARS;
  const largeInfo = useMemo(() => (large ? { lines: countLines(paste), size: formatSize(paste.length) } : null), [large, paste]);

  const update = (p: string, k: string, immediate = false) => {
    setPaste(p);
    setShare(null);
    if (immediate) {
      debouncedMatch.cancel();
      match(p, k);
    } else {
      debouncedMatch(p, k);
    }
  };

  // A shared link (#p=…) restores its paste and kernel.
  useEffect(() => {
    const restore = async () => {
      const param = shareParam(window.location.hash);
      if (!param) return;
      const shared = await decodeShare(param);
      if (!shared) {
        setFileNote("This share link could not be read: it may have been cut. Ask for the link again.");
        return;
      }
      kernelTouched.current = shared.kernel.length > 0;
      setKernel(shared.kernel);
      update(shared.paste, shared.kernel, true);
    };
    void restore();
    window.addEventListener("hashchange", restore);
    return () => window.removeEventListener("hashchange", restore);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Prefill "your kernel" from the paste while the reader has not typed one.
  useEffect(() => {
    if (!kernelTouched.current && result?.kernelSource?.from === "paste") setKernel(result.kernelSource.text);
    if (!kernelTouched.current && result && !result.kernelSource) setKernel("");
  }, [result]);

  const readFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setFileNote(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB; files over ${MAX_FILE_BYTES / 1e6} MB are not read. Paste the part around the error.`);
      return;
    }
    const text = await file.text();
    setFileNote(`Read ${file.name} (${(file.size / 1000).toFixed(1)} kB).`);
    update(text, kernelTouched.current ? kernel : "", true);
  };

  // A paste of megabytes goes straight to the matcher, never through the text box's layout.
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData("text/plain");
    if (!large && pasted.length <= LARGE_PASTE_CHARS) return;
    e.preventDefault();
    const box = e.currentTarget;
    // Into a small paste it goes where the cursor is; a large one is replaced whole.
    const next = large ? pasted : paste.slice(0, box.selectionStart) + pasted + paste.slice(box.selectionEnd);
    setFileNote(null);
    update(next, kernelTouched.current ? kernel : "", true);
  };

  const makeShareLink = async () => {
    const encoded = await encodeShare({ paste, kernel: kernelTouched.current ? kernel : "" });
    const url = `${window.location.origin}/match#p=${encoded}`;
    window.history.replaceState(null, "", `#p=${encoded}`);
    setShare({ url, long: url.length > LONG_SHARE_LINK_CHARS });
  };

  const busy = status === "loading" || status === "matching";

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="space-y-3">
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            const file = e.dataTransfer.files[0];
            if (file) void readFile(file);
          }}
          className={`rounded-lg border-2 border-dashed p-1 ${dragging ? "border-sky-500 bg-sky-50 dark:bg-sky-950" : "border-transparent"}`}
        >
          <label htmlFor="paste" className="mb-1 block text-sm font-medium">
            Paste an error or log
          </label>
          <textarea
            id="paste"
            value={largeInfo ? `${paste.slice(0, PREVIEW_CHARS)}\n\n[… the rest of the paste is not shown here]` : paste}
            readOnly={large}
            onChange={(e) => update(e.target.value, kernelTouched.current ? kernel : "")}
            onPaste={onPaste}
            rows={14}
            spellCheck={false}
            autoFocus
            placeholder="Paste a verifier log, a loader error or a pod log. You can also drop a file here."
            aria-describedby={largeInfo ? "paste-large paste-hint" : "paste-hint"}
            className="w-full rounded-md border border-slate-300 bg-white p-3 font-mono text-xs leading-5 placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
          />
          {largeInfo ? (
            <p id="paste-large" role="note" className="mb-1 rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
              Large paste: {largeInfo.size}, {largeInfo.lines.toLocaleString("en-US")} lines. The box shows its start and is
              read-only; the matcher reads its first and last half megabyte. Paste again to replace it, or Clear to type.
            </p>
          ) : null}
          <p id="paste-hint" className="text-xs text-slate-600 dark:text-slate-400">
            Matching runs in your browser; nothing you paste is sent anywhere. Logfmt, JSON logs, kubectl describe
            output and libbpf or cilium/ebpf verifier logs are unwrapped.
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-[12rem] flex-1">
            <label htmlFor="paste-kernel" className="mb-1 block text-sm font-medium">
              Your kernel
            </label>
            <input
              id="paste-kernel"
              value={kernel}
              onChange={(e) => {
                kernelTouched.current = e.target.value.trim().length > 0;
                setKernel(e.target.value);
                setShare(null);
                debouncedMatch(paste, e.target.value);
              }}
              placeholder="uname -r, e.g. 5.4.0-189-generic"
              autoComplete="off"
              spellCheck={false}
              className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
            />
          </div>
          <button
            type="button"
            onClick={() => fileInput.current?.click()}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Open a file…
          </button>
          <input
            ref={fileInput}
            type="file"
            className="sr-only"
            tabIndex={-1}
            aria-label="Open a log file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void readFile(file);
              e.target.value = "";
            }}
          />
          <button
            type="button"
            onClick={() => {
              kernelTouched.current = false;
              setKernel("");
              update(EXAMPLE, "", true);
            }}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Try an example
          </button>
          {paste ? (
            <button
              type="button"
              onClick={() => {
                kernelTouched.current = false;
                setKernel("");
                update("", "", true);
                window.history.replaceState(null, "", window.location.pathname);
              }}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              Clear
            </button>
          ) : null}
        </div>
        {fileNote ? <p className="text-sm text-slate-700 dark:text-slate-300">{fileNote}</p> : null}
        {paste.trim() ? (
          <div className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <div className="flex flex-wrap items-center gap-2">
              <button
                type="button"
                onClick={() => void makeShareLink()}
                className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800"
              >
                Make a share link
              </button>
              <span className="text-xs text-slate-600 dark:text-slate-400">The paste travels inside the link (after #), never to a server.</span>
            </div>
            {share ? (
              <div className="space-y-1">
                <div className="flex gap-2">
                  <label htmlFor="share-url" className="sr-only">
                    Share link
                  </label>
                  <input
                    id="share-url"
                    readOnly
                    value={share.url}
                    onFocus={(e) => e.target.select()}
                    className="w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
                  />
                  <CopyButton value={share.url} label="Copy" ariaLabel="Copy share link" />
                </div>
                {share.long ? (
                  <p role="note" className="text-xs text-amber-800 dark:text-amber-200">
                    This link is {share.url.length.toLocaleString("en")} characters long; some chat tools and browsers cut
                    links that long. Trim the paste to the lines around the error for a shorter link.
                  </p>
                ) : null}
              </div>
            ) : null}
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
                : `Matching against ${records} records.`}
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
              You will see the incidents that explain the error, the lines that prove it, and a plain reading of every
              kernel message: helper ids, program and map types, errno values and loader placeholders.
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
