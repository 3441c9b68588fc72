"use client";

import { useState } from "react";

import { ROUTES } from "@/lib/constants";
import { encodeShare, LONG_SHARE_LINK_CHARS, MAX_SHARED_PASTE_CHARS, type SharedPaste } from "@/lib/share";
import { CopyButton } from "@/components/copy-button";

/** "Make a share link": the paste travels inside the link's fragment, never to a server. */
export function SharePanel({ value }: { value: SharedPaste }) {
  const [share, setShare] = useState<{ url: string | null; long: boolean; for: SharedPaste } | null>(null);
  // A link made for an earlier paste is not shown for this one.
  const current = share && share.for.paste === value.paste && share.for.kernel === value.kernel ? share : null;

  const make = async () => {
    const encoded = await encodeShare(value);
    if (encoded === null) {
      setShare({ url: null, long: true, for: value });
      return;
    }
    const url = `${window.location.origin}${ROUTES.match}#p=${encoded}`;
    window.history.replaceState(null, "", `#p=${encoded}`);
    setShare({ url, long: url.length > LONG_SHARE_LINK_CHARS, for: value });
  };

  return (
    <div className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={() => void make()} className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800">
          Make a share link
        </button>
        <span className="text-xs text-slate-600 dark:text-slate-400">The paste travels inside the link (after #), never to a server.</span>
      </div>
      {current && current.url === null ? (
        <p role="note" className="text-xs text-amber-800 dark:text-amber-200">
          This paste is too large for a link (a link carries {MAX_SHARED_PASTE_CHARS.toLocaleString("en")} characters at most, and
          browsers cut links near 2 MB). Trim the paste to the lines around the error.
        </p>
      ) : null}
      {current && current.url !== null ? (
        <div className="space-y-1">
          <div className="flex gap-2">
            <label htmlFor="share-url" className="sr-only">
              Share link
            </label>
            <input
              id="share-url"
              readOnly
              value={current.url}
              onFocus={(e) => e.target.select()}
              className="w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
            />
            <CopyButton value={current.url} label="Copy" ariaLabel="Copy share link" />
          </div>
          {current.long ? (
            <p role="note" className="text-xs text-amber-800 dark:text-amber-200">
              This link is {current.url.length.toLocaleString("en")} characters long; some chat tools and browsers cut links that
              long. Trim the paste to the lines around the error for a shorter link.
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
