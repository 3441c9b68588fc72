"use client";

import { useEffect, useMemo, useState } from "react";

import { ROUTES, VERIFIER_PAGE_SIZE } from "@/lib/constants";
import { loadVerifierIndex, type VerifierIndex } from "@/lib/verifier/decode";
import { createVerifierSearch, type VerifierRow } from "@/lib/verifier/search";
import { SlashFocus } from "@/components/slash-focus";
import { useVerifierState } from "@/components/verifier/use-verifier-state";
import { VERIFIER_SEARCH_ID, VerifierKernelBox, VerifierSearchBox } from "@/components/verifier/verifier-forms";
import { VerifierView } from "@/components/verifier/verifier-view";

export interface VerifierClientProps {
  /** The first page of the catalog, as the server rendered it: shown until the catalog is in. */
  initial: VerifierRow[];
  total: number;
  explainedCount: number;
  kernels: string[];
  classes: Record<string, string>;
}

type Catalog = { state: "loading" } | { state: "ready"; index: VerifierIndex } | { state: "error"; message: string };

/** Fetches /verifier-catalog.json once; the page's first load does not carry it. */
function useCatalog(url: string): Catalog {
  const [catalog, setCatalog] = useState<Catalog>({ state: "loading" });
  useEffect(() => {
    let live = true;
    fetch(url)
      .then((res) => {
        if (!res.ok) throw new Error(`the catalog answered ${res.status}`);
        return res.text();
      })
      .then((text) => live && setCatalog({ state: "ready", index: loadVerifierIndex(text) }))
      .catch((e: unknown) => live && setCatalog({ state: "error", message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [url]);
  return catalog;
}

/** The message id the URL's fragment names, if any. */
const hashId = () => (typeof window === "undefined" ? null : decodeURIComponent(window.location.hash.slice(1)) || null);

/** /verifier once JavaScript runs: the catalog searched and filtered in the browser, state in the URL, anchors that find their message. */
export function VerifierClient({ initial, total, explainedCount, kernels, classes }: VerifierClientProps) {
  const [state, setState] = useVerifierState();
  const catalog = useCatalog(ROUTES.verifierCatalog);
  const index = catalog.state === "ready" ? catalog.index : null;
  const search = useMemo(() => (index ? createVerifierSearch(index) : null), [index]);
  const { q, kernel, explained } = state;
  const results = useMemo(() => (search ? search.filter({ q, kernel, explained }) : null), [search, q, kernel, explained]);
  // The message the fragment names: shown on its page, scrolled to and outlined.
  const [target, setTarget] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);

  useEffect(() => {
    const read = () => setTarget(hashId());
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);

  useEffect(() => {
    if (!target || !results || !index) return;
    if (!index.byId.has(target)) {
      setTarget(null);
      return;
    }
    const at = results.findIndex((r) => r.message.id === target);
    if (at < 0) {
      // The filters hide it: a link to one message shows that message.
      void setState({ q: null, kernel: null, explained: null, page: null }, { history: "replace" });
      return;
    }
    const page = Math.floor(at / VERIFIER_PAGE_SIZE) + 1;
    if (page !== Math.max(1, state.page)) {
      void setState({ page: page > 1 ? page : null }, { history: "replace" });
      return;
    }
    const el = document.getElementById(target);
    if (!el) return;
    el.scrollIntoView({ block: "start" });
    el.focus({ preventScroll: true });
    setHighlight(target);
    setTarget(null);
  }, [target, results, index, state.page, setState]);

  const loading =
    catalog.state === "loading" ? (q || kernel || explained || state.page > 1 ? "Loading the catalog…" : null) : catalog.state === "error" ? `The catalog did not load (${catalog.message}). Reload to try again.` : null;
  const rows = results ?? initial;
  return (
    <>
      <SlashFocus targetId={VERIFIER_SEARCH_ID} />
      <VerifierView
        state={state}
        rows={rows}
        count={results ? results.length : total}
        total={total}
        explainedCount={explainedCount}
        kernels={kernels}
        classes={index ? index.data.classes : classes}
        searchBox={<VerifierSearchBox />}
        kernelBox={<VerifierKernelBox key={kernel?.raw ?? ""} />}
        loading={loading}
        highlight={highlight}
      />
    </>
  );
}
