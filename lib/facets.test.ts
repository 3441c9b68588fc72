import { describe, expect, it } from "vitest";

import { applyFilters, computeFacets, emptyFilters, FACETS, parseKernelFilter, type FacetKey, type Filters, type FacetView } from "@/lib/facets";
import { RECORDS } from "@/lib/search/fixtures/summaries";
import { templateKey } from "@/lib/template/key";

const k = (...texts: string[]) => texts.map((t) => parseKernelFilter(t)!);
const filters = (f: Partial<Filters>): Filters => ({ ...emptyFilters(), ...f });
const slugs = (f: Partial<Filters>) => applyFilters(RECORDS, filters(f)).map((r) => r.slug).sort();
const HELPER_KEY = templateKey("program {prog}: load program: invalid argument: invalid func unknown#{helper}");
const facet = (views: FacetView[], key: FacetKey) => views.find((v) => v.key === key)!.choices;

describe("applyFilters", () => {
  it("no filters keeps everything", () => {
    expect(slugs({})).toHaveLength(RECORDS.length);
  });

  it("OR within a facet", () => {
    expect(slugs({ component: ["retina"] })).toEqual(["retina-podlevel"]);
    expect(slugs({ component: ["retina", "calico"] })).toEqual(["calico-xdp-5-4", "retina-podlevel"]);
    expect(slugs({ subsystem: ["xdp", "netlink"] })).toEqual(["calico-xdp-5-4", "kata-netlink"]);
  });

  it("AND across facets", () => {
    expect(slugs({ component: ["retina", "calico"], status: ["fixed"] })).toEqual(["calico-xdp-5-4"]);
    expect(slugs({ component: ["cilium"], subsystem: ["helpers"] })).toEqual(["cilium-helper"]);
    expect(slugs({ component: ["cilium"], subsystem: ["helpers"], status: ["workaround"] })).toEqual([]);
  });

  it("error facet uses the template key", () => {
    expect(slugs({ error: [HELPER_KEY] })).toEqual(["cilium-helper", "retina-podlevel"]);
    expect(slugs({ error: ["no-such-error"] })).toEqual([]);
  });
});

describe("kernel values", () => {
  it("are parsed once, into a version, a range or any", () => {
    expect(parseKernelFilter("any")).toEqual({ kind: "any" });
    expect(parseKernelFilter("5.4.0-189-generic")?.kind).toBe("version");
    expect(parseKernelFilter("6.1")?.kind).toBe("version");
    expect(parseKernelFilter("<5.8")?.kind).toBe("range");
    expect(parseKernelFilter("5.4.x")?.kind).toBe("range");
    expect(parseKernelFilter(">=5.4 <5.10")?.kind).toBe("range");
    expect(parseKernelFilter("5.4.x || 5.10.x")?.kind).toBe("range");
    expect(parseKernelFilter("banana")).toBeNull();
    expect(parseKernelFilter("<banana")).toBeNull();
  });

  it("a version keeps records whose range contains it, and records tied to no kernel", () => {
    expect(slugs({ kernel: k("5.4.0-189-generic") })).toEqual(["calico-xdp-5-4", "cilium-helper", "kata-netlink", "pwru-tc", "retina-podlevel"]);
    expect(slugs({ kernel: k("6.1.0-9-amd64") })).toEqual(["kata-netlink"]);
    expect(slugs({ kernel: k("4.18.0-553.el8_10.x86_64") })).toEqual(["cilium-helper", "kata-netlink", "retina-podlevel"]);
    expect(slugs({ kernel: k("5.9.16") })).toEqual(["kata-netlink", "pwru-tc"]);
  });

  it("a range keeps records that state exactly that range", () => {
    expect(slugs({ kernel: k("<5.8") })).toEqual(["cilium-helper", "retina-podlevel"]);
    expect(slugs({ kernel: k(">=5.4 <5.10") })).toEqual(["pwru-tc"]);
    expect(slugs({ kernel: k("5.4.x || 5.10.x") })).toEqual([]);
  });

  it('"any" keeps records tied to no kernel', () => {
    expect(slugs({ kernel: k("any") })).toEqual(["kata-netlink"]);
  });

  it("OR across kernel values", () => {
    expect(slugs({ kernel: k("5.4.x", "any") })).toEqual(["calico-xdp-5-4", "kata-netlink"]);
  });
});

