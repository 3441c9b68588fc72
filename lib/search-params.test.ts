import { describe, expect, it } from "vitest";

import { MAX_QUERY_LENGTH } from "@/lib/constants";
import { FACETS, toggleFilter } from "@/lib/facets";
import { browseHref, EMPTY_BROWSE, filtersOf, hasFilters, kernelHref, loadBrowseParams, type BrowseState } from "@/lib/search-params";

const fromQuery = (qs: string) => loadBrowseParams(new URLSearchParams(qs));
/** The state with kernel values as the text they serialize to, for plain comparisons. */
const plain = (s: BrowseState) => ({ ...s, kernel: s.kernel.map((k) => FACETS.kernel.serialize(k)) });
const state = (s: Partial<BrowseState>): BrowseState => ({ ...EMPTY_BROWSE, ...s });
const kernels = (...texts: string[]) => texts.map((t) => FACETS.kernel.parse(t)!);

describe("loadBrowseParams", () => {
  it("reads comma-separated values of every facet", () => {
    expect(plain(fromQuery("q=unknown%23125&component=cilium,retina&kernel=5.4.0-189-generic&error=invalid-func-unknown&subsystem=helpers,btf&status=open"))).toEqual({
      ...plain(EMPTY_BROWSE),
      q: "unknown#125",
      page: 1,
      component: ["cilium", "retina"],
      kernel: ["5.4.0-189-generic"],
      error: ["invalid-func-unknown"],
      subsystem: ["helpers", "btf"],
      status: ["open"],
    });
  });

  it("reads Next.js searchParams objects", () => {
    expect(loadBrowseParams({ component: "cilium,retina", status: "fixed" })).toMatchObject({ component: ["cilium", "retina"], status: ["fixed"] });
  });

  it("types kernel values once: a version, a range or any", () => {
    const [version, range, any] = fromQuery("kernel=6.12.63-84.121.amzn2023.x86_64,%3C5.8,any").kernel;
    expect(version).toMatchObject({ kind: "version", version: { major: 6, minor: 12, patch: 63 } });
    expect(range?.kind === "range" && range.range.label).toBe("Linux below 5.8");
    expect(any).toEqual({ kind: "any" });
  });

  it("drops unknown values and parameters instead of failing", () => {
    const s = fromQuery("component=Cilium!,calico&subsystem=nope,xdp&status=closed,fixed&error=Not%20Kebab&kernel=5.4.x,%3Cimg%2Fsrc%3E&foo=bar");
    expect(plain(s)).toEqual(plain(state({ component: ["calico"], subsystem: ["xdp"], status: ["fixed"], kernel: kernels("5.4.x") })));
  });

  it("drops over-long values and refuses kernels that are no version", () => {
    expect(fromQuery(`component=${"a".repeat(101)},ok`).component).toEqual(["ok"]);
    expect(fromQuery("kernel=5.4.999999,-5.4,9.99,5.4.0%20extra%20words").kernel).toEqual([]);
  });

  it("trims and caps the query", () => {
    expect(fromQuery("q=%20%20cilium%20%20").q).toBe("cilium");
    expect(fromQuery(`q=${"x".repeat(500)}`).q).toHaveLength(MAX_QUERY_LENGTH);
  });

  it("accepts kernel versions, ranges and any", () => {
    expect(plain(fromQuery("kernel=any,%3C5.8,%3E%3D5.4%20%3C5.10,5.4.x%20%7C%7C%205.10.x,6.12.63-84.121.amzn2023.x86_64")).kernel).toEqual([
      "any",
      "<5.8",
      ">=5.4 <5.10",
      "5.4.x || 5.10.x",
      "6.12.63-84.121.amzn2023.x86_64",
    ]);
    // A `+` in a query string is a space.
    expect(plain(fromQuery("kernel=%3E%3D5.4+%3C5.10")).kernel).toEqual([">=5.4 <5.10"]);
  });

  it("reads sort=updated; the default order and unknown values read as relevance", () => {
    expect(fromQuery("").sort).toBe("relevance");
    expect(fromQuery("sort=updated").sort).toBe("updated");
    expect(fromQuery("sort=oldest").sort).toBe("relevance");
    expect(fromQuery("q=btf&component=cilium&sort=updated")).toMatchObject({ q: "btf", component: ["cilium"], sort: "updated" });
  });

  it("reads the page, 1 by default", () => {
    expect(fromQuery("").page).toBe(1);
    expect(fromQuery("page=3").page).toBe(3);
  });
});

