import { describe, expect, it } from "vitest";

import {
  browseHref,
  clearFilters,
  EMPTY_STATE,
  hasFilters,
  MAX_QUERY_LENGTH,
  parseBrowseParams,
  serializeBrowseState,
  setQuery,
  toggleValue,
  type BrowseState,
} from "@/lib/search-params";

const state = (s: Partial<BrowseState>): BrowseState => ({ ...EMPTY_STATE, ...s });
const fromQuery = (qs: string) => parseBrowseParams(new URLSearchParams(qs));

describe("parseBrowseParams", () => {
  it("reads comma-separated values of every facet", () => {
    expect(fromQuery("q=unknown%23125&component=cilium,retina&kernel=5.4.0-189-generic&error=invalid-func-unknown&subsystem=helpers,btf&status=open")).toEqual({
      q: "unknown#125",
      component: ["cilium", "retina"],
      kernel: ["5.4.0-189-generic"],
      error: ["invalid-func-unknown"],
      subsystem: ["helpers", "btf"],
      status: ["open"],
    });
  });

  it("reads Next.js searchParams objects, string or array", () => {
    expect(parseBrowseParams({ component: ["cilium", "retina"], status: "fixed", q: undefined })).toEqual(
      state({ component: ["cilium", "retina"], status: ["fixed"] }),
    );
    expect(parseBrowseParams({ component: "cilium,retina" }).component).toEqual(["cilium", "retina"]);
  });

  it("reads repeated parameters as one list", () => {
    expect(fromQuery("component=cilium&component=retina").component).toEqual(["cilium", "retina"]);
  });

  it("drops unknown values and parameters instead of failing", () => {
    const s = fromQuery("component=Cilium!,calico&subsystem=nope,xdp&status=closed,fixed&error=Not%20Kebab&kernel=5.4.x,%3Cimg%2Fsrc%3E&page=3&foo=bar");
    expect(s).toEqual(state({ component: ["calico"], subsystem: ["xdp"], status: ["fixed"], kernel: ["5.4.x"] }));
    expect(Object.keys(s).sort()).toEqual(["component", "error", "kernel", "q", "status", "subsystem"]);
  });

  it("drops empty, duplicate and over-long values and caps the count", () => {
    const many = Array.from({ length: 30 }, (_, i) => `c${i}`).join(",");
    expect(fromQuery(`component=${many}`).component).toHaveLength(20);
    expect(fromQuery("component=a,,a, b ,").component).toEqual(["a", "b"]);
    expect(fromQuery(`component=${"a".repeat(101)},ok`).component).toEqual(["ok"]);
  });

  it("trims and caps the query", () => {
    expect(fromQuery("q=%20%20cilium%20%20").q).toBe("cilium");
    expect(fromQuery(`q=${"x".repeat(500)}`).q).toHaveLength(MAX_QUERY_LENGTH);
  });

  it("accepts kernel versions, ranges and any", () => {
    expect(fromQuery("kernel=any,%3C5.8,%3E%3D5.4%20%3C5.10,5.4.x%20%7C%7C%205.10.x,6.12.63-84.121.amzn2023.x86_64").kernel).toEqual([
      "any",
      "<5.8",
      ">=5.4 <5.10",
      "5.4.x || 5.10.x",
      "6.12.63-84.121.amzn2023.x86_64",
    ]);
    // A `+` in a query string is a space.
    expect(fromQuery("kernel=%3E%3D5.4+%3C5.10").kernel).toEqual([">=5.4 <5.10"]);
  });
});

describe("serializeBrowseState", () => {
  it("is empty for the empty state", () => {
    expect(serializeBrowseState(EMPTY_STATE)).toBe("");
    expect(browseHref(EMPTY_STATE)).toBe("/");
  });

  it("writes parameters in a fixed order, whatever order the state was built in", () => {
    const s: BrowseState = { status: ["open"], component: ["cilium", "retina"], kernel: [], error: [], subsystem: [], q: "btf" };
    expect(serializeBrowseState(s)).toBe("?q=btf&component=cilium,retina&status=open");
    expect(browseHref(s)).toBe("/?q=btf&component=cilium,retina&status=open");
  });

  it.each([
    state({ q: "invalid func unknown#125 & co, 100% sure?" }),
    state({ component: ["cilium", "kata-containers"], status: ["fixed", "open"] }),
    state({ kernel: ["5.4.0-189-generic", "<5.8", ">=5.4 <5.10", "5.4.x || 5.10.x", "any"] }),
    state({ q: "内核 BTF", subsystem: ["co-re", "btf"], error: ["invalid-func-unknown-125"] }),
  ])("parse(serialize(state)) round-trips %#", (s) => {
    const qs = serializeBrowseState(s);
    expect(fromQuery(qs.slice(1))).toEqual(s);
    // And the other way: a canonical URL serializes to itself.
    expect(serializeBrowseState(fromQuery(qs.slice(1)))).toBe(qs);
  });
});

describe("state helpers", () => {
  it("toggleValue adds, then removes, without touching the input", () => {
    const s0 = state({ component: ["cilium"], q: "btf" });
    const s1 = toggleValue(s0, "component", "retina");
    expect(s1.component).toEqual(["cilium", "retina"]);
    expect(s1.q).toBe("btf");
    expect(s0.component).toEqual(["cilium"]);
    const s2 = toggleValue(s1, "component", "cilium");
    expect(s2.component).toEqual(["retina"]);
    expect(toggleValue(s2, "status", "open").status).toEqual(["open"]);
  });

  it("setQuery caps the text; hasFilters sees a query or any facet", () => {
    expect(setQuery(EMPTY_STATE, "y".repeat(300)).q).toHaveLength(MAX_QUERY_LENGTH);
    expect(hasFilters(EMPTY_STATE)).toBe(false);
    expect(hasFilters(state({ q: "x" }))).toBe(true);
    expect(hasFilters(state({ kernel: ["any"] }))).toBe(true);
  });

  it("clearFilters returns a fresh empty state", () => {
    const cleared = clearFilters();
    expect(cleared).toEqual(EMPTY_STATE);
    cleared.component.push("cilium");
    expect(EMPTY_STATE.component).toEqual([]);
    expect(clearFilters().component).toEqual([]);
  });
});
