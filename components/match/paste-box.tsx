"use client";

import { useState, type ClipboardEvent } from "react";

/**
 * A paste longer than this is not put in the text box: laying out megabytes of text blocks the page
 * for seconds. The box shows its start, read-only, and the whole paste goes to the matcher.
 */
export const LARGE_PASTE_CHARS = 200_000;
/** Characters of a large paste shown in the box. */
const PREVIEW_CHARS = 20_000;

export interface PasteBoxProps {
  paste: string;
  /** Line count and size of a large paste, or null for one the box shows whole. */
  large: { lines: number; size: string } | null;
  onType: (text: string) => void;
  /** A paste or file that replaces (or is inserted into) the text at once. */
  onReplace: (text: string) => void;
  onFile: (file: File) => void;
}

/** The paste area: typing, pasting (large pastes skip the box's layout) and dropping a file. */
export function PasteBox({ paste, large, onType, onReplace, onFile }: PasteBoxProps) {
  const [dragging, setDragging] = useState(false);

  // A paste of megabytes goes straight to the matcher, never through the text box's layout.
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData("text/plain");
    if (!large && pasted.length <= LARGE_PASTE_CHARS) return;
    e.preventDefault();
    const box = e.currentTarget;
    // Into a small paste it goes where the cursor is; a large one is replaced whole.
    onReplace(large ? pasted : paste.slice(0, box.selectionStart) + pasted + paste.slice(box.selectionEnd));
  };

  return (
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
        if (file) onFile(file);
      }}
      className={`rounded-lg border-2 border-dashed p-1 ${dragging ? "border-sky-500 bg-sky-50 dark:bg-sky-950" : "border-transparent"}`}
    >
      <label htmlFor="paste" className="mb-1 block text-sm font-medium">
        Paste an error or log
      </label>
      <textarea
        id="paste"
        value={large ? `${paste.slice(0, PREVIEW_CHARS)}\n\n[… the rest of the paste is not shown here]` : paste}
        readOnly={large !== null}
        onChange={(e) => onType(e.target.value)}
        onPaste={onPaste}
        rows={14}
        spellCheck={false}
        autoFocus
        placeholder="Paste a verifier log, a loader error or a pod log. You can also drop a file here."
        aria-describedby={large ? "paste-large paste-hint" : "paste-hint"}
        className="w-full rounded-md border border-slate-300 bg-white p-3 font-mono text-xs leading-5 placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
      />
      {large ? (
        <p id="paste-large" role="note" className="mb-1 rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          Large paste: {large.size}, {large.lines.toLocaleString("en-US")} lines. The box shows its start and is read-only; the
          matcher reads its first and last half megabyte. Paste again to replace it, or Clear to type.
        </p>
      ) : null}
      <p id="paste-hint" className="text-xs text-slate-600 dark:text-slate-400">
        Matching runs in your browser; nothing you paste is sent anywhere. Logfmt, JSON logs, kubectl describe output and
        libbpf or cilium/ebpf verifier logs are unwrapped.
      </p>
    </div>
  );
}
