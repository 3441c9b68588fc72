"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";

import { TYPING_DEBOUNCE_MS } from "@/lib/constants";
import { useDebouncedCallback } from "@/hooks/use-debounced-callback";

/**
 * A text field mirrored into the URL: typing replaces the history entry after a pause, `submit`
 * pushes one, and a URL change from elsewhere (back/forward, a link) shows up in the field.
 * `urlValue` is the field's value as the URL holds it; `hrefFor` builds the URL for a (trimmed) value.
 */
export function useUrlInput(urlValue: string, hrefFor: (value: string) => string) {
  const router = useRouter();
  const [value, setValue] = useState(urlValue);
  const lastWritten = useRef(urlValue);

  useEffect(() => {
    if (urlValue !== lastWritten.current) {
      lastWritten.current = urlValue;
      setValue(urlValue);
    }
  }, [urlValue]);

  const write = (next: string, mode: "push" | "replace") => {
    const trimmed = next.trim();
    lastWritten.current = trimmed;
    const href = hrefFor(trimmed);
    if (mode === "push") router.push(href, { scroll: false });
    else router.replace(href, { scroll: false });
  };
  const debouncedWrite = useDebouncedCallback((next: string) => write(next, "replace"), TYPING_DEBOUNCE_MS);

  return {
    value,
    /** The reader typed: show it now, write it to the URL after a pause. */
    type(next: string) {
      setValue(next);
      debouncedWrite(next);
    },
    /** Write now, as a new history entry. */
    submit(next: string = value) {
      debouncedWrite.cancel();
      write(next, "push");
    },
    /** Set the field and write now, replacing the history entry. */
    reset(next: string) {
      setValue(next);
      debouncedWrite.cancel();
      write(next, "replace");
    },
  };
}
