"use client";

import { useRef } from "react";

export interface MatchControlsProps {
  kernel: string;
  onKernel: (value: string) => void;
  onFile: (file: File) => void;
  onExample: () => void;
  /** Shown when there is something to clear. */
  onClear: (() => void) | null;
}

const buttonClass = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";

/** The kernel field and the buttons under the paste: open a file, try an example, clear. */
export function MatchControls({ kernel, onKernel, onFile, onExample, onClear }: MatchControlsProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="min-w-48 flex-1">
        <label htmlFor="paste-kernel" className="mb-1 block text-sm font-medium">
          Your kernel
        </label>
        <input
          id="paste-kernel"
          value={kernel}
          onChange={(e) => onKernel(e.target.value)}
          placeholder="uname -r, e.g. 5.4.0-189-generic"
          autoComplete="off"
          spellCheck={false}
          maxLength={160}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
        />
      </div>
      <button type="button" onClick={() => fileInput.current?.click()} className={buttonClass}>
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
          if (file) onFile(file);
          e.target.value = "";
        }}
      />
      <button type="button" onClick={onExample} className={buttonClass}>
        Try an example
      </button>
      {onClear ? (
        <button type="button" onClick={onClear} className={buttonClass}>
          Clear
        </button>
      ) : null}
    </div>
  );
}
