import { createLoader } from "nuqs/server";
import { describe, expect, it } from "vitest";

import { parseKernelVersion } from "@/lib/kernel/version";
import { EMPTY_VERIFIER, verifierHref, verifierParsers } from "@/lib/search-params";
import { loadVerifierIndex } from "@/lib/verifier/decode";
import { createVerifierSearch } from "@/lib/verifier/search";
import { verifierCatalogFor } from "@/lib/verifier/sources";

const search = createVerifierSearch(loadVerifierIndex(verifierCatalogFor([{ slug: "verifier-unbounded-loop", title: "Loops" }])));
const find = (q: string, kernel?: string, explained = false) => search.filter({ q, kernel: kernel ? parseKernelVersion(kernel) : null, explained }).map((r) => r.message.id);

describe("createVerifierSearch", () => {
  it("lists every message in catalog order without a query", () => {
    expect(find("")).toHaveLength(search.rows.length);
    expect(find("")[0]).toBe(search.rows[0]!.message.id);
  });

  it("finds a message by a pasted log line first, then by words", () => {
    expect(find("R1 invalid mem access 'scalar'")[0]).toBe("r-int-invalid-mem-access-str");
    expect(find("back-edge")[0]).toBe("back-edge-from-insn-int-to-int2");
    expect(find("invalid mem access")[0]).toBe("r-int-invalid-mem-access-str");
    // Words may be in the meaning, the check function or the file.
    expect(find("check_mem_access")).toContain("r-int-invalid-mem-access-str");
    expect(find("no such words anywhere in it")).toEqual([]);
  });

  it("keeps the messages a kernel can print, and marks those it may or may not", () => {
    expect(find("load-acquires")).toEqual(["64-bit-load-acquires-are-only-supported-on-64-bit-arches"]);
    expect(find("load-acquires", "5.4.0-189-generic")).toEqual([]);
    expect(find("load-acquires", "7.3.0")).toHaveLength(1);
    const between = search.filter({ q: "load-acquires", kernel: parseKernelVersion("6.18")!, explained: false });
    expect(between[0]?.fit).toMatchObject({ fit: "unknown" });
  });

  it("keeps only explained messages when asked, and names gaps in a span", () => {
    expect(find("", undefined, true).length).toBe(search.rows.filter((r) => r.message.meaning).length);
    for (const r of search.rows) for (const g of r.gaps) expect(r.kernels).not.toContain(g);
  });
});

describe("/verifier URL state", () => {
  const load = createLoader(verifierParsers);
  it("reads q, a kernel as uname -r prints it, explained and page; drops what is not a kernel", () => {
    const s = load(new URLSearchParams("q=back-edge&kernel=5.15.0-105-generic&explained=true&page=2"));
    expect(s).toMatchObject({ q: "back-edge", explained: true, page: 2 });
    expect(s.kernel).toMatchObject({ major: 5, minor: 15, raw: "5.15.0-105-generic" });
    expect(load(new URLSearchParams("kernel=banana")).kernel).toBeNull();
  });

  it("writes links that reset the page unless asked", () => {
    expect(verifierHref({})).toBe("/verifier");
    expect(verifierHref({ ...EMPTY_VERIFIER, q: "back-edge", kernel: parseKernelVersion("5.4")! })).toBe("/verifier?q=back-edge&kernel=5.4");
    expect(verifierHref({ q: "x", page: 3 })).toBe("/verifier?q=x&page=3");
  });
});
