"use client";

import { useEffect, useRef, useState } from "react";

export interface CopyButtonProps {
  /** Text to copy; a value starting with "#" or "/" is resolved against the page URL unless `literal`. */
  value: string;
  /** Copy `value` as it is, even when it starts with "#" or "/". */
  literal?: boolean;
  /**
   * The same content as HTML: where the browser has ClipboardItem, both go on the clipboard (text/plain
   * and text/html), so a rich editor pastes a link and a plain one pastes `value`.
   */
  html?: string;
  label: string;
  /** Accessible name; defaults to `label`. */
  ariaLabel?: string;
  className?: string;
}

function resolve(value: string): string {
  if (value.startsWith("#")) return `${window.location.origin}${window.location.pathname}${value}`;
  if (value.startsWith("/")) return `${window.location.origin}${value}`;
  return value;
}

async function copyText(text: string, html?: string): Promise<void> {
  if (html && typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({ "text/plain": new Blob([text], { type: "text/plain" }), "text/html": new Blob([html], { type: "text/html" }) }),
      ]);
      return;
    } catch {
      // Some browsers refuse text/html: copy the text alone below.
    }
  }
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Clipboard API refused (permissions, insecure origin): fall back below.
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}

export function CopyButton({ value, literal, html, label, ariaLabel, className }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return (
    <button
      type="button"
      data-copy-value={value}
      onClick={async () => {
        try {
          await copyText(literal ? value : resolve(value), html);
          setState("copied");
        } catch {
          setState("failed");
        }
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => setState("idle"), 2000);
      }}
      aria-label={ariaLabel ?? label}
      className={
        className ??
        "inline-flex items-center rounded-sm border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
      }
    >
      <span aria-hidden={state !== "idle" ? true : undefined}>{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}</span>
      <span role="status" className="sr-only">
        {state === "copied" ? "Copied to the clipboard" : state === "failed" ? "Could not copy" : ""}
      </span>
    </button>
  );
}