describe("browseHref", () => {
  it("is / for the empty state", () => {
    expect(browseHref(EMPTY_BROWSE)).toBe("/");
  });

  it("writes parameters in a fixed order, whatever order the state was built in", () => {
    const s: BrowseState = { ...EMPTY_BROWSE, status: ["open"], component: ["cilium", "retina"], q: "btf" };
    expect(browseHref(s)).toBe("/?q=btf&component=cilium,retina&status=open");
  });

  it("writes sort=updated after the facets and leaves the default order out", () => {
    expect(browseHref(state({ sort: "updated" }))).toBe("/?sort=updated");
    expect(browseHref(state({ q: "btf", status: ["open"], sort: "updated", page: 2 }))).toBe("/?q=btf&status=open&sort=updated&page=2");
    expect(browseHref(state({ q: "btf", sort: "relevance" }))).toBe("/?q=btf");
  });

  it("leaves page 1 out of the URL and keeps later pages", () => {
    expect(browseHref(state({ page: 1, q: "x" }))).toBe("/?q=x");
    expect(browseHref(state({ page: 2, q: "x" }))).toBe("/?q=x&page=2");
  });

  it.each([
    state({ q: "invalid func unknown#125 & co, 100% sure?" }),
    state({ component: ["cilium", "kata-containers"], status: ["fixed", "open"] }),
    state({ kernel: kernels("5.4.0-189-generic", "<5.8", ">=5.4 <5.10", "5.4.x || 5.10.x", "any") }),
    state({ q: "内核 BTF", subsystem: ["co-re", "btf"], error: ["invalid-func-unknown-125"] }),
    state({ component: ["retina"], sort: "updated" }),
  ])("load(href(state)) round-trips %#", (s) => {
    const href = browseHref(s);
    const back = fromQuery(href.slice(2));
    expect(plain(back)).toEqual(plain(s));
    // And the other way: a canonical URL serializes to itself.
    expect(browseHref(back)).toBe(href);
  });
});

describe("state helpers", () => {
  it("toggleFilter adds, then removes, without touching the input", () => {
    const s0 = state({ component: ["cilium"], q: "btf" });
    const f1 = toggleFilter(filtersOf(s0), "component", "retina");
    expect(f1.component).toEqual(["cilium", "retina"]);
    expect(s0.component).toEqual(["cilium"]);
    const f2 = toggleFilter(f1, "component", "cilium");
    expect(f2.component).toEqual(["retina"]);
    expect(toggleFilter(f2, "status", "open").status).toEqual(["open"]);
    // Kernel values compare by what they serialize to, not by identity.
    const withKernel = toggleFilter(f2, "kernel", FACETS.kernel.parse("<5.8"));
    expect(toggleFilter(withKernel, "kernel", FACETS.kernel.parse("<5.8")).kernel).toEqual([]);
  });

  it("hasFilters sees a query or any facet", () => {
    expect(hasFilters(EMPTY_BROWSE)).toBe(false);
    expect(hasFilters(state({ q: "x" }))).toBe(true);
    expect(hasFilters(state({ kernel: kernels("any") }))).toBe(true);
  });

  it("kernelHref writes ?v= only when there is a version", () => {
    expect(kernelHref("")).toBe("/kernel");
    expect(kernelHref("5.4.0-189-generic")).toBe("/kernel?v=5.4.0-189-generic");
  });
});
