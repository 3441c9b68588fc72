import { describe, expect, it } from "vitest";

import { errorKey } from "@/lib/content/keys";
import { ANY_KERNEL, applyFilters, computeFacets, EMPTY_FILTERS, kernelValueKind, matchesKernel, type Filters } from "@/lib/search/facets";
import { RECORDS } from "@/lib/search/fixtures/summaries";

const filters = (f: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...f });
const slugs = (f: Partial<Filters>) => applyFilters(RECORDS, filters(f)).map((r) => r.slug).sort();
const HELPER_KEY = errorKey("program {prog}: load program: invalid argument: invalid func unknown#{helper}");

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
  it("classifies values", () => {
    expect(kernelValueKind("any")).toBe("any");
    expect(kernelValueKind("5.4.0-189-generic")).toBe("version");
    expect(kernelValueKind("6.1")).toBe("version");
    expect(kernelValueKind("<5.8")).toBe("range");
    expect(kernelValueKind("5.4.x")).toBe("range");
    expect(kernelValueKind(">=5.4 <5.10")).toBe("range");
    expect(kernelValueKind("5.4.x || 5.10.x")).toBe("range");
    expect(kernelValueKind("banana")).toBe("invalid");
  });

  it("a version keeps records whose range contains it, and records tied to no kernel", () => {
    expect(slugs({ kernel: ["5.4.0-189-generic"] })).toEqual(["calico-xdp-5-4", "cilium-helper", "kata-netlink", "pwru-tc", "retina-podlevel"]);
    expect(slugs({ kernel: ["6.1.0-9-amd64"] })).toEqual(["kata-netlink"]);
    expect(slugs({ kernel: ["4.18.0-553.el8_10.x86_64"] })).toEqual(["cilium-helper", "kata-netlink", "retina-podlevel"]);
    expect(slugs({ kernel: ["5.9.16"] })).toEqual(["kata-netlink", "pwru-tc"]);
  });

  it("a range keeps records that state exactly that range", () => {
    expect(slugs({ kernel: ["<5.8"] })).toEqual(["cilium-helper", "retina-podlevel"]);
    expect(slugs({ kernel: [">=5.4 <5.10"] })).toEqual(["pwru-tc"]);
    expect(slugs({ kernel: ["5.4.x || 5.10.x"] })).toEqual([]);
  });

  it('"any" keeps records tied to no kernel', () => {
    expect(slugs({ kernel: [ANY_KERNEL] })).toEqual(["kata-netlink"]);
  });

  it("OR across kernel values, and garbage matches nothing", () => {
    expect(slugs({ kernel: ["5.4.x", ANY_KERNEL] })).toEqual(["calico-xdp-5-4", "kata-netlink"]);
    expect(slugs({ kernel: ["banana"] })).toEqual([]);
    expect(matchesKernel(RECORDS[3]!, "banana")).toBe(false);
  });
});

describe("computeFacets", () => {
  const counts = (choices: { value: string; count: number }[]) => Object.fromEntries(choices.map((c) => [c.value, c.count]));

  it("counts every choice over all records when nothing is selected", () => {
    const f = computeFacets(RECORDS, EMPTY_FILTERS);
    expect(counts(f.component)).toEqual({ retina: 1, calico: 1, cilium: 2, "kata-containers": 1, pwru: 1 });
    expect(counts(f.status)).toEqual({ open: 1, workaround: 2, fixed: 2 });
    expect(counts(f.error)[HELPER_KEY]).toBe(2);
    expect(counts(f.subsystem).helpers).toBe(3);
    // Most frequent first.
    expect(f.component[0]?.value).toBe("cilium");
    expect(f.status.find((s) => s.value === "workaround")?.label).toBe("Workaround");
  });

  it("counts each choice with the other facets applied, not its own", () => {
    const f = computeFacets(RECORDS, filters({ status: ["fixed"] }));
    expect(counts(f.component)).toEqual({ retina: 0, calico: 1, cilium: 0, "kata-containers": 0, pwru: 1 });
    // The status facet ignores its own selection, so other statuses still show what they would add.
    expect(counts(f.status)).toEqual({ open: 1, workaround: 2, fixed: 2 });
    expect(f.status[0]).toMatchObject({ value: "fixed", selected: true });
    expect(f.status.filter((s) => s.selected)).toHaveLength(1);
  });

  it("keeps a selected choice that no record has, with count 0", () => {
    const f = computeFacets(RECORDS, filters({ component: ["libbpf"] }));
    expect(f.component[0]).toMatchObject({ value: "libbpf", count: 0, selected: true });
  });

  it("lists the kernel ranges the records state, with short labels, and any kernel last", () => {
    const f = computeFacets(RECORDS, EMPTY_FILTERS);
    expect(f.kernel.map((c) => [c.value, c.label, c.count])).toEqual([
      ["<5.8", "below 5.8", 2],
      // Equal counts: by label.
      ["5.4.x", "5.4 series", 1],
      [">=5.4 <5.10", "5.4 up to (not including) 5.10", 1],
      [ANY_KERNEL, "any kernel", 1],
    ]);
  });

  it("shows a selected version first, counted, and a selected range no record states", () => {
    const f = computeFacets(RECORDS, filters({ kernel: ["6.1.0-9-amd64", "5.10.x"] }));
    expect(f.kernel[0]).toMatchObject({ value: "6.1.0-9-amd64", label: "runs on 6.1.0-9-amd64", count: 1, selected: true });
    expect(f.kernel.find((c) => c.value === "5.10.x")).toMatchObject({ label: "5.10 series", count: 0, selected: true });
    expect(f.kernel.at(-1)?.value).toBe(ANY_KERNEL);
  });

  it("counts kernel choices with the other facets applied", () => {
    const f = computeFacets(RECORDS, filters({ component: ["cilium"] }));
    expect(counts(f.kernel)).toEqual({ "<5.8": 1, ">=5.4 <5.10": 0, "5.4.x": 0, [ANY_KERNEL]: 1 });
  });
});