describe("computeFacets", () => {
  const counts = (choices: { value: string; count: number }[]) => Object.fromEntries(choices.map((c) => [c.value, c.count]));

  it("gives the facets in registry order", () => {
    expect(computeFacets(RECORDS, emptyFilters()).map((f) => f.key)).toEqual(Object.keys(FACETS));
  });

  it("counts every choice over all records when nothing is selected", () => {
    const f = computeFacets(RECORDS, emptyFilters());
    expect(counts(facet(f, "component"))).toEqual({ retina: 1, calico: 1, cilium: 2, "kata-containers": 1, pwru: 1 });
    expect(counts(facet(f, "status"))).toEqual({ open: 1, workaround: 2, fixed: 2 });
    expect(counts(facet(f, "error"))[HELPER_KEY]).toBe(2);
    expect(counts(facet(f, "subsystem")).helpers).toBe(3);
    // Most frequent first.
    expect(facet(f, "component")[0]?.value).toBe("cilium");
    expect(facet(f, "status").find((s) => s.value === "workaround")?.label).toBe("Workaround");
  });

  it("counts each choice with the other facets applied, not its own", () => {
    const f = computeFacets(RECORDS, filters({ status: ["fixed"] }));
    expect(counts(facet(f, "component"))).toEqual({ retina: 0, calico: 1, cilium: 0, "kata-containers": 0, pwru: 1 });
    // The status facet ignores its own selection, so other statuses still show what they would add.
    expect(counts(facet(f, "status"))).toEqual({ open: 1, workaround: 2, fixed: 2 });
    expect(facet(f, "status")[0]).toMatchObject({ value: "fixed", selected: true });
    expect(facet(f, "status").filter((s) => s.selected)).toHaveLength(1);
  });

  it("keeps a selected choice that no record has, with count 0", () => {
    const f = computeFacets(RECORDS, filters({ component: ["libbpf"] }));
    expect(facet(f, "component")[0]).toMatchObject({ value: "libbpf", count: 0, selected: true });
  });

  it("lists the kernel ranges the records state, with short labels, and any kernel last", () => {
    const f = computeFacets(RECORDS, emptyFilters());
    expect(facet(f, "kernel").map((c) => [c.value, c.label, c.count])).toEqual([
      ["<5.8", "below 5.8", 2],
      // Equal counts: by label.
      ["5.4.x", "5.4 series", 1],
      [">=5.4 <5.10", "5.4 up to (not including) 5.10", 1],
      ["any", "any kernel", 1],
    ]);
  });

  it("shows a selected version first, counted, and a selected range no record states", () => {
    const f = computeFacets(RECORDS, filters({ kernel: k("6.1.0-9-amd64", "5.10.x") }));
    expect(facet(f, "kernel")[0]).toMatchObject({ value: "6.1.0-9-amd64", label: "runs on 6.1.0-9-amd64", count: 1, selected: true });
    expect(facet(f, "kernel").find((c) => c.value === "5.10.x")).toMatchObject({ label: "5.10 series", count: 0, selected: true });
    expect(facet(f, "kernel").at(-1)?.value).toBe("any");
  });

  it("counts kernel choices with the other facets applied", () => {
    const f = computeFacets(RECORDS, filters({ component: ["cilium"] }));
    expect(counts(facet(f, "kernel"))).toEqual({ "<5.8": 1, ">=5.4 <5.10": 0, "5.4.x": 0, any: 1 });
  });
});
